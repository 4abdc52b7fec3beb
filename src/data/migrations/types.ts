import type { Transaction } from 'dexie'

/**
 * One step of the IndexedDB schema. Migrations are append-only: a shipped migration is never
 * edited, renumbered or removed; a change is a new file with the next number.
 */
export interface Migration {
  /** Dexie version number: contiguous from 1, equal to the number in the file name. */
  readonly version: number
  /** Short description, the file name without its number. */
  readonly name: string
  /**
   * Dexie stores for this version. Only tables that change need to be listed; `null` deletes a
   * table. Index nothing from a record's content: the records table must stay `{id, iv, ct}`.
   */
  readonly stores: Readonly<Record<string, string | null>>
  /**
   * Structural data move inside the upgrade transaction. It cannot decrypt (the data key may be
   * locked, and WebCrypto calls would let the transaction commit): record-content migrations run
   * after unlock in the repository, keyed by the record schema version stored in `meta`.
   */
  readonly upgrade?: (tx: Transaction) => Promise<void> | void
}

/**
 * A record-content step: turns a decrypted payload of record schema version `from` into version
 * `from + 1` (plain JSON in, plain JSON out; the current schema parses the result).
 */
export interface RecordStep {
  /** The version this step upgrades from. */
  readonly from: number
  readonly upgrade: (payload: unknown) => unknown
}
