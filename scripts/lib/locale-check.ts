/**
 * The locale completeness check: pure functions over parsed locale JSON, used by
 * `npm run check:locales` (scripts/check-locales.mjs) and tests/unit/locales/.
 *
 * Danish is the source: every other locale has exactly its keys, each a non-empty string
 * that vue-i18n's own compiler accepts, with the same placeholders and the right number of
 * plural variants for the locale's CLDR categories. Every file keeps its keys sorted.
 */
import {
  createParser,
  detectHtmlTag,
  type CompileError,
  type MessageNode,
  type LinkedKeyNode,
  type LinkedNode,
  type ListNode,
  type NamedNode,
  type Node,
  type PluralNode,
  type ResourceNode,
} from '@intlify/message-compiler'

export type ProblemKind =
  | 'missing'
  | 'extra'
  | 'empty'
  | 'placeholders'
  | 'syntax'
  | 'plural-forms'
  | 'not-a-string'
  | 'identical-to-source'
  | 'unsorted'

export type Severity = 'error' | 'warning'

export interface LocaleProblem {
  readonly locale: string
  /** Dotted message key; `*` for a problem with the locale as a whole. */
  readonly key: string
  readonly kind: ProblemKind
  /** Errors fail the check; warnings are printed only. */
  readonly severity: Severity
  readonly detail: string
}

export type ReviewStatus = 'source' | 'reviewed' | 'draft'

export interface SourceLocale {
  readonly code: string
  /** Parsed JSON: nested objects of strings. Typed loosely because the check is what validates it. */
  readonly messages: unknown
  /** When given, the source's own plural messages must have this many variants. */
  readonly pluralCategories?: readonly string[]
}

export interface TargetLocale {
  readonly code: string
  readonly messages: unknown
  /** CLDR plural categories in the order the locale's messages list their variants. */
  readonly pluralCategories: readonly string[]
  /** A 'reviewed' locale may not keep untranslated source text; other statuses only warn. */
  readonly review?: ReviewStatus
}

export interface LocaleSet {
  readonly source: SourceLocale
  readonly others: readonly TargetLocale[]
}

/**
 * A translation identical to the source is only suspicious when the text is longer than
 * this many words: names and short labels ("Trin", "CTI", "OK") legitimately stay the same.
 */
export const identicalWordThreshold = 3

/** The CLDR order of plural categories, which every `pluralCategories` list must follow. */
export const cldrPluralOrder: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other']

// The compiler's NodeTypes is an ambient const enum, whose values isolatedModules forbids
// using; these are its values, and the guards below compare node types as plain numbers.
const nodeType = { plural: 1, named: 4, list: 5, linked: 6, linkedKey: 7 } as const

function typeOf(node: Node): number {
  return node.type
}
const isPlural = (node: Node): node is PluralNode => typeOf(node) === nodeType.plural
const isNamed = (node: Node): node is NamedNode => typeOf(node) === nodeType.named
const isList = (node: Node): node is ListNode => typeOf(node) === nodeType.list
const isLinked = (node: Node): node is LinkedNode => typeOf(node) === nodeType.linked
const isLinkedKey = (node: Node): node is LinkedKeyNode => typeOf(node) === nodeType.linkedKey

interface MessageAnalysis {
  /** Human-readable syntax errors; empty when the message compiles. */
  readonly errors: readonly string[]
  readonly variants: number
  /** Named `{name}` and list `{0}` placeholders over all plural variants. */
  readonly placeholders: ReadonlySet<string>
  /** Keys referenced as linked messages (`@:key`). */
  readonly links: readonly string[]
}

interface Leaf {
  readonly key: string
  readonly path: readonly string[]
  readonly value: unknown
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Every non-object value under `messages`, depth first, in the file's key order. */
function leavesOf(messages: unknown, path: readonly string[] = []): Leaf[] {
  if (!isPlainObject(messages)) return [{ key: path.join('.'), path, value: messages }]
  return Object.entries(messages).flatMap(([name, value]) => {
    const childPath = [...path, name]
    return isPlainObject(value)
      ? leavesOf(value, childPath)
      : [{ key: childPath.join('.'), path: childPath, value }]
  })
}

const absent = Symbol('absent')

function valueAt(messages: unknown, path: readonly string[]): unknown {
  let node: unknown = messages
  for (const name of path) {
    // Own properties only: a key named "constructor" must not find Object.prototype's.
    if (!isPlainObject(node) || !Object.hasOwn(node, name)) return absent
    node = node[name]
  }
  return node
}

/**
 * The compiler drops a `{` that is still open at the end of the message without reporting it
 * (`"{n} dage {"` compiles to `"{n} dage "`), so this scan catches what it misses. Inside a
 * placeholder, a quoted literal may contain braces: `{'{'}`.
 */
function endsInOpenPlaceholder(message: string): boolean {
  let state: 'text' | 'placeholder' | 'literal' = 'text'
  for (let i = 0; i < message.length; i++) {
    const char = message[i]
    if (state === 'text') {
      if (char === '{') state = 'placeholder'
    } else if (state === 'placeholder') {
      if (char === "'") state = 'literal'
      else if (char === '}') state = 'text'
    } else if (char === '\\') {
      i++
    } else if (char === "'") {
      state = 'placeholder'
    }
  }
  return state !== 'text'
}

function describeCompileError(error: CompileError): string {
  const column = error.location ? ` at column ${error.location.start.column}` : ''
  return `${error.message}${column}`
}

function collectFromMessage(node: MessageNode, placeholders: Set<string>, links: string[]): void {
  for (const item of node.items) {
    if (isNamed(item)) placeholders.add(`{${item.key}}`)
    else if (isList(item)) placeholders.add(`{${item.index}}`)
    else if (isLinked(item) && isLinkedKey(item.key)) links.push(item.key.value)
  }
}

export function analyseMessage(message: string): MessageAnalysis {
  const compileErrors: CompileError[] = []
  const resource: ResourceNode = createParser({ onError: (error) => compileErrors.push(error) }).parse(
    message,
  )
  const errors = compileErrors.map(describeCompileError)
  if (errors.length === 0 && endsInOpenPlaceholder(message))
    errors.push('Unterminated placeholder at the end of the message')
  // The build compiles messages with strictMessage: true, which rejects HTML outright.
  if (detectHtmlTag(message))
    errors.push('HTML tag in the message (the build rejects HTML; put markup in the component)')

  const placeholders = new Set<string>()
  const links: string[] = []
  const cases = isPlural(resource.body) ? resource.body.cases : [resource.body]
  for (const node of cases) collectFromMessage(node, placeholders, links)
  return { errors, variants: cases.length, placeholders, links }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length
}

function describePlaceholderDifference(
  expected: ReadonlySet<string>,
  actual: ReadonlySet<string>,
): string | undefined {
  const missing = [...expected].filter((p) => !actual.has(p))
  const unexpected = [...actual].filter((p) => !expected.has(p))
  if (missing.length === 0 && unexpected.length === 0) return undefined
  const parts = []
  if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`)
  if (unexpected.length > 0) parts.push(`not in the source: ${unexpected.join(', ')}`)
  return parts.join('; ')
}

function variantsLabel(count: number): string {
  return count === 1 ? '1 variant' : `${count} variants`
}

interface CheckedString {
  readonly problem?: Omit<LocaleProblem, 'locale' | 'key'>
  readonly analysis?: MessageAnalysis
}

/** The checks every message shares, source or translation: a non-empty string that compiles. */
function checkString(value: unknown, knownKeys: ReadonlySet<string>): CheckedString {
  if (typeof value !== 'string') {
    const shape =
      value === null
        ? 'null'
        : Array.isArray(value)
          ? 'an array'
          : isPlainObject(value)
            ? 'an object'
            : `a ${typeof value}`
    return {
      problem: { kind: 'not-a-string', severity: 'error', detail: `expected a string, found ${shape}` },
    }
  }
  if (value.trim() === '')
    return { problem: { kind: 'empty', severity: 'error', detail: 'the message is empty' } }
  const analysis = analyseMessage(value)
  const unknownLinks = analysis.links.filter((link) => !knownKeys.has(link))
  const errors = [
    ...analysis.errors,
    ...unknownLinks.map((link) => `links to @:${link}, which is not a message key`),
  ]
  if (errors.length > 0) return { problem: { kind: 'syntax', severity: 'error', detail: errors.join('; ') } }
  return { analysis }
}

/**
 * Checks every locale against the source. Each message yields at most one problem: the first
 * of not-a-string, empty, syntax, plural-forms, placeholders, identical-to-source. A source
 * message that is itself broken is reported once, for the source, and not compared.
 */
export function checkLocales({ source, others }: LocaleSet): LocaleProblem[] {
  const problems: LocaleProblem[] = []
  const sourceLeaves = leavesOf(source.messages).filter((leaf) => leaf.path.length > 0)
  const sourceKeys = new Set(sourceLeaves.map((leaf) => leaf.key))
  const sourceAnalyses = new Map<string, { text: string; analysis: MessageAnalysis }>()

  if (!isPlainObject(source.messages)) {
    problems.push({
      locale: source.code,
      key: '*',
      kind: 'not-a-string',
      severity: 'error',
      detail: 'the messages are not a JSON object',
    })
  }
  const sourceCategories = source.pluralCategories
  for (const leaf of sourceLeaves) {
    const checked = checkString(leaf.value, sourceKeys)
    if (checked.problem) {
      problems.push({ locale: source.code, key: leaf.key, ...checked.problem })
      continue
    }
    if (!checked.analysis || typeof leaf.value !== 'string') continue
    const { variants } = checked.analysis
    if (sourceCategories && variants !== 1 && variants !== sourceCategories.length) {
      problems.push({
        locale: source.code,
        key: leaf.key,
        kind: 'plural-forms',
        severity: 'error',
        detail: `has ${variantsLabel(variants)}; a plural message needs ${sourceCategories.length} (${sourceCategories.join(' | ')})`,
      })
      continue
    }
    sourceAnalyses.set(leaf.key, { text: leaf.value, analysis: checked.analysis })
  }

  for (const target of others) {
    problems.push(...checkTarget(target, sourceLeaves, sourceKeys, sourceAnalyses))
  }
  return problems
}

function checkTarget(
  target: TargetLocale,
  sourceLeaves: readonly Leaf[],
  sourceKeys: ReadonlySet<string>,
  sourceAnalyses: ReadonlyMap<string, { text: string; analysis: MessageAnalysis }>,
): LocaleProblem[] {
  const problems: LocaleProblem[] = []
  const report = (key: string, problem: Omit<LocaleProblem, 'locale' | 'key'>): void => {
    problems.push({ locale: target.code, key, ...problem })
  }
  if (!isPlainObject(target.messages)) {
    report('*', { kind: 'not-a-string', severity: 'error', detail: 'the messages are not a JSON object' })
    return problems
  }

  for (const leaf of sourceLeaves) {
    const value = valueAt(target.messages, leaf.path)
    if (value === absent) {
      report(leaf.key, { kind: 'missing', severity: 'error', detail: 'not translated: the key is missing' })
      continue
    }
    const checked = checkString(value, sourceKeys)
    if (checked.problem) {
      report(leaf.key, checked.problem)
      continue
    }
    const original = sourceAnalyses.get(leaf.key)
    if (!original || !checked.analysis || typeof value !== 'string') continue

    const expectedVariants = original.analysis.variants === 1 ? 1 : target.pluralCategories.length
    if (checked.analysis.variants !== expectedVariants) {
      const detail =
        original.analysis.variants === 1
          ? `the source is not a plural message, but this has ${variantsLabel(checked.analysis.variants)}`
          : `needs ${variantsLabel(expectedVariants)} (${target.pluralCategories.join(' | ')}), has ${checked.analysis.variants}`
      report(leaf.key, { kind: 'plural-forms', severity: 'error', detail })
      continue
    }
    const difference = describePlaceholderDifference(
      original.analysis.placeholders,
      checked.analysis.placeholders,
    )
    if (difference) {
      report(leaf.key, { kind: 'placeholders', severity: 'error', detail: difference })
      continue
    }
    if (value === original.text && wordCount(value) > identicalWordThreshold) {
      report(leaf.key, {
        kind: 'identical-to-source',
        severity: target.review === 'reviewed' ? 'error' : 'warning',
        detail: 'identical to the source text: possibly untranslated',
      })
    }
  }

  for (const leaf of leavesOf(target.messages)) {
    if (sourceKeys.has(leaf.key)) continue
    // Below a key the source has as a string: already reported as not-a-string there.
    if (sourceLeaves.some((s) => leaf.key.startsWith(`${s.key}.`))) continue
    report(leaf.key, { kind: 'extra', severity: 'error', detail: 'the source has no such key' })
  }
  return problems
}

/**
 * Checks a locale's declared plural categories against the runtime's CLDR data
 * (Intl.PluralRules) and the CLDR order that messages list their variants in.
 */
export function checkPluralCategories(locale: {
  readonly code: string
  readonly pluralCategories: readonly string[]
}): LocaleProblem[] {
  const actual = new Set<string>(new Intl.PluralRules(locale.code).resolvedOptions().pluralCategories)
  const declared = locale.pluralCategories
  const expected = cldrPluralOrder.filter((category) => actual.has(category))
  if (declared.length === expected.length && declared.every((category, i) => category === expected[i]))
    return []
  return [
    {
      locale: locale.code,
      key: '*',
      kind: 'plural-forms',
      severity: 'error',
      detail: `pluralCategories is [${declared.join(', ')}]; CLDR says [${expected.join(', ')}] in this order`,
    },
  ]
}

/** Every listed locale has a JSON file, and every JSON file is listed. */
export function checkLocaleFiles({
  listed,
  present,
}: {
  readonly listed: readonly string[]
  readonly present: readonly string[]
}): LocaleProblem[] {
  const missing = listed.filter((code) => !present.includes(code))
  const unlisted = present.filter((code) => !listed.includes(code))
  return [
    ...missing.map((code): LocaleProblem => ({
      locale: code,
      key: '*',
      kind: 'missing',
      severity: 'error',
      detail: `locales/${code}.json does not exist`,
    })),
    ...unlisted.map((code): LocaleProblem => ({
      locale: code,
      key: '*',
      kind: 'extra',
      severity: 'error',
      detail: `locales/${code}.json is not in the list in locales/index.ts`,
    })),
  ]
}

/** Whether a key is an array index, which every JavaScript object lists first, in numeric order. */
function isIndexKey(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1
}

/**
 * The order of keys in a sorted locale file: code-unit order (JavaScript's default sort), except
 * that index-like keys ("2", "10") come first in numeric order — the order any object, and so
 * `JSON.parse` and the `Object.fromEntries` that writes the files, keeps them in whatever we do.
 */
export function compareKeys(a: string, b: string): number {
  const aIndex = isIndexKey(a)
  const bIndex = isIndexKey(b)
  if (aIndex && bIndex) return Number(a) - Number(b)
  if (aIndex !== bIndex) return aIndex ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Every object's keys in sorted order (`compareKeys`), at every depth: one order for all eleven
 * files, so a diff shows what changed and two people adding keys rarely collide.
 * `node scripts/sort-locales.mjs` writes this order, and so does scripts/add-messages.mjs.
 */
export function checkSortedKeys(code: string, messages: unknown): LocaleProblem[] {
  const problems: LocaleProblem[] = []
  const visit = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return
    let previous: string | undefined
    for (const [key, value] of Object.entries(node)) {
      if (previous !== undefined && compareKeys(previous, key) > 0) {
        problems.push({
          locale: code,
          key: `${path}${key}`,
          kind: 'unsorted',
          severity: 'error',
          detail: `comes after "${previous}" but sorts before it (run node scripts/sort-locales.mjs)`,
        })
      }
      previous = key
      visit(value, `${path}${key}.`)
    }
  }
  visit(messages, '')
  return problems
}

export interface ListedLocale {
  readonly code: string
  readonly review: ReviewStatus
  readonly pluralCategories: readonly string[]
}

/**
 * The whole check over the project: the list in locales/index.ts against the JSON files
 * found (`messages` by code), each list entry's plural categories, and every locale's messages.
 */
export function checkLocaleProject({
  locales,
  sourceCode,
  messages,
}: {
  readonly locales: readonly ListedLocale[]
  readonly sourceCode: string
  readonly messages: Readonly<Record<string, unknown>>
}): LocaleProblem[] {
  const problems = [
    ...checkLocaleFiles({ listed: locales.map((l) => l.code), present: Object.keys(messages) }),
  ]
  problems.push(...locales.flatMap(checkPluralCategories))
  problems.push(...Object.entries(messages).flatMap(([code, content]) => checkSortedKeys(code, content)))
  const source = locales.find((l) => l.code === sourceCode)
  if (!source || !Object.hasOwn(messages, sourceCode)) {
    problems.push({
      locale: sourceCode,
      key: '*',
      kind: 'missing',
      severity: 'error',
      detail: 'the source locale is not listed or has no messages',
    })
    return problems
  }
  const others = locales
    .filter((l) => l.code !== sourceCode && Object.hasOwn(messages, l.code))
    .map((l) => ({ ...l, messages: messages[l.code] }))
  problems.push(...checkLocales({ source: { ...source, messages: messages[sourceCode] }, others }))
  return problems
}

export function formatProblem(problem: LocaleProblem): string {
  return `${problem.severity === 'error' ? 'error' : 'warn '}  ${problem.locale}  ${problem.key}  [${problem.kind}] ${problem.detail}`
}
