/**
 * Record schema 1 → 2 (issue #12 item 8), tested from records exactly as release 1 wrote them
 * (tests/fixtures/records-v1.json): each one upgrades and parses; contacts and handover items
 * take their new shape without losing what she wrote; every other kind passes through unchanged.
 * Then the same records through the two real ways in: an install at version 1, and a backup.
 */
import { afterEach, describe, expect, it } from 'vitest'
import fixture from '../../fixtures/records-v1.json'
import { createBackup, restoreBackup } from '@/data/backup/backup'
import { sealBackup, type BackupSecret } from '@/data/backup/format'
import { recordStep0001ContactsV2 } from '@/data/migrations/recordSteps/0001-contacts-v2'
import { upgradePayload } from '@/data/recordUpgrade'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION, parseRecord, safeParseRecord, type TrinRecord } from '@/schemas'
import { TEST_KDF, freshDbName } from './helpers'
import { installAtRecordVersion } from './olderInstall'

const SECRET: BackupSecret = { kind: 'passphrase', passphrase: 'a backup passphrase' }
const v1 = fixture.records as readonly Record<string, unknown>[]
const byId = (id: string): Record<string, unknown> => {
  const record = v1.find((candidate) => candidate['id'] === id)
  if (record === undefined) throw new Error(`No fixture record ${id}`)
  return record
}
const upgraded = (id: string): TrinRecord => parseRecord(upgradePayload(byId(id), 1))
const ID = (last: string) => `10000000-0000-4000-8000-0000000000${last}`

const open: Vault[] = []
afterEach(() => {
  for (const vault of open.splice(0)) vault.close()
})

describe('record migration 1 → 2: contacts and handover items', () => {
  it('is the step from version 1; the records are at version 2 or later', () => {
    expect(fixture.schemaVersion).toBe(1)
    expect(recordStep0001ContactsV2.from).toBe(1)
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2)
  })

  it('leaves the version-1 contacts and handover items unreadable without it', () => {
    for (const record of v1.filter((r) => r['kind'] === 'contact' || r['kind'] === 'handoverItem'))
      expect(safeParseRecord(record).success, String(record['id'])).toBe(false)
  })

  it.each(v1.map((record) => [record['kind'], record['id']] as const))(
    'upgrades the %s %s to a record that parses',
    (_kind, id) => {
      const result = safeParseRecord(upgradePayload(byId(String(id)), 1))
      expect(result.error?.issues ?? []).toEqual([])
    },
  )

  it('passes every other kind through unchanged', () => {
    for (const record of v1.filter((r) => r['kind'] !== 'contact' && r['kind'] !== 'handoverItem'))
      expect(upgradePayload(record, 1)).toEqual(record)
  })

  it('keeps a contact’s words and turns its relation into its network kind', () => {
    expect(upgraded(ID('03'))).toMatchObject({
      kind: 'contact',
      name: 'Lene at the job centre',
      networkKind: 'professional',
      role: 'Case manager',
      organisation: 'Job centre',
      phone: '70 12 34 56',
      helpsWith: 'Job plan and benefits',
      takesOverFrom: '2027-03-01',
      shared: true,
      closeness: 'some',
      closenessHistory: [],
      crisisContact: false,
      safety: { keepPrivate: false, hideAddress: false, mustNotTell: [] },
    })
  })

  it('keeps a hidden contact private and her note about the ex-partner', () => {
    expect(upgraded(ID('04'))).toMatchObject({
      networkKind: 'friend',
      shared: false,
      safety: { keepPrivate: true, mustNotTellNote: 'Knows my ex; never give the new address' },
    })
  })

  it('fills what release 1 left out (no safety, no shared) and keeps tombstones and authors', () => {
    expect(upgraded(ID('05'))).toMatchObject({
      networkKind: 'family',
      author: 'worker:00000000000000b2',
      shared: false,
      safety: { keepPrivate: false },
    })
    expect(upgraded(ID('06'))).toMatchObject({ deleted: true, networkKind: 'neighbour' })
  })

  it('turns handover items into needs with owners, never claiming more than was recorded', () => {
    expect(upgraded(ID('07'))).toMatchObject({
      about: { kind: 'need', text: 'Go with me to the doctor' },
      owner: { kind: 'service', name: 'My sister' },
      from: '2027-04-01',
      status: 'notDiscussed',
    })
    expect(upgraded(ID('08'))).toMatchObject({
      about: { kind: 'need', text: 'Job plan meetings' },
      owner: { kind: 'contact', contactId: ID('03') },
      status: 'agreed',
      shared: true,
    })
    expect(upgraded(ID('0a'))).toMatchObject({
      owner: { kind: 'service', name: 'Bostøtten (§85)' },
      status: 'inPlace',
    })
  })

  it('returns what is not a record as it came', () => {
    for (const odd of [null, 3, 'contact', [1], { kind: 'contact' }])
      expect(() => recordStep0001ContactsV2.upgrade(odd)).not.toThrow()
    expect(recordStep0001ContactsV2.upgrade(null)).toBeNull()
  })
})

describe('record migration 1 → 2 through the ways in', () => {
  it('upgrades an install that release 1 wrote when the vault opens', async () => {
    const { options, storedPayload } = await installAtRecordVersion(v1, 1)
    // Sanity: what is stored really is version 1.
    expect(await storedPayload(ID('03'))).toMatchObject({ relation: 'professional' })

    const vault = await openVault(options)
    open.push(vault)
    const loaded = await vault.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(loaded.records).toHaveLength(v1.length)
    expect(loaded.records.find((record) => record.id === ID('04'))).toMatchObject({
      networkKind: 'friend',
      safety: { keepPrivate: true },
    })
  })

  it('restores a backup that release 1 made', async () => {
    const plaintext = new TextEncoder().encode(JSON.stringify({ schemaVersion: 1, records: v1 }))
    const { bytes } = await sealBackup(plaintext, SECRET, {
      kdf: TEST_KDF,
      createdAt: new Date('2026-11-24T10:00:00Z'),
    })
    const vault = await openVault({ dbName: freshDbName() })
    open.push(vault)
    await restoreBackup(bytes, SECRET, vault, { kdf: TEST_KDF })
    const loaded = await vault.loadAll()
    expect(loaded.records).toHaveLength(v1.length)
    expect(loaded.records.find((record) => record.id === ID('08'))).toMatchObject({
      owner: { kind: 'contact', contactId: ID('03') },
    })
    // A backup made now holds the records at the current version, and restores as they are.
    const again = await createBackup(vault, SECRET, { kdf: TEST_KDF })
    const target = await openVault({ dbName: freshDbName() })
    open.push(target)
    expect(await restoreBackup(again.bytes, SECRET, target, { kdf: TEST_KDF })).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
    })
  })
})
