/**
 * "Erase everything on this device": every Storage Bucket of the origin (each key generation of
 * the plan lives in one; deleting a bucket removes its directory), every IndexedDB database of
 * the origin (the generation pointer, an older install's database, the service worker's), every
 * Cache Storage entry (the offline copy of the app), every service-worker
 * registration, and local/session storage. Best effort and complete: a failing step is reported
 * and the others still run.
 *
 * Honest limits (say them on the screen): browser history and the OS's own backups, downloads
 * (exported backup files) and screenshots are outside the app's reach; and browsers delete data
 * logically — a forensic copy of the disk may still hold old bytes until the OS reuses them.
 * Close the vault first: an open connection in this tab blocks the deletion until it closes
 * (Dexie connections close themselves when another deletes their database).
 */
import { DB_NAME } from './db'
import { browserBuckets, pointerDbName, type BucketManager } from './generations'

/** What one step achieved. */
export type EraseOutcome =
  | { readonly status: 'done'; /** How many items were removed. */ readonly count: number }
  | { readonly status: 'unsupported' }
  | { readonly status: 'failed'; readonly error: unknown }

/** What eraseEverything did, step by step. */
export interface EraseReport {
  /** True when no step failed. */
  readonly ok: boolean
  readonly databases: EraseOutcome
  readonly caches: EraseOutcome
  readonly serviceWorkers: EraseOutcome
  readonly webStorage: EraseOutcome
}

/** The browser APIs erase uses; each is optional, and injectable for tests. */
export interface EraseEnvironment {
  readonly indexedDB?: Pick<IDBFactory, 'deleteDatabase'> & { databases?: () => Promise<IDBDatabaseInfo[]> }
  readonly caches?: Pick<CacheStorage, 'keys' | 'delete'>
  readonly serviceWorker?: { getRegistrations(): Promise<readonly { unregister(): Promise<boolean> }[]> }
  readonly storages?: readonly Pick<Storage, 'clear'>[]
  readonly buckets?: Pick<BucketManager, 'keys' | 'delete'> | null
}

/** The real browser APIs, where they exist. */
export function browserEraseEnvironment(): EraseEnvironment {
  const scope = globalThis as {
    indexedDB?: EraseEnvironment['indexedDB']
    caches?: EraseEnvironment['caches']
    navigator?: { serviceWorker?: EraseEnvironment['serviceWorker'] }
    localStorage?: Storage
    sessionStorage?: Storage
  }
  const storages: Pick<Storage, 'clear'>[] = []
  // Reading localStorage can itself throw (storage disabled); that step then reports unsupported.
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = scope[name]
      if (storage) storages.push(storage)
    } catch {
      // not available
    }
  }
  return {
    indexedDB: scope.indexedDB,
    caches: scope.caches,
    serviceWorker: scope.navigator?.serviceWorker,
    storages,
    buckets: browserBuckets(),
  }
}

/** How long a deletion may wait for another connection to close before erase says so. */
export const BLOCKED_LIMIT_MS = 10_000

function deleteOne(
  factory: Pick<IDBFactory, 'deleteDatabase'>,
  name: string,
  blockedLimitMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const request = factory.deleteDatabase(name)
    request.onsuccess = () => {
      clearTimeout(timer)
      resolve()
    }
    request.onerror = () => {
      clearTimeout(timer)
      reject(request.error ?? new Error(`deleting ${name} failed`))
    }
    // 'blocked': another connection (another tab of the app) is still open; the request completes
    // once it closes. Not forever: after the limit the step reports failure, the screen says what
    // is left and offers "try again", instead of a button that stays busy.
    request.onblocked = () => {
      timer ??= setTimeout(() => {
        reject(new Error(`deleting ${name} is blocked by an open connection`))
      }, blockedLimitMs)
    }
  })
}

async function step(run: () => Promise<number | null>): Promise<EraseOutcome> {
  try {
    const count = await run()
    return count === null ? { status: 'unsupported' } : { status: 'done', count }
  } catch (error) {
    return { status: 'failed', error }
  }
}

/**
 * Erases everything the app stored on this device. Never throws; read the report.
 * @param env browser APIs (defaults to the real ones)
 * @param options `dbNames`: databases to delete even where `indexedDB.databases()` is missing;
 *   `blockedLimitMs`: how long one deletion may wait on another open connection
 */
export async function eraseEverything(
  env: EraseEnvironment = browserEraseEnvironment(),
  options: { readonly dbNames?: readonly string[]; readonly blockedLimitMs?: number } = {},
): Promise<EraseReport> {
  // The plan's generations first: its buckets, then every database (the pointer last, so an
  // interrupted erase still finds nothing to open rather than a pointer to nothing).
  const databases = await step(async () => {
    const factory = env.indexedDB
    if (!factory && !env.buckets) return null
    let count = 0
    if (env.buckets) {
      for (const name of await env.buckets.keys()) {
        await env.buckets.delete(name)
        count += 1
      }
    }
    if (!factory) return count
    const names = new Set((options.dbNames ?? [DB_NAME]).flatMap((name) => [name, pointerDbName(name)]))
    if (typeof factory.databases === 'function') {
      for (const info of await factory.databases()) if (info.name) names.add(info.name)
    }
    for (const name of names) await deleteOne(factory, name, options.blockedLimitMs ?? BLOCKED_LIMIT_MS)
    return count + names.size
  })
  const caches = await sweepCaches(env)
  const webStorage = await step(() => {
    const storages = env.storages ?? []
    if (storages.length === 0) return Promise.resolve(null)
    // The whole origin is Trin's, so everything in it is the app's: clear, not key by key.
    for (const storage of storages) storage.clear()
    return Promise.resolve(storages.length)
  })
  // Last: the registration serves the neutral page while the rest goes.
  const serviceWorkers = await step(async () => {
    const container = env.serviceWorker
    if (!container) return null
    const registrations = await container.getRegistrations()
    for (const registration of registrations) await registration.unregister()
    return registrations.length
  })
  // Until this tab leaves, its service worker still runs (unregistering does not stop it), and
  // CI once found an empty precache left after an erase: what the worker wrote after the first
  // sweep (an install still filling its precache, most likely) outlived it. Sweep again after it.
  const cachesAgain = await sweepCaches(env)
  const allCaches = bothSweeps(caches, cachesAgain)
  const ok = [databases, allCaches, serviceWorkers, webStorage].every(
    (outcome) => outcome.status !== 'failed',
  )
  return { ok, databases, caches: allCaches, serviceWorkers, webStorage }
}

/**
 * Deletes every Cache Storage entry of the origin. Erasing runs it twice, and the erase screen once
 * more just before it leaves: the tab's service worker keeps running until the tab leaves, though
 * unregistered, and a precache it wrote after a sweep was once left behind (CI, 2026-12-07; the
 * exact write was not caught, an install still filling its precache is the likely one).
 */
export function sweepCaches(
  env: Pick<EraseEnvironment, 'caches'> = browserEraseEnvironment(),
): Promise<EraseOutcome> {
  return step(async () => {
    const storage = env.caches
    if (!storage) return null
    const keys = await storage.keys()
    for (const key of keys) await storage.delete(key)
    return keys.length
  })
}

/** One outcome for two sweeps: failed if either failed, else what both removed. */
function bothSweeps(first: EraseOutcome, second: EraseOutcome): EraseOutcome {
  if (first.status === 'failed') return first
  if (second.status === 'failed') return second
  if (first.status === 'unsupported') return second
  return { status: 'done', count: first.count + (second.status === 'done' ? second.count : 0) }
}
