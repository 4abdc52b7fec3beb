/**
 * The life-area ratings as the ending screen and the handover summary read them (issue #13,
 * item 5), and the progress charts build on (`ratingProgress.ts`): only Trin's own life-area
 * ratings (an instrument pack's answers and a declined rating have no dimensions), never a
 * tombstone; each answer as given — a number, skipped, not applicable or not asked, never a zero;
 * and her own change from her first to her latest rating.
 *
 * Kept apart from the chart geometry on purpose: Home's ending screen reads this, and nothing
 * here names the rating flow's texts (`lifeAreas.ts`), which load with the plan's screens.
 */
import type { CivilDate } from './civilDate'
import { catalogueFor } from './focusAreas'
import { focusAreaCatalogKeys, type FocusAreaCatalogKey } from './focusAreaKeys'
import type { RatingRespondent, RatingStage } from './ratingsDue'
import type { DimensionAnswer, Rating, TargetGroup } from '@/schemas'

/** One life-area rating as the charts and the ending read it. */
export interface LifeAreaRating {
  readonly id: string
  readonly respondent: RatingRespondent
  readonly stage: RatingStage
  readonly date: CivilDate
  readonly answers: Readonly<Partial<Record<FocusAreaCatalogKey, DimensionAnswer>>>
}

/** A dimension's answer as shown: its number, skipped, not applicable, or not asked that time. */
export type ShownAnswer = number | 'skipped' | 'notApplicable' | 'notAsked'

export const stageOrder: readonly RatingStage[] = ['contact', 'phase1', 'phase2', 'phase3']

function compareRatings(a: Rating, b: Rating): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  const stages = stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage)
  if (stages !== 0) return stages
  if (a.respondent !== b.respondent) return a.respondent === 'citizen' ? -1 : 1
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0
}

/** The live life-area ratings, oldest first (by date, then stage, hers before the worker's, then when made). */
export function lifeAreaRatings(ratings: readonly Rating[]): LifeAreaRating[] {
  return [...ratings]
    .filter((rating) => !rating.deleted && rating.content?.type === 'lifeAreas')
    .sort(compareRatings)
    .map((rating) => {
      const answers: Partial<Record<FocusAreaCatalogKey, DimensionAnswer>> = {}
      if (rating.content?.type === 'lifeAreas')
        for (const [key, value] of Object.entries(rating.content.values) as [
          FocusAreaCatalogKey,
          { answer: DimensionAnswer } | undefined,
        ][])
          if (value !== undefined) answers[key] = value.answer
      return { id: rating.id, respondent: rating.respondent, stage: rating.stage, date: rating.date, answers }
    })
}

/**
 * The dimensions she switched off as not applying to her, read defensively from the plan: a
 * plan without the list (or with anything but catalogue keys in it) switches nothing off.
 */
export function switchedOffDimensions(plan: object | null): FocusAreaCatalogKey[] {
  const list: unknown =
    plan === null ? undefined : (plan as { ratingDimensionsOff?: unknown }).ratingDimensionsOff
  if (!Array.isArray(list)) return []
  return focusAreaCatalogKeys.filter((key) => list.includes(key))
}

/** A dimension's answer in a rating, as shown. */
export function shownAnswer(rating: LifeAreaRating, key: FocusAreaCatalogKey): ShownAnswer {
  return rating.answers[key] ?? 'notAsked'
}

/**
 * The dimensions drawn and compared, in order: her transition's (the same as `askedDimensions` in
 * `lifeAreas.ts`, a test says so) without those she switched off.
 */
export function ratingDimensionKeys(
  targetGroup: TargetGroup,
  switchedOff: readonly FocusAreaCatalogKey[],
): FocusAreaCatalogKey[] {
  return catalogueFor(targetGroup).filter((key) => !switchedOff.includes(key))
}

/** Two ratings side by side (`b` null when there is only one rating to show). */
export interface Comparison {
  readonly a: LifeAreaRating
  readonly b: LifeAreaRating | null
}

/** Her first and her latest rating, when she has rated twice or more. */
export function startAndNow(ratings: readonly LifeAreaRating[]): Comparison | null {
  const hers = ratings.filter((rating) => rating.respondent === 'citizen')
  const first = hers[0]
  const latest = hers.at(-1)
  return first === undefined || latest === undefined || first === latest ? null : { a: first, b: latest }
}

/** One dimension's change from her first to her latest rating. */
export interface DimensionChange {
  readonly key: FocusAreaCatalogKey
  readonly first: ShownAnswer
  readonly latest: ShownAnswer
  /** Latest minus first; null unless both are numbers (a skipped rating is no zero). */
  readonly change: number | null
}

/** Her change from the first to the latest rating: both dates and a row per dimension. */
export interface RatingChange {
  readonly first: CivilDate
  readonly latest: CivilDate
  readonly rows: readonly DimensionChange[]
}

/**
 * The change in her own ratings from the first to the latest, per dimension (issue #13, item 5),
 * or null until she has rated twice.
 */
export function ratingChange(
  ratings: readonly LifeAreaRating[],
  keys: readonly FocusAreaCatalogKey[],
): RatingChange | null {
  const pair = startAndNow(ratings)
  if (pair === null || pair.b === null) return null
  const { a: first, b: latest } = pair
  return {
    first: first.date,
    latest: latest.date,
    rows: keys.map((key) => {
      const was = shownAnswer(first, key)
      const now = shownAnswer(latest, key)
      return {
        key,
        first: was,
        latest: now,
        change: typeof was === 'number' && typeof now === 'number' ? now - was : null,
      }
    }),
  }
}
