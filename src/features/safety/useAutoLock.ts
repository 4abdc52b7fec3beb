/**
 * Auto-lock: after the chosen minutes without a touch, click, key or scroll, and (if chosen) as
 * soon as the app is hidden, the vault locks — the key and every decrypted value go, and the
 * lock screen replaces the page. Timers are unreliable while a phone sleeps, so the elapsed time
 * is checked again whenever the app becomes visible.
 */
import { onScopeDispose, watch } from 'vue'
import { autoLockDue, lockOnHideDue, msUntilAutoLock } from '@/domain/autoLock'
import { useVaultStore } from '@/stores/vault'
import { useSafetySettings } from '@/stores/safetySettings'

// What a person does. Not 'scroll': the app itself scrolls (a new screen starts at its top), and
// that must not count as use; a person's scrolling arrives as touchstart, wheel or keydown.
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const

export function useAutoLock(options: { now?: () => number } = {}): void {
  const now = options.now ?? (() => Date.now())
  const vault = useVaultStore()
  const settings = useSafetySettings()
  let lastActivity = now()
  let timer: ReturnType<typeof setTimeout> | null = null

  function stop(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function check(): void {
    timer = null
    if (vault.status !== 'open') return
    if (autoLockDue(lastActivity, now(), settings.autoLockMinutes)) {
      vault.lock()
      return
    }
    schedule()
  }

  function schedule(): void {
    stop()
    if (vault.status !== 'open') return
    timer = setTimeout(check, msUntilAutoLock(lastActivity, now(), settings.autoLockMinutes))
  }

  function onActivity(): void {
    // Cheap on purpose (scroll fires often): the timer re-arms itself when it fires early.
    lastActivity = now()
  }

  function onVisibility(): void {
    if (vault.status !== 'open') return
    if (document.visibilityState === 'hidden') {
      if (lockOnHideDue(settings.lockOnHide, settings.hideLockSuspendedUntil, now())) vault.lock()
      return
    }
    check()
  }

  watch(
    () => vault.status,
    (status) => {
      if (status === 'open') {
        lastActivity = now()
        schedule()
      } else {
        stop()
      }
    },
    { immediate: true },
  )
  watch(() => settings.autoLockMinutes, schedule)

  for (const name of ACTIVITY_EVENTS)
    window.addEventListener(name, onActivity, { capture: true, passive: true })
  document.addEventListener('visibilitychange', onVisibility)
  onScopeDispose(() => {
    stop()
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true })
    document.removeEventListener('visibilitychange', onVisibility)
  })
}
