import { TrinDatabase } from '@/data/db'

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
