/**
 * The instrument packs loaded on this device (issue #13, item 4): each stored pack record parsed
 * with the pack schema here, in the instruments' own chunk (the first screen only checks that a
 * record holds a bounded string), and the ways to add, replace and remove one. A stored pack that
 * no longer reads is counted, never shown or scored.
 */
import { computed } from 'vue'
import type { InstrumentPackRecord } from '@/schemas'
import { readInstrumentPack, type InstrumentPack } from '@/schemas/instrumentPack'
import { useRecordsStore } from '@/stores/records'
import { useUndoStore } from '@/stores/undo'

/** A stored pack and the pack it holds. */
export interface LoadedPack {
  readonly record: InstrumentPackRecord
  readonly pack: InstrumentPack
}

// Parsed once per stored version of a record: a pack is re-read only when its record changes.
const parsed = new WeakMap<InstrumentPackRecord, InstrumentPack | null>()

function packOf(record: InstrumentPackRecord): InstrumentPack | null {
  let pack = parsed.get(record)
  if (pack === undefined) {
    const read = readInstrumentPack(record.pack)
    pack = read.ok ? read.pack : null
    parsed.set(record, pack)
  }
  return pack
}

export function usePacks() {
  const records = useRecordsStore()
  const undo = useUndoStore()

  const read = computed(() =>
    records.byKind('instrumentPack').map((record) => ({ record, pack: packOf(record) })),
  )
  /** The packs that read, by title order of their id. */
  const packs = computed<readonly LoadedPack[]>(() =>
    read.value
      .flatMap(({ record, pack }) => (pack === null ? [] : [{ record, pack }]))
      .sort((a, b) => (a.pack.id < b.pack.id ? -1 : 1)),
  )
  /** How many stored packs no longer read. */
  const unreadable = computed(() => read.value.filter(({ pack }) => pack === null).length)

  function find(packId: string): LoadedPack | undefined {
    return packs.value.find((loaded) => loaded.pack.id === packId)
  }

  /** Stores a checked pack: a new record, or the loaded version's record replaced. */
  async function add(pack: InstrumentPack): Promise<void> {
    const text = JSON.stringify(pack)
    const loaded = find(pack.id)
    if (loaded === undefined) await records.create('instrumentPack', { pack: text })
    else await records.save({ ...loaded.record, pack: text })
  }

  /** Removes a pack, with undo; ratings made with it stay. */
  async function remove(loaded: LoadedPack): Promise<void> {
    await records.remove(loaded.record.id)
    undo.offerUndo({ key: 'packRemoved' }, [loaded.record])
  }

  return { packs, unreadable, find, add, remove }
}
