// The bare stack has no repository layer: Dexie directly is the point of the yardstick.
// eslint-disable-next-line no-restricted-imports
import Dexie, { liveQuery, type Table } from 'dexie'
import { defineStore } from 'pinia'
import { onScopeDispose, shallowRef } from 'vue'
import { noteSchema, type Note } from './schema'

class ReferenceDb extends Dexie {
  notes!: Table<Note, string>
  constructor() {
    super('reference')
    this.version(1).stores({ notes: 'id, createdAt' })
  }
}

const db = new ReferenceDb()

/** A Dexie table read through liveQuery, every row parsed by zod: the stack's data path. */
export const useNotesStore = defineStore('notes', () => {
  const notes = shallowRef<readonly Note[]>([])
  const subscription = liveQuery(() => db.notes.orderBy('createdAt').toArray()).subscribe((rows) => {
    notes.value = rows.map((row) => noteSchema.parse(row))
  })
  onScopeDispose(() => {
    subscription.unsubscribe()
  })

  async function add(text: string): Promise<void> {
    await db.notes.put(
      noteSchema.parse({ id: crypto.randomUUID(), text, createdAt: new Date().toISOString() }),
    )
  }
  return { notes, add }
})
