/**
 * Erasure on the worker's phone ends in a new generation (issue #15 item 6, src/stores/vault.ts
 * `renewKey`, src/data/lock/passphrase.ts `renewDataKey`), with the real vault in fake Storage
 * Buckets (tests/unit/data/helpers.ts `FakeBuckets`, as the generation tests): after the erase
 * button, the erasure 14 days after the end, or removing a pairing with visits, the old
 * generation's bucket is gone, no stored row opens with the old data key, her plan's text is in
 * no row, and the worker's visits are still listed. Opened by the PIN (no passphrase key in the
 * session) the renewal is owed, and done at the next unlock with the passphrase.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decryptRecord, kdfHeaderOf, unwrapDataKey, type DataKey, type KeyWrap } from '@/data/crypto'
import { RECORDS_TABLE, TrinDatabase, type EncryptedRow } from '@/data/db'
import { readPointer } from '@/data/generations'
import { deriveKey } from '@/data/kdf/runner'
import { secretBytes } from '@/data/kdf/secret'
import { isErased } from '@/domain/workerPairing'
import { SCHEMA_VERSION } from '@/schemas'
import { readDeviceSettings } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { useWorkerVisitsStore } from '@/stores/workerVisits'
import { day, makeGoal } from '../../factories/records'
import { FakeBuckets, TEST_KDF, freshDbName } from '../data/helpers'

const PASSPHRASE = 'correct horse battery'
const SECRET_TITLE = 'Sove bedre uden mareridt'
const TODAY = day('2026-12-07')
const START = 1_800_000_000_000
let clock = START
let buckets: FakeBuckets
let settings: VaultStoreOptions

beforeEach(() => {
  clock = START
  buckets = new FakeBuckets()
  settings = { dbName: freshDbName(), kdf: TEST_KDF, now: () => clock, buckets }
  localStorage.clear()
  setActivePinia(createPinia())
})

afterEach(() => {
  useVaultStore().close()
  vi.restoreAllMocks()
})

function dbName(): string {
  return settings.dbName as string
}

async function withBucket<T>(name: string, run: (db: TrinDatabase) => Promise<T>): Promise<T> {
  const factory = buckets.buckets.get(name)
  if (!factory) throw new Error(`no bucket ${name}`)
  const db = new TrinDatabase(dbName(), { indexedDB: factory, IDBKeyRange })
  await db.open()
  try {
    return await run(db)
  } finally {
    db.close()
  }
}

/** The data key of a bucket's generation, unwrapped with the passphrase (as a thief who knows it would). */
async function dataKeyOf(bucket: string): Promise<DataKey> {
  const wrap = await withBucket(bucket, async (db) => {
    const row = await db.meta.get('keyring')
    return (row?.value as { wrap: KeyWrap }).wrap
  })
  if (wrap.method === 'device') throw new Error('not a passphrase wrap')
  const wrapping = await deriveKey(secretBytes(PASSPHRASE), kdfHeaderOf(wrap), 'wrap', TEST_KDF)
  return unwrapDataKey(wrap, wrapping)
}

async function rowsOf(bucket: string): Promise<EncryptedRow[]> {
  return withBucket(bucket, (db) => db.records.toArray())
}

async function opens(row: EncryptedRow, key: DataKey): Promise<unknown> {
  return decryptRecord({
    key: key.key,
    keyId: key.keyId,
    table: RECORDS_TABLE,
    id: row.id,
    schemaVersion: SCHEMA_VERSION,
    iv: row.iv,
    ct: row.ct,
  })
}

/** A worker's phone, unlocked with the passphrase, paired with Sara (her goal in the copy) and one visit logged. */
async function workerPhone(endsOn: string | null) {
  const vault = useVaultStore()
  await vault.open(settings)
  await vault.setPassphrase(PASSPHRASE)
  vault.lock()
  clock += 60_000
  await vault.unlock(PASSPHRASE)
  const pairings = useWorkerPairingsStore()
  const paired = await pairings.pair(
    {
      from: 'offer',
      pairingId: '0123456789abcdef0123456789abcdef',
      shareKey: '5a'.repeat(32),
      endsOn: endsOn === null ? null : day(endsOn),
    },
    'Sara',
    day('2026-09-01'),
  )
  if (!paired.ok) throw new Error('not paired')
  const pairing = await useRecordsStore().save({
    ...paired.pairing,
    copy: { ...paired.pairing.copy, seq: 1, records: [makeGoal({ title: SECRET_TITLE, shared: true })] },
  })
  const visit = await useWorkerVisitsStore().add(pairing.id, {
    date: day('2026-10-01'),
    minutes: 60,
    mode: 'home',
    stage: 'phase1',
  })
  const bucket = await readPointer(dbName())
  if (bucket === null) throw new Error('no generation')
  // Before: her plan's text is in a row that the current key opens.
  const oldKey = await dataKeyOf(bucket)
  const before = await Promise.all((await rowsOf(bucket)).map((row) => opens(row, oldKey)))
  expect(JSON.stringify(before)).toContain(SECRET_TITLE)
  return { pairing, visit, bucket, oldKey }
}

/** After the renewal: one new bucket, nothing opens with the old key, her text nowhere. */
async function expectRenewed(oldBucket: string, oldKey: DataKey) {
  const bucket = await readPointer(dbName())
  expect(bucket).not.toBeNull()
  expect(bucket).not.toBe(oldBucket)
  expect([...buckets.buckets.keys()]).toEqual([bucket])
  const rows = await rowsOf(bucket as string)
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) await expect(opens(row, oldKey)).rejects.toThrow()
  const newKey = await dataKeyOf(bucket as string)
  expect(newKey.keyId).not.toBe(oldKey.keyId)
  const values = await Promise.all(rows.map((row) => opens(row, newKey)))
  expect(JSON.stringify(values)).not.toContain(SECRET_TITLE)
  expect(useVaultStore().renewOwed).toBe(false)
  expect(readDeviceSettings().g).toBe(false)
}

describe('erasure on the worker phone renews the data key', () => {
  it('the erase button: a new generation, the old one gone, the visit still listed, still locked by the passphrase', async () => {
    const { pairing, visit, bucket, oldKey } = await workerPhone('2026-12-01')
    expect(await useWorkerPairingsStore().eraseAtEnd(pairing.id, TODAY)).toBe('renewed')
    await expectRenewed(bucket, oldKey)
    const vault = useVaultStore()
    expect(vault.status).toBe('open')
    expect(isErased(useWorkerPairingsStore().byId(pairing.id) ?? {})).toBe(true)
    expect(
      useWorkerVisitsStore()
        .visitsFor(pairing.id)
        .map((v) => v.id),
    ).toEqual([visit.id])
    // The same passphrase opens the new generation, and nothing else is needed.
    vault.lock()
    clock += 60_000
    await vault.unlock(PASSPHRASE)
    expect(
      useWorkerVisitsStore()
        .visitsFor(pairing.id)
        .map((v) => v.id),
    ).toEqual([visit.id])
  })

  it('the erasure 14 days after the end renews once', async () => {
    const { bucket, oldKey } = await workerPhone('2026-11-20')
    expect(await useWorkerPairingsStore().eraseDue(TODAY)).toBe(1)
    await expectRenewed(bucket, oldKey)
    const after = await readPointer(dbName())
    expect(await useWorkerPairingsStore().eraseDue(TODAY)).toBe(0)
    expect(await readPointer(dbName())).toBe(after)
  })

  it('removing a pairing with visits: kept as the anchor, ended today, erased, renewed; the visit still listed', async () => {
    const { pairing, visit, bucket, oldKey } = await workerPhone(null)
    expect(await useWorkerPairingsStore().unpair(pairing.id, TODAY)).toEqual({
      action: 'erase',
      renewal: 'renewed',
    })
    await expectRenewed(bucket, oldKey)
    const kept = useWorkerPairingsStore().byId(pairing.id)
    expect(kept).toMatchObject({ label: 'Sara', endsOn: TODAY, copy: { records: [], tombstones: [] } })
    expect(isErased(kept ?? {})).toBe(true)
    expect(
      useWorkerVisitsStore()
        .visitsFor(pairing.id)
        .map((v) => v.id),
    ).toEqual([visit.id])
    // Nothing is left to remove.
    expect(await useWorkerPairingsStore().unpair(pairing.id, TODAY)).toEqual({
      action: 'none',
      renewal: null,
    })
  })

  it('removing a pairing without visits deletes it, and renews too', async () => {
    const { pairing, visit, bucket, oldKey } = await workerPhone(null)
    await useWorkerVisitsStore().remove(visit.id)
    expect(await useWorkerPairingsStore().unpair(pairing.id, TODAY)).toEqual({
      action: 'delete',
      renewal: 'renewed',
    })
    await expectRenewed(bucket, oldKey)
    expect(useWorkerPairingsStore().byId(pairing.id)).toBeUndefined()
  })

  it('opened by the PIN: owed, said, and done at the next unlock with the passphrase', async () => {
    const { pairing, visit, bucket, oldKey } = await workerPhone('2026-12-01')
    const vault = useVaultStore()
    await vault.setPin('2468', PASSPHRASE)
    vault.lock()
    await vault.unlockWithPin('2468')
    expect(await useWorkerPairingsStore().eraseAtEnd(pairing.id, TODAY)).toBe('owed')
    expect(vault.renewOwed).toBe(true)
    expect(readDeviceSettings().g).toBe(true)
    // Not yet: the old generation is still current.
    expect(await readPointer(dbName())).toBe(bucket)
    // A reload (fresh stores), then the passphrase.
    vault.close()
    setActivePinia(createPinia())
    const visits = useWorkerVisitsStore()
    expect(useVaultStore().renewOwed).toBe(true)
    await useVaultStore().open(settings)
    expect(useVaultStore().status).toBe('locked')
    clock += 60_000
    await useVaultStore().unlock(PASSPHRASE, { pin: '1357' })
    expect(useVaultStore().status).toBe('open')
    await expectRenewed(bucket, oldKey)
    expect(visits.visitsFor(pairing.id).map((v) => v.id)).toEqual([visit.id])
    // The PIN given at this unlock seals the NEW key.
    useVaultStore().lock()
    await useVaultStore().unlockWithPin('1357')
    expect(useVaultStore().status).toBe('open')
  })
})
