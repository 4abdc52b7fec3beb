/** A goal inside a focus area, in the citizen's own words. */
import { z } from './zod'
import { baseRecordShape, longText, order, shortText, uuid } from './base'

/** Where a goal stands. 'letGo' is a legitimate choice, not a failure. */
export const goalStatuses = ['notStarted', 'onTheWay', 'reached', 'letGo'] as const

/** The goal record. */
export const goalSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('goal'),
  focusAreaId: uuid,
  title: shortText,
  /** The hope, wish or dream behind the goal. */
  why: z.optional(longText),
  status: z.enum(goalStatuses),
  order,
})
/** The goal record. */
export type Goal = z.infer<typeof goalSchema>
/** Where a goal stands. */
export type GoalStatus = Goal['status']
