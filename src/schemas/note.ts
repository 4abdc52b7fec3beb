/** A note attached to one thing in the plan. */
import { z } from './zod'
import { baseRecordShape, longText, uuid } from './base'

/** Kinds a note can be attached to. */
export const noteTargetKinds = ['goal', 'subGoal', 'activity', 'focusArea', 'contact'] as const

/** The note record. Its own `shared` flag decides: sharing the goal does not share its notes. */
export const noteSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('note'),
  target: z.strictObject({ kind: z.enum(noteTargetKinds), id: uuid }),
  text: longText,
})
/** The note record. */
export type Note = z.infer<typeof noteSchema>
