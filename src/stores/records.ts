import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { createClock, type Clock, type Hlc } from '@/domain/clock'
import { StorageError } from '@/data/errors'
import type { UnreadableRecord, Vault } from '@/data/repositories/records'
import type { Author, RecordKind, RecordOf, TrinRecord, TrinRecordInput } from '@/schemas'
import { useVaultStore } from './vault'

/** The fields a caller gives for a new record; identity, authorship and stamps come from the store. */
export type NewRecordFields<K extends RecordKind> = Omit<
  Extract<TrinRecordInput, { kind: K }>,
  'id' | 'kind' | 'createdAt' | 'updatedAt' | 'author' | 'deleted'
>

function latestStamp(records: readonly TrinRecord[]): Hlc | undefined {
  let latest: Hlc | undefined
  for (const record of records) {
    // HLC stamps sort as plain strings (see @/domain/clock).
    if (latest === undefined || record.updatedAt > latest) latest = record.updatedAt
    if (record.createdAt > latest) latest = record.createdAt
  }
  return latest
}

const noRecords: readonly never[] = Object.freeze([])

/**
 * Rewrites every write while it is set: visit mode (src/stores/visit.ts) stamps the worker as
 * author and adds its journal record, so a change and its journal entry are one transaction.
 * Gets the records about to be written (stamped), the records as they are now and the clock
 * (for the stamps of what it adds); returns everything to write, every given id included.
 */
export type WriteHook = (
  inputs: readonly TrinRecordInput[],
  current: ReadonlyMap<string, TrinRecord>,
  tick: () => Hlc,
) => TrinRecordInput[]

function missing(): never {
  throw new StorageError('failed', 'The write hook dropped the record written')
}

function asError(caught: unknown): Error {
  return caught instanceof Error ? caught : new StorageError('failed', String(caught))
}

/**
 * The decrypted records, in memory while the vault is open. Queries run here, in memory; every
 * write goes through the vault's repository (validated, encrypted, read back) before it shows.
 */
export const useRecordsStore = defineStore('records', () => {
  const vault = useVaultStore()

  /**
   * Every readable record by id, tombstones included (merges need them). Empty while locked.
   * Replaced as a whole on every change, never mutated in place.
   */
  const recordsById = shallowRef<ReadonlyMap<string, TrinRecord>>(new Map())
  /** Stored rows that could not be decrypted or parsed. They stay in storage untouched. */
  const unreadable = shallowRef<readonly UnreadableRecord[]>([])
  /** The last failed load or write (typed: StorageError, RecordValidationError, …); null after a success. */
  const error = shallowRef<Error | null>(null)
  /** Number of writes in flight. */
  const pendingWrites = ref(0)

  // Not state: the clock is seeded with the device id on open and dropped on close.
  let clock: Clock | null = null
  // Bumped on close so that a write finishing after a lock does not bring decrypted data back.
  let session = 0
  // A load started outside the vault's open (store created after unlock); writes wait for it.
  let loading: Promise<void> | null = null
  // Not state: set by visit mode while a visit is on (see WriteHook).
  let writeHook: WriteHook | null = null

  /** Sets (or with null, clears) the hook every write goes through; see {@link WriteHook}. */
  function setWriteHook(hook: WriteHook | null): void {
    writeHook = hook
  }

  /** What a write stored: the records asked for, in order, and all it wrote (the hook's included). */
  interface Stored {
    readonly mine: TrinRecord[]
    readonly all: readonly TrinRecord[]
  }

  /** Writes `stamped` in one transaction, through the write hook when one is set. */
  async function putStamped(
    opened: Vault,
    stamped: readonly TrinRecordInput[],
    stamp: Clock,
  ): Promise<Stored> {
    if (writeHook === null) {
      const all = await opened.putMany(stamped)
      return { mine: all, all }
    }
    const all = await opened.putMany(writeHook(stamped, recordsById.value, () => stamp.tick()))
    const byId = new Map(all.map((record) => [record.id, record]))
    const mine = stamped.map((input) => byId.get(input.id) ?? missing())
    return { mine, all }
  }

  /** Records that are not deleted. Every computed over records must be re-read in `clear()`. */
  const live = computed(() => [...recordsById.value.values()].filter((record) => !record.deleted))

  const liveByKind = computed(() => {
    const index = new Map<RecordKind, TrinRecord[]>()
    for (const record of live.value) {
      const list = index.get(record.kind)
      if (list) list.push(record)
      else index.set(record.kind, [record])
    }
    return index
  })

  /**
   * The live (not deleted) records of one kind: the index's own list, the same array until the
   * records change (so screens can key caches on it, see goalProgress), never to be mutated.
   */
  function byKind<K extends RecordKind>(kind: K): readonly RecordOf<K>[] {
    // The index is by kind, so every record in the list is of that kind.
    return (liveByKind.value.get(kind) ?? noRecords) as readonly RecordOf<K>[]
  }

  /** Live goals by focus area, built once per change: a goal list does not scan every goal. */
  const goalsByArea = computed(() => {
    const index = new Map<string, RecordOf<'goal'>[]>()
    for (const goal of byKind('goal')) {
      const list = index.get(goal.focusAreaId)
      if (list) list.push(goal)
      else index.set(goal.focusAreaId, [goal])
    }
    return index
  })

  /** The live goals of one focus area, in no particular order (see sortByOrder). */
  function goalsOfArea(areaId: string): readonly RecordOf<'goal'>[] {
    return goalsByArea.value.get(areaId) ?? noRecords
  }

  /** A live record by id; undefined for unknown or deleted ids. */
  function get(id: string): TrinRecord | undefined {
    const record = recordsById.value.get(id)
    return record?.deleted ? undefined : record
  }

  async function load(opened: Vault): Promise<void> {
    const loaded = await opened.loadAll()
    recordsById.value = new Map(loaded.records.map((record) => [record.id, record]))
    unreadable.value = loaded.unreadable
    clock = createClock({ deviceId: opened.deviceId, now: Date.now, last: latestStamp(loaded.records) })
    error.value = null
  }

  function clear(): void {
    session += 1
    clock = null
    recordsById.value = new Map()
    unreadable.value = []
    error.value = null
    pendingWrites.value = 0
    // A computed keeps its last result until someone reads it again: read each now, so the
    // decrypted records it cached are dropped at the lock, not at the next unlock.
    if (live.value.length > 0 || liveByKind.value.size > 0 || goalsByArea.value.size > 0)
      throw new StorageError('failed', 'Derived records survived the lock')
  }

  function applySaved(saved: readonly TrinRecord[]): void {
    const next = new Map(recordsById.value)
    for (const record of saved) next.set(record.id, record)
    recordsById.value = next
  }

  async function write<T>(
    run: (opened: Vault, stamp: Clock) => Promise<T>,
    show: (result: T) => readonly TrinRecord[],
  ): Promise<T> {
    const mySession = session
    pendingWrites.value += 1
    try {
      // A first visit shows the onboarding while the new store is still being made: a save
      // then waits for it (and fails as the opening fails).
      if (vault.status === 'opening') await vault.open()
      if (loading) await loading
      const opened = vault.requireVault()
      if (clock === null) throw new StorageError('unavailable', 'Records are not loaded')
      const result = await run(opened, clock)
      if (mySession === session) {
        applySaved(show(result))
        error.value = null
      }
      return result
    } catch (caught) {
      if (mySession === session) error.value = asError(caught)
      throw caught
    } finally {
      if (mySession === session) pendingWrites.value -= 1
    }
  }

  function stampAll(inputs: readonly TrinRecordInput[], stamp: Clock): TrinRecordInput[] {
    return inputs.map((input) => {
      const updatedAt = stamp.tick()
      // A record new to this device is created by this save.
      const createdAt = recordsById.value.has(input.id) ? input.createdAt : updatedAt
      return { ...input, createdAt, updatedAt }
    })
  }

  /**
   * Saves several records as one all-or-nothing write. Each gets `updatedAt` from this device's
   * hybrid logical clock; a record whose id is new also gets `createdAt`. Resolves with the
   * records as stored; on failure sets `error` and rethrows, and memory is unchanged.
   */
  function saveMany(inputs: readonly TrinRecordInput[]): Promise<TrinRecord[]> {
    return write(
      (opened, stamp) => putStamped(opened, stampAll(inputs, stamp), stamp),
      (stored) => stored.all,
    ).then((stored) => stored.mine)
  }

  /**
   * Creates a new record of one kind from its own fields: a fresh id, the citizen as author,
   * private (`shared: false`) and stamped by this device's clock. Resolves with the stored record.
   */
  async function create<K extends RecordKind>(
    kind: K,
    fields: NewRecordFields<K>,
    options: { author?: Author } = {},
  ): Promise<RecordOf<K>> {
    const saved = await write(
      async (opened, stamp) => {
        const now = stamp.tick()
        const input = {
          shared: false,
          ...fields,
          kind,
          id: crypto.randomUUID(),
          author: options.author ?? 'citizen',
          deleted: false,
          createdAt: now,
          updatedAt: now,
        }
        // The input is checked by the repository's zod parse; the type system cannot follow the spread.
        const typed = input as unknown as TrinRecordInput
        if (writeHook === null) {
          const record = await opened.put(typed)
          return { mine: [record], all: [record] }
        }
        return putStamped(opened, [typed], stamp)
      },
      (stored) => stored.all,
    ).then((stored) => stored.mine[0] ?? missing())
    if (saved.kind !== kind) throw new StorageError('failed', 'create stored another kind')
    return saved as RecordOf<K>
  }

  /** Saves one record; see {@link saveMany}. */
  async function save<I extends TrinRecordInput>(input: I): Promise<RecordOf<I['kind']>> {
    const [saved] = await saveMany([input])
    if (saved === undefined) throw new StorageError('failed', 'save returned nothing')
    // Parsing keeps the kind of the input.
    return saved as RecordOf<I['kind']>
  }

  /**
   * A fresh stamp of this device's hybrid logical clock, for a moment a record keeps besides its
   * own stamps (when she decided on a proposal) or for a record built inside another before it
   * is saved (a worker's proposal). The write that follows stamps later still.
   */
  function tick(): Hlc {
    if (clock === null) throw new StorageError('unavailable', 'Records are not loaded')
    return clock.tick()
  }

  /** Deletes a record as a tombstone (kept, marked `deleted`, so a merge never brings it back). */
  function remove(id: string): Promise<TrinRecord> {
    return write(
      async (opened, stamp) => {
        const current = recordsById.value.get(id)
        if (writeHook === null || current === undefined) {
          const removed = await opened.remove(id, stamp.tick())
          return { mine: [removed], all: [removed] }
        }
        return putStamped(opened, [{ ...current, deleted: true, updatedAt: stamp.tick() }], stamp)
      },
      (stored) => stored.all,
    ).then((stored) => stored.mine[0] ?? missing())
  }

  const stopOpen = vault.onOpen(load)
  const stopClose = vault.onClose(clear)
  onScopeDispose(() => {
    stopOpen()
    stopClose()
  })
  // Created after the vault was already opened: load now, reporting failure as state.
  if (vault.status === 'open') {
    const mySession = session
    loading = load(vault.requireVault())
      .catch((caught: unknown) => {
        if (mySession === session) error.value = asError(caught)
      })
      .finally(() => {
        loading = null
      })
  }

  return {
    recordsById,
    unreadable,
    error,
    pendingWrites,
    live,
    byKind,
    goalsOfArea,
    get,
    create,
    save,
    saveMany,
    remove,
    tick,
    setWriteHook,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRecordsStore, import.meta.hot))
