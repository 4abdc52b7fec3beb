/**
 * The safety settings, which must apply while the plan is locked (they are read before any key
 * exists), so they live in the one plaintext settings entry (`@/stores/deviceSettings`), parsed with zod on
 * every read.
 *
 * What they reveal to someone who copies the browser's storage — already known from the fact that
 * Trin's storage exists at all — is how long the auto-lock waits, whether the citizen chose to lock on hiding, and that
 * the last visit ended with a quick exit. The quick-exit address is the one value that could say
 * more: an address the citizen types (a shelter's site, a personal account) would be readable in
 * the clear. It must be in the clear because quick exit works on the lock screen; so the form
 * accepts only an https address, asks for an ordinary site (news, weather, recipes) and says
 * plainly that the address is stored unencrypted. By default nothing is stored and quick exit
 * goes to the bundled neutral page.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { lockOnHideInForce } from '@/domain/lockOnHide'
import { useRecordsStore } from '@/stores/records'
import { readDeviceSettings, writeDeviceSettings } from '@/stores/deviceSettings'

/** What the safety settings keep (the rest of the settings entry belongs to others). */
export interface StoredSafety {
  readonly autoLockMinutes: number
  /** The citizen's choice, or null: then the default for the plan's transition applies. */
  readonly lockOnHideChoice: boolean | null
  readonly exitTarget: string | null
  readonly lockedAfterExit: boolean
}

/** Reads the settings as stored (defaults for anything missing or invalid). */
export function readSafetySettings(): StoredSafety {
  const stored = readDeviceSettings()
  return {
    autoLockMinutes: stored.a,
    lockOnHideChoice: stored.h,
    exitTarget: stored.x,
    lockedAfterExit: stored.e,
  }
}

/** The safety settings, live and persisted. */
export const useSafetySettings = defineStore('safetySettings', () => {
  const records = useRecordsStore()
  const stored = readSafetySettings()
  /** Minutes without a touch, click or key before the app locks (1–15). */
  const autoLockMinutes = ref(stored.autoLockMinutes)
  /** Lock as soon as the app is hidden: the citizen's choice, or null for the default. */
  const lockOnHideChoice = ref<boolean | null>(stored.lockOnHideChoice)
  /**
   * Whether hiding the app locks it: the choice, else the default for the plan's transition
   * (on for a shelter; see `@/domain/lockOnHide`). Setting it records a choice.
   */
  const lockOnHide = computed({
    get: () => lockOnHideInForce(lockOnHideChoice.value, records.byKind('plan')[0]?.targetGroup),
    set: (value: boolean) => {
      lockOnHideChoice.value = value
    },
  })
  /** Where quick exit goes: an https address, or null for the bundled neutral page. */
  const exitTarget = ref<string | null>(stored.exitTarget)
  /**
   * The last visit ended with a quick exit: the next start shows the lock screen ("Open" in
   * "no lock" mode) instead of opening the plan. Cleared once the citizen opens it again.
   */
  const lockedAfterExit = ref(stored.lockedAfterExit)
  /**
   * Not stored: until when (epoch ms) hiding the app does not lock it, because the app itself
   * opened something that hides it for a moment (a file picker, printing).
   */
  const hideLockSuspendedUntil = ref(0)

  function persist(): void {
    writeDeviceSettings({
      a: autoLockMinutes.value,
      h: lockOnHideChoice.value,
      x: exitTarget.value,
      e: lockedAfterExit.value,
    })
  }

  watch([autoLockMinutes, lockOnHideChoice, exitTarget, lockedAfterExit], persist)

  /** Marks that the visit ended with a quick exit, written at once (the page is about to go). */
  function markExited(): void {
    lockedAfterExit.value = true
    persist()
  }

  /** The citizen opened the plan again: the next start may open it directly. */
  function clearExited(): void {
    if (!lockedAfterExit.value) return
    lockedAfterExit.value = false
    persist()
  }

  /** Hiding the app does not lock it for the next `ms` (a file picker or print dialog is opening). */
  function suspendLockOnHide(ms: number, now = Date.now()): void {
    hideLockSuspendedUntil.value = now + ms
  }

  return {
    autoLockMinutes,
    lockOnHideChoice,
    lockOnHide,
    exitTarget,
    lockedAfterExit,
    hideLockSuspendedUntil,
    markExited,
    clearExited,
    suspendLockOnHide,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSafetySettings, import.meta.hot))
