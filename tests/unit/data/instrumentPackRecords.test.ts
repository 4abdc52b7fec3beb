// The instrument pack record (issue #13, item 4) is a new kind: a loaded pack kept encrypted like
// any record, written, read back, backed up and restored, with its JSON unchanged so the screens
// that parse it lazily read the same pack. A pack string over the bound is refused before anything
// is written.
import { afterEach, describe, expect, it } from 'vitest'
import { createBackup, restoreBackup } from '@/data/backup/backup'
import type { BackupSecret } from '@/data/backup/format'
import { RecordValidationError } from '@/data/errors'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION, type TrinRecord } from '@/schemas'
import { MAX_PACK_FILE_CHARS, readInstrumentPack } from '@/schemas/instrumentPack'
import { makeInstrumentPackRecord, makePlan, makeRating } from '../../factories/records'
import { packFixture } from '../../factories/instrumentPacks'
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

function records(): TrinRecord[] {
  return [
    makePlan(),
    makeInstrumentPackRecord({ pack: packFixture('valid-placeholder-five.json') }),
    makeRating({
      content: { type: 'pack', packId: 'placeholderFive', packVersion: '1.0.0', answers: { item1: 3 } },
    }),
  ]
}

const byId = (list: readonly TrinRecord[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1))

describe('instrument pack records', () => {
  it('needs no record step: the schema version stays', () => {
    expect(SCHEMA_VERSION).toBe(2)
  })

  it('writes and reads back the pack, which still reads as the pack', async () => {
    const opened = await vault()
    const written = records()
    await opened.putMany(written)
    const loaded = await opened.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(byId(loaded.records)).toEqual(byId(written))
    const pack = loaded.records.find((record) => record.kind === 'instrumentPack')
    expect(pack?.kind === 'instrumentPack' && readInstrumentPack(pack.pack).ok).toBe(true)
  })

  it('refuses a pack longer than a pack file may be and changes nothing', async () => {
    const opened = await vault()
    const broken = makeInstrumentPackRecord({ pack: 'x'.repeat(MAX_PACK_FILE_CHARS + 1) })
    expect(await rejectionOf(opened.put(broken))).toBeInstanceOf(RecordValidationError)
    expect((await opened.loadAll()).records).toEqual([])
  })

  it('goes through a backup and its restore', async () => {
    const source = await vault()
    const written = records()
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
