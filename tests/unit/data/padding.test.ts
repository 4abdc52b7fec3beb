import { describe, expect, it } from 'vitest'
import { createBackup, restoreBackup } from '@/data/backup/backup'
import type { BackupSecret } from '@/data/backup/format'
import {
  createDeviceKey,
  decryptRecord,
  encryptBytes,
  encryptRecord,
  generateDataKey,
  unwrapDataKey,
  wrapDataKey,
  type DataKey,
} from '@/data/crypto'
import { BACKUP_PAD_BLOCK, RECORD_PAD_BLOCK, isPadded, pad, readPaddedOrLegacy, unpad } from '@/data/padding'
import { openVault } from '@/data/repositories/records'
import { targetGroups, type TrinRecord } from '@/schemas'
import { makePlan } from '../../factories/records'
import { makePlanSet } from '../../factories/planSet'
import { TEST_KDF, freshDbName, openRaw } from './helpers'

const utf8 = new TextEncoder()
const SECRET: BackupSecret = { kind: 'passphrase', passphrase: 'padding passphrase' }
const TAG = 16

async function freshDataKey(): Promise<DataKey> {
  const deviceKey = await createDeviceKey()
  return unwrapDataKey(await wrapDataKey(generateDataKey(), deviceKey), deviceKey)
}

describe('pad / unpad', () => {
  it.each([0, 1, 253, 254, 255, 256, 257, 1000])(
    'round-trips %i bytes to a multiple of the block',
    (length) => {
      const payload = new Uint8Array(length).fill(0x80)
      const padded = pad(payload, 256)
      expect(padded.byteLength % 256).toBe(0)
      expect(padded.byteLength).toBeGreaterThanOrEqual(length + 2)
      expect(isPadded(padded)).toBe(true)
      // 0x80 and 0x00 inside the payload do not confuse the unpad: only the tail counts.
      expect(Array.from(unpad(padded) ?? [])).toEqual(Array.from(payload))
    },
  )

  it('keeps trailing zero bytes of the payload', () => {
    const payload = new Uint8Array([1, 0, 0])
    expect(Array.from(unpad(pad(payload, 16)) ?? [])).toEqual([1, 0, 0])
  })

  it('refuses broken framing and reads legacy (unpadded) JSON unchanged', () => {
    expect(unpad(new Uint8Array([1, 0, 0, 0]))).toBeNull()
    expect(unpad(new Uint8Array([1, 0x41, 0x7f, 0]))).toBeNull()
    expect(readPaddedOrLegacy(new Uint8Array([1]))).toBeNull()
    const legacy = utf8.encode('{"a":1}')
    expect(readPaddedOrLegacy(legacy)).toBe(legacy)
  })
})

describe('record ciphertexts', () => {
  const address = (key: DataKey, id: string) => ({ keyId: key.keyId, table: 'records', id, schemaVersion: 1 })

  it('have the same length for every target group (transition), same content otherwise', async () => {
    const key = await freshDataKey()
    const base = makePlan()
    const lengths = new Map<string, number>()
    for (const group of targetGroups) {
      const plan: TrinRecord = { ...base, targetGroup: group }
      const { ct } = await encryptRecord({ key: key.key, ...address(key, plan.id), payload: plan })
      lengths.set(group, ct.byteLength)
      expect((ct.byteLength - TAG) % RECORD_PAD_BLOCK).toBe(0)
    }
    expect(new Set(lengths.values()).size, JSON.stringify(Object.fromEntries(lengths))).toBe(1)
    // And without padding they would differ (this is what the padding hides).
    const unpadded = targetGroups.map((group) => JSON.stringify({ ...base, targetGroup: group }).length)
    expect(new Set(unpadded).size).toBeGreaterThan(1)
  })

  it('rows written before padding (bare JSON) still decrypt', async () => {
    const key = await freshDataKey()
    const plan = makePlan()
    const legacy = await encryptBytes(
      key.key,
      utf8.encode(JSON.stringify(plan)),
      utf8.encode(JSON.stringify(['trin/record/v1', 'records', plan.id, 1, key.keyId])),
    )
    await expect(decryptRecord({ key: key.key, ...address(key, plan.id), ...legacy })).resolves.toEqual(plan)
  })

  it('what the vault stores is padded', async () => {
    const name = freshDbName()
    const vault = await openVault({ dbName: name })
    await vault.putMany(makePlanSet())
    const raw = await openRaw(name)
    const rows = await raw.table('records').toArray()
    for (const row of rows as { ct: Uint8Array }[])
      expect((row.ct.byteLength - TAG) % RECORD_PAD_BLOCK).toBe(0)
    raw.close()
    vault.close()
  })
})

describe('backup files', () => {
  it('have the same size for every target group, and restore', async () => {
    const set = makePlanSet()
    const sizes = new Set<number>()
    let last: Uint8Array | null = null
    for (const group of targetGroups) {
      const records = set.map((record) =>
        record.kind === 'plan' ? { ...record, targetGroup: group } : record,
      )
      const backup = await createBackup(records, SECRET, {
        kdf: TEST_KDF,
        now: () => new Date('2026-11-23T10:00:00Z'),
      })
      // The whole file (header, IV, padded ciphertext, tag) is a multiple of the block.
      expect(backup.bytes.byteLength % BACKUP_PAD_BLOCK).toBe(0)
      sizes.add(backup.bytes.byteLength)
      last = backup.bytes
    }
    expect(sizes.size).toBe(1)
    const vault = await openVault({ dbName: freshDbName() })
    if (last === null) throw new Error('no backup')
    await expect(restoreBackup(last, SECRET, vault, { kdf: TEST_KDF })).resolves.toMatchObject({
      recordCount: set.length,
    })
    vault.close()
  })
})
