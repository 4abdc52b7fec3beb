/**
 * The worker's own life-area rating, proposed to her (issue #15 item 3, "the worker's own
 * ratings"). In CTI both the citizen and her worker rate the same dimensions, for a dialogue
 * (issue #13); on the worker's phone the worker's rating becomes a proposal for a new `rating`
 * record (respondent `worker`), which she accepts into her ratings or rejects. Nothing of her plan
 * changes without her "yes".
 *
 * - **Which dimensions**: those her own rating asks — her transition's (`lifeAreas.ts`) less the
 *   ones she switched off — when she shares her plan; otherwise the dimensions her shared ratings
 *   answer; otherwise every dimension (the `other` transition's list).
 * - **Which stage**: the stage open on her shared course today (`stageChoice`, as her own flow
 *   says); without a course to go by, the worker picks it. The worker may always pick another.
 * - **The date** is today. Each dimension is a value 1–10, skipped, or not applicable, with an
 *   optional "what would make it one step better?"; a dimension left without a choice is saved
 *   as skipped (never a zero). At least one dimension needs a value on the scale.
 *
 * Pure: her shared records and today come in as arguments.
 */
import type { CivilDate } from './civilDate'
import { planCourseOn } from './course'
import { askedDimensions, dimensionOf, lifeAreaDimensions, type LifeAreaDimension } from './lifeAreas'
import { optionalTextProblem, TEXT_LIMITS } from './planForms'
import { lifeAreaContent, stageChoice, type LifeAreaValues, type RatingDraft } from './ratingFlow'
import type { RatingStage } from './ratingsDue'
import type { FieldValue } from './proposals'
import type { DimensionAnswer, FocusAreaCatalogKey, Plan, Rating, TrinRecord } from '@/schemas'

/** A field of the worker's rating form; `note.<key>` is a dimension's "one step better". */
export type WorkerRatingField = 'stage' | 'answers' | 'comment' | `note.${FocusAreaCatalogKey}`

/** What can be wrong with the worker's rating form. */
export type WorkerRatingProblem = 'required' | 'tooLong' | 'noAnswer'

/** What the worker has chosen and typed so far. */
export interface WorkerRatingDraft {
  /** The stage it is for; null until chosen (when her course cannot say). */
  readonly stage: RatingStage | null
  /** Today, the rating's date. */
  readonly date: CivilDate
  /** Per dimension: the answer chosen (null: none yet) and the note as typed. */
  readonly answers: RatingDraft
  /** The worker's word to her with the proposal. */
  readonly comment: string
}

/** The fields of the new `rating` record the proposal carries, and the comment. */
export interface WorkerRatingValue {
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly comment: string | undefined
}

/** The check of the form: the value to propose, or the problems per field. */
export type WorkerRatingCheck =
  | { readonly ok: true; readonly value: WorkerRatingValue }
  | { readonly ok: false; readonly problems: Partial<Record<WorkerRatingField, WorkerRatingProblem>> }

type Shared = Pick<TrinRecord, 'kind' | 'deleted'>

function livePlan(records: readonly Shared[]): Plan | undefined {
  return records.find((record): record is Plan => record.kind === 'plan' && !record.deleted)
}

function liveRatings(records: readonly Shared[]): Rating[] {
  return records.filter((record): record is Rating => record.kind === 'rating' && !record.deleted)
}

/** The dimensions the worker rates, in the order her own rating asks them. */
export function workerRatingDimensions(records: readonly Shared[]): readonly LifeAreaDimension[] {
  const plan = livePlan(records)
  if (plan !== undefined) return askedDimensions(plan.targetGroup, plan.ratingDimensionsOff ?? [])
  const answered: FocusAreaCatalogKey[] = []
  for (const rating of liveRatings(records)) {
    if (rating.content?.type !== 'lifeAreas') continue
    for (const key of Object.keys(rating.content.values) as FocusAreaCatalogKey[])
      if (!answered.includes(key)) answered.push(key)
  }
  if (answered.length === 0) return lifeAreaDimensions('other')
  const order = lifeAreaDimensions('other').map((dimension) => dimension.key)
  return answered.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map(dimensionOf)
}

/** The stage open on her shared course on `today`, or null when the worker has to pick it. */
export function workerRatingStage(records: readonly Shared[], today: CivilDate): RatingStage | null {
  const result = planCourseOn(livePlan(records) ?? null, today)
  const choice = stageChoice(result.ok ? result.course : null)
  return 'open' in choice ? choice.open : null
}

/** The form's draft at the start: the stage due (if her course says), today, nothing answered. */
export function emptyWorkerRating(
  dimensions: readonly LifeAreaDimension[],
  stage: RatingStage | null,
  today: CivilDate,
): WorkerRatingDraft {
  const answers: RatingDraft = {}
  for (const { key } of dimensions) answers[key] = { answer: null, oneStepBetter: '' }
  return { stage, date: today, answers, comment: '' }
}

/** Whether an answer is a value on the scale (not skipped, not "does not apply"). */
function onScale(answer: DimensionAnswer | null | undefined): boolean {
  return typeof answer === 'number'
}

/**
 * Checks the worker's rating: a stage, at least one dimension with a value on the scale, every
 * note and the comment within the schema's long-text limit. The fields are those of a new
 * `rating` record: respondent `worker`, the stage, the date, and the life-area values of every
 * dimension asked (unchosen ones skipped; blank notes left out).
 */
export function checkWorkerRating(
  dimensions: readonly LifeAreaDimension[],
  draft: WorkerRatingDraft,
): WorkerRatingCheck {
  const problems: Partial<Record<WorkerRatingField, WorkerRatingProblem>> = {}
  if (draft.stage === null) problems.stage = 'required'
  if (!dimensions.some(({ key }) => onScale(draft.answers[key]?.answer))) problems.answers = 'noAnswer'
  for (const { key } of dimensions) {
    const problem = optionalTextProblem(draft.answers[key]?.oneStepBetter ?? '', TEXT_LIMITS.longText)
    if (problem !== null) problems[`note.${key}`] = problem
  }
  const commentProblem = optionalTextProblem(draft.comment, TEXT_LIMITS.longText)
  if (commentProblem !== null) problems.comment = commentProblem
  const stage = draft.stage
  if (Object.keys(problems).length > 0 || stage === null) return { ok: false, problems }
  const trimmed: RatingDraft = {}
  for (const { key } of dimensions) {
    const answer = draft.answers[key]
    if (answer !== undefined) trimmed[key] = { ...answer, oneStepBetter: answer.oneStepBetter.trim() }
  }
  const content: { type: 'lifeAreas'; values: LifeAreaValues } = lifeAreaContent(dimensions, trimmed)
  return {
    ok: true,
    value: {
      fields: {
        respondent: 'worker',
        stage,
        date: draft.date,
        content: toJson(content),
      },
      comment: draft.comment.trim() || undefined,
    },
  }
}

/** The content as a proposal's JSON value (a plain copy: no undefined anywhere). */
function toJson(content: { type: 'lifeAreas'; values: LifeAreaValues }): FieldValue {
  const values: Record<string, FieldValue> = {}
  for (const [key, value] of Object.entries(content.values)) {
    values[key] =
      value.oneStepBetter === undefined
        ? { answer: value.answer }
        : { answer: value.answer, oneStepBetter: value.oneStepBetter }
  }
  return { type: content.type, values }
}
