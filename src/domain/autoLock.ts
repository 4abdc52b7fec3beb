/**
 * Auto-lock after inactivity (DESIGN.md, security model): by default after 5 minutes without a
 * touch, click or key, settable from 1 to 15 minutes; optionally also as soon as the app is
 * hidden. Time comes in as epoch milliseconds; nothing here reads a clock.
 */

/** The settable range and the default, in whole minutes. */
export const AUTO_LOCK_MINUTES = Object.freeze({ min: 1, max: 15, default: 5 })

/** Every value the setting offers, 1 to 15. */
export const autoLockChoices: readonly number[] = Array.from(
  { length: AUTO_LOCK_MINUTES.max - AUTO_LOCK_MINUTES.min + 1 },
  (_, index) => AUTO_LOCK_MINUTES.min + index,
)

/**
 * A clock that runs backwards by more than this (the phone's time was changed) counts as
 * "inactive long enough": better one lock too many than a plan left open.
 */
export const CLOCK_SKEW_TOLERANCE_MS = 60_000

/** A stored or typed value as a valid number of minutes: whole, 1–15; anything else is the default. */
export function autoLockMinutes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return AUTO_LOCK_MINUTES.default
  if (value < AUTO_LOCK_MINUTES.min || value > AUTO_LOCK_MINUTES.max) return AUTO_LOCK_MINUTES.default
  return value
}

/** Milliseconds until the lock is due (0 when it is due now). */
export function msUntilAutoLock(lastActivityMs: number, nowMs: number, minutes: number): number {
  if (nowMs < lastActivityMs - CLOCK_SKEW_TOLERANCE_MS) return 0
  const deadline = lastActivityMs + autoLockMinutes(minutes) * 60_000
  return Math.max(0, deadline - nowMs)
}

/** Whether the app should lock now, `lastActivityMs` being the last touch, click or key. */
export function autoLockDue(lastActivityMs: number, nowMs: number, minutes: number): boolean {
  return msUntilAutoLock(lastActivityMs, nowMs, minutes) === 0
}

/**
 * Whether hiding the app (another app, the home screen, the phone's screen off) locks it: only
 * when the citizen chose so, and not while the app itself opened something that hides it for a
 * moment (a file picker, the print dialog) — until `suspendedUntilMs`.
 */
export function lockOnHideDue(lockOnHide: boolean, suspendedUntilMs: number, nowMs: number): boolean {
  return lockOnHide && nowMs >= suspendedUntilMs
}
