/** The worker's log of one visit or call, so time use can follow the 4:2:1 intensity. */
import { z } from './zod'
import { baseRecordShape, civilDate, courseStage, longText } from './base'

/** How the visit happened; principle 14: meetings where the citizen wants them. */
export const visitModes = ['home', 'phone', 'video', 'office', 'other'] as const

/** The visit record. */
export const visitSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('visit'),
  date: civilDate,
  /** Time spent, at most one whole day. */
  minutes: z.int().check(z.minimum(0), z.maximum(1440)),
  stage: courseStage,
  mode: z.enum(visitModes),
  note: z.optional(longText),
})
/** The visit record. */
export type Visit = z.infer<typeof visitSchema>
