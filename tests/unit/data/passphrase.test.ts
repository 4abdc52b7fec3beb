import { afterEach, describe, expect, it, vi } from 'vitest'
import { CryptoError, decryptRecord, unwrapDataKey, type KeyWrap } from '@/data/crypto'
import { KeyringError, LockError, StorageError } from '@/data/errors'
import { inProcessKdfRunner, type KdfRunner, type KdfOptions } from '@/data/kdf/runner'
import {
  changePassphrase,
  lockMethod,
  readLockState,
  removePassphrase,
  setPassphrase,
} from '@/data/lock/passphrase'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION, type TrinRecord } from '@/schemas'
import { makeGoal, makeNote, makePlan } from '../../factories/records'
import {
  TEST_KDF,
  TEST_KDF_POLICY,
  freshDbName,
  idbStoreFaults,
  openRaw,
  rejectionOf,
  snapshotDatabase,
  subtleFaults,
  withFault,
  type FaultTarget,
} from './helpers'

const OLD = 'correct horse battery'
const NEW = 'a new and longer passphrase'
const START = 1_800_000_000_000

let clock = START
const now = () => clock

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
  clock = START
  vi.restoreAllMocks()
})

function options(dbName: string, kdf: KdfOptions = TEST_KDF) {
  return { dbName, kdf, now }
}

function keep(vault: Vault): Vault {
  cleanup.push(() => {
    vault.close()
  })
  return vault
}

function sortById(records: readonly TrinRecord[]): TrinRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
}

/** A "no lock" database with three records. */
async function deviceDatabase(): Promise<{ name: string; records: TrinRecord[] }> {
  const name = freshDbName()
  const vault = await openVault({ dbName: name })
  const records = await vault.putMany([makePlan(), makeGoal(), makeNote({ text: 'Meet Ana at 10' })])
  vault.close()
  return { name, records: sortById(records) }
}

/** A passphrase-locked database (test KDF policy) with three records. */
async function lockedDatabase(): Promise<{ name: string; records: TrinRecord[] }> {
  const { name, records } = await deviceDatabase()
  ;(await setPassphrase(OLD, options(name))).vault.close()
  return { name, records }
}

async function openWith(name: string, passphrase?: string): Promise<Vault> {
  return keep(await openVault({ ...options(name), ...(passphrase === undefined ? {} : { passphrase }) }))
}

/** Everything but the attempt counter, which is the one row a wrong try may change. */
async function snapshotWithoutCounter(name: string) {
  const { records, meta } = await snapshotDatabase(name)
  return { records, meta: Object.fromEntries(Object.entries(meta).filter(([key]) => key !== 'lockAttempts')) }
}

async function storedWrap(name: string): Promise<KeyWrap> {
  const db = await openRaw(name)
  try {
    return ((await db.meta.get('keyring'))?.value as { wrap: KeyWrap }).wrap
  } finally {
    db.close()
  }
}

function spyRunner(): { runner: KdfRunner; derive: ReturnType<typeof vi.fn<KdfRunner['derive']>> } {
  const derive = vi.fn<KdfRunner['derive']>(inProcessKdfRunner.derive)
  return { runner: { derive, supportsArgon2id: inProcessKdfRunner.supportsArgon2id }, derive }
}

describe('the lock method is readable without any key', () => {
  it("goes 'none' → 'device' → 'argon2id' → 'device'", async () => {
    const name = freshDbName()
    expect(await lockMethod(options(name))).toBe('none')
    keep(await openVault({ dbName: name })).close()
    expect(await lockMethod(options(name))).toBe('device')
    keep((await setPassphrase(OLD, options(name))).vault)
    expect(await lockMethod(options(name))).toBe('argon2id')
    keep((await removePassphrase(OLD, options(name))).vault)
    expect(await lockMethod(options(name))).toBe('device')
  })

  it('stores the KDF parameters and salt in the clear, beside the wrapped key', async () => {
    const name = freshDbName()
    keep((await setPassphrase(OLD, options(name))).vault)
    const wrap = await storedWrap(name)
    expect(wrap).toMatchObject({ format: 1, method: 'argon2id', params: TEST_KDF_POLICY.argon2id })
    expect(wrap.method === 'argon2id' && wrap.salt.byteLength).toBe(16)
  })

  it('uses PBKDF2 where WebAssembly cannot run', async () => {
    const name = freshDbName()
    const runner: KdfRunner = {
      derive: inProcessKdfRunner.derive,
      supportsArgon2id: () => Promise.resolve(false),
    }
    keep((await setPassphrase(OLD, { ...options(name), kdf: { runner, policy: TEST_KDF_POLICY } })).vault)
    expect(await lockMethod(options(name))).toBe('pbkdf2')
    expect(await storedWrap(name)).toMatchObject({
      method: 'pbkdf2',
      params: { hash: 'SHA-256', iterations: 1000 },
    })
    expect((await openWith(name, OLD)).keyId).toMatch(/^[0-9a-f]{32}$/)
  })
})

describe('setPassphrase', () => {
  it('on a new database: the keyring is created under the passphrase and no device key is ever written', async () => {
    const name = freshDbName()
    const vault = keep((await setPassphrase(OLD, options(name))).vault)
    const goal = await vault.put(makeGoal())
    const { meta } = await snapshotDatabase(name)
    expect(Object.keys(meta).sort()).toEqual(['deviceId', 'keyring', 'schema'])

    const error = await rejectionOf(openVault({ dbName: name }))
    expect((error as KeyringError).code).toBe('passphrase-required')
    expect((await (await openWith(name, OLD)).loadAll()).records).toEqual([goal])
  })

  it('from "no lock": rotates the data key, re-encrypts every record, deletes the device key', async () => {
    const { name, records } = await deviceDatabase()
    // What someone who copied the storage before the lock holds:
    const db = await openRaw(name)
    const oldDeviceKey = (await db.meta.get('deviceKey'))?.value as CryptoKey
    const oldWrap = await storedWrap(name)
    db.close()
    const oldKey = await unwrapDataKey(oldWrap, oldDeviceKey)

    const { vault, rotated } = await setPassphrase(OLD, options(name))
    keep(vault)
    expect(rotated).toBe(true)
    expect(vault.keyId).not.toBe(oldKey.keyId)
    expect(sortById((await vault.loadAll()).records)).toEqual(records)
    const later = await vault.put(makeNote({ text: 'written after the lock' }))

    const after = await openRaw(name)
    expect(await after.meta.get('deviceKey')).toBeUndefined()
    // The old keys open none of the rows any more, old or new.
    for (const row of await after.records.toArray()) {
      const error = await rejectionOf(
        decryptRecord({
          key: oldKey.key,
          keyId: oldKey.keyId,
          table: 'records',
          id: row.id,
          schemaVersion: SCHEMA_VERSION,
          iv: row.iv,
          ct: row.ct,
        }),
      )
      expect(error).toBeInstanceOf(CryptoError)
    }
    after.close()
    expect(sortById((await (await openWith(name, OLD)).loadAll()).records)).toEqual(
      sortById([...records, later]),
    )
  })

  it('with an unreadable row: re-wraps instead of rotating, so that row is not stranded under a deleted key', async () => {
    const { name, records } = await deviceDatabase()
    const db = await openRaw(name)
    const junk = { id: crypto.randomUUID(), iv: new Uint8Array(12).fill(7), ct: new Uint8Array(40).fill(9) }
    await db.records.put(junk)
    const keyIdBefore = (await storedWrap(name)).keyId
    const rowsBefore = (await snapshotDatabase(name)).records
    db.close()

    const { vault, rotated } = await setPassphrase(OLD, options(name))
    keep(vault)
    expect(rotated).toBe(false)
    expect(vault.keyId).toBe(keyIdBefore)
    const { records: loaded, unreadable } = await vault.loadAll()
    expect(sortById(loaded)).toEqual(records)
    expect(unreadable.map((entry) => entry.id)).toEqual([junk.id])
    // Not one record byte changed; the device key is gone and the passphrase opens.
    expect((await snapshotDatabase(name)).records).toEqual(rowsBefore)
    expect((await snapshotDatabase(name)).meta.deviceKey).toBeUndefined()
    expect(await lockMethod(options(name))).toBe('argon2id')
  })

  it('makes a vault opened before the rotation refuse to write (its key is gone)', async () => {
    const { name } = await deviceDatabase()
    const stale = keep(await openVault({ dbName: name }))
    keep((await setPassphrase(OLD, options(name))).vault)
    const error = await rejectionOf(stale.put(makeGoal()))
    expect((error as StorageError).code).toBe('key-changed')
  })

  it.each([
    ['a short passphrase', 'short', 'passphrase-too-short'],
    ['an over-long passphrase', 'x'.repeat(1025), 'passphrase-too-long'],
  ])('refuses %s and changes nothing', async (_label, passphrase, code) => {
    const { name } = await deviceDatabase()
    const before = await snapshotDatabase(name)
    const error = await rejectionOf(setPassphrase(passphrase, options(name)))
    expect((error as LockError).code).toBe(code)
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('refuses when a passphrase is already set', async () => {
    const { name } = await lockedDatabase()
    const before = await snapshotDatabase(name)
    const error = await rejectionOf(setPassphrase(NEW, options(name)))
    expect((error as LockError).code).toBe('already-locked')
    expect(await snapshotDatabase(name)).toEqual(before)
  })
})

describe('unlocking', () => {
  it('opens with the passphrase, and refuses a passphrase in "no lock" mode', async () => {
    const { name, records } = await lockedDatabase()
    expect(sortById((await (await openWith(name, OLD)).loadAll()).records)).toEqual(records)
    const device = await deviceDatabase()
    const error = await rejectionOf(openWith(device.name, OLD))
    expect((error as LockError).code).toBe('not-locked')
  })

  it('a wrong passphrase changes no byte of any table but the attempt counter', async () => {
    const { name } = await lockedDatabase()
    const before = await snapshotDatabase(name)
    const error = await rejectionOf(openWith(name, 'not the passphrase'))
    expect(error).toBeInstanceOf(LockError)
    expect((error as LockError).code).toBe('wrong-passphrase')
    const after = await snapshotDatabase(name)
    expect(await snapshotWithoutCounter(name)).toEqual({ records: before.records, meta: before.meta })
    expect(after.meta.lockAttempts).toEqual({ failures: 1, notBefore: 0 })
  })

  it('grows the delay after three wrong tries, survives a reload, and resets on success', async () => {
    const { name, records } = await lockedDatabase()
    for (let i = 1; i <= 3; i++) {
      const error = (await rejectionOf(openWith(name, `wrong ${i}`))) as LockError
      expect(error.code).toBe('wrong-passphrase')
      expect(error.retryAt).toBeNull()
    }
    const fourth = (await rejectionOf(openWith(name, 'wrong 4'))) as LockError
    expect(fourth.code).toBe('wrong-passphrase')
    expect(fourth.retryAt).toBe(START + 2_000)
    // "Reload": a fresh read of the plaintext state.
    expect(await readLockState(options(name))).toEqual({
      method: 'argon2id',
      failures: 4,
      retryAt: START + 2_000,
    })

    // Too soon: refused before any derivation, even with the right passphrase.
    const { runner, derive } = spyRunner()
    clock = START + 1_000
    const early = (await rejectionOf(
      openVault({ dbName: name, passphrase: OLD, now, kdf: { runner, policy: TEST_KDF_POLICY } }),
    )) as LockError
    expect(early.code).toBe('too-soon')
    expect(early.retryAt).toBe(START + 2_000)
    expect(derive).not.toHaveBeenCalled()

    clock = START + 2_000
    expect(sortById((await (await openWith(name, OLD)).loadAll()).records)).toEqual(records)
    expect(await readLockState(options(name))).toEqual({ method: 'argon2id', failures: 0, retryAt: null })
    expect((await snapshotDatabase(name)).meta.lockAttempts).toBeUndefined()
  })

  it('a clock turned back does not lock the user out for longer than one delay', async () => {
    const { name } = await lockedDatabase()
    for (let i = 1; i <= 5; i++) {
      clock += 600_000
      await rejectionOf(openWith(name, `wrong ${i}`))
    }
    clock = START - 86_400_000
    const error = (await rejectionOf(openWith(name, OLD))) as LockError
    expect(error.code).toBe('too-soon')
    expect(error.retryAt).toBe(clock + 4_000)
    clock += 4_000
    await expect(openWith(name, OLD)).resolves.toBeDefined()
  })

  it('refuses stored KDF parameters below the floor (downgrade) before deriving, changing nothing', async () => {
    // Locked with the cheap test parameters: to production code these are a downgrade.
    const { name } = await lockedDatabase()
    const before = await snapshotDatabase(name)
    const { runner, derive } = spyRunner()
    const error = (await rejectionOf(
      openVault({ dbName: name, passphrase: OLD, now, kdf: { runner } }),
    )) as LockError
    expect(error.code).toBe('kdf-params-rejected')
    expect(derive).not.toHaveBeenCalled()
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('refuses absurd stored parameters (4 GiB of memory) before deriving', async () => {
    const { name } = await lockedDatabase()
    const db = await openRaw(name)
    const stored = (await db.meta.get('keyring'))?.value as { format: 1; wrap: KeyWrap & { params: object } }
    await db.meta.put({
      key: 'keyring',
      value: {
        ...stored,
        wrap: { ...stored.wrap, params: { ...stored.wrap.params, memoryKiB: 4 * 1024 * 1024 } },
      },
    })
    db.close()
    const before = await snapshotDatabase(name)
    const { runner, derive } = spyRunner()
    const error = (await rejectionOf(
      openVault({ dbName: name, passphrase: OLD, now, kdf: { runner, policy: TEST_KDF_POLICY } }),
    )) as LockError
    expect(error.code).toBe('kdf-params-rejected')
    expect(derive).not.toHaveBeenCalled()
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('a tampered wrap is a wrong passphrase: nothing is deleted or rewritten', async () => {
    const { name } = await lockedDatabase()
    const db = await openRaw(name)
    const stored = (await db.meta.get('keyring'))?.value as { format: 1; wrap: KeyWrap }
    const wrapped = new Uint8Array(stored.wrap.wrapped)
    wrapped[0] = (wrapped[0] ?? 0) ^ 1
    await db.meta.put({ key: 'keyring', value: { ...stored, wrap: { ...stored.wrap, wrapped } } })
    db.close()
    const before = await snapshotWithoutCounter(name)
    expect(((await rejectionOf(openWith(name, OLD))) as LockError).code).toBe('wrong-passphrase')
    expect(await snapshotWithoutCounter(name)).toEqual(before)
  })
})

describe('changePassphrase', () => {
  it('rotates the data key: the new passphrase opens, the old does not, every record re-encrypted', async () => {
    const { name, records } = await lockedDatabase()
    const keyId = (await openWith(name, OLD)).keyId
    const before = await snapshotDatabase(name)
    const { vault: reopened, rotated } = await changePassphrase(OLD, NEW, options(name))
    keep(reopened)
    expect(rotated).toBe(true)
    const after = await snapshotDatabase(name)
    expect(after.records).toHaveLength(before.records.length)
    for (const row of after.records) expect(before.records).not.toContainEqual(row)
    expect(after.meta.keyring).not.toEqual(before.meta.keyring)

    const vault = await openWith(name, NEW)
    expect(vault.keyId).not.toBe(keyId)
    expect(sortById((await vault.loadAll()).records)).toEqual(records)
    expect(((await rejectionOf(openWith(name, OLD))) as LockError).code).toBe('wrong-passphrase')
  })

  it('with a wrong current passphrase changes nothing but the counter', async () => {
    const { name } = await lockedDatabase()
    const before = await snapshotWithoutCounter(name)
    expect(
      ((await rejectionOf(changePassphrase('not it at all', NEW, options(name)))) as LockError).code,
    ).toBe('wrong-passphrase')
    expect(await snapshotWithoutCounter(name)).toEqual(before)
  })

  it('refuses a short new passphrase before checking anything', async () => {
    const { name } = await lockedDatabase()
    const before = await snapshotDatabase(name)
    expect(((await rejectionOf(changePassphrase(OLD, 'short', options(name)))) as LockError).code).toBe(
      'passphrase-too-short',
    )
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('in "no lock" mode: not-locked', async () => {
    const { name } = await deviceDatabase()
    expect(((await rejectionOf(changePassphrase(OLD, NEW, options(name)))) as LockError).code).toBe(
      'not-locked',
    )
  })
})

describe('removePassphrase', () => {
  it('goes back to a device key with a new data key; every record re-encrypted', async () => {
    const { name, records } = await lockedDatabase()
    const before = await snapshotDatabase(name)
    keep((await removePassphrase(OLD, options(name))).vault)
    const after = (await snapshotDatabase(name)).records
    expect(after).toHaveLength(before.records.length)
    for (const row of after) expect(before.records).not.toContainEqual(row)
    expect(sortById((await (await openWith(name)).loadAll()).records)).toEqual(records)
  })

  it('with a wrong passphrase changes nothing but the counter', async () => {
    const { name } = await lockedDatabase()
    const before = await snapshotWithoutCounter(name)
    expect(((await rejectionOf(removePassphrase('not it at all', options(name)))) as LockError).code).toBe(
      'wrong-passphrase',
    )
    expect(await snapshotWithoutCounter(name)).toEqual(before)
  })
})

// ---------------------------------------------------------------------------------------------
// Interruption at every step: each IndexedDB and WebCrypto call the operation makes, and each
// key derivation, is made to fail in turn (the 1st call, then the 2nd, … until the operation
// finishes without reaching the fault). After every run the database must open with exactly one
// of the two secrets and hold the same records.

function faultTargets(): FaultTarget[] {
  return [
    ...idbStoreFaults(),
    { label: 'IDBDatabase.transaction', object: IDBDatabase.prototype, method: 'transaction', mode: 'throw' },
    ...subtleFaults(),
  ]
}

/** Whether the database opens with `passphrase` (undefined: without one) and holds `records`. */
async function opensWith(
  name: string,
  passphrase: string | undefined,
  records: readonly TrinRecord[],
): Promise<boolean> {
  clock += 3_600_000 // past any delay
  let vault: Vault
  try {
    vault = await openVault({ ...options(name), ...(passphrase === undefined ? {} : { passphrase }) })
  } catch {
    return false
  }
  try {
    const loaded = await vault.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(sortById(loaded.records)).toEqual(records)
    return true
  } finally {
    vault.close()
  }
}

/** A runner whose `n`-th derivation fails. */
function failingRunner(n: number): { runner: KdfRunner; fired: () => boolean } {
  let calls = 0
  let fired = false
  return {
    runner: {
      derive(secret, header, use) {
        calls += 1
        if (calls === n) {
          fired = true
          return Promise.reject(new Error('injected KDF failure'))
        }
        return inProcessKdfRunner.derive(secret, header, use)
      },
      supportsArgon2id: inProcessKdfRunner.supportsArgon2id,
    },
    fired: () => fired,
  }
}

interface Scenario {
  readonly label: string
  setup(): Promise<{ name: string; records: TrinRecord[] }>
  run(name: string, kdf: KdfOptions): Promise<unknown>
  /** The secret that opens before (undefined: no passphrase) and after. */
  readonly before: string | undefined
  readonly after: string | undefined
}

const scenarios: Scenario[] = [
  {
    label: 'setPassphrase from "no lock"',
    setup: deviceDatabase,
    run: async (name, kdf) => {
      ;(await setPassphrase(OLD, options(name, kdf))).vault.close()
    },
    before: undefined,
    after: OLD,
  },
  {
    label: 'changePassphrase',
    setup: lockedDatabase,
    run: async (name, kdf) => {
      ;(await changePassphrase(OLD, NEW, options(name, kdf))).vault.close()
    },
    before: OLD,
    after: NEW,
  },
  {
    label: 'removePassphrase',
    setup: lockedDatabase,
    run: async (name, kdf) => {
      ;(await removePassphrase(OLD, options(name, kdf))).vault.close()
    },
    before: OLD,
    after: undefined,
  },
]

describe.each(scenarios)('$label interrupted at every step', (scenario) => {
  async function check(name: string, records: TrinRecord[], resolved: boolean): Promise<void> {
    const old = await opensWith(name, scenario.before, records)
    const next = await opensWith(name, scenario.after, records)
    expect(old !== next).toBe(true)
    if (resolved) expect(next).toBe(true)
  }

  it('leaves the database opening with the old or the new secret', { timeout: 120_000 }, async () => {
    let injected = 0
    for (const target of faultTargets()) {
      for (let n = 1; n < 200; n++) {
        const { name, records } = await scenario.setup()
        const { fired, resolved } = await withFault(target, n, () => scenario.run(name, TEST_KDF))
        await check(name, records, resolved)
        if (!fired) break
        injected += 1
      }
    }
    for (let n = 1; n < 10; n++) {
      const { name, records } = await scenario.setup()
      const { runner, fired } = failingRunner(n)
      const resolved = await scenario.run(name, { runner, policy: TEST_KDF_POLICY }).then(
        () => true,
        () => false,
      )
      await check(name, records, resolved)
      if (!fired()) break
      injected += 1
    }
    // The loops really injected faults (dozens of call sites), not zero.
    expect(injected).toBeGreaterThan(10)
  })
})
