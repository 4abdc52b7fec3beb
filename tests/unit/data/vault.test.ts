import { afterEach, describe, expect, it, vi } from 'vitest'
import { asHlc } from '@/domain/clock'
import { CryptoError, createDeviceKey } from '@/data/crypto'
import type { EncryptedRow, TrinDatabase } from '@/data/db'
import { KeyringError, RecordValidationError, StorageError } from '@/data/errors'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION } from '@/schemas'
import { makeContact, makeGoal, makeNote, makePlan } from '../../factories/records'
import { containsBytes, freshDbName, openRaw, rejectionOf } from './helpers'

const CANARY = 'CANARY-7f3a9c-Ingrid-lives-at-Elmegade-12'
const LATER = asHlc('2026-11-24T08:00:00.000Z-0000-00000000000000b2')

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
})

async function open(name: string): Promise<Vault> {
  const vault = await openVault({ dbName: name })
  cleanup.push(() => {
    vault.close()
  })
  return vault
}

async function raw(name: string): Promise<TrinDatabase> {
  const db = await openRaw(name)
  cleanup.push(() => {
    db.close()
  })
  return db
}

/** Every stored row, bytes copied, to prove later that nothing changed. */
async function snapshot(name: string): Promise<{ records: EncryptedRow[]; meta: unknown[] }> {
  const db = await raw(name)
  const records = (await db.records.toArray()).map((row) => ({
    id: row.id,
    iv: new Uint8Array(row.iv),
    ct: new Uint8Array(row.ct),
  }))
  // CryptoKeys have no comparable own properties, so a replaced device key shows by its description.
  const meta = (await db.meta.toArray()).map(({ key, value }) =>
    key === 'deviceKey' ? { key, present: true } : { key, value: structuredClone(value) },
  )
  return { records, meta }
}

describe('openVault on an empty database', () => {
  it('creates the keyring: a non-extractable device key, a wrapped data key and a device id', async () => {
    const name = freshDbName()
    const vault = await open(name)
    expect(vault.deviceId).toMatch(/^[0-9a-f]{16}$/)

    const db = await raw(name)
    const deviceKey = (await db.meta.get('deviceKey'))?.value as CryptoKey
    expect(deviceKey.extractable).toBe(false)
    expect(deviceKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    expect((await db.meta.get('keyring'))?.value).toMatchObject({
      format: 1,
      wrap: { format: 1, method: 'device', keyId: vault.keyId },
    })
    expect((await db.meta.get('deviceId'))?.value).toBe(vault.deviceId)
    expect((await db.meta.get('schema'))?.value).toEqual({ recordSchemaVersion: SCHEMA_VERSION })
    expect(await db.records.count()).toBe(0)
  })

  it('settles on one keyring when two tabs open the first time at once', async () => {
    const name = freshDbName()
    const [a, b] = await Promise.all([open(name), open(name)])
    expect(a.keyId).toBe(b.keyId)
    expect(a.deviceId).toBe(b.deviceId)
    const goal = await a.put(makeGoal())
    expect((await b.loadAll()).records).toEqual([goal])
  })
})

describe('the records table', () => {
  it('stores only {id, iv, ct}, with no plaintext in any row', async () => {
    const name = freshDbName()
    const vault = await open(name)
    const note = makeNote({ text: CANARY })
    await vault.putMany([makePlan(), note, makeContact({ name: 'Ingrid', helpsWith: CANARY })])

    const db = await raw(name)
    const rows = await db.records.toArray()
    expect(rows).toHaveLength(3)
    const canary = new TextEncoder().encode(CANARY)
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['ct', 'id', 'iv'])
      expect(row.iv).toBeInstanceOf(Uint8Array)
      expect(row.ct).toBeInstanceOf(Uint8Array)
      expect(containsBytes(row.ct, canary)).toBe(false)
      expect(containsBytes(row.ct, new TextEncoder().encode('"kind"'))).toBe(false)
    }
    // The canary is not in meta either.
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('CANARY')
  })

  it('saves, reads back and loads records, resolving with the parsed record', async () => {
    const vault = await open(freshDbName())
    const saved = await vault.put({ ...makeGoal({ title: '  Find a flat  ' }), shared: undefined })
    // The schema's defaults and trimming are what gets stored and returned.
    expect(saved.shared).toBe(false)
    expect(saved).toMatchObject({ kind: 'goal', title: 'Find a flat' })
    expect(await vault.loadAll()).toEqual({ records: [saved], unreadable: [] })
  })

  it('encrypts every write with a fresh IV', async () => {
    const name = freshDbName()
    const vault = await open(name)
    const goal = makeGoal()
    await vault.put(goal)
    const db = await raw(name)
    const first = await db.records.get(goal.id)
    await vault.put(goal)
    const second = await db.records.get(goal.id)
    expect(first?.iv).not.toEqual(second?.iv)
  })
})

describe('validation', () => {
  it('writes nothing when a record fails validation', async () => {
    const name = freshDbName()
    const vault = await open(name)
    const error = await rejectionOf(vault.put({ ...makeGoal(), title: '' }))
    expect(error).toBeInstanceOf(RecordValidationError)
    expect((error as RecordValidationError).code).toBe('invalid-record')
    expect((error as RecordValidationError).issues.map((issue) => issue.path)).toEqual([['title']])
    expect(await (await raw(name)).records.count()).toBe(0)
  })

  it('putMany is all-or-nothing: one invalid record and nothing is written or changed', async () => {
    const name = freshDbName()
    const vault = await open(name)
    const kept = await vault.put(makeGoal({ title: 'Before' }))
    const before = await snapshot(name)

    const invalid = { ...makeNote(), text: 42 } as unknown as ReturnType<typeof makeNote>
    const error = await rejectionOf(vault.putMany([{ ...kept, title: 'After' }, makePlan(), invalid]))
    expect(error).toBeInstanceOf(RecordValidationError)
    expect((error as RecordValidationError).recordId).toBe(invalid.id)

    expect(await snapshot(name)).toEqual(before)
    expect((await vault.loadAll()).records).toEqual([kept])
  })

  it('putMany refuses the same id twice', async () => {
    const name = freshDbName()
    const vault = await open(name)
    const goal = makeGoal()
    const error = await rejectionOf(vault.putMany([goal, { ...goal, title: 'Other' }]))
    expect((error as RecordValidationError).code).toBe('duplicate-id')
    expect(await (await raw(name)).records.count()).toBe(0)
  })
})

describe('reopening', () => {
  it('finds the same records, device id and key after close', async () => {
    const name = freshDbName()
    const first = await openVault({ dbName: name })
    const saved = await first.putMany([makePlan(), makeGoal(), makeNote({ text: CANARY })])
    const { deviceId, keyId } = first
    first.close()
    expect(first.closed).toBe(true)

    const again = await open(name)
    expect(again.deviceId).toBe(deviceId)
    expect(again.keyId).toBe(keyId)
    const { records, unreadable } = await again.loadAll()
    expect(unreadable).toEqual([])
    expect(records).toHaveLength(3)
    expect(records).toEqual(expect.arrayContaining(saved))
  })

  it('a closed vault refuses every call with StorageError unavailable', async () => {
    const vault = await openVault({ dbName: freshDbName() })
    vault.close()
    for (const call of [
      () => vault.loadAll(),
      () => vault.put(makeGoal()),
      () => vault.remove(makeGoal().id, LATER),
    ]) {
      const error = await rejectionOf(call())
      expect(error).toBeInstanceOf(StorageError)
      expect((error as StorageError).code).toBe('unavailable')
    }
  })
})

describe('tombstones', () => {
  it('remove keeps the record, marks it deleted and stamps updatedAt', async () => {
    const vault = await open(freshDbName())
    const goal = await vault.put(makeGoal())
    const removed = await vault.remove(goal.id, LATER)
    expect(removed).toEqual({ ...goal, deleted: true, updatedAt: LATER })
    expect((await vault.loadAll()).records).toEqual([removed])
  })

  it('remove of an unknown id fails with not-found', async () => {
    const vault = await open(freshDbName())
    const error = await rejectionOf(vault.remove(makeGoal().id, LATER))
    expect((error as StorageError).code).toBe('not-found')
  })
})

describe('unreadable rows', () => {
  async function tamperedVault() {
    const name = freshDbName()
    const vault = await open(name)
    const [good, victim, moved] = await vault.putMany([makeGoal(), makeNote(), makePlan()])
    if (!good || !victim || !moved) throw new Error('setup failed')
    const db = await raw(name)
    const row = await db.records.get(victim.id)
    if (!row) throw new Error('setup failed')
    const ct = new Uint8Array(row.ct)
    ct[0] = (ct[0] ?? 0) ^ 0xff
    await db.records.put({ ...row, ct })
    // A valid ciphertext copied under another id must not pass either.
    const source = await db.records.get(moved.id)
    if (!source) throw new Error('setup failed')
    const swappedId = crypto.randomUUID()
    await db.records.put({ ...source, id: swappedId })
    return { name, vault, good, victim, moved, swappedId }
  }

  it('are reported with their id and a typed error, next to the readable ones', async () => {
    const { vault, good, victim, moved, swappedId } = await tamperedVault()
    const { records, unreadable } = await vault.loadAll()
    expect(records).toEqual(expect.arrayContaining([good, moved]))
    expect(records).toHaveLength(2)
    expect(unreadable.map((entry) => entry.id).sort()).toEqual([victim.id, swappedId].sort())
    for (const entry of unreadable) {
      expect(entry.error).toBeInstanceOf(CryptoError)
      expect(entry.error.code).toBe('decrypt-failed')
    }
  })

  it('are left untouched by loading, saving over them and removing them', async () => {
    const { name, vault, victim } = await tamperedVault()
    const before = await snapshot(name)

    await vault.loadAll()
    const overwrite = await rejectionOf(vault.put({ ...victim, text: 'replacement' }))
    expect((overwrite as StorageError).code).toBe('would-overwrite-unreadable')
    const remove = await rejectionOf(vault.remove(victim.id, LATER))
    expect((remove as StorageError).code).toBe('would-overwrite-unreadable')

    expect(await snapshot(name)).toEqual(before)
  })

  it('a decrypted record that no longer parses is reported as invalid, not dropped', async () => {
    // Written through a second connection with the right key, so only validation can catch it.
    const name = freshDbName()
    const vault = await open(name)
    const note = await vault.put(makeNote())
    const { encryptRecord } = await import('@/data/crypto')
    const { openKeyring } = await import('@/data/keyring')
    const db = await raw(name)
    const { dataKey } = await openKeyring(db)
    const bad = { ...note, text: '' }
    const sealed = await encryptRecord({
      key: dataKey.key,
      keyId: dataKey.keyId,
      table: 'records',
      id: note.id,
      schemaVersion: SCHEMA_VERSION,
      payload: bad,
    })
    await db.records.put({ id: note.id, ...sealed })

    const { records, unreadable } = await vault.loadAll()
    expect(records).toEqual([])
    expect(unreadable).toHaveLength(1)
    expect(unreadable[0]?.error).toBeInstanceOf(RecordValidationError)
    expect(await db.records.count()).toBe(1)
  })
})

describe('keyring problems never delete or rewrite anything', () => {
  async function populated() {
    const name = freshDbName()
    const vault = await openVault({ dbName: name })
    await vault.putMany([makePlan(), makeGoal()])
    vault.close()
    return name
  }

  async function expectKeyringError(name: string, code: KeyringError['code']) {
    const before = await snapshot(name)
    const error = await rejectionOf(openVault({ dbName: name }))
    expect(error).toBeInstanceOf(KeyringError)
    expect((error as KeyringError).code).toBe(code)
    expect(await snapshot(name)).toEqual(before)
  }

  it('a device key that does not match: key-mismatch', async () => {
    const name = await populated()
    const db = await raw(name)
    await db.meta.put({ key: 'deviceKey', value: await createDeviceKey() })
    await expectKeyringError(name, 'key-mismatch')
  })

  it('a missing device key: device-key-missing', async () => {
    const name = await populated()
    await (await raw(name)).meta.delete('deviceKey')
    await expectKeyringError(name, 'device-key-missing')
  })

  it('records without a keyring or schema info: keyring-missing, and nothing is written', async () => {
    const name = await populated()
    const db = await raw(name)
    await db.meta.bulkDelete(['keyring', 'schema'])
    await expectKeyringError(name, 'keyring-missing')
    expect(await db.meta.get('keyring')).toBeUndefined()
  })

  it('a data key wrapped by a method this version does not know: unsupported-method', async () => {
    const name = await populated()
    const db = await raw(name)
    const keyring = (await db.meta.get('keyring'))?.value as { wrap: object }
    await db.meta.put({ key: 'keyring', value: { ...keyring, wrap: { ...keyring.wrap, method: 'scrypt' } } })
    await expectKeyringError(name, 'unsupported-method')
  })

  it('a passphrase method without its KDF header: keyring-unreadable', async () => {
    const name = await populated()
    const db = await raw(name)
    const keyring = (await db.meta.get('keyring'))?.value as { wrap: object }
    await db.meta.put({
      key: 'keyring',
      value: { ...keyring, wrap: { ...keyring.wrap, method: 'argon2id' } },
    })
    await expectKeyringError(name, 'keyring-unreadable')
  })

  it('a keyring in an unknown format: keyring-unreadable', async () => {
    const name = await populated()
    await (await raw(name)).meta.put({ key: 'keyring', value: { format: 9 } })
    await expectKeyringError(name, 'keyring-unreadable')
  })

  it('records from a newer schema: version-too-new, nothing written', async () => {
    const name = await populated()
    await (await raw(name)).meta.put({ key: 'schema', value: { recordSchemaVersion: 99 } })
    const before = await snapshot(name)
    const error = await rejectionOf(openVault({ dbName: name }))
    expect((error as StorageError).code).toBe('version-too-new')
    expect(await snapshot(name)).toEqual(before)
  })
})

describe('storage failures', () => {
  it('a full disk surfaces as StorageError quota, and the save is not reported done', async () => {
    const name = freshDbName()
    const vault = await open(name)
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const error = await rejectionOf(vault.put(makeGoal()))
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).code).toBe('quota')
    vi.restoreAllMocks()
    expect(await (await raw(name)).records.count()).toBe(0)
  })

  it('putMany is one transaction: a failure on the second write leaves the first unwritten', async () => {
    const name = freshDbName()
    const vault = await open(name)
    const kept = await vault.put(makeGoal({ title: 'Before' }))
    const before = await snapshot(name)
    type Put = (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) => IDBRequest<IDBValidKey>
    const realPut = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')?.value as Put
    let calls = 0
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      calls += 1
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return realPut.apply(this, args)
    })
    const error = await rejectionOf(vault.putMany([{ ...kept, title: 'After' }, makePlan(), makeNote()]))
    expect((error as StorageError).code).toBe('quota')
    expect(calls).toBe(2)
    vi.restoreAllMocks()
    expect(await snapshot(name)).toEqual(before)
  })
})
