import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { generateRecoveryCode } from '@/data/backup/recoveryCode'
import { LockError, StorageError } from '@/data/errors'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import { makeGoal, makePlan } from '../../factories/records'
import { TEST_KDF, freshDbName } from '../data/helpers'

const PASSPHRASE = 'correct horse battery'
const START = 1_800_000_000_000
let clock = START
let settings: VaultStoreOptions

beforeEach(() => {
  clock = START
  settings = { dbName: freshDbName(), kdf: TEST_KDF, now: () => clock }
  setActivePinia(createPinia())
})

afterEach(() => {
  useVaultStore().close()
  vi.restoreAllMocks()
})

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (reason: unknown) => reason,
  )
}

/** A locked vault with one goal, as after a reload (fresh Pinia). */
async function lockedWithGoal() {
  const vault = useVaultStore()
  await vault.open(settings)
  const goal = await useRecordsStore().save(makeGoal({ title: 'Keep my flat' }))
  await vault.setPassphrase(PASSPHRASE)
  vault.close()
  setActivePinia(createPinia())
  return { goal }
}

describe('vault store with a passphrase lock', () => {
  it('setting a passphrase re-opens under the new key with the records intact', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open(settings)
    expect(vault.lockMethod).toBe('device')
    const goal = await records.save(makeGoal())
    expect(await vault.setPassphrase(PASSPHRASE)).toEqual({ rotated: true })
    expect(vault.status).toBe('open')
    expect(vault.lockMethod).toBe('argon2id')
    expect(records.byKind('goal')).toEqual([goal])
    // Writes go on under the new key.
    await records.save({ ...goal, title: 'Edited after the lock' })
  })

  it("after a reload, open() reports 'locked' instead of opening", async () => {
    await lockedWithGoal()
    const vault = useVaultStore()
    await vault.open(settings)
    expect(vault.status).toBe('locked')
    expect(vault.lockMethod).toBe('argon2id')
    expect(vault.pinAvailable).toBe(false)
    expect(() => vault.requireVault()).toThrow(StorageError)
  })

  it('a wrong passphrase keeps the lock screen with a typed error; the right one opens and loads', async () => {
    const { goal } = await lockedWithGoal()
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open(settings)
    const error = await rejectionOf(vault.unlock('not the passphrase'))
    expect(error).toBeInstanceOf(LockError)
    expect(vault.status).toBe('locked')
    expect(vault.error).toBe(error)
    expect(records.recordsById.size).toBe(0)

    await vault.unlock(PASSPHRASE)
    expect(vault.status).toBe('open')
    expect(vault.error).toBeNull()
    expect(records.byKind('goal')).toEqual([goal])
  })

  it('exposes the growing delay as retryAt', async () => {
    await lockedWithGoal()
    const vault = useVaultStore()
    await vault.open(settings)
    for (let i = 0; i < 4; i++) await rejectionOf(vault.unlock(`wrong ${i}`))
    expect(vault.retryAt).toBe(START + 2_000)
    const early = (await rejectionOf(vault.unlock(PASSPHRASE))) as LockError
    expect(early.code).toBe('too-soon')
    expect(vault.status).toBe('locked')
    clock += 2_000
    await vault.unlock(PASSPHRASE)
    expect(vault.retryAt).toBeNull()
  })

  it('lock() drops the key and every decrypted record', async () => {
    await lockedWithGoal()
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.unlock(PASSPHRASE, settings)
    expect(records.recordsById.size).toBe(1)
    vault.lock()
    expect(vault.status).toBe('locked')
    expect(vault.deviceId).toBeNull()
    expect(records.recordsById.size).toBe(0)
    expect(() => vault.requireVault()).toThrow(StorageError)
  })

  it('a lock during the unlock wins', async () => {
    await lockedWithGoal()
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open(settings)
    const unlocking = vault.unlock(PASSPHRASE)
    vault.lock()
    await unlocking.catch(() => undefined)
    expect(vault.status).toBe('locked')
    expect(records.recordsById.size).toBe(0)
  })
})

describe('PIN re-open in the store', () => {
  it('after an auto-lock the PIN re-opens; close() and a reload forget it', async () => {
    const { goal } = await lockedWithGoal()
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.unlock(PASSPHRASE, { ...settings, pin: '2468' })
    vault.lock()
    expect(vault.status).toBe('locked')
    expect(vault.pinAvailable).toBe(true)

    const wrong = (await rejectionOf(vault.unlockWithPin('1357'))) as LockError
    expect(wrong.code).toBe('wrong-pin')
    expect(vault.status).toBe('locked')
    expect(vault.pinAttemptsLeft).toBe(2)

    await vault.unlockWithPin('2468')
    expect(vault.status).toBe('open')
    expect(records.byKind('goal')).toEqual([goal])
    expect(vault.pinAttemptsLeft).toBe(3)

    vault.close()
    expect(vault.pinAvailable).toBe(false)
    expect(((await rejectionOf(vault.unlockWithPin('2468'))) as LockError).code).toBe('pin-unavailable')
  })

  it('three wrong PINs drop the key; the passphrase still opens', async () => {
    await lockedWithGoal()
    const vault = useVaultStore()
    await vault.unlock(PASSPHRASE, settings)
    await vault.setPin('2468', PASSPHRASE)
    vault.lock()
    for (let i = 0; i < 3; i++) await rejectionOf(vault.unlockWithPin('0000'))
    expect(vault.pinAvailable).toBe(false)
    expect(vault.status).toBe('locked')
    await vault.unlock(PASSPHRASE)
    expect(vault.status).toBe('open')
  })

  it('a reload forgets the PIN', async () => {
    await lockedWithGoal()
    await useVaultStore().unlock(PASSPHRASE, { ...settings, pin: '2468' })
    setActivePinia(createPinia())
    const vault = useVaultStore()
    await vault.open(settings)
    expect(vault.pinAvailable).toBe(false)
    expect(((await rejectionOf(vault.unlockWithPin('2468'))) as LockError).code).toBe('pin-unavailable')
  })
})

describe('passphrase changes, backups and erase through the store', () => {
  it('changes and removes the passphrase', async () => {
    await lockedWithGoal()
    const vault = useVaultStore()
    await vault.unlock(PASSPHRASE, settings)
    await vault.changePassphrase(PASSPHRASE, 'an entirely new passphrase')
    vault.lock()
    await rejectionOf(vault.unlock(PASSPHRASE))
    await vault.unlock('an entirely new passphrase')
    await vault.removePassphrase('an entirely new passphrase')
    expect(vault.lockMethod).toBe('device')
    vault.lock()
    expect(vault.status).toBe('closed')
    await vault.open()
    expect(vault.status).toBe('open')
  })

  it('backs up and restores into a new device, reloading the records store', async () => {
    const vault = useVaultStore()
    await vault.open(settings)
    const plan = await useRecordsStore().save(makePlan())
    const code = await generateRecoveryCode()
    const backup = await vault.backup({ kind: 'recovery-code', code })
    vault.close()

    setActivePinia(createPinia())
    const fresh = useVaultStore()
    const records = useRecordsStore()
    await fresh.open({ ...settings, dbName: freshDbName() })
    expect(records.recordsById.size).toBe(0)
    const summary = await fresh.restore(backup.bytes, { kind: 'recovery-code', code }, 'device')
    expect(summary.recordCount).toBe(1)
    expect(records.byKind('plan')).toEqual([plan])
  })

  it('a screen that opens the vault while a restore re-opens it joins that opening, not a new one', async () => {
    const vault = useVaultStore()
    await vault.open(settings)
    const plan = await useRecordsStore().save(makePlan())
    const backup = await vault.backup({ kind: 'passphrase', passphrase: PASSPHRASE })
    // What a screen mounting while the records reload does (every screen opens the vault).
    const screens: Promise<void>[] = []
    vault.onOpen(() => {
      screens.push(vault.open())
      return Promise.resolve()
    })
    await vault.restore(
      backup.bytes,
      { kind: 'passphrase', passphrase: PASSPHRASE },
      { passphrase: PASSPHRASE },
      { replace: true },
    )
    expect(screens.length).toBeGreaterThan(0)
    await Promise.all(screens)
    // Open under the restored passphrase, not sent back to the lock screen to type it again.
    expect(vault.status).toBe('open')
    expect(useRecordsStore().byKind('plan')).toEqual([plan])
  })

  it('erase closes the vault and deletes the database', async () => {
    const vault = useVaultStore()
    await vault.open(settings)
    await useRecordsStore().save(makeGoal())
    const report = await vault.erase({ indexedDB, storages: [] })
    expect(report.databases.status).toBe('done')
    expect(vault.status).toBe('closed')
    const names = (await indexedDB.databases()).map((info) => info.name)
    expect(names).not.toContain(settings.dbName)
  })

  it('a screen that opens the vault while erase runs re-creates nothing', async () => {
    const vault = useVaultStore()
    await vault.open(settings)
    await useRecordsStore().save(makeGoal())
    const erasing = vault.erase({ indexedDB, storages: [] })
    // What a screen mounting during the erase does (useScreenCourse, the vault gate).
    await vault.open()
    expect((await erasing).ok).toBe(true)
    await vault.open()
    expect(vault.status).toBe('closed')
    const names = (await indexedDB.databases()).map((info) => info.name)
    expect(names.filter((name) => name?.startsWith(settings.dbName ?? '-'))).toEqual([])
  })
})

describe('a full disk', () => {
  it('rejects the save with StorageError quota and leaves memory as it was, so the form keeps the edit', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open(settings)
    const goal = await records.save(makeGoal({ title: 'Before' }))
    const edit = { ...goal, title: 'Typed just now' }
    const formCopy = structuredClone(edit)
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const error = await rejectionOf(records.save(edit))
    expect(error).toBeInstanceOf(StorageError)
    expect((error as StorageError).code).toBe('quota')
    expect(records.error).toBe(error)
    expect(records.get(goal.id)).toEqual(goal)
    // The caller's object is untouched: the form can show it again and retry.
    expect(edit).toEqual(formCopy)
    vi.restoreAllMocks()
    expect((await records.save(edit)).title).toBe('Typed just now')
  })
})
