/**
 * The life-area rating as the citizen and her worker do it (issue #13, items 1 and 2): which stage
 * a new rating is for, what the overview says is due, the history of ratings by stage, the
 * answers of one rating as a list, the draft of the flow turned into the record's content, and
 * the switches for dimensions that do not apply to her. `ratingsDue.ts` keeps the schedule;
 * `lifeAreas.ts` the dimensions.
 *
 * A skipped dimension stays `'skipped'` and one that does not fit her `'notApplicable'` all the
 * way to the screen: neither is ever shown or counted as a number.
 */
import type { DimensionAnswer, FocusAreaCatalogKey, Rating, TargetGroup } from '@/schemas'
import { lifeAreaDimensions, type AppliesWhen, type LifeAreaDimension } from './lifeAreas'
import {
  isSettled,
  openWindow,
  ratingWindows,
  type RatingRespondent,
  type RatingStage,
  type RatingTaken,
} from './ratingsDue'
import type { CourseStatus } from './phases'

/** The four stages in the course's order. */
export const ratingStages: readonly RatingStage[] = ['contact', 'phase1', 'phase2', 'phase3']

/**
 * The stage a new rating is for: the window open today (`open`), or — only when no window is
 * open (before the contact period, or the course's dates are not known) — hers to `choose`.
 * A pause does not close the window: she may still rate of her own accord, Home only stops asking.
 */
export type StageChoice = { readonly open: RatingStage } | { readonly choose: readonly RatingStage[] }

/** Which stage a new rating is for on `course.on` (null: no course to go by). */
export function stageChoice(course: CourseStatus | null): StageChoice {
  if (course !== null && course.stage !== 'before') {
    const window = openWindow(ratingWindows(course), course.on)
    if (window !== null) return { open: window.stage }
  }
  return { choose: ratingStages }
}

/** What the overview says is due: the open stage and who has not settled it yet. */
export interface RatingsDueNow {
  readonly stage: RatingStage
  readonly citizen: boolean
  readonly worker: boolean
}

/**
 * Who still has the open stage's rating to do (done or declined settles it), or null when no one
 * has: nothing while paused or before the contact period, as on Home (`ratingDue`), but the
 * worker's turn stays until the worker has rated too.
 */
export function ratingsDueNow(
  course: CourseStatus | null,
  ratings: readonly RatingTaken[],
): RatingsDueNow | null {
  if (course === null || course.paused || course.stage === 'before') return null
  const window = openWindow(ratingWindows(course), course.on)
  if (window === null) return null
  const citizen = !isSettled(window, ratings, 'citizen')
  const worker = !isSettled(window, ratings, 'worker')
  return citizen || worker ? { stage: window.stage, citizen, worker } : null
}

/** The life-area ratings and declined ones of one stage, oldest first, the citizen's before the worker's. */
export interface RatingsOfStage {
  readonly stage: RatingStage
  readonly ratings: readonly Rating[]
}

const respondentOrder: Record<RatingRespondent, number> = { citizen: 0, worker: 1 }

/**
 * The ratings done or declined so far, by stage in the course's order (stages without one left
 * out). An instrument pack's answers are not life-area ratings and are left out here.
 */
export function ratingHistory(ratings: readonly Rating[]): readonly RatingsOfStage[] {
  const ours = ratings
    .filter((rating) => rating.content === null || rating.content.type === 'lifeAreas')
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        respondentOrder[a.respondent] - respondentOrder[b.respondent] ||
        a.createdAt.localeCompare(b.createdAt),
    )
  return ratingStages
    .map((stage) => ({ stage, ratings: ours.filter((rating) => rating.stage === stage) }))
    .filter((group) => group.ratings.length > 0)
}

/** A life-area rating's answers, dimension → answer and note. */
export type LifeAreaValues = Partial<
  Record<
    FocusAreaCatalogKey,
    { readonly answer: DimensionAnswer; readonly oneStepBetter?: string | undefined }
  >
>

/** One answer of a rating, as the read-only view lists it. */
export interface AnswerRow {
  readonly key: FocusAreaCatalogKey
  readonly answer: DimensionAnswer
  /** "What would make it one step better?", or null when she wrote nothing. */
  readonly oneStepBetter: string | null
}

/**
 * The answers of a rating in the order of her transition's dimensions, then any other dimension
 * answered (a rating kept from before the transition changed). A dimension not asked (switched
 * off) has no row.
 */
export function answerRows(targetGroup: TargetGroup, values: LifeAreaValues): readonly AnswerRow[] {
  const ordered = lifeAreaDimensions(targetGroup).map((dimension) => dimension.key)
  const others = (Object.keys(values) as FocusAreaCatalogKey[]).filter((key) => !ordered.includes(key)).sort()
  return [...ordered, ...others].flatMap((key) => {
    const value = values[key]
    if (value === undefined) return []
    return [{ key, answer: value.answer, oneStepBetter: value.oneStepBetter ?? null }]
  })
}

/** How many dimensions a rating gave a number, skipped, or marked as not fitting. */
export interface AnswerCounts {
  readonly rated: number
  readonly skipped: number
  readonly notApplicable: number
}

/** The counts for a rating's one-line summary; a skip is counted as a skip, never as a rating. */
export function answerCounts(values: LifeAreaValues): AnswerCounts {
  const answers = Object.values(values).map((value) => value.answer)
  return {
    rated: answers.filter((answer) => typeof answer === 'number').length,
    skipped: answers.filter((answer) => answer === 'skipped').length,
    notApplicable: answers.filter((answer) => answer === 'notApplicable').length,
  }
}

/** One dimension in the flow's draft: the answer so far (null: none yet) and the note as typed. */
export interface DraftAnswer {
  readonly answer: DimensionAnswer | null
  readonly oneStepBetter: string
}

/** The flow's answers so far, by dimension. */
export type RatingDraft = Partial<Record<FocusAreaCatalogKey, DraftAnswer>>

/** The answer a dimension gets when it is saved: a dimension left without an answer is skipped. */
export function savedAnswer(draft: DraftAnswer | undefined): DimensionAnswer {
  return draft?.answer ?? 'skipped'
}

/**
 * The record's content from the flow's draft: every dimension asked, in order, a dimension left
 * without an answer saved as skipped (never a zero), a note kept unless it is only blank.
 */
export function lifeAreaContent(
  dimensions: readonly LifeAreaDimension[],
  draft: RatingDraft,
): { readonly type: 'lifeAreas'; readonly values: LifeAreaValues } {
  const values: LifeAreaValues = {}
  for (const { key } of dimensions) {
    const answer = draft[key]
    const note = answer?.oneStepBetter ?? ''
    values[key] = {
      answer: savedAnswer(answer),
      ...(note.trim() === '' ? {} : { oneStepBetter: note }),
    }
  }
  return { type: 'lifeAreas', values }
}

/** A dimension that only applies to some, and whether it is asked. */
export interface DimensionSwitch {
  readonly key: FocusAreaCatalogKey
  readonly appliesWhen: AppliesWhen
  /** Asked in the flow (not switched off). */
  readonly on: boolean
}

/** The dimensions of her transition that can be switched off, and whether each is on. */
export function dimensionSwitches(
  targetGroup: TargetGroup,
  off: readonly FocusAreaCatalogKey[],
): readonly DimensionSwitch[] {
  return lifeAreaDimensions(targetGroup).flatMap((dimension) =>
    dimension.appliesWhen === undefined
      ? []
      : [{ key: dimension.key, appliesWhen: dimension.appliesWhen, on: !off.includes(dimension.key) }],
  )
}

/**
 * The switched-off list after switching `key` on or off: each key once, sorted, so the plan
 * record changes only when the choice does. Switching off never touches the ratings given.
 */
export function switchDimension(
  off: readonly FocusAreaCatalogKey[],
  key: FocusAreaCatalogKey,
  on: boolean,
): FocusAreaCatalogKey[] {
  const rest = off.filter((other) => other !== key)
  return (on ? rest : [...rest, key]).sort()
}
