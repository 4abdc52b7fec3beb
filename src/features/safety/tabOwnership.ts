/**
 * One tab (or window) at a time owns the open plan. Two tabs with the plan open would each save
 * over the other's changes without either noticing; and the wrong-passphrase delay could be
 * raced from several. So the plan opens only in the tab that holds the Web Lock `trin-plan`;
 * another tab says the plan is open elsewhere and offers to take it over, which steals the lock:
 * the first tab's hold is aborted, it closes its vault (key and decrypted records gone) and
 * shows the same screen.
 *
 * Where the Web Locks API is missing (very old browsers), every tab counts as the owner, as
 * before; writes still refuse a key changed by another tab (`StorageError 'key-changed'`).
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { useVaultStore } from '@/stores/vault'

/** The lock's name; every tab of the origin shares it. */
const PLAN_LOCK = 'trin-plan'

/**
 * - `checking`: asking for the lock (a moment at start);
 * - `owner`: this tab holds it: the plan may open here;
 * - `elsewhere`: another tab held it when this one started;
 * - `taken`: this tab held it, and another took it over.
 */
export type TabOwnership = 'checking' | 'owner' | 'elsewhere' | 'taken'

/** The part of `navigator.locks` used here (injectable for tests). */
export interface PlanLocks {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | undefined,
  ): Promise<unknown>
}

function browserLocks(): PlanLocks | null {
  const locks = (globalThis.navigator as { locks?: PlanLocks } | undefined)?.locks
  return locks && typeof locks.request === 'function' ? locks : null
}

export const useTabOwnership = defineStore('tabOwnership', () => {
  const vault = useVaultStore()
  const state = ref<TabOwnership>('checking')
  let locks: PlanLocks | null = browserLocks()
  let release: (() => void) | null = null
  let ready: Promise<TabOwnership> | null = null

  /** Asks for the lock; resolves true once held, false if another tab holds it. */
  function hold(steal: boolean): Promise<boolean> {
    const manager = locks
    if (manager === null) return Promise.resolve(true)
    return new Promise((acquired) => {
      manager
        .request(PLAN_LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
          if (lock === null) {
            acquired(false)
            return undefined
          }
          acquired(true)
          // Held until this tab lets go (or closes, which the browser handles).
          return new Promise<void>((resolve) => {
            release = resolve
          })
        })
        .catch(() => {
          // Rejected (AbortError) when another tab stole the lock: close the plan here at once.
          release = null
          if (state.value !== 'owner') return
          state.value = 'taken'
          vault.close()
        })
    })
  }

  /** Finds out whether this tab may open the plan (once per visit; later calls share it). */
  function claim(options: { locks?: PlanLocks | null } = {}): Promise<TabOwnership> {
    if (options.locks !== undefined) locks = options.locks
    ready ??= hold(false).then((held) => {
      state.value = held ? 'owner' : 'elsewhere'
      return state.value
    })
    return ready
  }

  /** Takes the plan over from the other tab, which closes it there (the vault gate opens it here). */
  async function takeOver(): Promise<void> {
    const held = await hold(true)
    if (!held) return
    state.value = 'owner'
    ready = Promise.resolve('owner')
  }

  /**
   * Lets go of the lock while this tab stays open. Only tests call it, to end one test's hold
   * before the next; a closed or discarded page needs nothing, the browser frees its Web Locks.
   */
  function letGo(): void {
    release?.()
    release = null
  }

  return { state, claim, takeOver, letGo }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTabOwnership, import.meta.hot))
