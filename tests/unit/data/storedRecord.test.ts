// The vault parses the kinds a citizen's phone holds with the first screen's schemas and every
// other kind (proposals, a worker device's pairings and visit log) with the whole record union,
// loaded when first met (src/schemas/storedRecord.ts, issue #11). A worker's phone must go on
// refusing a malformed record of its own kinds exactly as before: reported unreadable with the
// whole union's issues when read, refused before anything is written when saved.
import { afterEach, describe, expect, it } from 'vitest'
import { encryptRecord } from '@/data/crypto'
import { RecordValidationError } from '@/data/errors'
import { openKeyring } from '@/data/keyring'
import { openVault, type Vault } from '@/data/repositories/records'
import { safeParseRecord, type TrinRecord } from '@/schemas'
import { firstScreenKinds } from '@/schemas/storedRecord'
import { SCHEMA_VERSION } from '@/schemas/version'
import { makePlan, makeProposal, makeWorkerPairing, makeWorkerVisit } from '../../factories/records'
import { freshDbName, openRaw, rejectionOf } from './helpers'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
})

async function fresh(): Promise<{ name: string; vault: Vault }> {
  const name = freshDbName()
  const vault = await openVault({ dbName: name })
  cleanup.push(() => {
    vault.close()
  })
  return { name, vault }
}

/** Stores `payload` under `id` with the vault's own key, past every check of the vault. */
async function storeRaw(name: string, id: string, payload: unknown): Promise<void> {
  const db = await openRaw(name)
  cleanup.push(() => {
    db.close()
  })
  const { dataKey } = await openKeyring(db)
  const sealed = await encryptRecord({
    key: dataKey.key,
    keyId: dataKey.keyId,
    table: 'records',
    id,
    schemaVersion: SCHEMA_VERSION,
    payload,
  })
  await db.records.put({ id, ...sealed })
}

const workerKinds = [
  ['a proposal', makeProposal],
  ['a worker pairing', makeWorkerPairing],
  ['a worker visit', makeWorkerVisit],
] as const

/** One malformed record of each worker kind, each broken in a way only its own schema sees. */
const malformed: readonly (readonly [string, () => TrinRecord, Record<string, unknown>])[] = [
  ['a proposal changing a field its target does not have', makeProposal, { changes: { colour: 'red' } }],
  ['a proposal changing a title to a number', makeProposal, { changes: { title: 7 } }],
  ['a decided proposal without a time', makeProposal, { status: 'accepted' }],
  ['a shared worker pairing', makeWorkerPairing, { shared: true }],
  ['a worker pairing with a blank label', makeWorkerPairing, { label: '   ' }],
  ['a worker visit of no minutes', makeWorkerVisit, { minutes: 0 }],
  ['a worker visit of an unknown mode', makeWorkerVisit, { mode: 'email' }],
]

describe('the vault parses worker kinds with the whole union, loaded when met', () => {
  it('leaves proposals and the worker’s kinds out of the first screen’s union', () => {
    expect(firstScreenKinds).not.toContain('proposal')
    expect(firstScreenKinds).not.toContain('workerPairing')
    expect(firstScreenKinds).not.toContain('workerVisit')
    expect(firstScreenKinds).toContain('plan')
  })

  it.each(workerKinds)('writes and reads back %s', async (_name, make) => {
    const { vault } = await fresh()
    const plan = makePlan()
    const record = make()
    await vault.putMany([plan, record])
    const loaded = await vault.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(loaded.records).toHaveLength(2)
    expect(loaded.records).toContainEqual(safeParseRecord(record).data)
  })

  it.each(malformed)('reports %s stored on the device as unreadable', async (_name, make, fields) => {
    const { name, vault } = await fresh()
    const plan = await vault.put(makePlan())
    const bad = { ...make(), ...fields }
    await storeRaw(name, bad.id, bad)
    const { records, unreadable } = await vault.loadAll()
    expect(records).toEqual([plan])
    expect(unreadable.map((entry) => entry.id)).toEqual([bad.id])
    const error = unreadable[0]?.error
    expect(error).toBeInstanceOf(RecordValidationError)
    // The same issues as the whole union gives, as before the worker kinds left the first screen.
    const whole = safeParseRecord(bad)
    expect(whole.success).toBe(false)
    expect((error as RecordValidationError).recordId).toBe(bad.id)
    expect((error as RecordValidationError).issues).toEqual(
      (whole.error?.issues ?? []).map((issue) => ({ path: issue.path, message: issue.message })),
    )
  })

  it.each(malformed)('refuses to save %s and writes nothing', async (_name, make, fields) => {
    const { vault } = await fresh()
    const bad = { ...make(), ...fields }
    const error = await rejectionOf(vault.putMany([makePlan(), bad]))
    expect(error).toBeInstanceOf(RecordValidationError)
    expect((error as RecordValidationError).code).toBe('invalid-record')
    expect(await vault.loadAll()).toEqual({ records: [], unreadable: [] })
  })

  it('reports a stored row of an unknown kind as unreadable', async () => {
    const { name, vault } = await fresh()
    const bad = { ...makePlan(), kind: 'assessment' }
    await storeRaw(name, bad.id, bad)
    const { records, unreadable } = await vault.loadAll()
    expect(records).toEqual([])
    expect(unreadable[0]?.error).toBeInstanceOf(RecordValidationError)
  })
})
