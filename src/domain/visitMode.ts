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
 * Pure: records, times and random bytes come in as arguments.
 */
import {
  safeParseRecord,
  type Author,
  type CourseStage,
  type SharePairing,
  type TrinRecord,
  type VisitChange,
} from '@/schemas'
import type { CivilDate } from './civilDate'
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
    .sort((a, b) => (a.pairedAt < b.pairedAt ? 1 : a.pairedAt > b.pairedAt ? -1 : 0))
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

/** Parses one journal entry; null when either record does not parse (the entry is then dropped). */
export function readChange(change: VisitChange): ReadChange | null {
  const after = parseJson(change.after)
  if (after === null || after.id !== change.recordId) return null
  if (change.before === null) return { recordId: change.recordId, before: null, after }
  const before = parseJson(change.before)
  if (before === null || before.id !== change.recordId) return null
  return { recordId: change.recordId, before, after }
}

function parseJson(text: string): TrinRecord | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = safeParseRecord(value)
  return parsed.success ? parsed.data : null
}

/**
 * The journal after the worker wrote `after` over `before` (undefined: the record is new). The
 * first before-state of a record stays; a change undone within the visit leaves the journal.
 */
export function journalWrite(
  changes: readonly VisitChange[],
  before: TrinRecord | undefined,
  after: TrinRecord,
): VisitChange[] {
  const index = changes.findIndex((change) => change.recordId === after.id)
  const earlier = index === -1 ? undefined : changes[index]
  const firstBefore = earlier ? earlier.before : before === undefined ? null : JSON.stringify(before)
  const rest = changes.filter((_, at) => at !== index)
  const original = firstBefore === null ? undefined : (parseJson(firstBefore) ?? undefined)
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
export function undoChange(change: ReadChange, current: TrinRecord | undefined): UndoResult {
  const base = current ?? change.after
  if (change.before === null) {
    return { record: base.deleted ? null : { ...base, deleted: true }, keptHers: [] }
  }
  if (!changedSince(change, current)) return { record: { ...change.before }, keptHers: [] }
  const next: Record<string, unknown> = { ...base }
  const before = change.before as unknown as Record<string, unknown>
  const after = change.after as unknown as Record<string, unknown>
  const keptHers: string[] = []
  for (const field of changedFields(change.before, change.after)) {
    if (sameValue(next[field], after[field])) {
      if (before[field] === undefined) delete next[field]
      else next[field] = before[field]
    } else keptHers.push(field)
  }
  const parsed = safeParseRecord(next)
  // Her later edit and the worker's earlier one may not fit together (a rule across fields):
  // then her record stays as it is, and the review says that nothing could be undone.
  if (!parsed.success) return { record: null, keptHers: changedFields(change.before, change.after) }
  return { record: parsed.data, keptHers }
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

/** The visit's log: the day it began (her calendar day), whole minutes (1–1440) and the stage. */
export function visitLog(startedAt: number, endedAt: number, date: CivilDate, stage: Stage): VisitLog {
  const minutes = Math.min(1440, Math.max(1, Math.round((endedAt - startedAt) / 60_000)))
  return { date, minutes, stage: visitStage(stage) }
}

/** The ids of records the worker changed in this visit and that still show her the worker's change. */
export function markedIds(changes: readonly VisitChange[]): ReadonlySet<string> {
  return new Set(changes.map((change) => change.recordId))
}
