/**
 * The logical CSS check: finds physical left/right styling that would not mirror for
 * right-to-left languages (Arabic, Persian, Urdu). Used by `npm run check:css`
 * (scripts/check-logical-css.mjs) and tests/unit/styles/.
 *
 * What counts as physical, and why:
 * - left/right properties (`left`, `margin-right`, `border-left-color`, `scroll-padding-left`,
 *   `border-top-left-radius`…) always have a logical twin (`inset-inline-start`,
 *   `margin-inline-end`, `border-start-start-radius`…): errors.
 * - left/right keywords in `text-align`, `float`, `clear`, `justify-*`, `place-*` have logical
 *   ones (`start`/`end`, `inline-start`/`inline-end`): errors.
 * - left/right keywords in positions (`background-position`, `object-position`,
 *   `transform-origin`…) have no logical keyword browsers support: errors, to be mirrored in a
 *   `:dir(rtl)` rule or centred.
 * - Shorthands (`margin`, `padding`, `inset`, `border-width`…) are physical only when left and
 *   right differ, which needs the four-value form with a second value unlike the fourth; one to
 *   three values are symmetric and mirror by themselves. `border-radius` is asymmetric when a
 *   top or bottom corner pair differs.
 * - A horizontal translation (`translateX(8px)`, `translate: 8px 0`) moves the same way in both
 *   directions, which is sometimes right (centring) and sometimes not: a warning.
 * - `top`/`bottom` are not flagged: Trin lays out horizontally only, where they never mirror.
 *
 * Declarations inside a rule whose selector mentions `:dir(` or `[dir` are direction-aware
 * and not flagged. A genuine physical case (a chart axis that must not mirror) is allowed with
 * a comment on the declaration's line: `/* physical-ok: reason *\/` (the reason is required).
 * The styles are read as plain CSS: a `<style lang>` other than css/postcss is reported.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export type CssSeverity = 'error' | 'warning'

export interface CssViolation {
  readonly file: string
  /** 1-based, in the file (a `.vue` file's line, not the style block's). */
  readonly line: number
  readonly column: number
  readonly property: string
  readonly value: string
  readonly severity: CssSeverity
  readonly message: string
}

interface Finding {
  readonly severity: CssSeverity
  readonly message: string
}

const vendorPrefix = /^-(?:webkit|moz|ms|o)-/

const cornerTwins: Readonly<Record<string, string>> = {
  'border-top-left-radius': 'border-start-start-radius',
  'border-top-right-radius': 'border-start-end-radius',
  'border-bottom-left-radius': 'border-end-start-radius',
  'border-bottom-right-radius': 'border-end-end-radius',
}

/** Properties whose left/right keywords have logical replacements. */
const keywordTwins: Readonly<Record<string, string>> = {
  'text-align': 'start / end',
  'text-align-last': 'start / end',
  float: 'inline-start / inline-end',
  clear: 'inline-start / inline-end',
  'justify-content': 'start / end',
  'justify-items': 'start / end',
  'justify-self': 'start / end',
  'place-content': 'start / end',
  'place-items': 'start / end',
  'place-self': 'start / end',
}

/** Properties whose left/right keywords have no logical replacement browsers support. */
const positionProperties = new Set([
  'background',
  'background-position',
  'background-position-x',
  'mask',
  'mask-position',
  'object-position',
  'transform-origin',
  'perspective-origin',
  'offset-position',
  'offset-anchor',
])

/** Box shorthands in top right bottom left order. */
const boxShorthands: Readonly<Record<string, string>> = {
  margin: 'margin-block plus margin-inline-start / margin-inline-end',
  padding: 'padding-block plus padding-inline-start / padding-inline-end',
  inset: 'inset-block plus inset-inline-start / inset-inline-end',
  'scroll-margin': 'scroll-margin-block plus scroll-margin-inline-start / -end',
  'scroll-padding': 'scroll-padding-block plus scroll-padding-inline-start / -end',
  'border-width': 'border-block-width plus border-inline-start-width / -end-width',
  'border-style': 'border-block-style plus border-inline-start-style / -end-style',
  'border-color': 'border-block-color plus border-inline-start-color / -end-color',
}

const leftOrRight = /(?<![-\w])(left|right)(?![-\w])/i

/** Splits a value on top-level whitespace (or another separator), keeping functions whole. */
function splitTopLevel(value: string, separator: RegExp = /\s/): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of value) {
    if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    if (depth === 0 && separator.test(char)) {
      if (current.trim() !== '') parts.push(current.trim())
      current = ''
    } else {
      current += char
    }
  }
  if (current.trim() !== '') parts.push(current.trim())
  return parts
}

/** Whether a 1–4 value radius list gives the same corners when mirrored left to right. */
function radiusMirrors(values: readonly string[]): boolean {
  const [a, b = a, c = a, d = b] = values
  // Corners in top-left, top-right, bottom-right, bottom-left order.
  return a === b && c === d
}

function isZero(length: string | undefined): boolean {
  return length === undefined || /^[-+]?0+(?:\.0+)?(?:[a-z%]+)?$/i.test(length)
}

/** The x component of every translation in a `transform` value that moves horizontally. */
function horizontalTranslation(value: string): string | undefined {
  for (const match of value.matchAll(
    /\b(translatex|translate3d|translate)\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gi,
  )) {
    const x = splitTopLevel(match[2] ?? '', /,/)[0]
    if (!isZero(x)) return `${match[1] ?? 'translate'}(…)`
  }
  return undefined
}

/** The rule for one declaration; `undefined` when it is fine. Exported for tests. */
export function judgeDeclaration(property: string, value: string): Finding | undefined {
  const name = property.toLowerCase().replace(vendorPrefix, '')
  const sides =
    /^(margin|padding|scroll-margin|scroll-padding|border)-(left|right)(-(?:width|style|color))?$/.exec(name)
  if (sides) {
    const twin = `${sides[1] ?? ''}-inline-${sides[2] === 'left' ? 'start' : 'end'}${sides[3] ?? ''}`
    return { severity: 'error', message: `${name} does not mirror: use ${twin}` }
  }
  if (name === 'left' || name === 'right') {
    return {
      severity: 'error',
      message: `${name} does not mirror: use inset-inline-${name === 'left' ? 'start' : 'end'}`,
    }
  }
  const corner = cornerTwins[name]
  if (corner) return { severity: 'error', message: `${name} does not mirror: use ${corner}` }

  // Keyword checks ignore url() and string contents (a file named left.svg is fine).
  const words = value.replace(/url\([^)]*\)/gi, 'url()')
  const keywordTwin = keywordTwins[name]
  if (keywordTwin && leftOrRight.test(words)) {
    return { severity: 'error', message: `${name}: left/right does not mirror: use ${keywordTwin}` }
  }
  if (positionProperties.has(name) && leftOrRight.test(words)) {
    return {
      severity: 'error',
      message: `${name}: left/right does not mirror and has no logical keyword: centre it, or mirror it in a :dir(rtl) rule`,
    }
  }
  const box = boxShorthands[name]
  if (box) {
    const values = splitTopLevel(value)
    if (values.length === 4 && values[1] !== values[3]) {
      return {
        severity: 'error',
        message: `${name} with different right and left values does not mirror: use ${box}`,
      }
    }
  }
  if (name === 'border-radius') {
    const asymmetric = value.split('/').some((part) => !radiusMirrors(splitTopLevel(part)))
    if (asymmetric) {
      return {
        severity: 'error',
        message:
          'border-radius with different left and right corners does not mirror: use border-start-start-radius and its siblings',
      }
    }
  }
  if (name === 'transform') {
    const translation = horizontalTranslation(value)
    if (translation) {
      return {
        severity: 'warning',
        message: `${translation} moves the same way in right-to-left: check it there, or mirror it in a :dir(rtl) rule`,
      }
    }
  }
  if (name === 'translate' && !isZero(splitTopLevel(value)[0])) {
    return {
      severity: 'warning',
      message:
        'translate moves the same way in right-to-left: check it there, or mirror it in a :dir(rtl) rule',
    }
  }
  return undefined
}

/**
 * Blanks comments and string contents (keeping every offset and newline), so that neither is
 * read as a declaration; returns the lines that carry a `physical-ok` comment with a reason.
 */
function maskCommentsAndStrings(css: string): { masked: string; allowedLines: Set<number> } {
  const out = css.split('')
  const allowedLines = new Set<number>()
  let line = 1
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' '
  }
  for (let i = 0; i < css.length; i++) {
    const char = css[i]
    if (char === '\n') line++
    else if (char === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2)
      const stop = end < 0 ? css.length : end + 2
      const comment = css.slice(i, stop)
      if (/^\/\*\s*physical-ok\s*:\s*[^\s*]/.test(comment)) {
        const lines = comment.split('\n').length
        for (let l = line; l < line + lines; l++) allowedLines.add(l)
      }
      blank(i, stop)
      line += comment.split('\n').length - 1
      i = stop - 1
    } else if (char === '"' || char === "'") {
      let j = i + 1
      while (j < css.length && css[j] !== char && css[j] !== '\n') j += css[j] === '\\' ? 2 : 1
      blank(i + 1, Math.min(j, css.length))
      i = j
    }
  }
  return { masked: out.join(''), allowedLines }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return starts
}

function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if ((starts[mid] ?? 0) <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 }
}

const directionAwareSelector = /:dir\(|\[\s*dir\b/i

/**
 * Checks a stylesheet. `firstLine` is the line the CSS starts on in its file, so a `.vue`
 * style block reports the file's line numbers.
 */
export function checkCss(
  css: string,
  { file, firstLine = 1 }: { file: string; firstLine?: number },
): CssViolation[] {
  const { masked, allowedLines } = maskCommentsAndStrings(css)
  const starts = lineStarts(css)
  const violations: CssViolation[] = []
  const preludes: string[] = []
  let segmentStart = 0
  let depth = 0

  const endSegment = (end: number): void => {
    const from = segmentStart
    segmentStart = end + 1
    const segment = masked.slice(from, end)
    const colon = segment.indexOf(':')
    if (colon < 0 || segment.trim().startsWith('@')) return
    const property = segment.slice(0, colon).trim()
    // Custom properties (--gap-left) hold values, not layout; where they are used is checked.
    if (!/^-?[a-z][a-z0-9-]*$/i.test(property)) return
    if (preludes.some((prelude) => directionAwareSelector.test(prelude))) return
    const withoutImportant = (text: string): string => text.replace(/!\s*important\s*$/i, '').trim()
    const finding = judgeDeclaration(property, withoutImportant(segment.slice(colon + 1)))
    if (!finding) return
    const offset = from + segment.search(/\S/)
    const start = positionOf(starts, offset)
    const last = positionOf(starts, Math.max(offset, end - 1))
    for (let l = start.line; l <= last.line; l++) if (allowedLines.has(l)) return
    violations.push({
      file,
      line: start.line + firstLine - 1,
      column: start.column,
      property: property.toLowerCase(),
      value: withoutImportant(css.slice(from + colon + 1, end).replace(/\/\*[\s\S]*?\*\//g, '')).replace(
        /\s+/g,
        ' ',
      ),
      ...finding,
    })
  }

  for (let i = 0; i < masked.length; i++) {
    const char = masked[i]
    if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    else if (depth > 0) continue
    else if (char === '{') {
      preludes.push(masked.slice(segmentStart, i))
      segmentStart = i + 1
    } else if (char === ';') endSegment(i)
    else if (char === '}') {
      endSegment(i)
      preludes.pop()
    }
  }
  endSegment(masked.length)
  return violations
}

/** The `<style>` blocks of a single-file component, with the line each one's CSS starts on. */
export function styleBlocks(sfc: string): { css: string; firstLine: number; lang: string | undefined }[] {
  const blocks = []
  for (const match of sfc.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi)) {
    const attributes = match[1] ?? ''
    const css = match[2] ?? ''
    const contentStart = match.index + match[0].indexOf('>') + 1
    const firstLine = sfc.slice(0, contentStart).split('\n').length
    const lang = /\blang\s*=\s*["']?([\w-]+)/i.exec(attributes)?.[1]
    blocks.push({ css, firstLine, lang })
  }
  return blocks
}

/** Checks one `.css` or `.vue` file's text; `file` is the name used in the report. */
export function checkStyleSource(text: string, file: string): CssViolation[] {
  if (!file.endsWith('.vue')) return checkCss(text, { file })
  return styleBlocks(text).flatMap(({ css, firstLine, lang }) => {
    if (lang !== undefined && !['css', 'postcss'].includes(lang.toLowerCase())) {
      return [
        {
          file,
          // The CSS starts right after the tag's `>`, so its first line is the tag's line.
          line: firstLine,
          column: 1,
          property: 'lang',
          value: lang,
          severity: 'error' as const,
          message: `<style lang="${lang}"> is not checked: the logical CSS check reads plain CSS only`,
        },
      ]
    }
    return checkCss(css, { file, firstLine })
  })
}

function styleFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : styleFilesUnder(path)
      return /\.(?:vue|css)$/.test(entry.name) ? [path] : []
    })
    .sort()
}

/** Checks every `.vue` and `.css` file under `dir`; files are named relative to `root`. */
export function checkStylesIn(
  dir: string,
  root: string = process.cwd(),
): { files: number; violations: CssViolation[] } {
  const files = styleFilesUnder(dir)
  const violations = files.flatMap((path) =>
    checkStyleSource(readFileSync(path, 'utf8'), relative(root, path)),
  )
  return { files: files.length, violations }
}

export function formatViolation(violation: CssViolation): string {
  const label = violation.severity === 'error' ? 'error' : 'warn '
  return `${label}  ${violation.file}:${violation.line}:${violation.column}  ${violation.property}: ${violation.value}  — ${violation.message}`
}
