/**
 * Passphrase attempts run one at a time across every tab of the origin. The growing delay reads
 * `lockAttempts`, derives, and counts a failure; two tabs guessing at once would both read
 * "N failures, no wait" and both get a free try (and N tabs, N tries). Under the Web Lock
 * `trin-passphrase-attempt` the second attempt starts only after the first has counted, so it
 * sees the delay and fails with `'too-soon'` without deriving. Without Web Locks (old browsers,
 * Node in tests) a chain inside this page serialises at least this tab's attempts.
 */

/** The Web Lock's name. */
export const ATTEMPT_LOCK = 'trin-passphrase-attempt'

interface AttemptLocks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
}

let chain: Promise<unknown> = Promise.resolve()

function webLocks(): AttemptLocks | null {
  const locks = (globalThis.navigator as { locks?: AttemptLocks } | undefined)?.locks
  return locks && typeof locks.request === 'function' ? locks : null
}

/** Runs `attempt` when no other attempt (in any tab) is running. */
export function serialiseAttempt<T>(attempt: () => Promise<T>): Promise<T> {
  const locks = webLocks()
  if (locks !== null) return locks.request(ATTEMPT_LOCK, attempt)
  const run = chain.then(attempt, attempt)
  chain = run.catch(() => undefined)
  return run
}
