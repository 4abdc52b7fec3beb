import { IDBFactory } from 'fake-indexeddb'
import { vi } from 'vitest'
import type { BucketManager } from '@/data/generations'
import { TrinDatabase } from '@/data/db'
import type { KdfPolicy } from '@/data/kdf/params'
import { inProcessKdfRunner, type KdfOptions } from '@/data/kdf/runner'

/** A database name no other test uses: every test starts from an empty database. */
export function freshDbName(): string {
  return `trin-test-${crypto.randomUUID()}`
}

/** A second, raw connection to a database, to look at (or tamper with) what is really stored. */
export async function openRaw(name: string): Promise<TrinDatabase> {
  const db = new TrinDatabase(name)
  await db.open()
  return db
}

/** Resolves with the rejection reason, failing the test if the promise resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, but the promise resolved')
    },
    (reason: unknown) => reason,
  )
}

/** Whether `needle` occurs anywhere in `haystack`, byte for byte. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer
    }
    return true
  }
  return false
}

/**
 * A deliberately weak KDF policy for tests ONLY: Argon2id with 64 KiB and one pass, PBKDF2 with
 * 1,000 iterations. Production code never sees it unless a test passes it explicitly (tests check
 * that the default policy refuses what it produces).
 */
export const TEST_KDF_POLICY: KdfPolicy = {
  argon2id: { memoryKiB: 64, iterations: 1, parallelism: 1, hashLength: 32 },
  pbkdf2: { hash: 'SHA-256', iterations: 1000, hashLength: 32 },
  bounds: {
    argon2id: {
      memoryKiB: { min: 8, max: 262_144 },
      iterations: { min: 1, max: 10 },
      parallelism: { min: 1, max: 4 },
    },
    pbkdf2: { iterations: { min: 1, max: 10_000_000 } },
    saltBytes: { min: 16, max: 64 },
  },
}

/** Cheap, in-process derivations for tests. */
export const TEST_KDF: KdfOptions = { runner: inProcessKdfRunner, policy: TEST_KDF_POLICY }

/** A stored value made comparable: bytes copied, CryptoKeys described (they have no own data). */
function comparable(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Array.from(value) }
  if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return { cryptoKey: true }
  if (
    typeof value === 'object' &&
    value !== null &&
    'algorithm' in value &&
    'usages' in value &&
    'extractable' in value
  ) {
    const key = value as CryptoKey
    return { cryptoKey: true, type: key.type, usages: [...key.usages], extractable: key.extractable }
  }
  if (Array.isArray(value)) return value.map(comparable)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, comparable(inner)]))
  }
  return value
}

/** Every row of every table, byte for byte (CryptoKeys by description), to prove nothing changed. */
export async function snapshotDatabase(
  name: string,
): Promise<{ records: unknown[]; meta: Record<string, unknown> }> {
  const db = await openRaw(name)
  try {
    const records = (await db.records.toArray()).map(comparable)
    const meta = Object.fromEntries(
      (await db.meta.toArray()).map(({ key, value }) => [key, comparable(value)]),
    )
    return { records, meta }
  } finally {
    db.close()
  }
}

/** Buckets as separate IndexedDB factories; `delete` forgets one with everything in it. */
export class FakeBuckets implements BucketManager {
  readonly buckets = new Map<string, IDBFactory>()
  open(name: string): Promise<{ indexedDB: IDBFactory }> {
    let factory = this.buckets.get(name)
    if (factory === undefined) {
      factory = new IDBFactory()
      this.buckets.set(name, factory)
    }
    return Promise.resolve({ indexedDB: factory })
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.buckets.keys()])
  }
  delete(name: string): Promise<void> {
    this.buckets.delete(name)
    return Promise.resolve()
  }
}

/** A call to make fail in an interruption test: `object[method]`, throwing or rejecting. */
export interface FaultTarget {
  readonly label: string
  readonly object: object
  readonly method: string
  readonly mode: 'throw' | 'reject'
}

/** Every IndexedDB object-store call the data layer makes, each to throw in turn. */
export function idbStoreFaults(): FaultTarget[] {
  return ['get', 'getAll', 'put', 'add', 'delete', 'clear', 'openCursor', 'count'].map((method) => ({
    label: `IDBObjectStore.${method}`,
    object: IDBObjectStore.prototype,
    method,
    mode: 'throw' as const,
  }))
}

/** Every WebCrypto call the data layer makes, each to reject in turn. */
export function subtleFaults(): FaultTarget[] {
  return ['wrapKey', 'unwrapKey', 'importKey', 'encrypt', 'decrypt', 'deriveKey', 'generateKey'].map(
    (method) => ({ label: `subtle.${method}`, object: crypto.subtle, method, mode: 'reject' as const }),
  )
}

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown

/**
 * Runs `operation` with the `n`-th call of the target failing (a DOMException 'UnknownError').
 * Returns whether the fault fired and whether the operation resolved. With `killAfterMs`, an
 * operation still pending then counts as a tab killed mid-way (not resolved): a throw inside one
 * of Dexie's own IndexedDB callbacks (only an injected fault does that) can leave its promise
 * pending for ever.
 */
export async function withFault(
  target: FaultTarget,
  n: number,
  operation: () => Promise<unknown>,
  options: { readonly killAfterMs?: number } = {},
): Promise<{ fired: boolean; resolved: boolean }> {
  const host = target.object as Record<string, AnyMethod>
  const original = host[target.method]
  if (original === undefined) throw new Error(`no ${target.label}`)
  let calls = 0
  let fired = false
  const spy = vi.spyOn(host, target.method).mockImplementation(function (this: unknown, ...args: unknown[]) {
    calls += 1
    if (calls === n) {
      fired = true
      const error = new DOMException(`injected failure of ${target.label}`, 'UnknownError')
      if (target.mode === 'reject') return Promise.reject(error)
      throw error
    }
    return original.apply(this, args)
  })
  const { killAfterMs } = options
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const done = operation().then(() => 'done' as const)
    const outcome =
      killAfterMs === undefined
        ? await done
        : await Promise.race([
            done,
            new Promise<'killed'>((resolve) => {
              timer = setTimeout(() => {
                resolve('killed')
              }, killAfterMs)
            }),
          ])
    return { fired, resolved: outcome === 'done' }
  } catch {
    return { fired, resolved: false }
  } finally {
    clearTimeout(timer)
    spy.mockRestore()
  }
}
