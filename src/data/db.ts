import Dexie, { type Table } from 'dexie'
import type { Bytes } from './crypto'
import { migrations, type Migration } from './migrations'

/** The one IndexedDB database of the app. Tests pass their own name. */
export const DB_NAME = 'trin'

/** Name of the encrypted table; bound into every record's AAD. */
export const RECORDS_TABLE = 'records'

/** A row of the `records` table. Nothing but the random id is in clear. */
export interface EncryptedRow {
  readonly id: string
  readonly iv: Bytes
  readonly ct: Bytes
}

/**
 * Keys of the `meta` table. Values are small and hold no plan content. `lockAttempts` is the
 * wrong-passphrase counter and its `notBefore` time (plaintext, so the delay survives a reload).
 */
export type MetaKey = 'deviceKey' | 'keyring' | 'deviceId' | 'schema' | 'lockAttempts'

export interface MetaRow {
  readonly key: MetaKey
  readonly value: unknown
}

/** An IndexedDB implementation Dexie can be opened on (a Storage Bucket's, or a test's). */
export interface IdbFactory {
  readonly indexedDB: IDBFactory
  readonly IDBKeyRange: typeof IDBKeyRange
}

export class TrinDatabase extends Dexie {
  declare readonly records: Table<EncryptedRow, string>
  declare readonly meta: Table<MetaRow, MetaKey>

  /**
   * @param factory where the database lives: a Storage Bucket's `indexedDB` (see
   *   `generations.ts`); the page's own IndexedDB when omitted.
   */
  constructor(name: string = DB_NAME, factory?: IdbFactory) {
    // 'strict' makes Chrome flush to disk before a write transaction reports complete.
    super(name, { chromeTransactionDurability: 'strict', autoOpen: false, ...factory })
    applyMigrations(this, migrations)
  }
}

/** Declares every migration as a Dexie version, in order. */
export function applyMigrations(db: Dexie, list: readonly Migration[]): void {
  for (const migration of list) {
    const version = db.version(migration.version).stores({ ...migration.stores })
    if (migration.upgrade) version.upgrade(migration.upgrade)
  }
}

/** Deletes a whole database. For tests and an explicit, confirmed "erase this device" only. */
export async function deleteDatabase(name: string = DB_NAME): Promise<void> {
  await Dexie.delete(name)
}
