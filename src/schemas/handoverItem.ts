/**
 * One line of the handover plan ("overdragelsesplan"): what is taken over — an open goal, a
 * sub-goal or a support need in her words — by whom (someone from the network, the citizen
 * herself, or a service such as "§85 bostøtte"), from when, and how far that has come. The shape
 * follows `src/domain/handover.ts`, whose rules read these lines. Record schema version 2;
 * version 1's `what`/`to`/`planned|started|done` are upgraded by `src/data/migrations/records.ts`.
 *
 * Written in zod's functional forms, which zod/mini shares.
 */
import { z } from './zod'
import { baseRecordShape, civilDate, longText, shortText, uuid } from './base'

/** How far the handover of one item has come (`handoverStatuses` in `src/domain/handover.ts`). */
export const handoverStatuses = ['notDiscussed', 'agreed', 'inPlace'] as const

/** What a line is about: a goal or sub-goal of the plan, or a support need in her own words. */
export const handoverSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('goal'), id: uuid }),
  z.strictObject({ kind: z.literal('subGoal'), id: uuid }),
  z.strictObject({ kind: z.literal('need'), text: shortText }),
])
/** What a handover line is about. */
export type HandoverSubjectRecord = z.infer<typeof handoverSubjectSchema>

/** Who takes over: a contact from the network, the citizen herself, or a named service. */
export const handoverOwnerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('contact'), contactId: uuid }),
  z.strictObject({ kind: z.literal('self') }),
  z.strictObject({ kind: z.literal('service'), name: shortText }),
])
/** Who takes over a handover line. */
export type HandoverOwnerRecord = z.infer<typeof handoverOwnerSchema>

/** The handover-item record. */
export const handoverItemSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('handoverItem'),
  about: handoverSubjectSchema,
  /** Null while no one has been found: the rules ask about exactly these. */
  owner: z.nullable(handoverOwnerSchema),
  from: z.optional(civilDate),
  status: z.enum(handoverStatuses),
  notes: z.optional(longText),
})
/** The handover-item record. */
export type HandoverItem = z.infer<typeof handoverItemSchema>
