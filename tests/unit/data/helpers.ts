import { IDBFactory } from 'fake-indexeddb'
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
