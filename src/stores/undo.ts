import { acceptHMRUpdate, defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import type { TrinRecord } from '@/schemas'
import type { MessageSchema } from '@/app/i18n'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'

/** What the undo bar says: a message key (in the `plan.undo` namespace) and an optional count. */
export interface UndoMessage {
  readonly key: Exclude<keyof MessageSchema['plan']['undo'], 'action' | 'close' | 'failed'>
  readonly plural?: number
}

/** How long the undo bar stays (it also stays while it has focus or the pointer is over it). */
export const UNDO_MILLISECONDS = 10_000

/**
 * "Undo" after marking something done or deleting it: the records as they were before, kept for
 * a few seconds and saved back on request. An offer belongs to the screen it was made on and
 * goes when the citizen leaves it, except one made just before the app moves on by itself
 * (deleting an activity goes back to the list), which follows to that next screen. The previous
 * records are decrypted plan content, so they are held outside reactive state and dropped when
 * the vault locks.
 */
export const useUndoStore = defineStore('undo', () => {
  const records = useRecordsStore()
  const vault = useVaultStore()
  /** The current offer (a fresh `id` per offer), or null. */
  const offer = shallowRef<{ readonly id: number; readonly message: UndoMessage } | null>(null)
  /** The last undo failed; the offer stays so it can be tried again. */
  const failed = ref(false)
  const busy = ref(false)

  let previous: TrinRecord[] = []
  // The offer survives one change of screen (see above).
  let followsNavigation = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let sequence = 0

  function stopTimer(): void {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  /** Starts (again) the countdown after which the offer goes. */
  function release(): void {
    stopTimer()
    if (offer.value !== null && !busy.value) timer = setTimeout(dismiss, UNDO_MILLISECONDS)
  }

  /** Stops the countdown while the person is looking at or using the bar. */
  function hold(): void {
    stopTimer()
  }

  function dismiss(): void {
    stopTimer()
    offer.value = null
    failed.value = false
    previous = []
  }

  /**
   * Offers to put `before` back (the records as they were before the change). With
   * `followsNavigation`, the offer moves to the next screen instead of ending with this one.
   */
  function offerUndo(
    message: UndoMessage,
    before: readonly TrinRecord[],
    options: { followsNavigation?: boolean } = {},
  ): void {
    previous = [...before]
    followsNavigation = options.followsNavigation ?? false
    sequence += 1
    failed.value = false
    offer.value = { id: sequence, message }
    release()
  }

  /** Called when a screen with the undo bar goes away: the offer ends with it, or moves on once. */
  function leaveScreen(): void {
    if (followsNavigation) followsNavigation = false
    else dismiss()
  }

  /** Saves the previous records back in one transaction. Resolves false when that failed (the offer stays). */
  async function undo(): Promise<boolean> {
    if (offer.value === null || busy.value) return false
    stopTimer()
    busy.value = true
    try {
      await records.saveMany(previous)
      busy.value = false
      dismiss()
      return true
    } catch {
      busy.value = false
      failed.value = true
      return false
    }
  }

  const stopClose = vault.onClose(dismiss)
  onScopeDispose(() => {
    stopClose()
    stopTimer()
  })

  return { offer, failed, busy, offerUndo, undo, dismiss, hold, release, leaveScreen }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUndoStore, import.meta.hot))
