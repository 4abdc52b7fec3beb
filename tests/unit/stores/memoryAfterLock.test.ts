/**
 * After a lock, no decrypted plan text is reachable from any Pinia store: not from state, not from
 * a getter, and not from a computed value's cache (a computed keeps its last result until it is
 * read again, so clearing its source is not enough). The walk goes through the raw store objects
 * and every property of every object it meets — Vue's own ref and computed internals included.
 */
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toRaw } from 'vue'
import { deleteDatabase } from '@/data/db'
import { useUndoStore } from '@/stores/undo'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { makeFocusArea, makeGoal, makeNote, makePlan, makeWorkerPairing } from '../../factories/records'

const CANARY = 'canary-7f3e-plan-text'

let pinia: Pinia

beforeEach(async () => {
  await deleteDatabase()
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  useVaultStore().close()
})

/** Paths (for the failure message) at which a string containing `needle` is reachable from `root`. */
function findText(root: unknown, needle: string, limit = 200_000): string[] {
  const found: string[] = []
  const seen = new Set<unknown>()
  const queue: [unknown, string][] = [[root, '$']]
  while (queue.length > 0 && seen.size < limit) {
    const next = queue.shift()
    if (next === undefined) break
    const [value, path] = next
    if (typeof value === 'string') {
      if (value.includes(needle)) found.push(path)
      continue
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value))
      continue
    seen.add(value)
    if (value instanceof Map) {
      for (const [key, inner] of value)
        queue.push([key, `${path}<key>`], [inner, `${path}.get(${String(key)})`])
    } else if (value instanceof Set) {
      for (const inner of value) queue.push([inner, `${path}<item>`])
    }
    if (typeof value === 'function') continue
    for (const key of Reflect.ownKeys(value)) {
      let inner: unknown
      try {
        const descriptor = Object.getOwnPropertyDescriptor(value, key)
        // Never run a getter: reading a computed would recompute it and hide a stale cache.
        inner = descriptor && 'value' in descriptor ? descriptor.value : undefined
      } catch {
        continue
      }
      queue.push([inner, `${path}.${String(key)}`])
    }
  }
  return found
}

function reachableFromStores(): string[] {
  const stores = (pinia as unknown as { _s: Map<string, object> })._s
  return [
    ...findText(toRaw(pinia.state.value), CANARY),
    ...[...stores.values()].flatMap((store) => findText(toRaw(store), CANARY)),
  ]
}

describe('memory after a lock', () => {
  it('no plan text is reachable from the stores (state, getters, computed caches)', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    const undo = useUndoStore()
    await vault.open()
    await records.save(makePlan())
    const area = await records.save(makeFocusArea({ title: `${CANARY} area` }))
    const goal = await records.save(makeGoal({ focusAreaId: area.id, title: `${CANARY} goal` }))
    await records.save(makeNote({ target: { kind: 'goal', id: goal.id }, text: `${CANARY} note` }))
    // Read the derived values so that every computed caches plan text.
    expect(records.live.length).toBe(4)
    expect(records.byKind('goal')[0]?.title).toContain(CANARY)
    undo.offerUndo({ key: 'goalRemoved' }, [goal])
    // The walk finds the text while open (so it can find it at all).
    expect(reachableFromStores().length).toBeGreaterThan(0)

    vault.lock()

    expect(reachableFromStores()).toEqual([])
  })

  it("no citizen's shared text is reachable on a worker's device", async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    const worker = useWorkerPairingsStore()
    await vault.open()
    const goal = makeGoal({ shared: true, title: `${CANARY} her goal` })
    await records.save(
      makeWorkerPairing({
        label: `${CANARY} label`,
        copy: { pairingId: '0123456789abcdef0123456789abcdef', seq: 1, records: [goal], tombstones: [] },
      }),
    )
    expect(worker.pairings[0]?.copy.records[0]).toMatchObject({ title: `${CANARY} her goal` })
    expect(reachableFromStores().length).toBeGreaterThan(0)

    vault.lock()

    expect(reachableFromStores()).toEqual([])
  })
})
