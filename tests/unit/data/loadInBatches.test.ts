/**
 * `Vault.loadAll` reads its rows in batches (src/data/batches.ts, issue #11). Over several
 * batches it must read exactly what it read in one go: every readable record, and every
 * broken row reported by id with its own typed error — wherever in a batch the row falls.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_BATCH_SIZE } from '@/data/batches'
import { CryptoError, encryptRecord } from '@/data/crypto'
import type { TrinDatabase } from '@/data/db'
import { RecordValidationError } from '@/data/errors'
import { openKeyring } from '@/data/keyring'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION, type TrinRecord } from '@/schemas'
import { makeNote, makePlan } from '../../factories/records'
import { freshDbName, openRaw } from './helpers'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
})

async function populated(count: number): Promise<{ name: string; vault: Vault; saved: TrinRecord[] }> {
  const name = freshDbName()
  const vault = await openVault({ dbName: name })
  cleanup.push(() => {
    vault.close()
  })
  const notes = Array.from({ length: count - 1 }, (_, i) =>
    makeNote({ id: crypto.randomUUID(), text: `note ${i}` }),
  )
  const saved = await vault.putMany([makePlan(), ...notes])
  return { name, vault, saved }
}

async function raw(name: string): Promise<TrinDatabase> {
  const db = await openRaw(name)
  cleanup.push(() => {
    db.close()
  })
  return db
}

// IndexedDB orders string keys by code unit, as a plain comparison does.
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

describe('loadAll in batches', () => {
  it.each([0, 1, DEFAULT_BATCH_SIZE - 1, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_SIZE + 1, DEFAULT_BATCH_SIZE * 3])(
    'reads all of %i records, in the stored order',
    async (count) => {
      if (count === 0) {
        const vault = await openVault({ dbName: freshDbName() })
        cleanup.push(() => {
          vault.close()
        })
        expect(await vault.loadAll()).toEqual({ records: [], unreadable: [] })
        return
      }
      const { vault, saved } = await populated(count)
      const { records, unreadable } = await vault.loadAll()
      expect(unreadable).toEqual([])
      // Rows come back in primary-key order, as one Promise.all over them gave.
      expect(records).toEqual([...saved].sort(byId))
    },
  )

  it('reports each broken row with its own error, at a batch’s edges and inside one', async () => {
    const count = DEFAULT_BATCH_SIZE * 2 + 5
    const { name, vault } = await populated(count)
    const db = await raw(name)
    const rows = await db.records.toArray()
    // Rows in stored order: the first and last of the first batch, the first of the second, the last.
    const tampered = [0, DEFAULT_BATCH_SIZE - 1, DEFAULT_BATCH_SIZE, rows.length - 1].map((i) => rows[i])
    for (const row of tampered) {
      if (!row) throw new Error('setup failed')
      const ct = new Uint8Array(row.ct)
      ct[0] = (ct[0] ?? 0) ^ 0xff
      await db.records.put({ ...row, ct })
    }
    // One row in the middle of the second batch decrypts but no longer parses.
    const invalid = rows[DEFAULT_BATCH_SIZE + 7]
    if (!invalid) throw new Error('setup failed')
    const { dataKey } = await openKeyring(db)
    const sealed = await encryptRecord({
      key: dataKey.key,
      keyId: dataKey.keyId,
      table: 'records',
      id: invalid.id,
      schemaVersion: SCHEMA_VERSION,
      payload: { ...makeNote({ id: invalid.id }), text: '' },
    })
    await db.records.put({ id: invalid.id, ...sealed })

    const { records, unreadable } = await vault.loadAll()
    expect(records).toHaveLength(count - 5)
    expect(unreadable.map((entry) => entry.id)).toEqual(
      [...tampered.map((row) => row?.id), invalid.id].sort(),
    )
    for (const entry of unreadable) {
      if (entry.id === invalid.id) expect(entry.error).toBeInstanceOf(RecordValidationError)
      else {
        expect(entry.error).toBeInstanceOf(CryptoError)
        expect(entry.error.code).toBe('decrypt-failed')
      }
    }
  })
})
