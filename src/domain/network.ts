/**
 * The support network's rules (issue #12 items 1 and 2): which contacts a list shows, which may
 * ever leave the phone (a share, an export, a print, the map), who help now offers, and the
 * links that call, text or mail a contact.
 *
 * Safety, and why it is decided here once:
 * - A private contact is on the phone only: hidden in lists until the citizen reveals them, and
 *   never in anything that leaves the phone or is shown to others (the map is shown at visits).
 * - The person she must be kept safe from is never a contact (they live in the plan's safety
 *   notes). A contact that still matches them — by id, or by the same name typed as a contact —
 *   is held back all the same, and nothing that leaves the phone says what a contact must not
 *   tell them: `mustNotTell` and its note are her safety notes, not the network's business.
 * - "Hide address" keeps the address out of everything but the contact's own editor.
 */
import type { Contact, KeptSafeFrom, Plan } from '@/schemas'
import { networkKinds, type MapPerson, type NetworkKind } from './networkMap'

/** Contacts for a list: live ones, private ones only once revealed, by name. */
export function listedContacts(
  contacts: readonly Contact[],
  options: { readonly revealPrivate: boolean; readonly locale?: string },
): Contact[] {
  return contacts
    .filter((contact) => !contact.deleted && (options.revealPrivate || !contact.safety.keepPrivate))
    .sort((a, b) => a.name.localeCompare(b.name, options.locale))
}

/** How many live contacts the list hides until the citizen reveals private ones. */
export function hiddenPrivateCount(contacts: readonly Contact[]): number {
  return contacts.filter((contact) => !contact.deleted && contact.safety.keepPrivate).length
}

/** One kind's group in the list. */
export interface ContactGroup {
  readonly kind: NetworkKind
  readonly contacts: readonly Contact[]
}

/** Contacts grouped by kind in the map's order (private life first); empty kinds left out. */
export function groupByKind(contacts: readonly Contact[]): ContactGroup[] {
  return networkKinds
    .map((kind) => ({ kind, contacts: contacts.filter((contact) => contact.networkKind === kind) }))
    .filter((group) => group.contacts.length > 0)
}

function sameName(a: string, b: string): boolean {
  const normal = (name: string) => name.normalize('NFKC').trim().toLocaleLowerCase().replace(/\s+/g, ' ')
  return normal(a) === normal(b)
}

/** Whether a name is (written like) the name of someone she must be kept safe from. */
export function namesKeptSafeFrom(name: string, keptSafeFrom: readonly KeptSafeFrom[]): boolean {
  return keptSafeFrom.some((person) => sameName(person.name, name))
}

/** Whether the contact is, or looks like, someone she must be kept safe from. */
export function isKeptSafeFrom(contact: Contact, keptSafeFrom: readonly KeptSafeFrom[]): boolean {
  return (
    keptSafeFrom.some((person) => person.id === contact.id) || namesKeptSafeFrom(contact.name, keptSafeFrom)
  )
}

/**
 * The contacts that may leave the phone or be shown to others — shares, exports, prints, the map
 * — each stripped of what must stay on the phone: no private contact, no deleted one, no one who
 * is or looks like a kept-safe-from person, no "must not tell" and, where asked, no address.
 */
export function outwardContacts(
  contacts: readonly Contact[],
  keptSafeFrom: readonly KeptSafeFrom[] = [],
): Contact[] {
  return contacts
    .filter(
      (contact) => !contact.deleted && !contact.safety.keepPrivate && !isKeptSafeFrom(contact, keptSafeFrom),
    )
    .map((contact) => {
      const { address, safety, ...rest } = contact
      return {
        ...rest,
        ...(address !== undefined && !safety.hideAddress ? { address } : {}),
        safety: { keepPrivate: false, hideAddress: safety.hideAddress, mustNotTell: [] },
      }
    })
}

/** The plan as it may leave the phone: without her safety notes. */
export function outwardPlan(plan: Plan): Plan {
  const outward = { ...plan }
  delete outward.safetyNotes
  return outward
}

/** The people a network map may show: the outward contacts, by name, as the map needs them. */
export function mapPeople(
  contacts: readonly Contact[],
  keptSafeFrom: readonly KeptSafeFrom[] = [],
  locale?: string,
): MapPerson[] {
  return outwardContacts(contacts, keptSafeFrom)
    .sort((a, b) => a.name.localeCompare(b.name, locale))
    .map((contact) => ({ id: contact.id, kind: contact.networkKind, closeness: contact.closeness }))
}

/**
 * Her own crisis contacts for help now (once the plan is open): live, marked as crisis contact,
 * with a phone number to call, and not private — help now is opened in a hurry, often with
 * someone else beside her.
 */
export function crisisContacts(contacts: readonly Contact[], locale?: string): Contact[] {
  return contacts
    .filter(
      (contact) =>
        !contact.deleted &&
        contact.crisisContact &&
        !contact.safety.keepPrivate &&
        contact.phone !== undefined,
    )
    .sort((a, b) => a.name.localeCompare(b.name, locale))
}

/**
 * A phone number as a dialler needs it: digits, a leading `+` (or `00`) kept, `*` and `#` kept
 * for service codes; spaces, dots, dashes, slashes and brackets dropped. Null without a digit.
 */
export function dialableNumber(phone: string): string | null {
  const trimmed = phone.trim()
  const plus = trimmed.startsWith('+') ? '+' : ''
  const rest = trimmed.replace(/[^0-9*#]/g, '')
  return /\d/.test(rest) ? plus + rest : null
}

/** `tel:` link for a phone number, or null when it has nothing to dial. `#` is escaped (RFC 3966). */
export function telHref(phone: string): string | null {
  const number = dialableNumber(phone)
  return number === null ? null : `tel:${number.replace(/#/g, '%23')}`
}

/** `sms:` link for a phone number, or null when it has nothing to dial. */
export function smsHref(phone: string): string | null {
  const number = dialableNumber(phone)
  // A text goes to a number only: service codes with * or # are not text recipients.
  return number === null || /[*#]/.test(number) ? null : `sms:${number}`
}

/**
 * `mailto:` link for an e-mail address, each part percent-encoded so that nothing she typed
 * can add a subject, a body or another recipient. Null for anything that is not one address.
 */
export function mailtoHref(email: string): string | null {
  const parts = email.trim().split('@')
  if (parts.length !== 2) return null
  const [local = '', domain = ''] = parts
  if (local === '' || domain === '' || /\s/.test(email.trim())) return null
  return `mailto:${encodeURIComponent(local)}@${encodeURIComponent(domain)}`
}
