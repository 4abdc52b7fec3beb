/**
 * Record schema 2 → 3 (issue #11): the `assessment` kind is retired, so that the first screen
 * no longer carries its schema. Tested from records exactly as version 2 wrote them
 * (tests/fixtures/records-v2-assessment.json): an assessment becomes the rating of its
 * instrument with everything it held, every other kind passes through unchanged, and a proposal
 * aimed at an assessment (which no screen could make) is kept and reported, never dropped.
 * Then the same records through the two real ways in: an install at version 2, and a backup.
 */
import { afterEach, describe, expect, it } from 'vitest'
import fixture from '../../fixtures/records-v2-assessment.json'
import { restoreBackup } from '@/data/backup/backup'
import { sealBackup, type BackupSecret } from '@/data/backup/format'
import { ImportError, RecordValidationError } from '@/data/errors'
import {
  RETIRED_ASSESSMENT_VERSION,
  recordStep0002AssessmentToRating,
} from '@/data/migrations/recordSteps/0002-assessment-to-rating'
import { upgradePayload } from '@/data/recordUpgrade'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION, isRecordKind, safeParseRecord } from '@/schemas'
import { TEST_KDF, freshDbName, rejectionOf } from './helpers'
import { installAtRecordVersion } from './olderInstall'

const SECRET: BackupSecret = { kind: 'passphrase', passphrase: 'a backup passphrase' }
const v2 = fixture.records as readonly Record<string, unknown>[]
const ID = (last: string) => `20000000-0000-4000-8000-0000000000${last}`
const PROPOSAL = ID('05')
const byId = (id: string): Record<string, unknown> => {
  const record = v2.find((candidate) => candidate['id'] === id)
  if (record === undefined) throw new Error(`No fixture record ${id}`)
  return record
}
const withoutProposal = v2.filter((record) => record['id'] !== PROPOSAL)

const open: Vault[] = []
afterEach(() => {
  for (const vault of open.splice(0)) vault.close()
})

describe('record migration 2 → 3: assessments become ratings', () => {
  it('is the step from version 2, and the records are now at version 3', () => {
    expect(fixture.schemaVersion).toBe(2)
    expect(recordStep0002AssessmentToRating.from).toBe(2)
    expect(SCHEMA_VERSION).toBe(3)
    expect(isRecordKind('assessment')).toBe(false)
  })

  it('leaves a version-2 assessment unreadable without it', () => {
    expect(safeParseRecord(byId(ID('02'))).success).toBe(false)
  })

  it.each(withoutProposal.map((record) => [record['kind'], record['id']] as const))(
    'upgrades the %s %s to a record that parses',
    (_kind, id) => {
      const result = safeParseRecord(upgradePayload(byId(String(id)), 2))
      expect(result.error?.issues ?? []).toEqual([])
    },
  )

  it('keeps everything an assessment held: who, when, its instrument and every answer', () => {
    expect(upgradePayload(byId(ID('02')), 2)).toEqual({
      id: ID('02'),
      kind: 'rating',
      createdAt: '2026-11-23T10:00:00.000Z-0000-00000000000000a1',
      updatedAt: '2026-11-23T10:00:00.000Z-0000-00000000000000a1',
      author: 'citizen',
      shared: false,
      deleted: false,
      respondent: 'citizen',
      stage: 'phase1',
      date: '2026-11-20',
      content: {
        type: 'pack',
        packId: 'who5',
        packVersion: RETIRED_ASSESSMENT_VERSION,
        answers: { item1: 3, item2: 4, item3: 2, item4: null, item5: 5 },
      },
    })
    expect(upgradePayload(byId(ID('03')), 2)).toMatchObject({
      author: 'worker:00000000000000a1',
      shared: true,
      respondent: 'worker',
      stage: 'contact',
      content: { packId: 'changeCompass', answers: {} },
    })
    expect(upgradePayload(byId(ID('04')), 2)).toMatchObject({ deleted: true, content: { packId: 'sheehan' } })
  })

  it('marks the answers as no pack file can: the version is not a pack version', () => {
    expect(RETIRED_ASSESSMENT_VERSION).not.toMatch(/^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/)
  })

  it('passes every other kind through unchanged, and what is not a record as it came', () => {
    for (const record of v2.filter((r) => r['kind'] !== 'assessment'))
      expect(upgradePayload(record, 2)).toEqual(record)
    for (const odd of [null, 3, 'assessment', [1], { kind: 'plan' }])
      expect(recordStep0002AssessmentToRating.upgrade(odd)).toEqual(odd)
  })

  it('leaves a proposal aimed at an assessment as it was, for the schema to report', () => {
    const proposal = byId(PROPOSAL)
    expect(upgradePayload(proposal, 2)).toEqual(proposal)
    expect(safeParseRecord(upgradePayload(proposal, 2)).success).toBe(false)
  })
})

/** A backup file of `records` as version 2 wrote it, and an empty vault to restore it into. */
async function backupAtVersion2(records: readonly Record<string, unknown>[]) {
  const plaintext = new TextEncoder().encode(JSON.stringify({ schemaVersion: 2, records }))
  const { bytes } = await sealBackup(plaintext, SECRET, {
    kdf: TEST_KDF,
    createdAt: new Date('2026-11-24T10:00:00Z'),
  })
  const vault = await openVault({ dbName: freshDbName() })
  open.push(vault)
  return { bytes, vault }
}

describe('record migration 2 → 3 through the ways in', () => {
  it('upgrades an install at version 2 when the vault opens: the assessments read as ratings', async () => {
    const vault = await openVault((await installAtRecordVersion(v2, 2)).options)
    open.push(vault)
    const loaded = await vault.loadAll()
    expect(loaded.records.map((record) => record.id).sort()).toEqual(
      withoutProposal.map((record) => String(record['id'])).sort(),
    )
    expect(loaded.records.find((record) => record.id === ID('02'))).toMatchObject({
      kind: 'rating',
      content: { type: 'pack', packId: 'who5', answers: { item5: 5 } },
    })
    // The proposal aimed at an assessment is kept and reported, not dropped.
    expect(loaded.unreadable.map((entry) => entry.id)).toEqual([PROPOSAL])
    expect(loaded.unreadable[0]?.error).toBeInstanceOf(RecordValidationError)
  })

  it('restores a backup that version 2 made with assessments in it', async () => {
    const { bytes, vault } = await backupAtVersion2(withoutProposal)
    await restoreBackup(bytes, SECRET, vault, { kdf: TEST_KDF })
    const loaded = await vault.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(loaded.records.filter((record) => record.kind === 'rating')).toHaveLength(3)
  })

  it('refuses, changing nothing, a version-2 backup holding a proposal aimed at an assessment', async () => {
    const { bytes, vault } = await backupAtVersion2(v2)
    const refused = await rejectionOf(restoreBackup(bytes, SECRET, vault, { kdf: TEST_KDF }))
    expect(refused).toBeInstanceOf(ImportError)
    expect((refused as ImportError).code).toBe('invalid-records')
    expect((await vault.loadAll()).records).toEqual([])
  })
})
