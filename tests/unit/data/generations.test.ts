/**
 * Key generations in Storage Buckets (src/data/generations.ts), with a fake bucket manager whose
 * buckets are separate fake-indexeddb factories: deleting one drops everything it held, as
 * Chromium's `storageBuckets.delete` removes the bucket's directory.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { kdfHeaderOf, type KeyWrap } from '@/data/crypto'
import { TrinDatabase } from '@/data/db'
import { KeyringError, LockError } from '@/data/errors'
import { pointerDbName, readPointer, removeOrphans, storedNothing } from '@/data/generations'
import { deriveKey, type KdfOptions } from '@/data/kdf/runner'
import { secretBytes } from '@/data/kdf/secret'
import {
  changePassphrase,
  lockMethod,
  removePassphrase,
  renewDataKey,
  replaceAllInNewGeneration,
  setPassphrase,
} from '@/data/lock/passphrase'
import { openVault, type Vault } from '@/data/repositories/records'
import type { TrinRecord } from '@/schemas'
import { makeGoal, makeNote, makePlan } from '../../factories/records'
import {
  TEST_KDF,
  freshDbName,
  idbStoreFaults,
  rejectionOf,
  subtleFaults,
  withFault,
  FakeBuckets,
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

function keep(vault: Vault): Vault {
  cleanup.push(() => {
    vault.close()
  })
  return vault
}

interface Install {
  readonly name: string
  readonly buckets: FakeBuckets
  readonly records: TrinRecord[]
}

function options(install: Pick<Install, 'name' | 'buckets'>, kdf: KdfOptions = TEST_KDF) {
  return { dbName: install.name, buckets: install.buckets, kdf, now }
}

function sortById(records: readonly TrinRecord[]): TrinRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
}

async function deviceInstall(): Promise<Install> {
  const install = { name: freshDbName(), buckets: new FakeBuckets() }
  const vault = await openVault(options(install))
  const records = await vault.putMany([makePlan(), makeGoal(), makeNote({ text: 'Meet Ana at 10' })])
  vault.close()
  return { ...install, records: sortById(records) }
}

async function lockedInstall(): Promise<Install> {
  const install = await deviceInstall()
  ;(await setPassphrase(OLD, options(install))).vault.close()
  return install
}

async function pageDatabases(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []))
}

/** The keyring wraps held anywhere: every bucket (and the page's own database of that name). */
async function allWraps(install: Install): Promise<KeyWrap[]> {
  const wraps: KeyWrap[] = []
  const read = async (db: TrinDatabase) => {
    await db.open()
    const row = await db.meta.get('keyring')
    if (row) wraps.push((row.value as { wrap: KeyWrap }).wrap)
    db.close()
  }
  for (const factory of install.buckets.buckets.values())
    await read(new TrinDatabase(install.name, { indexedDB: factory, IDBKeyRange }))
  if ((await pageDatabases()).includes(install.name)) await read(new TrinDatabase(install.name))
  return wraps
}

/** The key `passphrase` derives for the install's current wrap (what an unlock holds). */
async function wrappingKeyOf(install: Install, passphrase: string): Promise<CryptoKey> {
  const [wrap] = await allWraps(install)
  if (wrap === undefined || wrap.method === 'device') throw new Error('no passphrase wrap')
  return deriveKey(secretBytes(passphrase), kdfHeaderOf(wrap), 'wrap', TEST_KDF)
}

/** Whether the install opens with `passphrase` (undefined: without) and holds `records`. */
async function opensWith(install: Install, passphrase: string | undefined): Promise<boolean> {
  clock += 3_600_000
  let vault: Vault
  try {
    vault = await openVault({ ...options(install), ...(passphrase === undefined ? {} : { passphrase }) })
  } catch {
    return false
  }
  try {
    const loaded = await vault.loadAll()
    expect(loaded.unreadable).toEqual([])
    expect(sortById(loaded.records)).toEqual(install.records)
    return true
  } finally {
    vault.close()
  }
}

describe('generations in Storage Buckets', () => {
  it('a new install lives in one bucket; the page’s own IndexedDB holds only the pointer', async () => {
    const install = await deviceInstall()
    expect([...install.buckets.buckets.keys()]).toEqual([await readPointer(install.name)])
    expect(await pageDatabases()).toContain(pointerDbName(install.name))
    expect(await pageDatabases()).not.toContain(install.name)
  })

  it.each([
    ['set', deviceInstall, (i: Install) => setPassphrase(OLD, options(i)), undefined, OLD],
    ['change', lockedInstall, (i: Install) => changePassphrase(OLD, NEW, options(i)), OLD, NEW],
    ['remove', lockedInstall, (i: Install) => removePassphrase(OLD, options(i)), OLD, undefined],
    // After an erasure (issue #15 item 6): the same passphrase, its key from the session.
    [
      'renew',
      lockedInstall,
      async (i: Install) => renewDataKey(await wrappingKeyOf(i, OLD), options(i)),
      OLD,
      OLD,
    ],
    ['renew, no lock', deviceInstall, (i: Install) => renewDataKey(null, options(i)), undefined, undefined],
  ] as const)(
    '%s: a new bucket with a new data key; the old bucket and its wrap are gone',
    async (_label, setup, run, before, after) => {
      const install = await setup()
      const oldBucket = await readPointer(install.name)
      const oldWraps = await allWraps(install)
      const { vault, rotated } = await run(install)
      keep(vault)
      expect(rotated).toBe(true)
      const bucket = await readPointer(install.name)
      expect(bucket).not.toBe(oldBucket)
      expect([...install.buckets.buckets.keys()]).toEqual([bucket])
      const wraps = await allWraps(install)
      expect(wraps).toHaveLength(1)
      expect(wraps[0]?.keyId).not.toBe(oldWraps[0]?.keyId)
      expect(vault.keyId).toBe(wraps[0]?.keyId)
      vault.close()
      expect(await opensWith(install, after)).toBe(true)
      if (before !== after) expect(await opensWith(install, before)).toBe(false)
    },
  )

  it("renewing refuses another passphrase's key and a missing one, and changes nothing", async () => {
    const install = await lockedInstall()
    const bucket = await readPointer(install.name)
    const wrong = await rejectionOf(renewDataKey(await wrappingKeyOf(install, NEW), options(install)))
    expect(wrong).toBeInstanceOf(LockError)
    expect((wrong as LockError).code).toBe('concurrent-change')
    const missing = await rejectionOf(renewDataKey(null, options(install)))
    expect(missing).toBeInstanceOf(KeyringError)
    expect((missing as KeyringError).code).toBe('passphrase-required')
    expect(await readPointer(install.name)).toBe(bucket)
    expect([...install.buckets.buckets.keys()]).toEqual([bucket])
    expect(await opensWith(install, OLD)).toBe(true)
  })

  it('a restore writes straight into a new generation under the chosen protection', async () => {
    const install = await deviceInstall()
    const restored = [makePlan(), makeGoal()]
    expect(
      (
        (await rejectionOf(
          replaceAllInNewGeneration(restored, { passphrase: NEW }, { ...options(install), replace: false }),
        )) as Error
      ).name,
    ).toBe('StorageError')
    const { vault } = await replaceAllInNewGeneration(
      restored,
      { passphrase: NEW },
      {
        ...options(install),
        replace: true,
      },
    )
    keep(vault)
    expect(sortById((await vault.loadAll()).records)).toEqual(sortById(restored))
    expect(install.buckets.buckets.size).toBe(1)
    expect(await lockMethod(options(install))).toBe('argon2id')
    // No device key anywhere: the restored plan was never under one.
    for (const factory of install.buckets.buckets.values()) {
      const db = new TrinDatabase(install.name, { indexedDB: factory, IDBKeyRange })
      await db.open()
      expect(await db.meta.get('deviceKey')).toBeUndefined()
      db.close()
    }
  })

  it('start-up removes an orphaned generation left by an interrupted switch', async () => {
    const install = await deviceInstall()
    const current = await readPointer(install.name)
    await install.buckets.open(`${install.name}-gdeadbeef0000`)
    await install.buckets.open('someone-else')
    expect(await removeOrphans(options(install))).toBe(1)
    expect([...install.buckets.buckets.keys()].sort()).toEqual([current, 'someone-else'].sort())
    expect(await opensWith(install, undefined)).toBe(true)
  })

  it('an install from before generations opens as it is and moves into a bucket on the next change', async () => {
    const name = freshDbName()
    // The single database of the page's own IndexedDB, as every install had it.
    const legacy = await openVault({ dbName: name, buckets: null })
    const records = sortById(await legacy.putMany([makePlan(), makeNote({ text: 'old' })]))
    legacy.close()
    const install: Install = { name, buckets: new FakeBuckets(), records }

    expect(await opensWith(install, undefined)).toBe(true)
    expect(install.buckets.buckets.size).toBe(0)
    keep((await setPassphrase(OLD, options(install))).vault)
    expect(install.buckets.buckets.size).toBe(1)
    expect(await pageDatabases()).not.toContain(name)
    expect(await opensWith(install, OLD)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Interrupted at every step: each IndexedDB, WebCrypto and bucket call fails in turn.

function faultTargets(buckets: FakeBuckets): FaultTarget[] {
  return [
    ...idbStoreFaults(),
    // Not IDBDatabase.transaction: thrown inside Dexie's own open callbacks it escapes
    // fake-indexeddb's event dispatch as an uncaught error (no browser throws there); the
    // single-database harness in passphrase.test.ts fails it in turn.
    ...subtleFaults(),
    ...['open', 'keys', 'delete'].map((method) => ({
      label: `buckets.${method}`,
      object: buckets,
      method,
      mode: 'reject' as const,
    })),
  ]
}

const restoredRecords = [makePlan(), makeGoal(), makeNote({ text: 'Meet Ana at 10' })]

const scenarios = [
  {
    label: 'setPassphrase',
    setup: deviceInstall,
    run: async (i: Install) => {
      ;(await setPassphrase(OLD, options(i))).vault.close()
    },
    before: undefined,
    after: OLD,
    restored: false,
  },
  {
    label: 'changePassphrase',
    setup: lockedInstall,
    run: async (i: Install) => {
      ;(await changePassphrase(OLD, NEW, options(i))).vault.close()
    },
    before: OLD,
    after: NEW,
    restored: false,
  },
  {
    label: 'removePassphrase',
    setup: lockedInstall,
    run: async (i: Install) => {
      ;(await removePassphrase(OLD, options(i))).vault.close()
    },
    before: OLD,
    after: undefined,
    restored: false,
  },
  {
    label: 'restore',
    setup: lockedInstall,
    run: async (i: Install) => {
      ;(
        await replaceAllInNewGeneration(
          restoredRecords,
          { passphrase: NEW },
          { ...options(i), replace: true },
        )
      ).vault.close()
    },
    before: OLD,
    after: NEW,
    restored: true,
  },
] as const

describe.each(scenarios)('$label interrupted at every step (buckets)', (scenario) => {
  it(
    'opens with the old or the new secret, records intact, one generation left after start-up',
    { timeout: 300_000 },
    async () => {
      let injected = 0
      const probe = new FakeBuckets()
      for (const template of faultTargets(probe)) {
        for (let n = 1; n < 200; n++) {
          const install = await scenario.setup()
          const target = template.object === probe ? { ...template, object: install.buckets } : template
          const { fired, resolved } = await withFault(target, n, () => scenario.run(install), {
            killAfterMs: 1500,
          })
          const oldOpens = await opensWith(install, scenario.before)
          const newOpens = await opensWith(
            scenario.restored ? { ...install, records: sortById(restoredRecords) } : install,
            scenario.after,
          )
          expect(oldOpens !== newOpens, `${target.label} #${n}`).toBe(true)
          if (resolved) expect(newOpens).toBe(true)
          // The start-up clean-up (run by every open) left exactly the current generation.
          expect([...install.buckets.buckets.keys()]).toEqual([await readPointer(install.name)])
          if (!fired) break
          injected += 1
        }
      }
      expect(injected).toBeGreaterThan(20)
    },
  )
})

describe('storedNothing: a first visit known before anything is created', () => {
  it('is true on a device that holds nothing of this name, and asking creates nothing', async () => {
    const install = { name: freshDbName(), buckets: new FakeBuckets() }
    expect(await storedNothing(options(install))).toBe(true)
    expect(await storedNothing({ dbName: install.name, buckets: null })).toBe(true)
    expect(await pageDatabases()).not.toContain(pointerDbName(install.name))
    expect(install.buckets.buckets.size).toBe(0)
  })

  it('is false once a plan store was made, with buckets (the pointer) and without (the database)', async () => {
    const withBuckets = await deviceInstall()
    expect(await storedNothing(options(withBuckets))).toBe(false)
    const name = freshDbName()
    ;(await openVault({ dbName: name, buckets: null, kdf: TEST_KDF, now })).close()
    expect(await storedNothing({ dbName: name, buckets: null })).toBe(false)
  })

  it('is true with the empty databases a read of the lock state leaves before the first open', async () => {
    const install = { name: freshDbName(), buckets: new FakeBuckets() }
    expect(await lockMethod(options(install))).toBe('none')
    expect(await lockMethod({ dbName: install.name, buckets: null })).toBe('none')
    expect(await pageDatabases()).toEqual(expect.arrayContaining([pointerDbName(install.name), install.name]))
    expect(await storedNothing(options(install))).toBe(true)
    expect(await storedNothing({ dbName: install.name, buckets: null })).toBe(true)
  })

  it('is false when a generation bucket is left without a pointer (an interrupted first open)', async () => {
    const install = { name: freshDbName(), buckets: new FakeBuckets() }
    await install.buckets.open(`${install.name}-g0123456789ab`)
    expect(await storedNothing(options(install))).toBe(false)
    // Another app's bucket (another name) is not Trin's.
    const other = { name: freshDbName(), buckets: new FakeBuckets() }
    await other.buckets.open('someone-else')
    expect(await storedNothing(options(other))).toBe(true)
  })

  it('is false (not known) where the browser cannot list its databases', async () => {
    const install = { name: freshDbName(), buckets: new FakeBuckets() }
    Object.defineProperty(indexedDB, 'databases', { value: undefined, configurable: true })
    try {
      expect(await storedNothing(options(install))).toBe(false)
    } finally {
      Reflect.deleteProperty(indexedDB, 'databases')
    }
  })
})
