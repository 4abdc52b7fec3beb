import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { StorageError } from '@/data/errors'
import { openVault, type OpenVaultOptions, type Vault } from '@/data/repositories/records'

/** Where the vault is: locked (`closed`), unlocking, unlocked, or failed to unlock. */
export type VaultStatus = 'closed' | 'opening' | 'open' | 'error'

type OpenHandler = (vault: Vault) => Promise<void>
type CloseHandler = () => void

/**
 * The encrypted vault's lifecycle: opening it unlocks the data key, closing it drops the key and,
 * through the close handlers, every decrypted value held by other stores.
 */
export const useVaultStore = defineStore('vault', () => {
  /** Lifecycle of the vault; screens show the plan only while `open`. */
  const status = ref<VaultStatus>('closed')
  /** Why the last open failed: a StorageError, KeyringError or CryptoError. Null otherwise. */
  const error = shallowRef<Error | null>(null)
  /** This device's id (16 lowercase hex digits) while open; null when closed. */
  const deviceId = ref<string | null>(null)

  // Deliberately not state: the handle holds the data key, which must never reach devtools,
  // serialisation or a reactive proxy.
  let vault: Vault | null = null
  // Bumped on every open and close, so an open that finishes after a close (quick exit) is dropped.
  let session = 0
  let opening: Promise<void> | null = null
  const openHandlers = new Set<OpenHandler>()
  const closeHandlers = new Set<CloseHandler>()

  function dropSession(): void {
    session += 1
    opening = null
    vault?.close()
    vault = null
    deviceId.value = null
    for (const handler of closeHandlers) handler()
  }

  async function unlock(options: OpenVaultOptions, mySession: number): Promise<void> {
    let opened: Vault | null = null
    try {
      opened = await openVault(options)
      if (mySession !== session) {
        opened.close()
        return
      }
      vault = opened
      deviceId.value = opened.deviceId
      for (const handler of openHandlers) await handler(opened)
      if (mySession !== session) return
      status.value = 'open'
    } catch (caught) {
      if (mySession !== session) {
        opened?.close()
        return
      }
      dropSession()
      error.value = caught instanceof Error ? caught : new StorageError('failed', String(caught))
      status.value = 'error'
      throw error.value
    }
  }

  /**
   * Unlocks the vault (creating the keyring on first use) and lets the other stores load.
   * Sets `error` and rethrows on failure; nothing stored is changed by a failed open.
   */
  function open(options: OpenVaultOptions = {}): Promise<void> {
    if (status.value === 'open') return Promise.resolve()
    if (opening) return opening
    session += 1
    status.value = 'opening'
    error.value = null
    const current = unlock(options, session).finally(() => {
      if (opening === current) opening = null
    })
    opening = current
    return current
  }

  /** Locks: drops the data key and every decrypted record from memory. Synchronous on purpose. */
  function close(): void {
    dropSession()
    status.value = 'closed'
    error.value = null
  }

  /**
   * The open vault, for stores that read and write records.
   * @throws StorageError 'unavailable' while the vault is not open.
   */
  function requireVault(): Vault {
    if (vault === null || status.value !== 'open') throw new StorageError('unavailable', 'The vault is locked')
    return vault
  }

  /**
   * Runs `handler` after every unlock, before `status` becomes 'open'; a failing handler fails the
   * open. Returns a function that unregisters it.
   */
  function onOpen(handler: OpenHandler): () => void {
    openHandlers.add(handler)
    return () => openHandlers.delete(handler)
  }

  /** Runs `handler` synchronously on every close, to drop decrypted values. Returns an unregister function. */
  function onClose(handler: CloseHandler): () => void {
    closeHandlers.add(handler)
    return () => closeHandlers.delete(handler)
  }

  return { status, error, deviceId, open, close, requireVault, onOpen, onClose }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useVaultStore, import.meta.hot))
