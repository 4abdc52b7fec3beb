/**
 * The scoring engine for instrument packs (`src/schemas/instrumentPack.ts`): every rule type a
 * pack can name — plain sum, scaled sum (WHO-5: raw × 4), lookup table (SWEMWBS: raw 7–35 → a
 * metric score), per-item subscales (Sheehan's three items) — and the rules for missing answers.
 *
 * Answers are checked before anything is scored: an answer to an item the pack does not have, a
 * value outside the item's options or one between them is refused, never clamped or rounded,
 * because a score computed from a wrong answer looks exactly like a right one.
 */
import type { InstrumentPack, PackScore } from '@/schemas/instrumentPack'

/** Item id → the value chosen, or null for an item skipped on purpose; an absent item is unanswered. */
export type PackAnswers = Readonly<Record<string, number | null>>

/** Why answers were refused. */
export interface AnswerProblem {
  readonly code: 'unknownItem' | 'outOfRange' | 'notAnOption'
  readonly itemId: string
}

/** One score as computed. */
export type ScoreResult =
  | {
      readonly id: string
      readonly status: 'scored'
      readonly direction: PackScore['direction']
      /** The sum of the answers, scaled up to every item and rounded when some were missing. */
      readonly raw: number
      readonly value: number
      /** Items of the score left unanswered (prorated when more than 0). */
      readonly missing: number
    }
  | {
      readonly id: string
      readonly status: 'perItem'
      readonly direction: PackScore['direction']
      /** Item id → its answer, or null when it was not answered (that subscale has no score). */
      readonly values: Readonly<Record<string, number | null>>
    }
  | {
      readonly id: string
      readonly status: 'tooManyMissing'
      readonly direction: PackScore['direction']
      readonly missing: number
    }

/** Every score of a pack, or the first answer that was refused. */
export type PackScoring =
  | { readonly ok: true; readonly scores: readonly ScoreResult[] }
  | { readonly ok: false; readonly problem: AnswerProblem }

/** The option values of an item, or undefined for an item the pack does not have. */
export function optionsOf(pack: InstrumentPack, itemId: string): readonly number[] | undefined {
  const item = pack.items.find((candidate) => candidate.id === itemId)
  return item === undefined ? undefined : pack.optionSets[item.options]
}

/** The first answer that does not fit the pack, or null when every answer does. */
export function checkAnswers(pack: InstrumentPack, answers: PackAnswers): AnswerProblem | null {
  for (const [itemId, value] of Object.entries(answers)) {
    const options = optionsOf(pack, itemId)
    if (options === undefined) return { code: 'unknownItem', itemId }
    if (value === null) continue
    if (!Number.isFinite(value) || value < Math.min(...options) || value > Math.max(...options))
      return { code: 'outOfRange', itemId }
    if (!options.includes(value)) return { code: 'notAnOption', itemId }
  }
  return null
}

/** Rounds half up to a whole number (a prorated sum, so a lookup table applies). */
function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5)
}

/** Drops floating-point noise (0.1 × 3 = 0.30000000000000004) without hiding real decimals. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9
}

/** Turns a raw sum into the score the rule's method gives. */
function valueOf(method: Exclude<PackScore['method'], { type: 'perItem' }>, raw: number): number {
  switch (method.type) {
    case 'sum':
      return raw
    case 'scaledSum':
      return clean(raw * method.factor + method.offset)
    case 'lookup': {
      const row = method.table.find((candidate) => candidate.raw === raw)
      // The schema proves the table covers every reachable raw sum; a prorated sum is rounded
      // into that range, so a missing row means the pack was not parsed.
      if (row === undefined) throw new RangeError(`No lookup row for raw ${raw}`)
      return row.score
    }
  }
}

/** One score from answers that have already passed `checkAnswers`. */
export function scoreRule(rule: PackScore, answers: PackAnswers): ScoreResult {
  const { id, direction, method } = rule
  if (method.type === 'perItem') {
    const values = Object.fromEntries(rule.items.map((item) => [item, answers[item] ?? null]))
    return { id, status: 'perItem', direction, values }
  }
  const given = rule.items
    .map((item) => answers[item])
    .filter((value): value is number => typeof value === 'number')
  const missing = rule.items.length - given.length
  const allowed = rule.missing.rule === 'prorate' ? rule.missing.maxMissing : 0
  if (missing > allowed) return { id, status: 'tooManyMissing', direction, missing }
  const sum = given.reduce((total, value) => total + value, 0)
  const raw = missing === 0 ? sum : roundHalfUp((sum * rule.items.length) / given.length)
  return { id, status: 'scored', direction, raw, value: valueOf(method, raw), missing }
}

/** Every score of the pack from the answers, or why the answers were refused. */
export function scorePack(pack: InstrumentPack, answers: PackAnswers): PackScoring {
  const problem = checkAnswers(pack, answers)
  if (problem !== null) return { ok: false, problem }
  return { ok: true, scores: pack.scores.map((rule) => scoreRule(rule, answers)) }
}
