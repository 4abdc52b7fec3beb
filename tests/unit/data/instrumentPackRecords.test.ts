// The instrument pack record (issue #13, item 4) is a new kind: a loaded pack kept encrypted like
// any record, written, read back, backed up and restored, with its JSON unchanged so the screens
// that parse it lazily read the same pack. A pack string over the bound is refused before anything
// is written.
import { afterEach, describe, expect, it } from 'vitest'
import { createBackup, restoreBackup } from '@/data/backup/backup'
import type { BackupSecret } from '@/data/backup/format'
import { RecordValidationError } from '@/data/errors'
import { openVault, type Vault } from '@/data/repositories/records'
import type { TrinRecord } from '@/schemas'
import { MAX_PACK_FILE_CHARS, readInstrumentPack } from '@/schemas/instrumentPack'
import { makeInstrumentPackRecord, makePlan, makeRating } from '../../factories/records'
import { packFixture } from '../../factories/instrumentPacks'
import { TEST_KDF, freshDbName, rejectionOf } from './helpers'

const SECRET: BackupSecret = { kind: 'passphrase', passphrase: 'a backup passphrase' }
const opened = new Set<Vault>()
afterEach(() => {
  for (const each of opened) each.close()
  opened.clear()
})

/** A vault in a database of its own, closed after the test. */
async function freshVault(): Promise<Vault> {
  const each = await openVault({ dbName: freshDbName() })
  opened.add(each)
  return each
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
  it('writes and reads back the pack, which still reads as the pack', async () => {
    const vault = await freshVault()
    const written = records()
    await vault.putMany(written)
    const loaded = await vault.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(byId(loaded.records)).toEqual(byId(written))
    const pack = loaded.records.find((record) => record.kind === 'instrumentPack')
    expect(pack?.kind === 'instrumentPack' && readInstrumentPack(pack.pack).ok).toBe(true)
  })

  it('refuses a pack longer than a pack file may be and changes nothing', async () => {
    const vault = await freshVault()
    const broken = makeInstrumentPackRecord({ pack: 'x'.repeat(MAX_PACK_FILE_CHARS + 1) })
    expect(await rejectionOf(vault.put(broken))).toBeInstanceOf(RecordValidationError)
    expect((await vault.loadAll()).records).toEqual([])
  })

  it('goes through a backup and its restore', async () => {
    const [source, target] = [await freshVault(), await freshVault()]
    const written = records()
    await source.putMany(written)
    const { bytes } = await createBackup(source, SECRET, { kdf: TEST_KDF, now: () => new Date(2026, 10, 23) })
    await restoreBackup(bytes, SECRET, target, { kdf: TEST_KDF })
    const restored = (await target.loadAll()).records
    expect(byId(restored)).toEqual(byId(written))
  })
})
