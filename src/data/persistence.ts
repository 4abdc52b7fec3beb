/**
 * Storage durability: whether the browser may evict Trin's data under storage pressure, and how
 * full the origin's quota is. Browsers evict "best-effort" storage first; `persist()` asks to be
 * exempt. Chrome grants it silently by engagement (installed apps get it), Firefox may ask the
 * user, Safari grants it to home-screen apps — and Safari may still erase a site's storage after
 * seven days without use unless the app is installed, so the screens must remind to back up.
 *
 * Quota: when the disk is full a save rejects with StorageError 'quota' (see errors.ts). The
 * records store then keeps its memory as it was and rethrows, so the caller still has the
 * user's edit in its form and can offer to retry — nothing typed is lost by the failure.
 */

/** The outcome of asking, or the current state. */
export type PersistenceState = 'granted' | 'denied' | 'unsupported'

/** The parts of `StorageManager` used here (injectable for tests). */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>
  persisted?: () => Promise<boolean>
  estimate?: () => Promise<StorageEstimate>
}

/** How much of the quota is used. */
export interface QuotaEstimate {
  readonly usageBytes: number
  readonly quotaBytes: number
  /** usage / quota, 0…1 (0 when the quota is reported as 0). */
  readonly usageRatio: number
}

/** `navigator.storage`, or undefined where the browser lacks it (insecure context, old browser). */
export function browserStorageManager(): StorageManagerLike | undefined {
  if (typeof navigator === 'undefined') return undefined
  // The type says it always exists; outside secure contexts it does not.
  return (navigator as { storage?: StorageManagerLike }).storage
}

/** The browser's yes or no to `persist()` or `persisted()`; 'unsupported' where it cannot answer. */
async function persistenceAnswer(
  storage: StorageManagerLike | undefined,
  method: 'persist' | 'persisted',
): Promise<PersistenceState> {
  const ask = storage?.[method]
  if (typeof ask !== 'function') return 'unsupported'
  try {
    return (await ask.call(storage)) ? 'granted' : 'denied'
  } catch {
    return 'unsupported'
  }
}

/**
 * Asks the browser to keep Trin's storage out of automatic eviction. Safe to call repeatedly
 * (it answers at once when already granted).
 */
export async function requestPersistence(
  storage: StorageManagerLike | undefined = browserStorageManager(),
): Promise<PersistenceState> {
  return persistenceAnswer(storage, 'persist')
}

/** Whether the storage is currently persistent, without asking. */
export async function persistenceState(
  storage: StorageManagerLike | undefined = browserStorageManager(),
): Promise<PersistenceState> {
  return persistenceAnswer(storage, 'persisted')
}

/** The origin's usage and quota, or null where the browser does not say. */
export async function estimateQuota(
  storage: StorageManagerLike | undefined = browserStorageManager(),
): Promise<QuotaEstimate | null> {
  if (typeof storage?.estimate !== 'function') return null
  try {
    const { usage, quota } = await storage.estimate()
    if (
      typeof usage !== 'number' ||
      typeof quota !== 'number' ||
      !Number.isFinite(usage) ||
      !Number.isFinite(quota)
    )
      return null
    return { usageBytes: usage, quotaBytes: quota, usageRatio: quota > 0 ? Math.min(1, usage / quota) : 0 }
  } catch {
    return null
  }
}
