/**
 * The rules around a loaded instrument pack (issue #13, item 4) that the screens show: whether a
 * pack file is new, already there or a newer or older version of one that is; which of the pack's
 * languages to show; the stage a pack rating belongs to by default; and a score as the screen
 * says it (its value and range, or why there is none). The scoring itself is
 * `instrumentScoring.ts`, the format `src/schemas/instrumentPack.ts`.
 */
import type { InstrumentPack, PackScore } from '@/schemas/instrumentPack'
import { optionsOf, type PackScoring } from './instrumentScoring'
import type { CourseStatus } from './phases'
import { openWindow, ratingWindows, type RatingStage } from './ratingsDue'

/**
 * Orders two pack versions as publishers number them (`1.0.0`, `1.10`, `2024-05`): part by part,
 * split at `.` and `-`, numbers as numbers, other parts as text; a version that runs out of parts
 * first is the older (`1.0` before `1.0.1`). Negative when `a` is older, positive when newer.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/)
  const right = b.split(/[.-]/)
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const x = left[index]
    const y = right[index]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const bothNumbers = /^\d+$/.test(x) && /^\d+$/.test(y)
    const order = bothNumbers ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0
    if (order !== 0) return Math.sign(order)
  }
  return 0
}

/** A pack as the comparison needs it. */
export interface PackRef {
  readonly id: string
  readonly version: string
}

/** What loading a pack would do: add it, nothing (it is there), or replace the loaded version. */
export type PackArrival = 'new' | 'alreadyThere' | 'newer' | 'older'

/** What loading `incoming` would do, given the packs already loaded. */
export function packArrival(loaded: readonly PackRef[], incoming: PackRef): PackArrival {
  const same = loaded.find((pack) => pack.id === incoming.id)
  if (same === undefined) return 'new'
  const order = compareVersions(incoming.version, same.version)
  return order === 0 ? 'alreadyThere' : order > 0 ? 'newer' : 'older'
}

/** The pack's language to show: the app's, when the pack has texts in it, else the pack's default. */
export function packLanguage(pack: InstrumentPack, locale: string): string {
  return pack.texts[locale] === undefined ? pack.defaultLanguage : locale
}

/**
 * The stage a pack rating belongs to unless she chooses another: the stage whose rating window
 * is open (`ratingsDue.ts`), the contact period before the course or without one.
 */
export function packStage(course: CourseStatus | null): RatingStage {
  if (course === null) return 'contact'
  return openWindow(ratingWindows(course), course.on)?.stage ?? 'contact'
}

/** The lowest and highest a score can be. */
export interface ScoreRange {
  readonly min: number
  readonly max: number
}

/** The range a score's value can take: its raw range through its method. */
export function scoreRange(pack: InstrumentPack, rule: PackScore): ScoreRange {
  const ranges = rule.items.map((item) => {
    const values = optionsOf(pack, item) ?? [0]
    return { min: Math.min(...values), max: Math.max(...values) }
  })
  if (rule.method.type === 'perItem') {
    return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) }
  }
  const raw = ranges.reduce((total, r) => ({ min: total.min + r.min, max: total.max + r.max }), {
    min: 0,
    max: 0,
  })
  const { method } = rule
  switch (method.type) {
    case 'sum':
      return raw
    case 'scaledSum':
      return { min: raw.min * method.factor + method.offset, max: raw.max * method.factor + method.offset }
    case 'lookup': {
      const scores = method.table.map((row) => row.score)
      return { min: Math.min(...scores), max: Math.max(...scores) }
    }
  }
}

/** One score as the screen says it. */
export type ScoreLine =
  | {
      readonly id: string
      readonly state: 'value'
      readonly value: number
      readonly range: ScoreRange
      readonly direction: PackScore['direction']
      /** Some answers were missing and the sum was scaled up to every item. */
      readonly prorated: boolean
    }
  | {
      readonly id: string
      readonly state: 'items'
      /** Each item in the pack's order, with its answer or null (no score for that item). */
      readonly items: readonly { readonly itemId: string; readonly value: number | null }[]
      readonly range: ScoreRange
      readonly direction: PackScore['direction']
    }
  | { readonly id: string; readonly state: 'notEnough'; readonly direction: PackScore['direction'] }

/**
 * The scores to show, one line each, or null when the answers do not fit the pack (a rating saved
 * under another version whose items changed): then no score is shown rather than a wrong one.
 */
export function scoreLines(pack: InstrumentPack, scoring: PackScoring): readonly ScoreLine[] | null {
  if (!scoring.ok) return null
  return scoring.scores.map((result, index): ScoreLine => {
    const rule = pack.scores[index] ?? pack.scores[0]
    const range = rule === undefined ? { min: 0, max: 0 } : scoreRange(pack, rule)
    const { id, direction } = result
    switch (result.status) {
      case 'scored':
        return { id, state: 'value', value: result.value, range, direction, prorated: result.missing > 0 }
      case 'perItem':
        return {
          id,
          state: 'items',
          items: Object.entries(result.values).map(([itemId, value]) => ({ itemId, value })),
          range,
          direction,
        }
      case 'tooManyMissing':
        return { id, state: 'notEnough', direction }
    }
  })
}
