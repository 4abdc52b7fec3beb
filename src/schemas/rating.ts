/**
 * One rating (issue #13): the citizen's or her worker's answers at one stage of the course —
 * either Trin's own life-area rating (each dimension 1–10, skipped, or not applicable, with an
 * optional "what would make it one step better?") or the answers to an instrument pack
 * (`instrumentPack.ts`) a municipality loaded. A rating declined at a stage is a rating too, with
 * no content (`content: null`), so Home stops asking (`src/domain/ratingsDue.ts`).
 *
 * A skipped dimension is `'skipped'`, never a number: it is not a zero. The stage names the period
 * the rating looks back on: `contact` (the baseline) or the end of phase 1, 2 or 3. Kept small on
 * purpose: every record schema is on the first screen (README, Speed).
 */
import { z } from './zod'
import { appKey, baseRecordShape, civilDate, courseStage, longText, shortText } from './base'
import { focusAreaCatalogKey } from './focusArea'

/** Who answered: both the citizen and her worker rate, for dialogue. */
export const respondents = ['citizen', 'worker'] as const
/** Who answered a rating. */
export const respondent = z.enum(respondents)

/** Upper bound on items answered in one rating; the longest instrument the municipalities use has fourteen. */
export const MAX_RATING_ANSWERS = 40

/** One answer: an integer on the scale, or null for an item skipped on purpose. */
export const answerValue = z.nullable(z.int().check(z.minimum(0), z.maximum(10)))

/** Item key → answer, at most `MAX_RATING_ANSWERS` (an instrument pack's items). */
export const itemAnswers = z.record(appKey, answerValue).check(
  z.refine((answers) => Object.keys(answers).length <= MAX_RATING_ANSWERS, {
    message: `At most ${MAX_RATING_ANSWERS} answers`,
  }),
)

/** The life-area scale; `src/domain/lifeAreas.ts` keeps the same ends (a test says so). */
export const ratingScale = { min: 1, max: 10 } as const

// The ends are written out below rather than read from `ratingScale`, a few bytes fewer on the
// first screen; the test of `ratingScale` parses both ends and their neighbours.
/** One dimension's answer: a rating on the scale, skipped on purpose, or not applicable to her. */
export const dimensionAnswer = z.union([
  z.int().check(z.minimum(1), z.maximum(10)),
  z.enum(['skipped', 'notApplicable']),
])
/** One dimension's answer. */
export type DimensionAnswer = z.infer<typeof dimensionAnswer>

/** The rating record. */
export const ratingSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('rating'),
  respondent,
  stage: courseStage,
  date: civilDate,
  /** What was answered, or null when the rating was declined. */
  content: z.nullable(
    z.discriminatedUnion('type', [
      z.strictObject({
        type: z.literal('lifeAreas'),
        /** Dimension → its answer and "what would make it one step better?"; a dimension not asked is absent. */
        values: z.partialRecord(
          focusAreaCatalogKey,
          z.strictObject({ answer: dimensionAnswer, oneStepBetter: z.optional(longText) }),
        ),
      }),
      z.strictObject({
        type: z.literal('pack'),
        packId: appKey,
        packVersion: shortText,
        /** Item id → the value chosen, or null for an item skipped on purpose. */
        answers: itemAnswers,
      }),
    ]),
  ),
})
/** The rating record. */
export type Rating = z.infer<typeof ratingSchema>
