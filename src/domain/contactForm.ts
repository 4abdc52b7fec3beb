/**
 * The contact form: what it holds, the checks before saving, and how a saved contact is changed
 * by it. Rules, and why:
 * - Only the name is required: a network grows from "my sister", details come later.
 * - A phone number holds digits and the usual separators only, and an e-mail is one address:
 *   both become links (`src/domain/network.ts`), so they must be safe there.
 * - A change of closeness is recorded with its day, so the network's growth can be seen; two
 *   changes on one day keep the last.
 * - A private contact is never shared: choosing "keep private" takes `shared` away.
 * - Clearing a field clears it in the record: the saved contact holds exactly the form.
 */
import { isCivilDate, type CivilDate } from './civilDate'
import type { Closeness, NetworkKind } from './networkMap'
import {
  optionalDateProblem,
  optionalText,
  optionalTextProblem,
  requiredTextProblem,
  TEXT_LIMITS,
  type FieldProblem,
} from './planForms'
import type { Contact } from '@/schemas'

/** What the contact form holds: plain strings and choices from the fields. */
export interface ContactDraft {
  readonly name: string
  readonly networkKind: NetworkKind
  readonly organisation: string
  readonly role: string
  readonly phone: string
  readonly email: string
  readonly address: string
  readonly helpsWith: string
  readonly notes: string
  readonly closeness: Closeness
  readonly crisisContact: boolean
  readonly keepPrivate: boolean
  readonly hideAddress: boolean
  /** Ids of kept-safe-from persons (the plan's safety notes) this contact must pass nothing on to. */
  readonly mustNotTell: readonly string[]
  /** The focus areas and goals this contact helps with (ids of live records). */
  readonly focusAreaIds: readonly string[]
  readonly goalIds: readonly string[]
  /** From when they take over, from the date field: `YYYY-MM-DD` or ''. */
  readonly takesOverFrom: string
}

/** The form's fields that can have a problem. */
export type ContactField =
  'name' | 'organisation' | 'role' | 'phone' | 'email' | 'address' | 'helpsWith' | 'notes' | 'takesOverFrom'

/** The form's free-text fields: '' in the form, left out of the saved contact when empty. */
type ContactText = 'organisation' | 'role' | 'phone' | 'email' | 'address' | 'helpsWith' | 'notes'

/** The contact fields the form decides: the draft, with empty texts left out and the date checked. */
export type ContactFields = Omit<ContactDraft, ContactText | 'takesOverFrom'> &
  Partial<Pick<ContactDraft, ContactText>> & { readonly takesOverFrom?: CivilDate }

/** What can be wrong with a field: missing, too long, a phone or e-mail that is not one, a bad date. */
export type ContactProblem =
  | Extract<FieldProblem, 'required' | 'tooLong' | 'invalidDate' | 'dateOutOfRange'>
  | 'invalidPhone'
  | 'invalidEmail'

/** The fields to save, or the problems per field (at least one). */
export type ContactCheck =
  | { readonly ok: true; readonly value: ContactFields }
  | { readonly ok: false; readonly problems: Readonly<Partial<Record<ContactField, ContactProblem>>> }

const PHONE = /^[0-9+()\-./#* ]+$/
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/
const LIMITS = { phone: 40, email: 200, address: 400 } as const

/** An empty form: someone from the family, some contact, nothing private. */
export function emptyContactDraft(networkKind: NetworkKind = 'family'): ContactDraft {
  return {
    name: '',
    networkKind,
    organisation: '',
    role: '',
    phone: '',
    email: '',
    address: '',
    helpsWith: '',
    notes: '',
    closeness: 'some',
    crisisContact: false,
    keepPrivate: false,
    hideAddress: false,
    mustNotTell: [],
    focusAreaIds: [],
    goalIds: [],
    takesOverFrom: '',
  }
}

/** The form filled from a saved contact; kept-safe-from ids no longer in her notes are left out. */
export function draftOfContact(contact: Contact, keptSafeFromIds: ReadonlySet<string>): ContactDraft {
  return {
    name: contact.name,
    networkKind: contact.networkKind,
    organisation: contact.organisation ?? '',
    role: contact.role ?? '',
    phone: contact.phone ?? '',
    email: contact.email ?? '',
    address: contact.address ?? '',
    helpsWith: contact.helpsWith ?? '',
    notes: contact.notes ?? '',
    closeness: contact.closeness,
    crisisContact: contact.crisisContact,
    keepPrivate: contact.safety.keepPrivate,
    hideAddress: contact.safety.hideAddress,
    mustNotTell: contact.safety.mustNotTell.filter((id) => keptSafeFromIds.has(id)),
    focusAreaIds: [...contact.focusAreaIds],
    goalIds: [...contact.goalIds],
    takesOverFrom: contact.takesOverFrom ?? '',
  }
}

function patternProblem(
  text: string,
  max: number,
  pattern: RegExp,
  invalid: ContactProblem,
): ContactProblem | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  if (trimmed.length > max) return 'tooLong'
  return pattern.test(trimmed) ? null : invalid
}

/** Checks the form. */
export function checkContactForm(draft: ContactDraft): ContactCheck {
  const problems: Partial<Record<ContactField, ContactProblem>> = {}
  const set = (field: ContactField, problem: ContactProblem | null): void => {
    if (problem !== null) problems[field] = problem
  }
  set('name', requiredTextProblem(draft.name, TEXT_LIMITS.personName))
  set('organisation', optionalTextProblem(draft.organisation, TEXT_LIMITS.shortText))
  set('role', optionalTextProblem(draft.role, TEXT_LIMITS.shortText))
  set('phone', patternProblem(draft.phone, LIMITS.phone, PHONE, 'invalidPhone'))
  set('email', patternProblem(draft.email, LIMITS.email, EMAIL, 'invalidEmail'))
  // Long texts are stored as written (not trimmed), so their limits count what was typed.
  if (draft.address.length > LIMITS.address) set('address', 'tooLong')
  if (draft.helpsWith.length > TEXT_LIMITS.longText) set('helpsWith', 'tooLong')
  if (draft.notes.length > TEXT_LIMITS.longText) set('notes', 'tooLong')
  const takeover = optionalDateProblem(draft.takesOverFrom)
  if (takeover === 'invalidDate' || takeover === 'dateOutOfRange') set('takesOverFrom', takeover)

  if (Object.keys(problems).length > 0) return { ok: false, problems }
  const fields: { -readonly [K in keyof ContactFields]: ContactFields[K] } = {
    name: draft.name.trim(),
    networkKind: draft.networkKind,
    closeness: draft.closeness,
    crisisContact: draft.crisisContact,
    keepPrivate: draft.keepPrivate,
    hideAddress: draft.hideAddress,
    mustNotTell: [...new Set(draft.mustNotTell)],
    focusAreaIds: [...new Set(draft.focusAreaIds)],
    goalIds: [...new Set(draft.goalIds)],
  }
  if (isCivilDate(draft.takesOverFrom)) fields.takesOverFrom = draft.takesOverFrom
  for (const key of ['organisation', 'role', 'phone', 'email'] as const) {
    const value = optionalText(draft[key])
    if (value !== undefined) fields[key] = value
  }
  for (const key of ['address', 'helpsWith', 'notes'] as const) {
    if (draft[key].trim() !== '') fields[key] = draft[key]
  }
  return { ok: true, value: fields }
}

/** The fields of a new contact, its first closeness recorded on `today`. */
export function newContactFields(fields: ContactFields, today: CivilDate) {
  const { keepPrivate, hideAddress, mustNotTell, ...rest } = fields
  return {
    ...rest,
    focusAreaIds: [...fields.focusAreaIds],
    goalIds: [...fields.goalIds],
    closenessHistory: [{ on: today, closeness: fields.closeness }],
    safety: { keepPrivate, hideAddress, mustNotTell: [...mustNotTell] },
  } satisfies Partial<Contact>
}

/**
 * The closeness history after the form is saved on `today`: unchanged while the closeness is;
 * otherwise the new closeness dated today, replacing one set earlier the same day (or dated
 * later by a skewed clock), and not repeated when it only goes back to the one before.
 * A contact from before closeness was dated (no history) first gets its closeness so far,
 * dated the day it was added (`addedOn`, else today), so "then" keeps what it was.
 */
export function nextClosenessHistory(
  contact: Pick<Contact, 'closeness' | 'closenessHistory'>,
  closeness: Closeness,
  today: CivilDate,
  addedOn: CivilDate | null = null,
): Contact['closenessHistory'] {
  const since = addedOn !== null && addedOn < today ? addedOn : today
  const history =
    contact.closenessHistory.length > 0
      ? contact.closenessHistory
      : [{ on: since, closeness: contact.closeness }]
  if (closeness === contact.closeness) return history
  const before = history.filter((change) => change.on < today)
  return before[before.length - 1]?.closeness === closeness ? before : [...before, { on: today, closeness }]
}

/**
 * The saved contact changed to hold exactly `fields`. A new closeness is added to the history
 * on `today` (`nextClosenessHistory`); a private contact stops being shared. What the form does
 * not edit (her v1 safety note) is kept.
 */
export function withContactFields(
  contact: Contact,
  fields: ContactFields,
  today: CivilDate,
  addedOn: CivilDate | null = null,
): Contact {
  const { id, kind, createdAt, updatedAt, author, deleted, shared } = contact
  const { keepPrivate, hideAddress, mustNotTell, focusAreaIds, goalIds, ...rest } = fields
  const closenessHistory = nextClosenessHistory(contact, fields.closeness, today, addedOn)
  return {
    id,
    kind,
    createdAt,
    updatedAt,
    author,
    deleted,
    shared: keepPrivate ? false : shared,
    ...rest,
    focusAreaIds: [...focusAreaIds],
    goalIds: [...goalIds],
    closenessHistory,
    safety: {
      keepPrivate,
      hideAddress,
      mustNotTell: [...mustNotTell],
      ...(contact.safety.mustNotTellNote === undefined
        ? {}
        : { mustNotTellNote: contact.safety.mustNotTellNote }),
    },
  }
}
