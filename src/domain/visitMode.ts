/**
 * Visit mode on the citizen's phone (issue #14 item 5; DESIGN.md, "Sharing and co-editing"):
 * "my worker is here". The rules, decided here once:
 *
 * - **Who the worker is.** Every change during a visit is stamped `worker:<16 hex>`. The id is
 *   the paired worker device's id when a pairing knows it (the same id as in that device's own
 *   stamps); else 16 hex digits of the latest pairing's id (stable for that pairing, and the
 *   pairing id is random); else a random id made when the visit starts and kept with the visit
 *   (`workerAuthorFor`).
 * - **The journal.** One entry per record the worker touched: the record as it was before the
 *   visit's first change to it (none when the worker created it) and as the worker left it. A
 *   write that changes nothing she can see (only stamps) is not a change and keeps its author; a
 *   record created and deleted again in the same visit, or changed back to how it was, leaves
 *   the journal (`journalWrite`).
 * - **Undo, carefully.** A record nobody touched after the worker goes back to its before-state
 *   exactly (a created one is deleted). Every write while the visit is on counts as the worker's;
 *   if she changed the record herself after the visit ended and before she decided (the review
 *   can wait), only the fields the worker changed and she did not go back; her own later edits
 *   stay, and the review says so (`undoChange`).
 * - **The log.** Ending a visit logs a `visit` record: the day it began, its length in whole
 *   minutes (at least 1, at most a day), the stage of the course, mode `other` (the app cannot
 *   know where they met) (`visitLog`).
 *
 * Pure: records, times, random bytes and the record parser (the schemas' `safeParseRecord`,
 * as `RecordParser`) come in as arguments.
 */
import type { Author, CourseStage, NextMeeting, SharePairing, TrinRecord, VisitChange } from '@/schemas'
import { isCivilDate, type CivilDate } from './civilDate'
import { neutralMeetingEvent, type IcsActivityInput, type NeutralEventOptions } from './ics'
import type { Stage } from './phases'

/** Fields that say when and by whom, not what: a change of these alone is no change. */
const bookkeeping: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'author'])

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined)
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}

/** The fields whose values differ between two versions of a record, bookkeeping left out; sorted. */
export function changedFields(before: TrinRecord, after: TrinRecord): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const read = (record: TrinRecord, key: string): unknown => (record as Record<string, unknown>)[key]
  return [...keys]
    .filter((key) => !bookkeeping.has(key) && !sameValue(read(before, key), read(after, key)))
    .sort()
}

/** Whether a write changes something she can see (not only stamps or the author). */
export function isRealChange(before: TrinRecord | undefined, after: TrinRecord): boolean {
  if (before === undefined) return !after.deleted
  return changedFields(before, after).length > 0
}

/**
 * The author of a visit's changes: the paired worker device's id, else 16 hex digits of the
 * latest pairing's id, else `worker:` and the given random 16 hex digits.
 */
export function workerAuthorFor(pairings: readonly SharePairing[], randomHex: string): Author {
  const latest = [...pairings]
    .filter((pairing) => !pairing.deleted)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
  const withDevice = latest.find((pairing) => pairing.worker !== null)
  if (withDevice?.worker) return `worker:${withDevice.worker.deviceId}`
  const first = latest[0]
  if (first) return `worker:${first.pairingId.slice(0, 16)}`
  if (!/^[0-9a-f]{16}$/.test(randomHex)) throw new RangeError('Expected 16 lowercase hex digits')
  return `worker:${randomHex}`
}

/** A journal entry read back: the records parsed, or null when the stored text is unreadable. */
export interface ReadChange {
  readonly recordId: string
  readonly before: TrinRecord | null
  readonly after: TrinRecord
}

/** Parses untrusted input as a record (the record schemas), null when it is not one. */
export type RecordParser = (value: unknown) => TrinRecord | null

/** Parses one journal entry; null when either record does not parse (the entry is then dropped). */
export function readChange(change: VisitChange, parse: RecordParser): ReadChange | null {
  const after = parseJson(change.after, parse)
  if (after === null || after.id !== change.recordId) return null
  if (change.before === null) return { recordId: change.recordId, before: null, after }
  const before = parseJson(change.before, parse)
  if (before === null || before.id !== change.recordId) return null
  return { recordId: change.recordId, before, after }
}

function parseJson(text: string, parse: RecordParser): TrinRecord | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  return parse(value)
}

/**
 * The journal after the worker wrote `after` over `before` (undefined: the record is new). The
 * first before-state of a record stays; a change undone within the visit leaves the journal.
 */
export function journalWrite(
  changes: readonly VisitChange[],
  before: TrinRecord | undefined,
  after: TrinRecord,
  parse: RecordParser,
): VisitChange[] {
  const index = changes.findIndex((change) => change.recordId === after.id)
  const earlier = index === -1 ? undefined : changes[index]
  const firstBefore = earlier ? earlier.before : before === undefined ? null : JSON.stringify(before)
  const rest = changes.filter((_, at) => at !== index)
  const original = firstBefore === null ? undefined : (parseJson(firstBefore, parse) ?? undefined)
  if (firstBefore === null ? after.deleted : original !== undefined && !isRealChange(original, after))
    return rest
  const entry: VisitChange = { recordId: after.id, before: firstBefore, after: JSON.stringify(after) }
  return index === -1 ? [...changes, entry] : [...rest.slice(0, index), entry, ...rest.slice(index)]
}

/** What the worker did to a record, in her words: added, changed or deleted. */
export type ChangeAction = 'added' | 'changed' | 'deleted'

/** What a journal entry is about, for the review screen. */
export interface ChangeSummary {
  readonly action: ChangeAction
  readonly kind: TrinRecord['kind']
  /** Fields the worker changed (only for `changed`), bookkeeping left out, sorted. */
  readonly fields: readonly string[]
  /** She changed the record herself after the worker, during the visit. */
  readonly citizenChangedSince: boolean
  /** The record is gone (she deleted it after the worker): undo has nothing to bring back but the before-state. */
  readonly currentGone: boolean
}

function actionOf(change: ReadChange): ChangeAction {
  if (change.before === null || change.before.deleted) return 'added'
  return change.after.deleted ? 'deleted' : 'changed'
}

/**
 * Whether she changed the record after the worker's last change. Every write during the visit
 * is the worker's and is journalled, so a newer stamp than the journal's is hers, written after
 * the visit ended and before she decided.
 */
function changedSince(change: ReadChange, current: TrinRecord | undefined): boolean {
  return current !== undefined && current.updatedAt !== change.after.updatedAt
}

/** The review screen's line for one change; `current` is the record as stored now (tombstones included). */
export function summarizeChange(change: ReadChange, current: TrinRecord | undefined): ChangeSummary {
  const action = actionOf(change)
  return {
    action,
    kind: change.after.kind,
    fields: action === 'changed' && change.before ? changedFields(change.before, change.after) : [],
    citizenChangedSince: changedSince(change, current),
    currentGone: current === undefined || (current.deleted && !change.after.deleted),
  }
}

/** What undoing a change writes: a record to save (its before-state, or deleted), or nothing. */
export interface UndoResult {
  /** The record to save, stamps and author to be set by the store; null when nothing is to be written. */
  readonly record: TrinRecord | null
  /** Fields left as she set them after the worker (her later edit of the same field wins). */
  readonly keptHers: readonly string[]
}

/**
 * Undoes one change against the record as it is now. Untouched since the worker: the
 * before-state exactly (a record the worker added is deleted). Changed by her since: only the
 * fields the worker changed and she left as the worker set them go back.
 */
export function undoChange(
  change: ReadChange,
  current: TrinRecord | undefined,
  parse: RecordParser,
): UndoResult {
  const base = current ?? change.after
  if (change.before === null) {
    return { record: base.deleted ? null : { ...base, deleted: true }, keptHers: [] }
  }
  if (!changedSince(change, current)) return { record: { ...change.before }, keptHers: [] }
  const before = change.before as unknown as Record<string, unknown>
  const after = change.after as unknown as Record<string, unknown>
  const keptHers: string[] = []
  const entries = Object.entries(base as unknown as Record<string, unknown>)
  const goBack = changedFields(change.before, change.after).filter((field) => {
    const worker = sameValue((base as unknown as Record<string, unknown>)[field], after[field])
    if (!worker) keptHers.push(field)
    return worker
  })
  const restored: [string, unknown][] = goBack
    .filter((field) => before[field] !== undefined)
    .map((field) => [field, before[field]])
  const next: Record<string, unknown> = Object.fromEntries([
    ...entries.filter(([field]) => !goBack.includes(field)),
    ...restored,
  ])
  const parsed = parse(next)
  // Her later edit and the worker's earlier one may not fit together (a rule across fields):
  // then her record stays as it is, and the review says that nothing could be undone.
  if (parsed === null) return { record: null, keptHers: changedFields(change.before, change.after) }
  return { record: parsed, keptHers }
}

/** The visit record's facts for a visit from `startedAt` to `endedAt` (wall-clock ms). */
export interface VisitLog {
  readonly date: CivilDate
  readonly minutes: number
  readonly stage: CourseStage
}

/** The course stage a visit is logged under: before the course counts as contact, after as phase 3. */
export function visitStage(stage: Stage): CourseStage {
  if (stage === 'before') return 'contact'
  if (stage === 'ended') return 'phase3'
  return stage
}

/** A visit's length in whole minutes: at least 1 (a clock set back counts so), at most a day. */
export function visitMinutes(startedAt: number, endedAt: number): number {
  return Math.min(1440, Math.max(1, Math.round((endedAt - startedAt) / 60_000)))
}

/** The visit's log: the day it began (her calendar day), whole minutes (1–1440) and the stage. */
export function visitLog(startedAt: number, endedAt: number, date: CivilDate, stage: Stage): VisitLog {
  return { date, minutes: visitMinutes(startedAt, endedAt), stage: visitStage(stage) }
}

/** The ids of records the worker changed in this visit and that still show her the worker's change. */
export function markedIds(changes: readonly VisitChange[]): ReadonlySet<string> {
  return new Set(changes.map((change) => change.recordId))
}

/** Fields the review names; any other field the worker changed is "other details". */
export const namedFields = [
  'title',
  'name',
  'text',
  'date',
  'time',
  'place',
  'phone',
  'due',
  'done',
  'status',
] as const
/** A field the review names, or `other`. */
export type ReviewField = (typeof namedFields)[number] | 'other'

/** One line of a change on the review screen: the field, and old → new where it reads as words. */
export interface ReviewLine {
  readonly field: ReviewField
  /** The value before and after, when both are text or yes/no (an enum's key is not words). */
  readonly from?: string | boolean | undefined
  readonly to?: string | boolean | undefined
}

const enumFields: ReadonlySet<string> = new Set(['status'])
/** Fields that go with a named one and need no line of their own: the day a step was done. */
const companionFields: ReadonlySet<string> = new Set(['doneAt'])

function readable(value: unknown): string | boolean | undefined {
  return typeof value === 'string' || typeof value === 'boolean' ? value : undefined
}

/** The review's lines for a change of fields: named fields in order, then one "other details". */
export function reviewLines(change: ReadChange, fields: readonly string[]): ReviewLine[] {
  const before = (change.before ?? {}) as Record<string, unknown>
  const after = change.after as unknown as Record<string, unknown>
  const lines: ReviewLine[] = []
  for (const field of namedFields) {
    if (!fields.includes(field)) continue
    if (enumFields.has(field)) lines.push({ field })
    else lines.push({ field, from: readable(before[field]), to: readable(after[field]) })
  }
  const named = (field: string) =>
    (namedFields as readonly string[]).includes(field) || companionFields.has(field)
  if (fields.some((field) => !named(field))) lines.push({ field: 'other' })
  return lines
}

/** The words a record goes by on the review screen: its title, name or text; null when it has none. */
export function recordLabel(record: TrinRecord): string | null {
  const fields = record as unknown as Record<string, unknown>
  for (const key of ['title', 'name', 'text']) {
    const value = fields[key]
    if (typeof value === 'string' && value.trim() !== '')
      return value.length > 120 ? `${value.slice(0, 119)}…` : value
  }
  if (record.kind === 'handoverItem') return record.about.kind === 'need' ? record.about.text : null
  return null
}

/** What she typed for the next meeting. */
export interface NextMeetingDraft {
  readonly date: string
  readonly time: string
  readonly place: string
}

/** The next meeting from her draft, or why not: a date is needed; time and place may be empty. */
export function checkNextMeeting(
  draft: NextMeetingDraft,
): { ok: true; meeting: NextMeeting } | { ok: false; field: 'date' | 'time' | 'place' } {
  const { date } = draft
  const time = draft.time.trim()
  const place = draft.place.trim()
  if (!isCivilDate(date)) return { ok: false, field: 'date' }
  if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return { ok: false, field: 'time' }
  if (place.length > 200) return { ok: false, field: 'place' }
  return {
    ok: true,
    meeting: { date, ...(time === '' ? {} : { time }), ...(place === '' ? {} : { place }) },
  }
}

/** The next meeting as Home shows it: none once its day has passed (she is asked for the next one). */
export function upcomingMeeting(meeting: NextMeeting | undefined, today: CivilDate): NextMeeting | null {
  return meeting !== undefined && meeting.date >= today ? meeting : null
}

/**
 * The calendar event of the next meeting: neutral like every calendar file of the app (only
 * "Appointment", no place: a calendar is often synced or seen on a lock screen), an hour long
 * when it has a time, all day otherwise.
 */
export function nextMeetingEvent(meeting: NextMeeting, options: NeutralEventOptions): IcsActivityInput {
  return neutralMeetingEvent(meeting, 60, options)
}
