/**
 * What the progress screen and the ending compare (issue #13, items 3 and 5), from the `rating`
 * records: only Trin's own life-area ratings count (an instrument pack's answers and a declined
 * rating have no dimensions to draw), tombstones never.
 *
 * - The comparison: "start and now" (her first and her latest rating) when she has two; else
 *   "you and your worker" at the latest stage both rated; else the one rating there is. Any two
 *   ratings can be chosen instead (`choosableRatings`).
 * - Each dimension's answer is shown as it was given: a number, skipped, not applicable, or not
 *   asked — never a zero (`shownAnswer`).
 * - The change from her first to her latest rating per dimension (`ratingChange`): only where
 *   both are numbers; otherwise no change is claimed.
 */
import type { ChartValue, TimedValue } from './chartGeometry'
import { somethingToTalkAbout } from './chartGeometry'
import type { CivilDate } from './civilDate'
import type { FocusAreaCatalogKey } from './focusAreaKeys'
import type { RatingRespondent, RatingStage } from './ratingsDue'
import {
  shownAnswer,
  stageOrder,
  startAndNow,
  type Comparison,
  type LifeAreaRating,
  type ShownAnswer,
} from './ratingHistory'

export * from './ratingHistory'

/** A shown answer as the chart geometry takes it: only a number is drawn. */
export function chartValue(answer: ShownAnswer): ChartValue {
  return typeof answer === 'number' ? answer : null
}

/** Each dimension's value in a rating, for the star chart. */
export function chartValues(
  rating: LifeAreaRating,
  keys: readonly FocusAreaCatalogKey[],
): Partial<Record<FocusAreaCatalogKey, ChartValue>> {
  return Object.fromEntries(keys.map((key) => [key, chartValue(shownAnswer(rating, key))]))
}

/** Which two ratings the star compares. */
export type ComparisonKind = 'startNow' | 'citizenWorker' | 'chosen'

/** Her rating and her worker's at the latest stage both rated (the latest of each there). */
export function citizenAndWorker(ratings: readonly LifeAreaRating[]): Comparison | null {
  for (const stage of [...stageOrder].reverse()) {
    const atStage = ratings.filter((rating) => rating.stage === stage)
    const citizen = atStage.filter((rating) => rating.respondent === 'citizen').at(-1)
    const worker = atStage.filter((rating) => rating.respondent === 'worker').at(-1)
    if (citizen !== undefined && worker !== undefined) return { a: citizen, b: worker }
  }
  return null
}

/** The comparisons there is something for, in the order offered. */
export function comparisonKinds(ratings: readonly LifeAreaRating[]): ComparisonKind[] {
  const kinds: ComparisonKind[] = []
  if (startAndNow(ratings) !== null) kinds.push('startNow')
  if (citizenAndWorker(ratings) !== null) kinds.push('citizenWorker')
  if (ratings.length >= 2) kinds.push('chosen')
  return kinds
}

/** What the star shows first: start and now, else citizen and worker, else the latest rating alone. */
export function defaultComparison(
  ratings: readonly LifeAreaRating[],
): { readonly kind: ComparisonKind; readonly pair: Comparison } | null {
  const startNow = startAndNow(ratings)
  if (startNow !== null) return { kind: 'startNow', pair: startNow }
  const both = citizenAndWorker(ratings)
  if (both !== null) return { kind: 'citizenWorker', pair: both }
  const latest = ratings.at(-1)
  return latest === undefined ? null : { kind: 'chosen', pair: { a: latest, b: null } }
}

/** A rating as the two selects offer it: its stage, who rated and when. */
export interface ChoosableRating {
  readonly id: string
  readonly stage: RatingStage
  readonly respondent: RatingRespondent
  readonly date: CivilDate
}

/** Every rating that can be chosen for the star, oldest first. */
export function choosableRatings(ratings: readonly LifeAreaRating[]): ChoosableRating[] {
  return ratings.map(({ id, stage, respondent, date }) => ({ id, stage, respondent, date }))
}

/**
 * The pair for a kind of comparison; for `chosen`, the two ids picked (an id not found falls back
 * to the first and the latest rating).
 */
export function comparisonFor(
  kind: ComparisonKind,
  ratings: readonly LifeAreaRating[],
  chosen: { readonly a: string | null; readonly b: string | null } = { a: null, b: null },
): Comparison | null {
  if (kind === 'startNow') return startAndNow(ratings)
  if (kind === 'citizenWorker') return citizenAndWorker(ratings)
  const a = ratings.find((rating) => rating.id === chosen.a) ?? ratings[0]
  const b = ratings.find((rating) => rating.id === chosen.b) ?? ratings.at(-1)
  if (a === undefined) return null
  return { a, b: b === undefined || b === a ? null : b }
}

/** One dimension of the comparison table (and the star's labels). */
export interface ComparisonRow {
  readonly key: FocusAreaCatalogKey
  readonly a: ShownAnswer
  readonly b: ShownAnswer | null
  /** Citizen and worker of the same stage are `TALK_ABOUT_DIFFERENCE` or more apart here. */
  readonly talkAbout: boolean
}

/** The comparison's rows, in dimension order. */
export function comparisonRows(keys: readonly FocusAreaCatalogKey[], pair: Comparison): ComparisonRow[] {
  const { a, b } = pair
  const citizen = [a, b].find((rating) => rating?.respondent === 'citizen')
  const worker = [a, b].find((rating) => rating?.respondent === 'worker')
  const talk =
    citizen !== undefined &&
    citizen !== null &&
    worker !== undefined &&
    worker !== null &&
    citizen.stage === worker.stage
      ? new Set(
          somethingToTalkAbout(keys, chartValues(citizen, keys), chartValues(worker, keys)).map(
            (point) => point.key,
          ),
        )
      : new Set<string>()
  return keys.map((key) => ({
    key,
    a: shownAnswer(a, key),
    b: b === null ? null : shownAnswer(b, key),
    talkAbout: talk.has(key),
  }))
}

/** One dimension's ratings over time, per respondent, for its line chart. */
export function dimensionOverTime(
  ratings: readonly LifeAreaRating[],
  key: FocusAreaCatalogKey,
): Record<RatingRespondent, TimedValue[]> {
  const of = (respondent: RatingRespondent) =>
    ratings
      .filter((rating) => rating.respondent === respondent && shownAnswer(rating, key) !== 'notAsked')
      .map((rating) => ({ date: rating.date, value: chartValue(shownAnswer(rating, key)) }))
  return { citizen: of('citizen'), worker: of('worker') }
}

/** One date of a dimension's table: each respondent's answer that day, or null when they did not rate. */
export interface DimensionTableRow {
  readonly date: CivilDate
  readonly citizen: ShownAnswer | null
  readonly worker: ShownAnswer | null
}

/**
 * A dimension's ratings as a table, a row per date either of them rated it (the line chart's
 * equivalent; a later rating of the same day replaces an earlier one, as on the chart's date).
 */
export function dimensionTable(
  ratings: readonly LifeAreaRating[],
  key: FocusAreaCatalogKey,
): DimensionTableRow[] {
  const rows = new Map<CivilDate, { citizen: ShownAnswer | null; worker: ShownAnswer | null }>()
  for (const rating of ratings) {
    const answer = shownAnswer(rating, key)
    if (answer === 'notAsked') continue
    const row = rows.get(rating.date) ?? { citizen: null, worker: null }
    row[rating.respondent] = answer
    rows.set(rating.date, row)
  }
  return [...rows].map(([date, row]) => ({ date, ...row }))
}
