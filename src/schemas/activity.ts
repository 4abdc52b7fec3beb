/** An activity in the activity plan: who does what, when, and whether it matters now or later. */
import { z } from './zod'
import { baseRecordShape, civilDate, personRef, shortText, timeOfDay, uuid } from './base'

/** How often an activity repeats. */
export const activityRepeats = ['none', 'daily', 'weekly', 'monthly'] as const
/** Whether an activity needs attention now or later in the course. */
export const activityPriorities = ['now', 'later'] as const

/** The activity record. */
export const activitySchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('activity'),
  title: shortText,
  /** The goal the activity serves; activities may also stand alone. */
  goalId: z.optional(uuid),
  date: z.optional(civilDate),
  /** Local time of day; the citizen's wall-clock time, not tied to a zone. */
  time: z.optional(timeOfDay),
  repeat: z.enum(activityRepeats),
  place: z.optional(shortText),
  /** Who helps: someone from the network, or a free name. */
  helper: z.optional(personRef),
  priority: z.enum(activityPriorities),
  done: z.boolean(),
})
/** The activity record. */
export type Activity = z.infer<typeof activitySchema>
