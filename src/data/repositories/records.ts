/**
 * The records repository: the one place where records are written and read.
 *
 * Write: zod-parse → refuse to overwrite an unreadable row → encrypt (fresh IV each) → one
 * IndexedDB transaction → read back, decrypt, parse and compare → resolve with the parsed record.
 * Read: decrypt → zod-parse, in batches (`../batches.ts`) so a big plan never blocks the page for
 * long; a row that fails either is reported in `unreadable` (never dropped silently, never deleted).
 */
import type { Hlc } from '@/domain/clock'
import type { RecordOf, TrinRecord, TrinRecordInput } from '@/schemas'
import { SCHEMA_VERSION } from '@/schemas/version'
import { safeParseStoredRecord } from '@/schemas/storedRecord'
import type { z } from '@/schemas/zod'
import { CryptoError, decryptRecord, encryptRecord, type DataKey } from '../crypto'
import { RECORDS_TABLE, type EncryptedRow, type TrinDatabase } from '../db'
import {
  currentGeneration,
  databaseOf,
  removeOrphans,
  type Generation,
  type StorageOptions,
} from '../generations'
import { KeyringError, RecordValidationError, StorageError, toStorageError } from '../errors'
import { attachKeyring, openKeyring, type OpenedKeyring, type OpenKeyringOptions } from '../keyring'
import type { PinKeeper } from '../lock/pin'
import { checkRecordSchema, storeRecordSchemaVersion, storedRecordSchema } from '../schemaInfo'
import type * as RecordUpgrade from '../recordUpgrade'
import { canonicalJson } from '../canonicalJson'
import { pipeInBatches } from '../batches'
import type { RecordStep } from '../migrations/records'

/** A stored row that could not be decrypted or did not parse. It stays in the database. */
export interface UnreadableRecord {
  readonly id: string
  readonly error: CryptoError | RecordValidationError
}

export interface LoadResult {
  /** Every readable record, tombstones included (merges need them). */
  readonly records: TrinRecord[]
  readonly unreadable: UnreadableRecord[]
}

/** The opened, decrypted-on-demand store of records. Hold it only while unlocked. */
export interface Vault {
  /** This device's id (16 lowercase hex digits), for the hybrid logical clock. */
  readonly deviceId: string
  /** Id of the data key in use. */
  readonly keyId: string
  /** True once {@link Vault.close} ran; every further call fails with StorageError 'unavailable'. */
  readonly closed: boolean
  /** Decrypts and parses every row. */
  loadAll(): Promise<LoadResult>
  /** Validates, encrypts, writes and reads back one record; resolves with the stored record. */
  put<I extends TrinRecordInput>(record: I): Promise<RecordOf<I['kind']>>
  /** Like {@link Vault.put} for several records in one transaction: all are written or none. */
  putMany(records: readonly TrinRecordInput[]): Promise<TrinRecord[]>
  /** Marks a record deleted (a tombstone, so merges never bring it back) via {@link Vault.put}. */
  remove(id: string, updatedAt: Hlc): Promise<TrinRecord>
  /**
   * Writes `records` as the whole content of the records table in ONE transaction (a restore):
   * validated, encrypted, written, read back. With `replace: false` it refuses if any row exists.
   * @throws StorageError 'not-empty' (rows exist and `replace` is false), RecordValidationError,
   *   or any other StorageError — on every failure nothing is changed.
   */
  restoreAll(records: readonly TrinRecordInput[], options: RestoreAllOptions): Promise<TrinRecord[]>
  /** Drops the data key and closes the database connection. */
  close(): void
}

export interface OpenVaultOptions extends OpenKeyringOptions, StorageOptions {
  /** For tests: record-content steps instead of `recordSteps` (src/data/migrations/records.ts). */
  readonly recordSteps?: readonly RecordStep[]
}

/** How {@link Vault.restoreAll} treats records already stored. */
export interface RestoreAllOptions {
  /**
   * False (default): refuse unless the records table is empty. True: the caller has confirmed
   * that every stored row is to be replaced by `records`.
   */
  readonly replace: boolean
}

type RowResult =
  | { readonly ok: true; readonly record: TrinRecord }
  | { readonly ok: false; readonly unreadable: UnreadableRecord }

/** A row decrypted (its JSON, not yet checked), or why it could not be. */
type DecryptedRow =
  | { readonly ok: true; readonly id: string; readonly plain: unknown }
  | { readonly ok: false; readonly unreadable: UnreadableRecord }

function toValidationError(
  issues: readonly z.core.$ZodIssue[],
  recordId: string | undefined,
): RecordValidationError {
  return new RecordValidationError('invalid-record', `Record ${recordId ?? '(without id)'} is not valid`, {
    recordId,
    issues: issues.map((issue) => ({ path: issue.path, message: issue.message })),
  })
}

function idOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined
  const { id } = input as { id?: unknown }
  return typeof id === 'string' ? id : undefined
}

/**
 * Opens the database and its keyring: with the device key ("no lock", creating both on first
 * use), or with `passphrase` when the data key is passphrase-wrapped.
 * @throws KeyringError ('passphrase-required' → show the lock screen), LockError (wrong
 *   passphrase, too soon, …), StorageError — never deletes or rewrites anything on failure
 *   (a wrong passphrase only counts in `lockAttempts`).
 */
export async function openVault(options: OpenVaultOptions = {}): Promise<Vault> {
  return (await openVaultAndPin(options)).vault
}

/** What a passphrase unlock gives: the vault, and the in-memory PIN copy if a PIN was given. */
export interface UnlockedVault {
  readonly vault: Vault
  readonly pin: PinKeeper | null
  /** The passphrase's wrapping key when a passphrase opened it (see `OpenedKeyring`); else null. */
  readonly wrappingKey: CryptoKey | null
}

/**
 * Like {@link openVault}, and when `options.pin` is given with a passphrase, also seals the data
 * key under that PIN in memory (one passphrase derivation for both).
 */
export async function openVaultAndPin(options: OpenVaultOptions = {}): Promise<UnlockedVault> {
  // Left by an interrupted protection change: removed before anything opens.
  await removeOrphans(options)
  let db: TrinDatabase | null = null
  let opened: OpenedKeyring
  try {
    let generation = (await currentGeneration(options, { create: true })) as Generation
    db = databaseOf(generation)
    await db.open()
    const stored = await storedRecordSchema(db)
    // Records of an older version: the upgrade's code (and its steps) loads only then, so the
    // first screen does not carry it (README, Speed). No step from there: refused before the KDF.
    let upgrade: typeof RecordUpgrade | null = null
    if (stored !== null && stored < SCHEMA_VERSION) {
      upgrade = await import('../recordUpgrade')
      upgrade.stepsBetween(stored, SCHEMA_VERSION, options.recordSteps)
    }
    opened = await openKeyring(db, options)
    // Written only once the keyring is known to be good, so a failed open writes nothing.
    if (stored === null) await storeRecordSchemaVersion(db)
    else if (upgrade !== null) {
      const upgraded = await upgrade.upgradeStoredRecords(generation, db, opened.dataKey, stored, {
        ...options,
        steps: options.recordSteps,
      })
      generation = upgraded.generation
      db = databaseOf(generation)
      await db.open()
    }
  } catch (error) {
    db?.close()
    throw toStorageError(error, 'openVault')
  }
  return {
    vault: createVault(db, opened.dataKey, opened.deviceId),
    pin: opened.pin,
    wrappingKey: opened.wrappingKey,
  }
}

/**
 * Opens the database with a data key already in memory (the PIN re-open). Creates nothing: the
 * database must have a keyring whose key id is this key's.
 * @throws KeyringError 'keyring-missing' | 'key-mismatch'; StorageError
 */
export async function openVaultWithKey(dataKey: DataKey, options: StorageOptions = {}): Promise<Vault> {
  let db: TrinDatabase | null = null
  let deviceId: string
  try {
    const generation = await currentGeneration(options, { create: false })
    if (generation === null) throw new KeyringError('keyring-missing', 'Nothing is stored yet')
    db = databaseOf(generation)
    await db.open()
    if (!(await checkRecordSchema(db)))
      throw new KeyringError('keyring-missing', 'This database has no records schema yet')
    ;({ deviceId } = await attachKeyring(db, dataKey))
  } catch (error) {
    db?.close()
    throw toStorageError(error, 'openVaultWithKey')
  }
  return createVault(db, dataKey, deviceId)
}

function createVault(db: TrinDatabase, openedKey: DataKey, deviceId: string): Vault {
  let dataKey: DataKey | null = openedKey
  const { keyId } = openedKey

  function requireKey(): DataKey {
    if (dataKey === null) throw new StorageError('unavailable', 'The vault is closed')
    return dataKey
  }

  /** A row's first stage: decrypt (WebCrypto, off the main thread) and its JSON. */
  async function decryptRow(row: EncryptedRow): Promise<DecryptedRow> {
    const key = requireKey()
    const { id } = row
    try {
      const plain = await decryptRecord({
        key: key.key,
        keyId,
        table: RECORDS_TABLE,
        id,
        schemaVersion: SCHEMA_VERSION,
        iv: row.iv,
        ct: row.ct,
      })
      return { ok: true, id, plain }
    } catch (error) {
      if (error instanceof CryptoError) return { ok: false, unreadable: { id, error } }
      throw error
    }
  }

  /** A row's second stage: the record's schema, and the id it must carry. */
  async function checkRow(decrypted: DecryptedRow): Promise<RowResult> {
    if (!decrypted.ok) return decrypted
    const { id, plain } = decrypted
    const parsed = await safeParseStoredRecord(plain)
    if (!parsed.success)
      return { ok: false, unreadable: { id, error: toValidationError(parsed.error.issues, id) } }
    if (parsed.data.id !== id) {
      const error = new RecordValidationError('id-mismatch', `Row ${id} holds record ${parsed.data.id}`, {
        recordId: id,
      })
      return { ok: false, unreadable: { id, error } }
    }
    return { ok: true, record: parsed.data }
  }

  async function readRow(row: EncryptedRow): Promise<RowResult> {
    return checkRow(await decryptRow(row))
  }

  async function loadAll(): Promise<LoadResult> {
    requireKey()
    let rows: EncryptedRow[]
    try {
      rows = await db.records.toArray()
    } catch (error) {
      throw toStorageError(error, 'loadAll')
    }
    // In batches with a turn for the event loop between them: 2,000 rows at once were one task
    // of seconds on a slow phone (issue #11). The next batch decrypts while this one is checked,
    // so the main thread does not wait for WebCrypto between batches. Each row's failure is its
    // own result, as before.
    const results = await pipeInBatches(rows, decryptRow, checkRow)
    const records: TrinRecord[] = []
    const unreadable: UnreadableRecord[] = []
    for (const result of results) {
      if (result.ok) records.push(result.record)
      else unreadable.push(result.unreadable)
    }
    return { records, unreadable }
  }

  function encryptAll(key: DataKey, records: readonly TrinRecord[]): Promise<EncryptedRow[]> {
    return Promise.all(
      records.map(async (record) => ({
        id: record.id,
        ...(await encryptRecord({
          key: key.key,
          keyId,
          table: RECORDS_TABLE,
          id: record.id,
          schemaVersion: SCHEMA_VERSION,
          payload: record,
        })),
      })),
    )
  }

  /**
   * Inside a write transaction: refuses to write if the stored keyring no longer holds this
   * vault's key (a passphrase was set in another tab, which rotates the data key). Writing
   * with the old key would make the record unreadable once that key is gone.
   */
  async function assertKeyUnchanged(): Promise<void> {
    const stored = (await db.meta.get('keyring'))?.value as { wrap?: { keyId?: unknown } } | undefined
    if (stored?.wrap?.keyId !== keyId) {
      throw new StorageError('key-changed', 'The data key changed since this vault was opened; reopen it')
    }
  }

  /** Reads `records` back from storage and checks each decrypts and equals what was written. */
  async function readBack(records: readonly TrinRecord[]): Promise<void> {
    const stored = await db.records.bulkGet(records.map((record) => record.id))
    for (const [index, record] of records.entries()) {
      const row = stored[index]
      const result = row === undefined ? undefined : await readRow(row)
      if (!result?.ok || canonicalJson(result.record) !== canonicalJson(record)) {
        throw new StorageError('read-back-mismatch', `Record ${record.id} did not read back as it was saved`)
      }
    }
  }

  async function restoreAll(
    inputs: readonly TrinRecordInput[],
    options: RestoreAllOptions,
  ): Promise<TrinRecord[]> {
    const key = requireKey()
    const records = await validate(inputs)
    try {
      const rows = await encryptAll(key, records)
      await db.transaction('rw', db.records, db.meta, async () => {
        await assertKeyUnchanged()
        if (!options.replace && (await db.records.count()) > 0) {
          throw new StorageError('not-empty', 'Records exist; replacing them was not confirmed')
        }
        if (options.replace) await db.records.clear()
        await db.records.bulkAdd(rows)
      })
      await readBack(records)
      return records
    } catch (error) {
      throw toStorageError(error, 'restore')
    }
  }

  async function validate(inputs: readonly TrinRecordInput[]): Promise<TrinRecord[]> {
    const seen = new Set<string>()
    // Each kind the first screen has no schema for loads the whole record union once (storedRecord.ts).
    const results = await Promise.all(inputs.map((input) => safeParseStoredRecord(input)))
    return results.map((parsed, index) => {
      if (!parsed.success) throw toValidationError(parsed.error.issues, idOf(inputs[index]))
      if (seen.has(parsed.data.id)) {
        throw new RecordValidationError(
          'duplicate-id',
          `Record ${parsed.data.id} appears twice in one save`,
          { recordId: parsed.data.id },
        )
      }
      seen.add(parsed.data.id)
      return parsed.data
    })
  }

  async function putMany(inputs: readonly TrinRecordInput[]): Promise<TrinRecord[]> {
    const key = requireKey()
    const records = await validate(inputs)
    if (records.length === 0) return []
    const ids = records.map((record) => record.id)
    try {
      // A row we cannot read may be the only copy of something (another key, a damaged write):
      // replacing it would lose it for good, so the save is refused instead.
      const existing = await db.records.bulkGet(ids)
      for (const row of existing) {
        if (row === undefined) continue
        const result = await readRow(row)
        if (!result.ok) {
          throw new StorageError(
            'would-overwrite-unreadable',
            `Record ${row.id} is unreadable and is left untouched`,
            {
              cause: result.unreadable.error,
            },
          )
        }
      }

      // Encrypt before the transaction: awaiting WebCrypto inside it would let it commit early.
      const rows = await encryptAll(key, records)
      await db.transaction('rw', db.records, db.meta, async () => {
        await assertKeyUnchanged()
        await db.records.bulkPut(rows)
      })
      await readBack(records)
      return records
    } catch (error) {
      throw toStorageError(error, 'save')
    }
  }

  async function put<I extends TrinRecordInput>(input: I): Promise<RecordOf<I['kind']>> {
    const [record] = await putMany([input])
    if (record === undefined) throw new StorageError('failed', 'save returned nothing')
    // putMany parsed the input with the union schema, which keeps its kind.
    return record as RecordOf<I['kind']>
  }

  async function remove(id: string, updatedAt: Hlc): Promise<TrinRecord> {
    requireKey()
    let row: EncryptedRow | undefined
    try {
      row = await db.records.get(id)
    } catch (error) {
      throw toStorageError(error, 'remove')
    }
    if (row === undefined) throw new StorageError('not-found', `No record ${id}`)
    const result = await readRow(row)
    if (!result.ok) {
      throw new StorageError(
        'would-overwrite-unreadable',
        `Record ${id} is unreadable and is left untouched`,
        { cause: result.unreadable.error },
      )
    }
    return put({ ...result.record, deleted: true, updatedAt })
  }

  return {
    deviceId,
    keyId,
    get closed() {
      return dataKey === null
    },
    loadAll,
    put,
    putMany,
    remove,
    restoreAll,
    close() {
      dataKey = null
      db.close()
    },
  }
}
