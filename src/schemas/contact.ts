/** A person or service in the citizen's support network. */
import { z } from './zod'
import { baseRecordShape, civilDate, longText, personName, phone, shortText } from './base'

/** How a contact relates to the citizen (CTI-BRIEF.md, "The support network"). */
export const contactRelations = [
  'family',
  'friend',
  'neighbour',
  'civilSociety',
  'professional',
  'other',
] as const

/**
 * Safety settings for a contact. For people leaving violence the network must be kept away
 * from the violent ex-partner (CTI-BRIEF.md), and some contacts must not exist on paper at all.
 */
export const contactSafetySchema = z.strictObject({
  /** Never shared and never put in a share package, whatever else is shared. */
  keepHidden: z.boolean(),
  /** What this contact must not pass on to, or do with, the ex-partner. */
  doNotContactEx: shortText.optional(),
})
/** Safety settings for a contact. */

/** The contact record. */
export const contactSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('contact'),
    name: personName,
    relation: z.enum(contactRelations),
    role: shortText.optional(),
    organisation: shortText.optional(),
    phone: phone.optional(),
    helpsWith: longText.optional(),
    /** When this contact takes over responsibility from the worker. */
    takesOverFrom: civilDate.optional(),
    safety: contactSafetySchema.default({ keepHidden: false }),
  })
  // Checked here as well as in the sharing filter: a hidden contact that claims to be shared
  // is corrupt or crafted, and must not reach any code that trusts `shared`.
  .refine((contact) => !(contact.safety.keepHidden && contact.shared), {
    message: 'A hidden contact cannot be shared',
    path: ['shared'],
  })
/** The contact record. */
export type Contact = z.infer<typeof contactSchema>
