/** One line of the handover plan ("overdragelsesplan"): who takes over what, from when. */
import { z } from './zod'
import { baseRecordShape, civilDate, personRef, shortText } from './base'

/** How far the handover of one item has come. */
export const handoverStatuses = ['planned', 'started', 'done'] as const

/** The handover-item record. */
export const handoverItemSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('handoverItem'),
  what: shortText,
  /** Who takes over: someone from the network, or a free name. */
  to: personRef,
  from: civilDate.optional(),
  status: z.enum(handoverStatuses),
})
/** The handover-item record. */
export type HandoverItem = z.infer<typeof handoverItemSchema>
