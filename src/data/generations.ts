/**
 * Key generations: where the current database lives, and the switch from one to the next.
 *
 * Chromium keeps all of an origin's IndexedDB databases in ONE LevelDB, and deleting or
 * overwriting a row there only marks it until a compaction that may never come (measured in
 * Chromium 156: a deleted database's rows were still in the `.ldb` file after the browser
 * closed). A Storage Bucket has its own directory (`WebStorage/<n>/IndexedDB/`) and
 * `navigator.storageBuckets.delete(name)` removes that directory. So every protection change
 * (set, change, remove a passphrase, restore a backup) writes a NEW generation — fresh data key,
 * every record re-encrypted — into a new bucket, proves it opens, then moves a small pointer
 * (which bucket is current; no secret in it) and only then deletes the old bucket. Interrupted
 * anywhere, the pointer names a generation that was proven to open: the old or the new.
 *
 * Where a browser has no Storage Buckets (Firefox, Safari today), everything stays in the one
 * database of the page's IndexedDB and a change rewrites it in one transaction: the data key
 * is still rotated, but old bytes may stay on disk until the browser compacts (the UI says so).
 */
import Dexie, { type Table } from 'dexie'
import { randomHex } from './crypto'
import { DB_NAME, TrinDatabase, type EncryptedRow, type IdbFactory } from './db'
import { StorageError } from './errors'
import type { KeyWrap } from './crypto'
import { SCHEMA_VERSION } from '@/schemas/version'

/** The part of `navigator.storageBuckets` Trin uses (tests pass their own). */
export interface BucketManager {
  open(
    name: string,
    options?: { durability?: 'strict' | 'relaxed' },
  ): Promise<{ readonly indexedDB: IDBFactory }>
  keys(): Promise<string[]>
  delete(name: string): Promise<void>
}

/** Where the app's storage lives; every option is for tests. */
export interface StorageOptions {
  /** Base name: the database name, and the prefix of its pointer and buckets. */
  readonly dbName?: string
  /** Storage Buckets; `null` forces the single-database fallback. Default: the browser's. */
  readonly buckets?: BucketManager | null
}

/** One generation: a database, in a bucket or in the page's own IndexedDB. */
export interface Generation {
  readonly dbName: string
  /** The bucket holding it; null: the page's own IndexedDB (older installs, or no buckets). */
  readonly bucket: string | null
  readonly factory: IdbFactory | undefined
}

/** What a new generation holds. Prepared (and proven) completely before the switch. */
export interface GenerationContent {
  readonly wrap: KeyWrap
  /** Stored only for a device-key wrap ("no lock"). */
  readonly deviceKey: CryptoKey | null
  readonly deviceId: string
  readonly rows: readonly EncryptedRow[]
}

/** Checks supplied by the operation that builds the new generation. */
export interface SwitchChecks {
  /**
   * Throws when the old generation changed since it was read (another tab saved or changed
   * the lock). Runs inside a transaction on it, just before the switch.
   */
  assertUnchanged(old: TrinDatabase): Promise<void>
  /** Throws unless the written generation opens with the new secret and holds `rows`. */
  prove(written: TrinDatabase): Promise<void>
}

/** The browser's Storage Buckets, or null where there are none. */
export function browserBuckets(): BucketManager | null {
  const scope = globalThis as { navigator?: { storageBuckets?: BucketManager } }
  return scope.navigator?.storageBuckets ?? null
}

function bucketsOf(options: StorageOptions): BucketManager | null {
  return options.buckets === undefined ? browserBuckets() : options.buckets
}

/** Whether protection changes remove the old storage at the browser's level here. */
export function removesOldStorage(options: StorageOptions = {}): boolean {
  return bucketsOf(options) !== null
}

function baseName(options: StorageOptions): string {
  return options.dbName ?? DB_NAME
}

/** The name of the small database holding the pointer (in the page's own IndexedDB). */
export function pointerDbName(dbName: string): string {
  return `${dbName}-current`
}

/** Every generation bucket of `dbName` starts with this. */
export function bucketPrefix(dbName: string): string {
  return `${dbName}-g`
}

interface PointerRow {
  readonly key: 'current'
  readonly bucket: string
}

class PointerDatabase extends Dexie {
  declare readonly pointer: Table<PointerRow, 'current'>
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict', autoOpen: false })
    this.version(1).stores({ pointer: 'key' })
  }
}

async function withPointer<T>(dbName: string, run: (db: PointerDatabase) => Promise<T>): Promise<T> {
  const db = new PointerDatabase(pointerDbName(dbName))
  try {
    await db.open()
    return await run(db)
  } finally {
    db.close()
  }
}

const bucketName = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** The current bucket's name, or null when none was ever chosen. */
export async function readPointer(dbName: string): Promise<string | null> {
  const row = await withPointer(dbName, (db) => db.pointer.get('current'))
  return row !== undefined && typeof row.bucket === 'string' && bucketName.test(row.bucket)
    ? row.bucket
    : null
}

async function writePointer(dbName: string, bucket: string): Promise<void> {
  await withPointer(dbName, async (db) => {
    await db.pointer.put({ key: 'current', bucket })
  })
  if ((await readPointer(dbName)) !== bucket)
    throw new StorageError('read-back-mismatch', 'The generation pointer did not read back')
}

async function openBucket(buckets: BucketManager, dbName: string, name: string): Promise<Generation> {
  const bucket = await buckets.open(name, { durability: 'strict' })
  return { dbName, bucket: name, factory: { indexedDB: bucket.indexedDB, IDBKeyRange } }
}

/** A database of the page's own IndexedDB that holds a keyring or records (an older install). */
async function legacyHoldsData(dbName: string): Promise<boolean> {
  const factory = globalThis.indexedDB as IDBFactory & { databases?: () => Promise<IDBDatabaseInfo[]> }
  if (typeof factory.databases === 'function') {
    const names = (await factory.databases()).map((info) => info.name)
    if (!names.includes(dbName)) return false
  }
  const db = new TrinDatabase(dbName)
  try {
    await db.open()
    return (await db.meta.count()) > 0 || (await db.records.count()) > 0
  } finally {
    db.close()
  }
}

/**
 * True only when this device certainly holds nothing of Trin's: no generation bucket, no
 * pointer to one and no older install's database with a keyring or records. Empty databases
 * left by a read (the lock state asked for before the first open) hold nothing. False where
 * the browser cannot list its databases (not known). Creates nothing, so it can run before a
 * first open.
 */
export async function storedNothing(options: StorageOptions = {}): Promise<boolean> {
  const factory = globalThis.indexedDB as
    (IDBFactory & { databases?: () => Promise<IDBDatabaseInfo[]> }) | undefined
  if (typeof factory?.databases !== 'function') return false
  const dbName = baseName(options)
  const buckets = bucketsOf(options)
  if (buckets !== null && (await buckets.keys()).some((name) => name.startsWith(bucketPrefix(dbName))))
    return false
  const names = new Set((await factory.databases()).map((info) => info.name))
  if (names.has(pointerDbName(dbName)) && (await readPointer(dbName)) !== null) return false
  return !(names.has(dbName) && (await legacyHoldsData(dbName)))
}

/** Serialises generation switches and clean-ups across tabs (Web Locks, where they exist). */
async function exclusively<T>(dbName: string, run: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks
  if (!locks) return run()
  return locks.request(`${dbName}-generations`, run)
}

/**
 * The current generation. Without buckets: the one database. With buckets: the pointer's
 * bucket; else an older install's database in the page's IndexedDB; else — only when `create`
 * — a new, empty bucket made current at once (nothing secret is in it yet); else null.
 */
export async function currentGeneration(
  options: StorageOptions,
  { create }: { readonly create: boolean },
): Promise<Generation | null> {
  const dbName = baseName(options)
  const legacy: Generation = { dbName, bucket: null, factory: undefined }
  const buckets = bucketsOf(options)
  if (buckets === null) return legacy
  const pointer = await readPointer(dbName)
  if (pointer !== null) return openBucket(buckets, dbName, pointer)
  if (await legacyHoldsData(dbName)) return legacy
  if (!create) return null
  return exclusively(dbName, async () => {
    const again = await readPointer(dbName)
    if (again !== null) return openBucket(buckets, dbName, again)
    const name = newBucketName(dbName)
    const generation = await openBucket(buckets, dbName, name)
    await writePointer(dbName, name)
    return generation
  })
}

function newBucketName(dbName: string): string {
  return `${bucketPrefix(dbName)}${randomHex(6)}`
}

/** A Dexie database on a generation (not yet opened). */
export function databaseOf(generation: Generation): TrinDatabase {
  return new TrinDatabase(generation.dbName, generation.factory)
}

async function withOpen<T>(generation: Generation, run: (db: TrinDatabase) => Promise<T>): Promise<T> {
  const db = databaseOf(generation)
  try {
    await db.open()
    return await run(db)
  } finally {
    db.close()
  }
}

async function writeContent(db: TrinDatabase, content: GenerationContent): Promise<void> {
  await db.records.clear()
  await db.records.bulkAdd([...content.rows])
  await db.meta.bulkPut([
    { key: 'keyring', value: { format: 1, wrap: content.wrap } },
    { key: 'deviceId', value: content.deviceId },
    { key: 'schema', value: { recordSchemaVersion: SCHEMA_VERSION } },
  ])
  if (content.deviceKey === null) await db.meta.delete('deviceKey')
  else await db.meta.put({ key: 'deviceKey', value: content.deviceKey })
  await db.meta.delete('lockAttempts')
}

/** Removes a generation that is no longer current, at the browser's level where possible. */
async function removeGeneration(buckets: BucketManager, generation: Generation): Promise<void> {
  if (generation.bucket !== null) await buckets.delete(generation.bucket)
  // An older install's database: deleted, though its bytes may stay in the shared LevelDB.
  else await Dexie.delete(generation.dbName)
}

/**
 * Replaces generation `from` (null: nothing stored yet) with `content` and returns the new
 * current generation. With buckets: write a new bucket → prove it opens → check the old one is
 * unchanged → move the pointer (last) → delete the old bucket. Without: one transaction on the
 * one database. On failure before the pointer moved, the new bucket is deleted and `from` stays
 * current, untouched.
 */
export async function switchGeneration(
  options: StorageOptions,
  from: Generation | null,
  content: GenerationContent,
  checks: SwitchChecks,
): Promise<Generation> {
  const dbName = baseName(options)
  const buckets = bucketsOf(options)
  if (buckets === null) {
    const single = from ?? { dbName, bucket: null, factory: undefined }
    await withOpen(single, async (db) => {
      await db.transaction('rw', db.meta, db.records, async () => {
        await checks.assertUnchanged(db)
        await writeContent(db, content)
      })
      await checks.prove(db)
    })
    return single
  }
  return exclusively(dbName, async () => {
    const name = newBucketName(dbName)
    let moved = false
    let next: Generation
    try {
      next = await openBucket(buckets, dbName, name)
      await withOpen(next, (db) => db.transaction('rw', db.meta, db.records, () => writeContent(db, content)))
      // A fresh connection reads what really reached storage.
      await withOpen(next, (db) => checks.prove(db))
      if (from !== null)
        await withOpen(from, (db) =>
          db.transaction('r', db.meta, db.records, () => checks.assertUnchanged(db)),
        )
      moved = true
      await writePointer(dbName, name)
    } catch (error) {
      if (!moved) await buckets.delete(name).catch(() => undefined)
      throw error
    }
    // Only now is the old generation superfluous; a failure here is retried at the next start.
    if (from !== null) await removeGeneration(buckets, from).catch(() => undefined)
    return next
  })
}

/**
 * Start-up clean-up: deletes every generation bucket that is not the current one (left by an
 * interrupted switch), and an older install's database once a bucket has replaced it.
 * Returns how many were removed; never throws (the next start tries again).
 */
export async function removeOrphans(options: StorageOptions = {}): Promise<number> {
  const buckets = bucketsOf(options)
  if (buckets === null) return 0
  const dbName = baseName(options)
  try {
    return await exclusively(dbName, async () => {
      const current = await readPointer(dbName)
      let removed = 0
      for (const name of await buckets.keys()) {
        if (name.startsWith(bucketPrefix(dbName)) && name !== current) {
          await buckets.delete(name)
          removed += 1
        }
      }
      if (current !== null && (await legacyHoldsData(dbName))) {
        await Dexie.delete(dbName)
        removed += 1
      }
      return removed
    })
  } catch {
    return 0
  }
}

/** Every bucket of the origin (for erase). */
export async function allBuckets(options: StorageOptions = {}): Promise<string[] | null> {
  const buckets = bucketsOf(options)
  return buckets === null ? null : buckets.keys()
}
