/**
 * The long-term plan and the final network meeting of the handover plan (CTI-BRIEF.md phase 3:
 * "meetings with the network to mark the handover; long-term plan"), kept on the plan record as
 * its optional `handover` field. The lines of who takes over what are `handoverItem` records.
 *
 * Written in zod's functional forms, which zod/mini shares.
 */
import { z } from './zod'
import { civilDate, hasNoDuplicates, longText, timeOfDay, uuid } from './base'

/** The final network meeting: when, who is invited (contacts from the network), what to talk about. */
export const networkMeetingSchema = z
  .strictObject({
    date: z.optional(civilDate),
    /** Local time `HH:MM`; only with a date. */
    time: z.optional(timeOfDay),
    /** Contact ids; never a private contact (`checkHandoverPlan` in `src/domain/handover.ts`). */
    invited: z
      .array(uuid)
      .check(z.maxLength(100), z.refine(hasNoDuplicates, { message: 'Each person may be invited once' })),
    agenda: z.optional(longText),
  })
  .check(
    z.refine((meeting) => meeting.time === undefined || meeting.date !== undefined, {
      message: 'A time needs a date',
      path: ['time'],
    }),
  )
/** The final network meeting. */
export type NetworkMeeting = z.infer<typeof networkMeetingSchema>

/** The plan's `handover` field. */
export const handoverPlanSchema = z.strictObject({
  /** What she wants to keep working on after CTI, in her own words. */
  longTerm: z.optional(longText),
  meeting: z.optional(networkMeetingSchema),
})
/** The long-term plan and the final network meeting. */
export type HandoverPlan = z.infer<typeof handoverPlanSchema>
