/**
 * Record-content migrations (src/data/recordUpgrade.ts): an install whose records are one
 * version older is upgraded when the vault opens, into a new key generation, with nothing lost.
 * The "older version" here is a made-up version 0 in which a goal's title was called `name`; the
 * real steps from version 1 on run after it (`fromZero`). The real 1 → 2 step has its own test
 * (recordMigrationV2.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { decryptRecord, encryptRecord } from '@/data/crypto'
import { RECORDS_TABLE } from '@/data/db'
import { currentGeneration, databaseOf, readPointer, type Generation } from '@/data/generations'
import { openKeyring } from '@/data/keyring'
import { recordSteps, type RecordStep } from '@/data/migrations/records'
import { stepsBetween, upgradePayload, upgradeStoredRecords } from '@/data/recordUpgrade'
import { openVault, type Vault } from '@/data/repositories/records'
import { StorageError } from '@/data/errors'
import { SCHEMA_VERSION, type TrinRecord } from '@/schemas'
import { makeGoal, makePlan } from '../../factories/records'
import { freshDbName, rejectionOf, FakeBuckets } from './helpers'

/** Version 0 → 1: a goal's `name` became `title`. */
const renameStep: RecordStep = {
  from: 0,
  upgrade: (payload) => {
    if (typeof payload !== 'object' || payload === null) return payload
    const { name, ...rest } = payload as Record<string, unknown>
    return (payload as { kind?: unknown }).kind === 'goal' ? { ...rest, title: name } : payload
  },
}
/** The made-up step, then every real one. */
const fromZero: readonly RecordStep[] = [renameStep, ...recordSteps]
const toVersionZero = (record: TrinRecord): unknown => {
  if (record.kind !== 'goal') return record
  const { title, ...rest } = record
  return { ...rest, name: title }
}

const open: Vault[] = []
afterEach(() => {
  for (const vault of open.splice(0)) vault.close()
})

const GARBAGE_ID = '00000000-0000-4000-8000-0000000000ff'

/** An install at version 1, rewritten as if an older release (version 0) had written it. */
async function olderInstall(): Promise<{
  options: { dbName: string; buckets: FakeBuckets }
  records: TrinRecord[]
}> {
  const options = { dbName: freshDbName(), buckets: new FakeBuckets() }
  const vault = await openVault(options)
  const records = await vault.putMany([
    makePlan(),
    makeGoal({ title: 'Find a doctor' }),
    makeGoal({ title: 'Læs' }),
  ])
  vault.close()

  const generation = (await currentGeneration(options, { create: false })) as Generation
  const db = databaseOf(generation)
  await db.open()
  const { dataKey } = await openKeyring(db)
  const rows = await db.records.toArray()
  const older = await Promise.all(
    rows.map(async (row) => {
      const address = { key: dataKey.key, keyId: dataKey.keyId, table: RECORDS_TABLE, id: row.id }
      const payload = await decryptRecord({
        ...address,
        schemaVersion: SCHEMA_VERSION,
        iv: row.iv,
        ct: row.ct,
      })
      const sealed = await encryptRecord({
        ...address,
        schemaVersion: 0,
        payload: toVersionZero(payload as TrinRecord),
      })
      return { id: row.id, ...sealed }
    }),
  )
  await db.records.bulkPut([...older, { id: GARBAGE_ID, iv: new Uint8Array(12), ct: new Uint8Array(64) }])
  await db.meta.put({ key: 'schema', value: { recordSchemaVersion: 0 } })
  db.close()
  return { options, records }
}

const byId = (records: readonly TrinRecord[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('record-content migrations', () => {
  it('chains the steps from a version to the current one, and names a missing step', () => {
    expect(stepsBetween(0, 1, [renameStep])).toEqual([renameStep])
    expect(stepsBetween(1, 1, [])).toEqual([])
    expect(() => stepsBetween(0, 1, [])).toThrow(StorageError)
    expect(upgradePayload({ kind: 'goal', name: 'x' }, 0, 1, [renameStep])).toEqual({
      kind: 'goal',
      title: 'x',
    })
  })

  it('upgrades every record when the vault opens, in a new generation, keeping an unreadable row', async () => {
    const { options, records } = await olderInstall()
    const oldPointer = await readPointer(options.dbName)

    const vault = await openVault({ ...options, recordSteps: fromZero })
    open.push(vault)
    const loaded = await vault.loadAll()
    expect(byId(loaded.records)).toEqual(byId(records))
    expect(loaded.unreadable.map((row) => row.id)).toEqual([GARBAGE_ID])

    const newPointer = await readPointer(options.dbName)
    expect(newPointer).not.toBe(oldPointer)
    // The old generation, with its old-shape ciphertext, is gone.
    expect([...options.buckets.buckets.keys()].filter((name) => name.endsWith(oldPointer ?? '?'))).toEqual([])
    // Saved records are written at the new version and read back.
    await vault.put({ ...(records[1] as TrinRecord) })
  })

  it('refuses to open, changing nothing, when a step is missing', async () => {
    const { options } = await olderInstall()
    const pointer = await readPointer(options.dbName)
    const error = await rejectionOf(openVault(options))
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).message).toMatch(/No migration from record schema 0 to 1/)
    expect(await readPointer(options.dbName)).toBe(pointer)
  })

  it('leaves the old records current when a step fails halfway', async () => {
    const { options, records } = await olderInstall()
    const pointer = await readPointer(options.dbName)
    const failing: RecordStep = {
      from: 0,
      upgrade: (payload) => {
        if ((payload as { kind?: unknown }).kind === 'plan') throw new Error('a step with a bug')
        return renameStep.upgrade(payload)
      },
    }
    await expect(openVault({ ...options, recordSteps: [failing, ...recordSteps] })).rejects.toThrow()
    expect(await readPointer(options.dbName)).toBe(pointer)
    expect(options.buckets.buckets.size).toBe(1)
    const vault = await openVault({ ...options, recordSteps: fromZero })
    open.push(vault)
    expect(byId((await vault.loadAll()).records)).toEqual(byId(records))
  })

  it('counts what it did', async () => {
    const { options } = await olderInstall()
    const generation = (await currentGeneration(options, { create: false })) as Generation
    const db = databaseOf(generation)
    await db.open()
    const { dataKey } = await openKeyring(db)
    const result = await upgradeStoredRecords(generation, db, dataKey, 0, { ...options, steps: fromZero })
    expect({ upgraded: result.upgraded, carried: result.carried, invalid: result.invalid }).toEqual({
      upgraded: 3,
      carried: 1,
      invalid: 0,
    })
  })
})
