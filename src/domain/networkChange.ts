/**
 * "Then and now" on the network map (issue #12, item 3): who came into the network, who moved
 * closer, who moved further away and who is no longer on it, between two snapshots. People are
 * matched by id, so a renamed person is the same person.
 *
 * The snapshots are derived, not stored: `networkOn(contacts, day)` rebuilds the network of any
 * day from each contact's creation day and dated closeness history (kept by the contact form,
 * `contactForm.ts`), and `phaseStartsReached` gives the days to compare: the first day of each
 * phase the course has reached. Derivation needs no snapshot at a phase change, so a moved day 1
 * or a pause (which moves the phase boundaries) still compares the right days.
 */
import type { Contact } from '@/schemas'
import { civilDateInZone, minCivil, type CivilDate } from './civilDate'
import { parseHlc } from './clock'
import { closenessLevels, type Closeness, type MapPerson } from './networkMap'
import type { CourseStatus, PhaseNumber } from './phases'

export interface NetworkMove<P extends MapPerson> {
  readonly person: P
  readonly from: Closeness
  readonly to: Closeness
}

export interface NetworkChange<P extends MapPerson> {
  /** On the map now, not then. */
  readonly came: readonly P[]
  /** Closer now than then (e.g. distant → some contact). */
  readonly closer: readonly NetworkMove<P>[]
  readonly further: readonly NetworkMove<P>[]
  /** On the map then, not now (removed, or made private). */
  readonly left: readonly P[]
}

/** 0 is closest. */
function distance(closeness: Closeness): number {
  return closenessLevels.indexOf(closeness)
}

/** The change from `then` to `now`, each list in the order of `now` (`left` in the order of `then`). */
export function networkChange<P extends MapPerson>(then: readonly P[], now: readonly P[]): NetworkChange<P> {
  const before = new Map(then.map((person) => [person.id, person]))
  const present = new Set(now.map((person) => person.id))
  const came: P[] = []
  const closer: NetworkMove<P>[] = []
  const further: NetworkMove<P>[] = []
  for (const person of now) {
    const earlier = before.get(person.id)
    if (earlier === undefined) {
      came.push(person)
      continue
    }
    const step = distance(person.closeness) - distance(earlier.closeness)
    const move = { person, from: earlier.closeness, to: person.closeness }
    if (step < 0) closer.push(move)
    else if (step > 0) further.push(move)
  }
  const left = then.filter((person) => !present.has(person.id))
  return { came, closer, further, left }
}

/** Whether anything changed at all. */
export function networkChanged(change: NetworkChange<MapPerson>): boolean {
  return change.came.length + change.closer.length + change.further.length + change.left.length > 0
}

/**
 * The day a record was made, on the wall clock of `timeZone`: its `createdAt` stamp's wall time.
 * A stamp that cannot be read gives null.
 */
function dayOfStamp(stamp: string, timeZone: string): CivilDate | null {
  try {
    return civilDateInZone(new Date(parseHlc(stamp).wallMs), timeZone)
  } catch {
    return null
  }
}

/**
 * The day a contact came into the network: the day the record was made, or the day of its first
 * recorded closeness if that is earlier (a contact from an import keeps its history's days).
 */
export function contactAddedOn(
  contact: Pick<Contact, 'createdAt' | 'closenessHistory'>,
  timeZone: string,
): CivilDate | null {
  const made = dayOfStamp(contact.createdAt, timeZone)
  const first = contact.closenessHistory[0]?.on
  if (made === null) return first ?? null
  return first === undefined ? made : minCivil(made, first)
}

/**
 * How close a contact was at the end of `day`, from the dated history: the last change on or
 * before that day. Before the first recorded change (a contact from before closeness was dated,
 * changed later) the first recorded closeness is the best there is; with no history at all, the
 * closeness now.
 */
export function closenessOn(
  contact: Pick<Contact, 'closeness' | 'closenessHistory'>,
  day: CivilDate,
): Closeness {
  const history = contact.closenessHistory
  let found: Closeness | undefined
  for (const change of history) {
    if (change.on <= day) found = change.closeness
    else break
  }
  return found ?? history[0]?.closeness ?? contact.closeness
}

/**
 * The network as it was on `day` (issue #12 item 3, "then and now"), derived from the records
 * rather than a stored snapshot:
 * - who was there: contacts added on or before `day` (`contactAddedOn`); a contact deleted
 *   since (its tombstone is kept, and its last change is the deletion) counts as there until
 *   the day it was deleted, so "no longer there" can name them;
 * - how close: `closenessOn(day)`.
 * Each contact comes back as it is now (name, kind, safety) with that day's closeness and
 * `deleted` as it was that day, so the same privacy filters (`mapPeople` in `./network`) decide
 * who may be shown: who is private or kept safe from now is never shown for any day.
 * A contact whose day cannot be read is left out of every earlier day.
 */
export function networkOn(contacts: readonly Contact[], day: CivilDate, timeZone: string): Contact[] {
  return contacts.flatMap((contact) => {
    const added = contactAddedOn(contact, timeZone)
    if (added === null || added > day) return []
    if (contact.deleted) {
      const removed = dayOfStamp(contact.updatedAt, timeZone)
      if (removed === null || removed <= day) return []
    }
    return [{ ...contact, deleted: false, closeness: closenessOn(contact, day) }]
  })
}

/** One phase's "then": the network on the first day of a phase the course has reached. */
export interface PhaseStart {
  readonly phase: PhaseNumber
  readonly start: CivilDate
}

/**
 * The days whose network is set against today's: the first day of each phase the course has
 * reached by its day asked about (`status.on`), oldest first. Nothing before day 1 (the contact
 * period has no phase yet). After a restart, the phases of the course that counts.
 */
export function phaseStartsReached(status: Pick<CourseStatus, 'on' | 'phases'>): PhaseStart[] {
  return status.phases
    .filter((phase) => phase.start <= status.on)
    .map((phase) => ({ phase: phase.phase, start: phase.start }))
}
