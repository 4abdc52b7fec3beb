/**
 * An instrument pack: a validated questionnaire (WHO-5, SWEMWBS, the Sheehan Disability Scale…)
 * as a JSON file a municipality loads in settings (issue #13, item 4). The wording of these
 * questionnaires belongs to their authors and is never written into Trin: a pack brings its own
 * texts, answer options and scoring rules, and this schema refuses a pack that does not hold
 * together (an item named twice, a rule naming an unknown item, a lookup table that leaves a raw
 * score without a value…) before anything of it is kept. The scoring itself is
 * `src/domain/instrumentScoring.ts`.
 *
 * Not a record: a pack is settings-like data that the rating records point at by `id` and
 * `version`. Import it from this file, not from `@/schemas`, so the first screen does not carry it.
 */
import { z } from './zod'
import { appKey, hasNoDuplicates } from './base'

/** The one pack format this version of Trin reads. */
export const INSTRUMENT_PACK_FORMAT = 1

/** Most items in one pack; the longest instrument the municipalities use has fourteen. */
export const MAX_PACK_ITEMS = 40
/** Most answer options one item can have. */
export const MAX_PACK_OPTIONS = 11
/** Most scoring rules in one pack. */
export const MAX_PACK_SCORES = 10
/** Most languages in one pack. */
export const MAX_PACK_LANGUAGES = 20

/** A language code as the app's locales use them (`da`, `en`, `kl`…). */
const languageCode = z.string().check(z.regex(/^[a-z]{2,3}$/, { message: 'Invalid language code' }))

/** A line of pack text: trimmed, 1–500 characters. Shown as plain text, never as HTML. */
const packText = z.string().check(z.trim(), z.minLength(1), z.maxLength(500))

/** A pack's version as its publisher numbers it, such as `1.0.0` or `2024-05`. */
const packVersion = z
  .string()
  .check(z.regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/, { message: 'Invalid version' }))

/**
 * An answer's value: a whole number from 0 to 10, as every scale these questionnaires use (WHO-5
 * 0–5, SWEMWBS 1–5, Sheehan 0–10) and as a rating record stores it (`itemAnswers`).
 */
const optionValue = z.int().check(z.minimum(0), z.maximum(10))

/** One set of answer options, in the order they are shown: their values. */
const optionSet = z
  .array(optionValue)
  .check(
    z.minLength(2),
    z.maxLength(MAX_PACK_OPTIONS),
    z.refine(hasNoDuplicates, { message: 'Option values must be unique' }),
  )

/** One question: its id and the option set it is answered with. */
const packItem = z.strictObject({ id: appKey, options: appKey })

/** The texts of a pack in one language. */
const packTexts = z.strictObject({
  title: packText,
  /** How the recall period is said, such as "in the last two weeks". */
  recallPeriod: packText,
  /** Item id → the question. */
  items: z.record(appKey, packText),
  /** Option set id → one label per value, in the set's order. */
  options: z.record(appKey, z.array(packText).check(z.maxLength(MAX_PACK_OPTIONS))),
})

/** What to do when items of a score are not answered. */
const missingRule = z.discriminatedUnion('rule', [
  /** Any missing answer and there is no score. */
  z.strictObject({ rule: z.literal('refuse') }),
  /** Up to `maxMissing` answers may be missing: the sum is scaled up to all items, rounded. */
  z.strictObject({
    rule: z.literal('prorate'),
    maxMissing: z.int().check(z.minimum(1), z.maximum(MAX_PACK_ITEMS)),
  }),
])

/** One row of a lookup table: a raw sum and the score it stands for. */
const lookupRow = z.strictObject({ raw: z.int(), score: z.number().check(z.refine(Number.isFinite)) })

/** How a score is computed from its items' answers. */
const scoreMethod = z.discriminatedUnion('type', [
  /** The plain sum of the answers. */
  z.strictObject({ type: z.literal('sum') }),
  /** The sum times `factor`, plus `offset` (WHO-5: raw 0–25 × 4 → 0–100). */
  z.strictObject({
    type: z.literal('scaledSum'),
    factor: z.number().check(z.positive(), z.refine(Number.isFinite)),
    offset: z._default(z.number().check(z.refine(Number.isFinite)), 0),
  }),
  /** The sum looked up in a table (SWEMWBS: raw 7–35 → a metric score). */
  z.strictObject({
    type: z.literal('lookup'),
    table: z.array(lookupRow).check(z.minLength(2), z.maxLength(1000)),
  }),
  /** Each item is its own score (Sheehan: work, social life, family life, each 0–10). */
  z.strictObject({ type: z.literal('perItem') }),
])

/** Whether a higher score means things are better or worse. */
export const scoreDirections = ['higherIsBetter', 'higherIsWorse'] as const

/** One score of a pack. */
const packScore = z.strictObject({
  id: appKey,
  /** The items it is computed from, each once. */
  items: z
    .array(appKey)
    .check(
      z.minLength(1),
      z.maxLength(MAX_PACK_ITEMS),
      z.refine(hasNoDuplicates, { message: 'Items must be unique' }),
    ),
  method: scoreMethod,
  missing: missingRule,
  direction: z.enum(scoreDirections),
})

/** The licence a pack's questionnaire comes under, shown to the citizen before she answers. */
const packLicence = z.strictObject({
  /** Who holds the rights, as they ask to be credited. */
  holder: packText,
  /** The note to show: terms of use, a registration the municipality made. Per language. */
  note: z.record(languageCode, packText),
})

/** An instrument pack as loaded, before the checks that need the whole pack. */
const packShape = z.strictObject({
  format: z.literal(INSTRUMENT_PACK_FORMAT),
  id: appKey,
  version: packVersion,
  /** The language to fall back on when the citizen's is not in the pack. */
  defaultLanguage: languageCode,
  items: z.array(packItem).check(z.minLength(1), z.maxLength(MAX_PACK_ITEMS)),
  optionSets: z.record(appKey, optionSet),
  /** Days the questions look back over (14 for "the last two weeks"). */
  recallDays: z.int().check(z.minimum(1), z.maximum(366)),
  texts: z.record(languageCode, packTexts),
  scores: z.array(packScore).check(z.minLength(1), z.maxLength(MAX_PACK_SCORES)),
  licence: packLicence,
})

type PackShape = z.infer<typeof packShape>

/** Why a pack that parses field by field still does not hold together. */
export type PackProblem =
  | 'duplicateItem'
  | 'unknownOptionSet'
  | 'duplicateScore'
  | 'unknownScoreItem'
  | 'tooManyMissingAllowed'
  | 'prorateSingleItems'
  | 'lookupDoesNotCover'
  | 'missingLanguage'
  | 'itemTextMismatch'
  | 'optionLabelMismatch'
  | 'licenceLanguageMissing'
  | 'tooManyLanguages'

interface Issue {
  readonly problem: PackProblem
  readonly path: readonly (string | number)[]
}

/** The smallest and largest value an option set allows. */
export function optionRange(values: readonly number[]): { readonly min: number; readonly max: number } {
  return { min: Math.min(...values), max: Math.max(...values) }
}

/** The raw sums a score over these items can reach, lowest and highest. */
function rawRange(pack: PackShape, itemIds: readonly string[]): { min: number; max: number } | null {
  let min = 0
  let max = 0
  for (const itemId of itemIds) {
    const item = pack.items.find((candidate) => candidate.id === itemId)
    const values = item === undefined ? undefined : pack.optionSets[item.options]
    if (values === undefined) return null
    const range = optionRange(values)
    min += range.min
    max += range.max
  }
  return { min, max }
}

/** Whether a lookup table names every raw sum from `min` to `max` exactly once, and no other. */
function coversExactly(table: readonly { raw: number }[], min: number, max: number): boolean {
  const raws = table.map((row) => row.raw)
  return (
    hasNoDuplicates(raws) && raws.length === max - min + 1 && raws.every((raw) => raw >= min && raw <= max)
  )
}

function scoreIssues(pack: PackShape, itemIds: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = []
  if (!hasNoDuplicates(pack.scores.map((score) => score.id)))
    issues.push({ problem: 'duplicateScore', path: ['scores'] })
  pack.scores.forEach((score, index) => {
    const at = ['scores', index]
    const unknown = score.items.findIndex((item) => !itemIds.has(item))
    if (unknown >= 0) {
      issues.push({ problem: 'unknownScoreItem', path: [...at, 'items', unknown] })
      return
    }
    if (score.missing.rule === 'prorate') {
      if (score.method.type === 'perItem')
        issues.push({ problem: 'prorateSingleItems', path: [...at, 'missing'] })
      else if (score.missing.maxMissing >= score.items.length)
        issues.push({ problem: 'tooManyMissingAllowed', path: [...at, 'missing', 'maxMissing'] })
    }
    if (score.method.type === 'lookup') {
      const range = rawRange(pack, score.items)
      if (range !== null && !coversExactly(score.method.table, range.min, range.max))
        issues.push({ problem: 'lookupDoesNotCover', path: [...at, 'method', 'table'] })
    }
  })
  return issues
}

function textIssues(pack: PackShape, itemIds: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = []
  const languages = Object.keys(pack.texts)
  if (languages.length > MAX_PACK_LANGUAGES) issues.push({ problem: 'tooManyLanguages', path: ['texts'] })
  if (!languages.includes(pack.defaultLanguage))
    issues.push({ problem: 'missingLanguage', path: ['defaultLanguage'] })
  const setIds = Object.keys(pack.optionSets)
  for (const [language, texts] of Object.entries(pack.texts)) {
    const named = Object.keys(texts.items)
    if (named.length !== itemIds.size || !named.every((id) => itemIds.has(id)))
      issues.push({ problem: 'itemTextMismatch', path: ['texts', language, 'items'] })
    const labelled = Object.keys(texts.options)
    const labelsFit =
      labelled.length === setIds.length &&
      setIds.every((setId) => texts.options[setId]?.length === pack.optionSets[setId]?.length)
    if (!labelsFit) issues.push({ problem: 'optionLabelMismatch', path: ['texts', language, 'options'] })
    if (pack.licence.note[language] === undefined)
      issues.push({ problem: 'licenceLanguageMissing', path: ['licence', 'note', language] })
  }
  return issues
}

/** Every way the pack fails to hold together (empty when it does). */
export function packIssues(pack: PackShape): Issue[] {
  const issues: Issue[] = []
  const ids = pack.items.map((item) => item.id)
  if (!hasNoDuplicates(ids)) issues.push({ problem: 'duplicateItem', path: ['items'] })
  pack.items.forEach((item, index) => {
    if (pack.optionSets[item.options] === undefined)
      issues.push({ problem: 'unknownOptionSet', path: ['items', index, 'options'] })
  })
  const itemIds = new Set(ids)
  return [...issues, ...scoreIssues(pack, itemIds), ...textIssues(pack, itemIds)]
}

/** An instrument pack: parsed field by field, then checked as a whole (`packIssues`). */
export const instrumentPackSchema = packShape.check(
  z.superRefine((pack, ctx) => {
    for (const issue of packIssues(pack)) {
      ctx.addIssue({ code: 'custom', message: issue.problem, path: [...issue.path] })
    }
  }),
)

/** An instrument pack. */
export type InstrumentPack = z.infer<typeof instrumentPackSchema>
/** One scoring rule of a pack. */
export type PackScore = InstrumentPack['scores'][number]
/** One item of a pack. */
export type PackItem = InstrumentPack['items'][number]

/** The largest pack file read, in characters; a real pack is a few kilobytes. */
export const MAX_PACK_FILE_CHARS = 200_000

/** Why a pack file was refused: what the settings screen explains, with where in the file. */
export type PackFileProblem = 'tooLarge' | 'notJson' | 'wrongFormat' | 'invalidField' | PackProblem

/** A pack file read: the pack, or the first reason it was refused. */
export type PackFileResult =
  | { readonly ok: true; readonly pack: InstrumentPack }
  | { readonly ok: false; readonly problem: PackFileProblem; readonly path: readonly PropertyKey[] }

const packProblems: ReadonlySet<string> = new Set<PackProblem>([
  'duplicateItem',
  'unknownOptionSet',
  'duplicateScore',
  'unknownScoreItem',
  'tooManyMissingAllowed',
  'prorateSingleItems',
  'lookupDoesNotCover',
  'missingLanguage',
  'itemTextMismatch',
  'optionLabelMismatch',
  'licenceLanguageMissing',
  'tooManyLanguages',
])

function isPackProblem(value: string): value is PackProblem {
  return packProblems.has(value)
}

/**
 * Reads a pack file's text: JSON, the right format number, every field, then the whole-pack
 * checks. Never throws; a refused file changes nothing because nothing is returned but why.
 */
export function readInstrumentPack(text: string): PackFileResult {
  if (text.length > MAX_PACK_FILE_CHARS) return { ok: false, problem: 'tooLarge', path: [] }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, problem: 'notJson', path: [] }
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? json.format : undefined
  if (format !== INSTRUMENT_PACK_FORMAT) return { ok: false, problem: 'wrongFormat', path: ['format'] }
  const parsed = instrumentPackSchema.safeParse(json)
  if (parsed.success) return { ok: true, pack: parsed.data }
  const first = parsed.error.issues[0]
  const message = first?.message ?? ''
  return { ok: false, problem: isPackProblem(message) ? message : 'invalidField', path: first?.path ?? [] }
}
