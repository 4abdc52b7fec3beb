/**
 * Whether the app's screens may show, and the vault's start: the plan opens by itself at start
 * ("no lock"; with a passphrase the lock screen appears), except after a quick exit, when the
 * citizen must choose to open it again. The screens show only while the vault is open — and
 * while it re-opens under a new key (setting a passphrase), so the screen doing that stays.
 */
import { computed, onMounted, ref, watch, type ComputedRef } from 'vue'
import { requestPersistence } from '@/data/persistence'
import { useVaultStore, type VaultStatus } from '@/stores/vault'
import { useSafetySettings } from './safetySettings'

export function useVaultGate(options: { persist?: () => Promise<unknown> } = {}): {
  readonly showScreens: ComputedRef<boolean>
} {
  const vault = useVaultStore()
  const settings = useSafetySettings()
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

  onMounted(() => {
    if (settings.lockedAfterExit) return
    vault.open().catch(() => undefined)
  })

  return {
    showScreens: computed(
      () => vault.status === 'open' || (vault.status === 'opening' && settled.value === 'open'),
    ),
  }
}
