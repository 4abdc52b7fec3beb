/** One completed (or partly completed) questionnaire: who answered what, at which stage. */
import { z } from './zod'
import { appKey, baseRecordShape, civilDate, courseStage, instrumentKey, type InstrumentKey } from './base'

/** Who answered: both the citizen and the worker rate the change compass, for dialogue. */
export const respondents = ['citizen', 'worker'] as const
/** Who answered (the assessment and the rating records). */
export const respondent = z.enum(respondents)

/** Upper bound on items per questionnaire; the longest supported instrument has ten. */
export const MAX_ASSESSMENT_ITEMS = 40

/**
 * The answer range each instrument allows (CTI-BRIEF.md, "Measuring progress"). Which item keys
 * exist, and how they score, belongs to the scoring functions in `src/domain`.
 */
export const instrumentAnswerRange = {
  changeCompass: { min: 0, max: 10 },
  recoveryStar: { min: 1, max: 10 },
  swemwbs: { min: 1, max: 5 },
  who5: { min: 0, max: 5 },
  sheehan: { min: 0, max: 10 },
} as const satisfies Record<InstrumentKey, { min: number; max: number }>

/** One answer: an integer on the scale, or null for an item skipped on purpose. */
export const answerValue = z.nullable(z.int().check(z.minimum(0), z.maximum(10)))

/** Item key → answer, at most `MAX_ASSESSMENT_ITEMS` (a questionnaire's or an instrument pack's). */
export const itemAnswers = z.record(appKey, answerValue).check(
  z.refine((answers) => Object.keys(answers).length <= MAX_ASSESSMENT_ITEMS, {
    message: `At most ${MAX_ASSESSMENT_ITEMS} answers`,
  }),
)

/** The assessment record. */
export const assessmentSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('assessment'),
    instrument: instrumentKey,
    respondent,
    stage: courseStage,
    date: civilDate,
    /** Item key → answer. */
    answers: itemAnswers,
  })
  .check(
    z.superRefine((assessment, ctx) => {
      const { min, max } = instrumentAnswerRange[assessment.instrument]
      for (const [item, value] of Object.entries(assessment.answers)) {
        if (value !== null && (value < min || value > max)) {
          ctx.addIssue({
            code: 'custom',
            message: `Answers to ${assessment.instrument} run from ${min} to ${max}`,
            path: ['answers', item],
          })
        }
      }
    }),
  )
/** The assessment record. */
export type Assessment = z.infer<typeof assessmentSchema>
