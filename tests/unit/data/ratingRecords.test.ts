// The rating record (issue #13) is a new kind, not a changed one: records stored before it still
// parse, so it needed no record step of its own (version 3 came later, when the `assessment` kind
// was retired into ratings: recordMigrationV3.test.ts). What is checked here is that the data
// layer carries it like any other kind: written, read back, backed up and restored, and a rating
// that breaks its schema is refused before anything is written.
import { afterEach, describe, expect, it } from 'vitest'
import { createBackup, restoreBackup } from '@/data/backup/backup'
import type { BackupSecret } from '@/data/backup/format'
import { RecordValidationError } from '@/data/errors'
import { openVault, type Vault } from '@/data/repositories/records'
import type { TrinRecord } from '@/schemas'
import { day, makePlan, makeRating } from '../../factories/records'
import { TEST_KDF, freshDbName, rejectionOf } from './helpers'

const PASSPHRASE: BackupSecret = { kind: 'passphrase', passphrase: 'a backup passphrase' }

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
})

async function vault(): Promise<Vault> {
  const opened = await openVault({ dbName: freshDbName() })
  cleanup.push(() => {
    opened.close()
  })
  return opened
}

function ratings(): TrinRecord[] {
  return [
    makePlan({ targetGroup: 'shelter' }),
    makeRating(),
    makeRating({
      respondent: 'worker',
      content: { type: 'lifeAreas', values: { safety: { answer: 8 } } },
    }),
    makeRating({
      stage: 'phase1',
      date: day('2027-02-20'),
      content: { type: 'pack', packId: 'whoLike', packVersion: '1.0.0', answers: { item1: 3, item2: null } },
    }),
    makeRating({ stage: 'phase2', content: null }),
  ]
}

const byId = (records: readonly TrinRecord[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('rating records in the vault', () => {
  it('writes and reads back life-area, pack and declined ratings', async () => {
    const opened = await vault()
    const written = ratings()
    await opened.putMany(written)
    const loaded = await opened.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(byId(loaded.records)).toEqual(byId(written))
  })

  it('refuses to write a rating with a dimension at 0 and changes nothing', async () => {
    const opened = await vault()
    const broken = {
      ...makeRating(),
      content: { type: 'lifeAreas', values: { safety: { answer: 0 } } },
    }
    expect(await rejectionOf(opened.put(broken as unknown as TrinRecord))).toBeInstanceOf(
      RecordValidationError,
    )
    expect((await opened.loadAll()).records).toEqual([])
  })

  it('goes through a backup and its restore', async () => {
    const source = await vault()
    const written = ratings()
    await source.putMany(written)
    const backup = await createBackup(source, PASSPHRASE, {
      kdf: TEST_KDF,
      now: () => new Date(2026, 10, 23),
    })
    const target = await vault()
    await restoreBackup(backup.bytes, PASSPHRASE, target, { kdf: TEST_KDF })
    expect(byId((await target.loadAll()).records)).toEqual(byId(written))
  })
})
