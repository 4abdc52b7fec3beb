import { onScopeDispose } from 'vue'
import { useVaultStore } from '@/stores/vault'

/** Loads a piece of code (a dynamic `import()`); what it resolves to is not used here. */
export type AheadLoader = () => Promise<unknown>

/**
 * Loads, while an unlock derives its key, the code the screen will need once the plan is open:
 * the open route's `meta.ahead` and the shell's own pieces that show only with an open plan.
 *
 * The key derivation runs in a worker for about half a second while the page waits idle. Home's
 * code used to load only after the records were read, one level of imports at a time through the
 * service worker: about 400 ms at ×4 CPU after the plan was ready (README, Speed). Now that wait
 * overlaps the derivation. It starts once the derivation has been handed to its worker
 * (`vault.onUnlockDeriving`), not when the unlock starts: loading code earlier delayed the
 * derivation itself, which first reads the keyring on this same thread.
 *
 * Only an unlock with the passphrase loads ahead: a first visit, or a plan without a lock, opens
 * at start, and its first screen (the onboarding, the lock screen) must not carry Home's code.
 * @param loaders what to load, read when the derivation starts (`undefined` entries are skipped)
 */
export function useUnlockAhead(loaders: () => readonly (AheadLoader | undefined)[]): void {
  const stop = useVaultStore().onUnlockDeriving(() => {
    // A failed load is retried by whoever needs the code, and says so there.
    for (const load of loaders()) if (load) void load().catch(() => undefined)
  })
  onScopeDispose(stop)
}
