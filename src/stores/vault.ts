import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
// Backups, erase and changes to the lock are loaded on first use: they are settings-screen
// features, not start-up ones (the first screen only reads the lock's state).
import type {
  BackupSummary,
  CreateBackupOptions,
  CreatedBackup,
  RestoreBackupOptions,
} from '@/data/backup/backup'
import type { BackupSecret } from '@/data/backup/format'
import type { EraseEnvironment, EraseReport } from '@/data/erase'
import { KeyringError, LockError, StorageError, type LockErrorCode } from '@/data/errors'
import type { LockMethod } from '@/data/keyring'
import { readLockState, type LockOptions } from '@/data/lock/lockState'
import { storedNothing } from '@/data/generations'
import type { RestoreProtection, SetPassphraseResult } from '@/data/lock/passphrase'
import type { PinKeeper } from '@/data/lock/pin'
import {
  openVaultAndPin,
  openVaultWithKey,
  type OpenVaultOptions,
  type UnlockedVault,
  type Vault,
} from '@/data/repositories/records'
import { readDeviceSettings, writeDeviceSettings } from './deviceSettings'

/** Setting, changing and removing the lock (not needed before she does that). */
const lockChanges = () => import('@/data/lock/passphrase')

/**
 * Where the vault is:
 * - `closed`: no key in memory and no passphrase known to be needed (first run, "no lock" mode
 *   before `open()`, or after `close()`);
 * - `locked`: a passphrase protects the data key and it is not in memory — show the lock screen
 *   (with the PIN pad when `pinAvailable`);
 * - `opening`: deriving/unlocking; `open`: the plan is readable; `error`: the last open failed
 *   for a reason other than the passphrase (see `error`).
 */
export type VaultStatus = 'closed' | 'locked' | 'opening' | 'open' | 'error'

/**
 * What `renewKey` did: `renewed` — a new generation is written and the old one removed; `owed`
 * — not possible in this session (locked meanwhile, or opened by the PIN, which holds no
 * passphrase key): done at the next unlock with the passphrase (`renewOwed`).
 */
export type RenewOutcome = 'renewed' | 'owed'

/** Where the store's data lives and how keys are derived; tests inject their own. */
export type VaultStoreOptions = Pick<OpenVaultOptions, 'dbName' | 'kdf' | 'now' | 'buckets'>

type OpenHandler = (vault: Vault) => Promise<void>
type CloseHandler = () => void

function asError(caught: unknown): Error {
  return caught instanceof Error ? caught : new StorageError('failed', String(caught))
}

/** Failures after which the lock screen simply stays (another try may succeed). */
const STAY_LOCKED = new Set<LockErrorCode>([
  'wrong-passphrase',
  'too-soon',
  'passphrase-too-short',
  'passphrase-too-long',
  'invalid-pin',
  'wrong-pin',
  'pin-unavailable',
  'kdf-failed',
])

function isPassphraseMethod(method: LockMethod | null): boolean {
  return method === 'argon2id' || method === 'pbkdf2'
}

/**
 * The encrypted vault's lifecycle: opening/unlocking it puts the data key in memory, locking or
 * closing drops the key and, through the close handlers, every decrypted value held by other
 * stores.
 */
export const useVaultStore = defineStore('vault', () => {
  /** Lifecycle of the vault; screens show the plan only while `open`. */
  const status = ref<VaultStatus>('closed')
  /**
   * Why the last operation failed: a LockError (wrong passphrase, too soon, wrong PIN …),
   * KeyringError, StorageError or CryptoError. Null otherwise.
   */
  const error = shallowRef<Error | null>(null)
  /** This device's id (16 lowercase hex digits) while open; null when closed. */
  const deviceId = ref<string | null>(null)
  /** How the data key is protected, read from the plaintext header; null until first known. */
  const lockMethod = ref<LockMethod | null>(null)
  /** After several wrong passphrases: when the next try is allowed (epoch ms); null for now. */
  const retryAt = ref<number | null>(null)
  /** Whether a PIN can re-open the key still held in memory (after an auto-lock). */
  const pinAvailable = ref(false)
  /** PIN tries left before the in-memory key is dropped. */
  const pinAttemptsLeft = ref(0)
  /**
   * A new generation is owed (device settings field `g`): something was erased (a worker's copy
   * of a citizen's plan) and its old ciphertext may still be on the device until the data key is
   * renewed — at the next unlock with the passphrase.
   */
  const renewOwed = ref(readDeviceSettings().g)
  /**
   * The device held nothing of Trin's when the current opening began (no database, no bucket):
   * a first visit, which can show the onboarding while the new, empty store is made
   * (`isFirstVisit`). False again at every other attempt, lock and close.
   */
  const nothingStored = ref(false)
  /** A renewal (`renewKey`) is under way: `renewOwed` is already set, in case it is cut short. */
  const renewing = ref(false)

  // Deliberately not state: these hold keys, which must never reach devtools, serialisation or
  // a reactive proxy.
  let vault: Vault | null = null
  let pin: PinKeeper | null = null
  // The key the passphrase derived at this session's unlock or protection change
  // (non-extractable): it re-wraps a fresh data key under the same passphrase (`renewKey`).
  // Held only while the vault is open with the data key it opened, dropped with it at every
  // lock and close; a PIN re-open has none.
  let wrapping: CryptoKey | null = null
  // Bumped on every open, lock and close, so an unlock that finishes after a lock (quick exit)
  // is dropped.
  let session = 0
  let opening: Promise<void> | null = null
  // Set while erasing, and kept after an erase that worked (the page is leaving): a screen that
  // mounts meanwhile must not open — and so re-create — what is being deleted.
  let erasing = false
  let settings: VaultStoreOptions = {}
  const openHandlers = new Set<OpenHandler>()
  const closeHandlers = new Set<CloseHandler>()
  const derivingHandlers = new Set<() => void>()

  function syncPin(): void {
    pinAvailable.value = pin?.available ?? false
    pinAttemptsLeft.value = pin?.attemptsLeft ?? 0
  }

  function discardPin(): void {
    pin?.discard()
    pin = null
    syncPin()
  }

  function dropSession(): void {
    session += 1
    nothingStored.value = false
    opening = null
    vault?.close()
    vault = null
    wrapping = null
    deviceId.value = null
    for (const handler of closeHandlers) handler()
  }

  function optionsWith(options: VaultStoreOptions | undefined): VaultStoreOptions {
    if (options) settings = options
    return settings
  }

  /** Makes `opened` the vault: runs the open handlers, then reports `open`. */
  async function adopt(opened: Vault, mySession: number): Promise<void> {
    if (mySession !== session) {
      opened.close()
      return
    }
    vault = opened
    deviceId.value = opened.deviceId
    for (const handler of openHandlers) await handler(opened)
    if (mySession !== session) return
    retryAt.value = null
    status.value = 'open'
  }

  /**
   * Runs one unlock attempt. A passphrase/PIN problem returns the store to `locked` (the lock
   * screen stays); anything else is `error`. Sets `error` and rethrows on failure.
   */
  function attempt(run: (mySession: number) => Promise<void>): Promise<void> {
    session += 1
    const mySession = session
    status.value = 'opening'
    error.value = null
    nothingStored.value = false
    const current = run(mySession)
      .catch((caught: unknown) => {
        if (mySession !== session) return
        dropSession()
        const failure = asError(caught)
        error.value = failure
        if (failure instanceof LockError) retryAt.value = failure.retryAt
        syncPin()
        status.value = failure instanceof LockError && STAY_LOCKED.has(failure.code) ? 'locked' : 'error'
        throw failure
      })
      .finally(() => {
        if (opening === current) opening = null
      })
    opening = current
    return current
  }

  /**
   * Opens the vault without a passphrase ("no lock" mode, creating the keyring on first use) and
   * lets the other stores load. When a passphrase is set it does not open: `status` becomes
   * `locked` (and `lockMethod`/`retryAt` are read) and the promise resolves.
   * Sets `error` and rethrows on other failures; nothing stored is changed by a failed open.
   */
  function open(options?: VaultStoreOptions): Promise<void> {
    if (status.value === 'open' || erasing) return Promise.resolve()
    if (opening) return opening
    const config = optionsWith(options)
    return attempt(async (mySession) => {
      // Asked before anything is created; a failed question only means "not known".
      const empty = await storedNothing(config).catch(() => false)
      if (mySession !== session) return
      nothingStored.value = empty
      let opened: Vault
      try {
        opened = (await openVaultAndPin(config)).vault
      } catch (caught) {
        if (!(caught instanceof KeyringError && caught.code === 'passphrase-required')) throw caught
        if (mySession !== session) return
        await refreshLockState()
        if (mySession !== session) return
        status.value = 'locked'
        return
      }
      lockMethod.value = 'device'
      await adopt(opened, mySession)
    })
  }

  /**
   * Unlocks with the passphrase. With `pin`, also keeps the data key sealed under that PIN in
   * memory so that, after an auto-lock, the PIN can re-open it (never after a reload).
   * @throws LockError 'wrong-passphrase' | 'too-soon' (see `retryAt`) | 'invalid-pin' | …
   */
  function unlock(
    passphrase: string,
    extra: { readonly pin?: string } & VaultStoreOptions = {},
  ): Promise<void> {
    if (status.value === 'open') return Promise.resolve()
    if (opening) return opening
    const { pin: newPin, ...rest } = extra
    const config = optionsWith(Object.keys(rest).length > 0 ? rest : undefined)
    const kdf = {
      ...config.kdf,
      onStarted: () => {
        derivingHandlers.forEach((handler) => {
          handler()
        })
      },
    }
    return attempt(async (mySession) => {
      let unlocked = await openVaultAndPin({ ...config, kdf, passphrase, pin: newPin })
      if (mySession === session && renewOwed.value && unlocked.wrappingKey !== null)
        unlocked = await renewedAtUnlock(unlocked, config, newPin)
      if (mySession !== session) {
        unlocked.vault.close()
        unlocked.pin?.discard()
        return
      }
      if (unlocked.pin) {
        discardPin()
        pin = unlocked.pin
      }
      syncPin()
      await refreshLockState()
      if (mySession !== session) {
        unlocked.vault.close()
        return
      }
      wrapping = unlocked.wrappingKey
      await adopt(unlocked.vault, mySession)
    })
  }

  function owe(owed: boolean): void {
    writeDeviceSettings({ g: owed })
    // Known for this visit even where the setting cannot be stored.
    renewOwed.value = owed
  }

  /**
   * The owed renewal, at an unlock with the passphrase: the unlocked vault swapped for one in a
   * new generation (its PIN copy made anew). A failure leaves the plan opening as it was and
   * the renewal owed.
   */
  async function renewedAtUnlock(
    unlocked: UnlockedVault,
    config: VaultStoreOptions,
    newPin: string | undefined,
  ): Promise<UnlockedVault> {
    try {
      const renewed = await (
        await lockChanges()
      ).renewDataKey(unlocked.wrappingKey, config, newPin === undefined ? {} : { pin: newPin })
      unlocked.vault.close()
      unlocked.pin?.discard()
      owe(false)
      return { vault: renewed.vault, pin: renewed.pin, wrappingKey: unlocked.wrappingKey }
    } catch {
      return unlocked
    }
  }

  /**
   * Re-opens with the PIN after an auto-lock (only while `pinAvailable`). Three wrong PINs drop
   * the in-memory key; then the passphrase is needed.
   * @throws LockError 'wrong-pin' (see `pinAttemptsLeft`) | 'pin-unavailable' | 'invalid-pin'
   */
  function unlockWithPin(candidate: string): Promise<void> {
    if (status.value === 'open') return Promise.resolve()
    if (opening) return opening
    const keeper = pin
    if (keeper === null || !keeper.available) {
      return Promise.reject(
        new LockError('pin-unavailable', 'No key is held for a PIN; the passphrase is needed'),
      )
    }
    return attempt(async (mySession) => {
      let key
      try {
        key = await keeper.open(candidate)
      } finally {
        syncPin()
      }
      await adopt(await openVaultWithKey(key, settings), mySession)
    })
  }

  /**
   * Locks (auto-lock, "lock now"): drops the data key and every decrypted record. A PIN copy set
   * with `unlock(…, { pin })` or `setPin` survives, so the PIN can re-open. Synchronous on purpose.
   */
  function lock(): void {
    dropSession()
    error.value = null
    syncPin()
    status.value = isPassphraseMethod(lockMethod.value) ? 'locked' : 'closed'
  }

  /** Closes completely (quick exit, erase): drops the data key, the PIN copy and every decrypted record. */
  function close(): void {
    dropSession()
    discardPin()
    status.value = 'closed'
    error.value = null
  }

  /** Re-reads the lock method and the wrong-passphrase delay from the plaintext header. */
  async function refreshLockState(options?: VaultStoreOptions): Promise<void> {
    const state = await readLockState(optionsWith(options))
    lockMethod.value = state.method
    retryAt.value = state.retryAt
  }

  function lockOptions(): LockOptions {
    return settings
  }

  function rememberRetry(caught: unknown): never {
    if (caught instanceof LockError && (caught.code === 'wrong-passphrase' || caught.code === 'too-soon'))
      retryAt.value = caught.retryAt
    throw caught
  }

  /**
   * Runs a protection change that writes a new generation (fresh data key), then re-opens the
   * vault under the new key (the other stores reload). Any PIN copy held the old key: dropped.
   */
  async function reopenAfter(
    change: () => Promise<SetPassphraseResult>,
  ): Promise<{ readonly rotated: boolean }> {
    if (opening) await opening.catch(() => undefined)
    const { vault: next, rotated, wrappingKey } = await change().catch(rememberRetry)
    dropSession()
    discardPin()
    retryAt.value = null
    // Re-read, not cleared first: screens keyed on the method must not flicker through 'none'.
    await refreshLockState().catch(() => undefined)
    const mySession = session
    status.value = 'opening'
    // The new passphrase's key (null for "no lock"), for a later `renewKey`.
    wrapping = wrappingKey
    // A screen that mounts while the stores reload (every screen opens the vault) joins this
    // opening: a new attempt would find the passphrase missing and show the lock screen.
    const adopting = adopt(next, mySession)
    opening = adopting
    try {
      await adopting
    } catch (caught) {
      dropSession()
      error.value = asError(caught)
      status.value = 'error'
      throw caught
    } finally {
      if (opening === adopting) opening = null
    }
    return { rotated }
  }

  /**
   * Sets a passphrase (from "no lock", or on a new device before anything exists): a new
   * generation with a fresh data key, every record re-encrypted, the old storage removed.
   * `rotated: false` means some row could not be decrypted, so the key was only re-wrapped: a
   * copy of the storage taken before the lock still opens the records — say so.
   * @throws LockError 'already-locked' | 'passphrase-too-short' | 'concurrent-change' | …
   */
  function setPassphraseAndReopen(passphrase: string): Promise<{ readonly rotated: boolean }> {
    return reopenAfter(async () => (await lockChanges()).setPassphrase(passphrase, lockOptions()))
  }

  /**
   * Changes the passphrase: a new generation (fresh data key), so the old passphrase opens
   * nothing any more; the vault is re-opened under the new key.
   * @throws LockError 'wrong-passphrase' | 'too-soon' | 'passphrase-too-short' | …
   */
  async function changePassphraseOf(current: string, next: string): Promise<void> {
    await reopenAfter(async () => (await lockChanges()).changePassphrase(current, next, lockOptions()))
  }

  /**
   * Renews the data key under the same protection after an erasure (issue #15 item 6): a new
   * generation — fresh data key, every record re-encrypted, a new Storage Bucket — and the old
   * one, with the erased ciphertext, removed. Under a passphrase this needs the passphrase's key
   * of this session's unlock; without it (opened by the PIN) the renewal is owed and done at the
   * next unlock with the passphrase. The vault re-opens under the new key (the other stores
   * reload); a PIN copy held the old key, so it is dropped. Never throws: a failure leaves the
   * renewal owed.
   */
  async function renewKey(): Promise<RenewOutcome> {
    owe(true)
    const key = wrapping
    if (status.value !== 'open' || (key === null && lockMethod.value !== 'device')) return 'owed'
    renewing.value = true
    try {
      await reopenAfter(async () => (await lockChanges()).renewDataKey(key, lockOptions()))
    } catch {
      return 'owed'
    } finally {
      renewing.value = false
    }
    owe(false)
    return 'renewed'
  }

  /** Removes the passphrase ("no lock": stops casual reading only): new generation, device key. */
  async function removePassphraseOf(passphrase: string): Promise<void> {
    await reopenAfter(async () => (await lockChanges()).removePassphrase(passphrase, lockOptions()))
  }

  /**
   * Sets (or replaces) the PIN for re-opening after an auto-lock, after checking the passphrase.
   * Nothing PIN-related is stored; a reload forgets it.
   */
  async function setPin(newPin: string, passphrase: string): Promise<void> {
    if (status.value !== 'open') throw new StorageError('unavailable', 'The vault is locked')
    const { createPin } = await lockChanges()
    const keeper = await createPin(newPin, passphrase, lockOptions()).catch(rememberRetry)
    discardPin()
    pin = keeper
    syncPin()
  }

  /** Forgets the PIN: after the next lock only the passphrase opens. */
  function clearPin(): void {
    discardPin()
  }

  /**
   * The open vault, for stores that read and write records.
   * @throws StorageError 'unavailable' while the vault is not open.
   */
  function requireVault(): Vault {
    if (vault === null || status.value !== 'open')
      throw new StorageError('unavailable', 'The vault is locked')
    return vault
  }

  /** Runs the open handlers again (the other stores reload), e.g. after a restore. */
  async function reload(): Promise<void> {
    const current = requireVault()
    const mySession = session
    for (const handler of openHandlers) {
      if (mySession !== session) return
      await handler(current)
    }
  }

  /** Makes and verifies an encrypted backup of the open vault. See `createBackup`. */
  async function backup(secret: BackupSecret, options: CreateBackupOptions = {}): Promise<CreatedBackup> {
    const current = requireVault()
    const { createBackup } = await import('@/data/backup/backup')
    return createBackup(current, secret, { kdf: settings.kdf, ...options })
  }

  /**
   * Restores a backup as the whole plan, into a NEW generation under `protection` (chosen
   * before anything is written: a new passphrase, or 'device' for "no lock"); the previous plan
   * and its keys are removed. Works with the vault open or not (a fresh install). `replace: true`
   * only after the user confirmed replacing what is stored. Re-opens the vault afterwards.
   * @throws ImportError — the previous plan is unchanged
   */
  async function restore(
    bytes: Uint8Array,
    secret: BackupSecret,
    protection: RestoreProtection,
    options: RestoreBackupOptions = {},
  ): Promise<BackupSummary> {
    const [{ restoreBackupWith }, { replaceAllInNewGeneration }] = await Promise.all([
      import('@/data/backup/backup'),
      lockChanges(),
    ])
    let result: SetPassphraseResult | null = null
    const summary = await restoreBackupWith(
      bytes,
      secret,
      async (records) => {
        result = await replaceAllInNewGeneration(records, protection, {
          ...lockOptions(),
          replace: options.replace ?? false,
        })
      },
      { kdf: settings.kdf, ...options },
    )
    const written = result as SetPassphraseResult | null
    if (written !== null) await reopenAfter(() => Promise.resolve(written))
    return summary
  }

  /** Closes everything, then erases every trace the app left on this device. Read the report. */
  async function erase(env?: EraseEnvironment): Promise<EraseReport> {
    erasing = true
    close()
    try {
      const { eraseEverything } = await import('@/data/erase')
      const report = await eraseEverything(
        env,
        settings.dbName === undefined ? {} : { dbNames: [settings.dbName] },
      )
      erasing = report.ok
      return report
    } catch (caught) {
      erasing = false
      throw caught
    } finally {
      lockMethod.value = null
      retryAt.value = null
    }
  }

  /** Deletes Cache Storage once more, just before the erased app leaves (see `sweepCaches`). */
  async function sweepCaches(env?: EraseEnvironment): Promise<void> {
    const erase = await import('@/data/erase')
    await erase.sweepCaches(env)
  }

  /**
   * Runs `handler` after every unlock, before `status` becomes 'open'; a failing handler fails the
   * open. Returns a function that unregisters it.
   */
  function onOpen(handler: OpenHandler): () => void {
    openHandlers.add(handler)
    return () => openHandlers.delete(handler)
  }

  /**
   * Runs `handler` when an unlock with the passphrase has started deriving its key: the page waits
   * idle until it ends (about half a second), time to load what shows next (app/unlockAhead.ts).
   * Returns a function that unregisters it.
   */
  function onUnlockDeriving(handler: () => void): () => void {
    derivingHandlers.add(handler)
    return () => derivingHandlers.delete(handler)
  }

  /** Runs `handler` synchronously on every lock and close, to drop decrypted values. Returns an unregister function. */
  function onClose(handler: CloseHandler): () => void {
    closeHandlers.add(handler)
    return () => closeHandlers.delete(handler)
  }

  return {
    status,
    error,
    deviceId,
    lockMethod,
    retryAt,
    pinAvailable,
    pinAttemptsLeft,
    renewOwed,
    renewing,
    nothingStored,
    open,
    unlock,
    unlockWithPin,
    lock,
    close,
    refreshLockState,
    setPassphrase: setPassphraseAndReopen,
    changePassphrase: changePassphraseOf,
    removePassphrase: removePassphraseOf,
    renewKey,
    setPin,
    clearPin,
    requireVault,
    reload,
    backup,
    restore,
    erase,
    sweepCaches,
    onOpen,
    onUnlockDeriving,
    onClose,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useVaultStore, import.meta.hot))
