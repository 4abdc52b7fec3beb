/**
 * A person or place in the citizen's support network (CTI-BRIEF.md, "The support network";
 * issue #12 items 1 and 2). Record schema version 2; version 1's `relation` and `safety.keepHidden`
 * are upgraded by `src/data/migrations/records.ts`.
 *
 * Written in zod's functional forms (`z.optional`, `.check(...)`), which zod/mini shares.
 */
import { z } from './zod'
import { closenessLevels, networkKinds, type NetworkKind } from '@/domain/networkKinds'
import { baseRecordShape, civilDate, longText, personName, phone, shortText, uuid } from './base'

/** Kinds of people and places, in the network map's sector order (`@/domain/networkKinds`). */
export const contactKinds = networkKinds
/** A kind of person or place in the network. */
export type ContactKind = NetworkKind

/** How close a person is, from the citizen's point of view (the map's rings, inside out). */
export const contactClosenessLevels = closenessLevels

/** A closeness as the citizen set it on a day: the history shows the network change. */
export const closenessChangeSchema = z.strictObject({
  on: civilDate,
  closeness: z.enum(contactClosenessLevels),
})
/** One dated closeness. */
export type ClosenessChange = z.infer<typeof closenessChangeSchema>

/** An e-mail address: one `@`, no spaces, so it is always safe in a `mailto:` link. */
export const emailAddress = z
  .string()
  .check(z.trim(), z.maxLength(200), z.regex(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/))

/**
 * Safety settings for a contact. For people leaving violence the network must be kept away from
 * the violent ex-partner (CTI-BRIEF.md). The person she is kept safe from is never a contact: they
 * live only in the plan's safety notes (`plan.safetyNotes.keptSafeFrom`), and a contact names
 * them here by id only.
 */
export const contactSafetySchema = z.strictObject({
  /** Never shared, exported, printed or mapped, and hidden in lists until the citizen reveals them. */
  keepPrivate: z.boolean(),
  /** The address stays out of every list and print, even where the contact shows. */
  hideAddress: z._default(z.boolean(), false),
  /** Kept-safe-from persons (ids in the plan's safety notes) this contact must pass nothing on to. */
  mustNotTell: z._default(z.array(uuid).check(z.maxLength(20)), []),
  /** In her words: what this contact must not pass on (version 1's `doNotContactEx`). */
  mustNotTellNote: z.optional(shortText),
})
/** Safety settings for a contact. */
export type ContactSafety = z.infer<typeof contactSafetySchema>

/** The contact record. */
export const contactSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('contact'),
    name: personName,
    /** Which kind of network member (the record's own `kind` is always 'contact'). */
    networkKind: z.enum(contactKinds),
    organisation: z.optional(shortText),
    role: z.optional(shortText),
    phone: z.optional(phone),
    email: z.optional(emailAddress),
    address: z.optional(longText.check(z.maxLength(400))),
    helpsWith: z.optional(longText),
    focusAreaIds: z._default(z.array(uuid).check(z.maxLength(50)), []),
    goalIds: z._default(z.array(uuid).check(z.maxLength(200)), []),
    /** How close they are now; equal to the last entry of `closenessHistory` when it has any. */
    closeness: z.enum(contactClosenessLevels),
    /** Every closeness the citizen set, oldest first (empty for contacts from version 1). */
    closenessHistory: z._default(z.array(closenessChangeSchema).check(z.maxLength(200)), []),
    /** Shown under help now, once the plan is open. */
    crisisContact: z._default(z.boolean(), false),
    /** When this contact takes over responsibility from the worker. */
    takesOverFrom: z.optional(civilDate),
    notes: z.optional(longText),
    safety: z._default(contactSafetySchema, { keepPrivate: false, hideAddress: false, mustNotTell: [] }),
  })
  // Checked here as well as in the sharing filter: a private contact that claims to be shared
  // is corrupt or crafted, and must not reach any code that trusts `shared`.
  .check(
    z.refine((contact) => !(contact.safety.keepPrivate && contact.shared), {
      message: 'A private contact cannot be shared',
      path: ['shared'],
    }),
    z.refine(
      (contact) => {
        const history = contact.closenessHistory
        const last = history[history.length - 1]
        if (last !== undefined && last.closeness !== contact.closeness) return false
        // YYYY-MM-DD compares correctly as a string.
        return history.every((change, index) => index === 0 || (history[index - 1]?.on ?? '') <= change.on)
      },
      {
        message: 'The closeness history must be in date order and end at the current closeness',
        path: ['closenessHistory'],
      },
    ),
  )
/** The contact record. */
export type Contact = z.infer<typeof contactSchema>
/** How close a contact is. */
export type ContactCloseness = Contact['closeness']
