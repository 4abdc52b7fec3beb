import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, watch } from 'vue'
import type { CivilDate } from '@/domain/civilDate'
import type { Stage } from '@/domain/phases'
import { isShareableKind } from '@/domain/sharing'
import {
  isRealChange,
  journalWrite,
  markedIds,
  readChange,
  undoChange,
  visitLog,
  workerAuthorFor,
  type ReadChange,
  type UndoResult,
} from '@/domain/visitMode'
import { StorageError } from '@/data/errors'
import { safeParseRecord, type TrinRecord, type TrinRecordInput, type VisitSession } from '@/schemas'
import { useRecordsStore, type WriteHook } from './records'

/** The record schemas as visit mode's rules take them: a record, or null. */
function parseRecordOrNull(value: unknown): TrinRecord | null {
  const parsed = safeParseRecord(value)
  return parsed.success ? parsed.data : null
}

function randomHex16(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Visit mode (issue #14 item 5; rules in src/domain/visitMode.ts): "my worker is here". The
 * visit lives in the vault as a `visitSession` record, so a reload or a lock during the visit
 * loses nothing: whenever the records show a visit that is on, this store sets the records
 * store's write hook, which stamps the worker as author and journals each change in the same
 * transaction. Ending the visit logs it (a `visit` record) and leaves the journal for her to
 * keep or undo change by change; the session is removed once every change is decided.
 */
export const useVisitStore = defineStore('visit', () => {
  const records = useRecordsStore()

  /** The visit on this phone: on, or ended and waiting for her decisions; null when none. */
  const session = computed<VisitSession | null>(() => records.byKind('visitSession')[0] ?? null)
  /** Whether the worker is here now: every change is stamped and journalled. */
  const on = computed(() => session.value !== null && session.value.endedAt === undefined)
  /** Whether the visit ended and some of the worker's changes wait for her decision. */
  const reviewing = computed(() => session.value !== null && session.value.endedAt !== undefined)
  /** The journal, parsed; an entry that no longer parses is left out (and dropped at the next decision). */
  const changes = computed<readonly ReadChange[]>(() =>
    (session.value?.changes ?? []).flatMap((change) => readChange(change, parseRecordOrNull) ?? []),
  )
  /** Ids of the records the worker changed in this visit (marked on screen until she decides). */
  const marked = computed(() => markedIds(session.value?.changes ?? []))

  const hook: WriteHook = (inputs, current, tick) => {
    const visit = session.value
    if (visit === null) return [...inputs]
    let journal = visit.changes
    const written = inputs.map((input): TrinRecordInput => {
      // Only the plan's content is the worker's to change; pairing, packs and the journal are not.
      if (!isShareableKind(input.kind)) return input
      const parsed = safeParseRecord({ ...input, author: visit.worker })
      if (!parsed.success) return input // the repository refuses it with the full error
      if (!isRealChange(current.get(input.id), parsed.data)) return input
      journal = journalWrite(journal, current.get(input.id), parsed.data, parseRecordOrNull)
      return { ...input, author: visit.worker }
    })
    if (journal === visit.changes) return written
    return [...written, { ...visit, changes: journal, updatedAt: tick() }]
  }

  watch(
    on,
    (isOn) => {
      records.setWriteHook(isOn ? hook : null)
    },
    { immediate: true },
  )

  function requireSession(): VisitSession {
    if (session.value === null) throw new StorageError('not-found', 'No visit')
    return session.value
  }

  /** "My worker is here": starts a visit now (a second tap while one is on changes nothing). */
  async function start(now = Date.now()): Promise<void> {
    if (session.value !== null) return
    const worker = workerAuthorFor(records.byKind('pairing'), randomHex16())
    await records.create('visitSession', { worker, startedAt: now, changes: [] })
  }

  /**
   * Ends the visit: logs it (the day it began, its minutes, the course's stage) as a `visit`
   * record by the worker, in one write with the session's end. Without changes the session is
   * removed at once; otherwise the review waits for her.
   */
  async function end(
    where: { readonly today: CivilDate; readonly stage: Stage },
    now = Date.now(),
  ): Promise<void> {
    const visit = requireSession()
    if (visit.endedAt !== undefined) return
    records.setWriteHook(null)
    const log = visitLog(visit.startedAt, now, where.today, where.stage)
    const ended = { ...visit, endedAt: now, deleted: visit.changes.length === 0 }
    const entry: TrinRecordInput = {
      kind: 'visit',
      id: crypto.randomUUID(),
      author: visit.worker,
      deleted: false,
      shared: false,
      createdAt: visit.updatedAt,
      updatedAt: visit.updatedAt,
      mode: 'other',
      ...log,
    }
    await records.saveMany([ended, entry])
  }

  function withoutChange(visit: VisitSession, recordId: string): VisitSession {
    const rest = visit.changes.filter(
      (change) => change.recordId !== recordId && readChange(change, parseRecordOrNull) !== null,
    )
    return { ...visit, changes: rest, deleted: rest.length === 0 }
  }

  /** Keeps the worker's change to one record. */
  async function keep(recordId: string): Promise<void> {
    await records.save(withoutChange(requireSession(), recordId))
  }

  /** Keeps every change left: the review is done. */
  async function keepAll(): Promise<void> {
    await records.save({ ...requireSession(), changes: [], deleted: true })
  }

  /**
   * Undoes the worker's change to one record (`undoChange`: carefully when she changed it since)
   * in one write with the journal. Resolves with what was done, so the screen can say it.
   */
  async function undo(recordId: string): Promise<UndoResult> {
    const visit = requireSession()
    const change = changes.value.find((entry) => entry.recordId === recordId)
    const result: UndoResult = change
      ? undoChange(change, records.recordsById.get(recordId), parseRecordOrNull)
      : { record: null, keptHers: [] }
    const writes: TrinRecordInput[] = [withoutChange(visit, recordId)]
    if (result.record) writes.unshift({ ...result.record, author: 'citizen' })
    await records.saveMany(writes)
    return result
  }

  return { session, on, reviewing, changes, marked, start, end, keep, keepAll, undo }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useVisitStore, import.meta.hot))
