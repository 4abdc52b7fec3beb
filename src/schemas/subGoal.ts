/** A sub-goal ("delmål"): a smaller step when a goal feels too big, so progress shows. */
import { z } from './zod'
import { baseRecordShape, civilDate, order, shortText, uuid } from './base'

/** The sub-goal record. */
export const subGoalSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('subGoal'),
    goalId: uuid,
    title: shortText,
    due: z.optional(civilDate),
    done: z.boolean(),
    /**
     * The day it was done, as the citizen counts days. A calendar date rather than a stamp:
     * it may be recorded later than it happened, and a UTC stamp can fall on another local day.
     */
    doneAt: z.optional(civilDate),
    order,
  })
  .check(
    z.refine((subGoal) => subGoal.done || subGoal.doneAt === undefined, {
      message: 'Only a done sub-goal has a done date',
      path: ['doneAt'],
    }),
  )
/** The sub-goal record. */
export type SubGoal = z.infer<typeof subGoalSchema>
