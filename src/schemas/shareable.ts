/**
 * The record schemas of the kinds a share package may carry (issue #14): the plan's content.
 * One list for the union of every record (`index.ts`) and for the worker's copy
 * (`workerPairing.ts`), which cannot import `index.ts` because that holds its own kind.
 */
import { activitySchema } from './activity'
import { contactSchema } from './contact'
import { focusAreaSchema } from './focusArea'
import { goalSchema } from './goal'
import { handoverItemSchema } from './handoverItem'
import { noteSchema } from './note'
import { planSchema } from './plan'
import { ratingSchema } from './rating'
import { subGoalSchema } from './subGoal'
import { visitSchema } from './visit'

export const shareableRecordSchemas = [
  planSchema,
  focusAreaSchema,
  goalSchema,
  subGoalSchema,
  activitySchema,
  contactSchema,
  ratingSchema,
  visitSchema,
  noteSchema,
  handoverItemSchema,
] as const
