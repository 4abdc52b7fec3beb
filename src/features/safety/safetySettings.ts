/**
 * The safety settings, which must apply while the plan is locked (they are read before any key
 * exists), so they live in plain localStorage (`trin.safety`), parsed with zod on every read.
 *
 * What they reveal to someone who copies the browser's storage — already known from the fact that
 * Trin's storage exists at all — is how long the auto-lock waits, whether hiding locks, and that
 * the last visit ended with a quick exit. The quick-exit address is the one value that could say
 * more: an address the citizen types (a shelter's site, a personal account) would be readable in
 * the clear. It must be in the clear because quick exit works on the lock screen; so the form
 * accepts only an https address, asks for an ordinary site (news, weather, recipes) and says
 * plainly that the address is stored unencrypted. By default nothing is stored and quick exit
 * goes to the bundled neutral page.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { z } from '@/schemas/zod'
import { AUTO_LOCK_MINUTES, autoLockMinutes } from '@/domain/autoLock'
import { checkExitTarget } from '@/domain/quickExit'
import { readLocal, writeLocal } from './localSettings'

export const SAFETY_STORAGE_KEY = 'trin.safety'

const storedSafety = z.object({
  autoLockMinutes: z.unknown().transform(autoLockMinutes).default(AUTO_LOCK_MINUTES.default),
  lockOnHide: z.boolean().catch(false).default(false),
  /** An https address, or null for the bundled neutral page. */
  exitTarget: z
    .string()
    .nullable()
    .transform((value) => {
      if (value === null) return null
      const checked = checkExitTarget(value)
      return checked.ok ? checked.url : null
    })
    .catch(null)
    .default(null),
  /**
   * The last visit ended with a quick exit: the next start shows the lock screen ("Open" in
   * "no lock" mode) instead of opening the plan. Cleared once the citizen opens it again.
   */
  lockedAfterExit: z.boolean().catch(false).default(false),
})

export type StoredSafety = z.infer<typeof storedSafety>

/** Reads the settings as stored (defaults for anything missing or invalid). */
export function readSafetySettings(): StoredSafety {
  return readLocal(SAFETY_STORAGE_KEY, storedSafety)
}

/** The safety settings, live and persisted. */
export const useSafetySettings = defineStore('safetySettings', () => {
  const stored = readSafetySettings()
  /** Minutes without a touch, click or key before the app locks (1–15). */
  const autoLockMinutes = ref(stored.autoLockMinutes)
  /** Lock as soon as the app is hidden (another app, home screen, screen off). */
  const lockOnHide = ref(stored.lockOnHide)
  /** Where quick exit goes: an https address, or null for the bundled neutral page. */
  const exitTarget = ref<string | null>(stored.exitTarget)
  /** See `lockedAfterExit` above. */
  const lockedAfterExit = ref(stored.lockedAfterExit)
  /**
   * Not stored: until when (epoch ms) hiding the app does not lock it, because the app itself
   * opened something that hides it for a moment (a file picker, printing).
   */
  const hideLockSuspendedUntil = ref(0)

  function snapshot(): StoredSafety {
    return {
      autoLockMinutes: autoLockMinutes.value,
      lockOnHide: lockOnHide.value,
      exitTarget: exitTarget.value,
      lockedAfterExit: lockedAfterExit.value,
    }
  }

  function persist(): void {
    writeLocal(SAFETY_STORAGE_KEY, snapshot())
  }

  watch([autoLockMinutes, lockOnHide, exitTarget, lockedAfterExit], persist)

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
