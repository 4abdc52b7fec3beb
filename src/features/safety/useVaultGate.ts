/**
 * Whether the app's screens may show, and the vault's start: the plan opens by itself at start
 * ("no lock"; with a passphrase the lock screen appears), except after a quick exit, when the
 * citizen must choose to open it again, and only in the tab that owns the plan (`tabOwnership.ts`).
 * The screens show only while the vault is open — and
 * while it re-opens under a new key (setting a passphrase), so the screen doing that stays, and
 * while it opens on a device that held nothing of Trin's (`nothingStored`): there is nothing to
 * guard yet, and a first visit's onboarding need not wait for the new store to be made.
 */
import { computed, onMounted, ref, watch, type ComputedRef } from 'vue'
import { requestPersistence } from '@/data/persistence'
import { useVaultStore, type VaultStatus } from '@/stores/vault'
import { useSafetySettings } from '@/stores/safetySettings'
import { useTabOwnership } from './tabOwnership'

export function useVaultGate(options: { persist?: () => Promise<unknown> } = {}): {
  readonly showScreens: ComputedRef<boolean>
} {
  const vault = useVaultStore()
  const settings = useSafetySettings()
  const tab = useTabOwnership()
  const persist = options.persist ?? (() => requestPersistence())
  const settled = ref<VaultStatus>(vault.status)
  let askedPersistence = false

  watch(
    () => vault.status,
    (status) => {
      if (status !== 'opening') settled.value = status
      if (status !== 'open') return
      settings.clearExited()
      if (!askedPersistence) {
        askedPersistence = true
        // Ask once a visit: the browser keeps the plan out of automatic eviction if it agrees.
        void persist().catch(() => undefined)
      }
    },
  )

  function openHere(): void {
    // Only in the tab that owns the plan (see tabOwnership.ts), and not after a quick exit.
    if (tab.state !== 'owner' || settings.lockedAfterExit) return
    vault.open().catch(() => undefined)
  }

  onMounted(() => {
    void tab.claim().then(openHere)
  })
  // Taken over from another tab: open here as at start.
  watch(
    () => tab.state,
    (state, before) => {
      if (state === 'owner' && before !== 'checking') openHere()
    },
  )

  return {
    showScreens: computed(
      () =>
        tab.state === 'owner' &&
        (vault.status === 'open' ||
          (vault.status === 'opening' && (settled.value === 'open' || vault.nothingStored))),
    ),
  }
}
