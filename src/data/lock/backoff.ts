/**
 * The growing delay after wrong passphrases: a pure policy, no clock and no storage of its own.
 *
 * What it is for: someone holding the phone and guessing at the lock screen. It does nothing
 * against someone who copied the browser's storage — only Argon2id's cost slows them — and
 * someone who can write storage can reset it. It is a speed bump, so it must never become a
 * way to lock the user out: the longest wait is five minutes, whatever the stored state says.
 */

/** Consecutive wrong tries, and when the next try is allowed. Stored in plaintext `meta`. */
export interface AttemptState {
  /** Wrong tries since the last success. */
  readonly failures: number
  /** Epoch milliseconds before which no derivation is attempted; 0 for "no wait". */
  readonly notBefore: number
}

/** Wrong tries allowed without any wait. */
export const FREE_ATTEMPTS = 3
/** The longest wait, in milliseconds: five minutes. */
export const MAX_DELAY_MS = 5 * 60 * 1000
/** Counting stops here; the delay has long reached its cap. */
const MAX_COUNTED_FAILURES = 1_000_000

/** No failures, no wait. */
export const INITIAL_ATTEMPT_STATE: AttemptState = Object.freeze({ failures: 0, notBefore: 0 })

/**
 * Milliseconds to wait after `failures` consecutive wrong tries: none for the first
 * {@link FREE_ATTEMPTS}, then 2, 4, 8, … seconds, capped at {@link MAX_DELAY_MS}.
 */
export function delayAfterFailures(failures: number): number {
  if (!Number.isFinite(failures) || failures <= FREE_ATTEMPTS) return 0
  const exponent = Math.min(failures - FREE_ATTEMPTS, 30)
  return Math.min(2 ** exponent * 1000, MAX_DELAY_MS)
}

/** The state after one more wrong try at `now`. */
export function recordFailure(state: AttemptState, now: number): AttemptState {
  const failures = Math.min(state.failures + 1, MAX_COUNTED_FAILURES)
  const delay = delayAfterFailures(failures)
  return { failures, notBefore: delay === 0 ? 0 : now + delay }
}

/** The result of asking whether a try may run now. */
export interface AttemptGate {
  /** Milliseconds still to wait; 0 means try now. */
  readonly wait: number
  /**
   * The state to keep. It differs from the input only when `notBefore` lay further ahead than
   * the policy can ever set (the clock was turned back, or the value was forged): the wait is
   * then re-anchored to start now, so it ends after at most one full delay instead of never.
   */
  readonly state: AttemptState
}

/** Whether a try may run at `now`, and the (possibly re-anchored) state to keep. */
export function attemptGate(state: AttemptState, now: number): AttemptGate {
  const longest = delayAfterFailures(state.failures)
  let { notBefore } = state
  if (notBefore - now > longest) notBefore = longest === 0 ? 0 : now + longest
  const next = notBefore === state.notBefore ? state : { failures: state.failures, notBefore }
  return { wait: Math.max(0, notBefore - now), state: next }
}

/**
 * Reads a stored state leniently: anything malformed counts as no failures. Whoever can write
 * storage can delete the row anyway, and a damaged row must not lock the user out.
 */
export function parseAttemptState(value: unknown): AttemptState {
  if (typeof value !== 'object' || value === null) return INITIAL_ATTEMPT_STATE
  const { failures, notBefore } = value as { failures?: unknown; notBefore?: unknown }
  if (typeof failures !== 'number' || !Number.isInteger(failures) || failures < 0)
    return INITIAL_ATTEMPT_STATE
  if (typeof notBefore !== 'number' || !Number.isFinite(notBefore) || notBefore < 0)
    return INITIAL_ATTEMPT_STATE
  return { failures: Math.min(failures, MAX_COUNTED_FAILURES), notBefore }
}
