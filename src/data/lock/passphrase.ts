/**
 * Setting, changing and removing the passphrase lock, and reading its state without any key.
 *
 * Every change is prepared completely in memory — derive, (re)wrap, prove the new wrap opens —
 * and then written in ONE IndexedDB transaction that first checks nobody changed the keyring
 * meanwhile. An interruption at any point therefore leaves the database opening with the old
 * secret or with the new one, never with neither (tests inject a failure at every step).
 */
import { SCHEMA_VERSION } from '@/schemas'
import {
  CryptoError,
  createDeviceKey,
  decryptRecord,
  encryptRecord,
  generateDataKey,
  passphraseKeyWrap,
  resealDataKey,
  sealDataKey,
  unwrapDataKey,
  type Bytes,
  type DataKey,
  type DeviceKeyWrap,
  type KeyWrap,
  randomHex,
} from '../crypto'
import { DB_NAME, RECORDS_TABLE, TrinDatabase, type EncryptedRow } from '../db'
import { KeyringError, LockError, MIN_PASSPHRASE_LENGTH, StorageError, toStorageError } from '../errors'
import { MAX_SECRET_LENGTH, secretBytes, secretLength } from '../kdf/secret'
import { KdfError, PRODUCTION_KDF_POLICY, newKdfHeader, type KdfHeader } from '../kdf/params'
import { chooseKdfMethod, deriveKey, type KdfOptions } from '../kdf/runner'
import {
  DEVICE_ID_BYTES,
  deviceIdSchema,
  parseKeyWrap,
  readAttemptState,
  readKeyWrap,
  sameWrap,
  toLockError,
  unlockWithDeviceKey,
  verifyPassphrase,
  type LockMethod,
  type PassphraseOptions,
} from '../keyring'
import { openVaultWithKey, type Vault } from '../repositories/records'
import { checkRecordSchema } from '../schemaInfo'
import { attemptGate } from './backoff'
import { assertValidPin, createPinKeeper, type PinKeeper } from './pin'

/** Options of every lock operation. */
export interface LockOptions extends PassphraseOptions {
  /** IndexedDB database name; tests use their own. */
  readonly dbName?: string
}

/** What the lock screen needs to know, readable without any key. */
export interface LockState {
  /** 'none' before the first open; 'device' is "no lock"; otherwise the passphrase's KDF. */
  readonly method: LockMethod
  /** Consecutive wrong passphrases. */
  readonly failures: number
  /** When the next passphrase try is allowed (epoch ms), or null for now. */
  readonly retryAt: number | null
}

async function withDatabase<T>(
  dbName: string | undefined,
  what: string,
  run: (db: TrinDatabase) => Promise<T>,
): Promise<T> {
  const db = new TrinDatabase(dbName ?? DB_NAME)
  try {
    await db.open()
    return await run(db)
  } catch (error) {
    throw toStorageError(error, what)
  } finally {
    db.close()
  }
}

/**
 * Checks a passphrase chosen as new: at least {@link MIN_PASSPHRASE_LENGTH} code points after
 * NFC, at most the derivation's limit. Strength advice is the UI's; this is only the floor.
 * @throws LockError 'passphrase-too-short' | 'passphrase-too-long'
 */
export function assertNewPassphrase(passphrase: string): void {
  if (secretLength(passphrase) < MIN_PASSPHRASE_LENGTH) {
    throw new LockError(
      'passphrase-too-short',
      `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`,
    )
  }
  if (passphrase.length > MAX_SECRET_LENGTH)
    throw new LockError('passphrase-too-long', 'The passphrase is too long')
}

/** Reads the lock method and the attempt delay from the plaintext `meta` rows. */
export async function readLockState(options: LockOptions = {}): Promise<LockState> {
  const now = options.now ?? Date.now
  return withDatabase(options.dbName, 'readLockState', async (db) => {
    const wrap = await readKeyWrap(db)
    const method: LockMethod = wrap?.method ?? 'none'
    const at = now()
    const gate = attemptGate(await readAttemptState(db), at)
    return { method, failures: gate.state.failures, retryAt: gate.wait > 0 ? at + gate.wait : null }
  })
}

/** How the data key is protected ('none' | 'device' | 'argon2id' | 'pbkdf2'), without any key. */
export async function lockMethod(options: LockOptions = {}): Promise<LockMethod> {
  return (await readLockState(options)).method
}

async function deriveWrappingKey(
  passphrase: string,
  options: KdfOptions | undefined,
): Promise<{ header: KdfHeader; key: CryptoKey }> {
  const header = newKdfHeader(await chooseKdfMethod(options), options?.policy ?? PRODUCTION_KDF_POLICY)
  const secret = secretBytes(passphrase)
  try {
    return { header, key: await deriveKey(secret, header, 'wrap', options) }
  } catch (error) {
    if (error instanceof KdfError) throw toLockError(error)
    throw error
  } finally {
    secret.fill(0)
  }
}

function concurrentChange(): LockError {
  return new LockError('concurrent-change', 'The lock was changed elsewhere meanwhile; nothing was written')
}

function bytesEqual(a: Bytes | undefined, b: Bytes | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.byteLength === b.byteLength &&
    a.every((byte, index) => byte === b[index])
  )
}

/** Inside a transaction: the stored wrap must still be `expected` (null: still no keyring). */
async function assertWrapUnchanged(db: TrinDatabase, expected: KeyWrap | null): Promise<void> {
  const row = await db.meta.get('keyring')
  if (
    expected === null ? row !== undefined : row === undefined || !sameWrap(parseKeyWrap(row.value), expected)
  )
    throw concurrentChange()
}

/** After the commit: the stored wrap must be what was written. */
async function assertWrapStored(db: TrinDatabase, written: KeyWrap): Promise<void> {
  const stored = await readKeyWrap(db)
  if (stored === null || stored.method !== written.method || !sameWrap(stored, written)) {
    throw new StorageError('read-back-mismatch', 'The new key wrap did not read back as written')
  }
}

/** What setPassphrase did. */
export interface SetPassphraseResult {
  /** The vault, opened under the (new) data key. Close it if not needed. */
  readonly vault: Vault
  /**
   * True when the data key was replaced and every record re-encrypted (always, unless some row
   * could not be decrypted). False: the existing data key was only re-wrapped — nothing is lost,
   * but a copy of the storage taken before the lock still opens the records: tell the user.
   */
  readonly rotated: boolean
}

/**
 * Sets a passphrase where there is none: on a new database it creates the keyring directly under
 * the passphrase (no device key is ever written); in "no lock" mode it ROTATES the data key —
 * a new data key, every record re-encrypted under it, the device key deleted — all in one
 * transaction. Rotating matters: someone who copied the storage while there was no lock holds
 * the old device key and data key, and must not be able to read what is written from now on.
 *
 * If any row cannot be decrypted, rotating would strand it under a deleted key (and a failure
 * may be passing, not permanent), so the existing data key is re-wrapped instead and nothing is
 * re-encrypted (`rotated: false`).
 *
 * A vault opened before (in any tab) is stale: its writes are refused with StorageError
 * 'key-changed'.
 * @throws LockError 'already-locked' | 'passphrase-too-short' | 'passphrase-too-long' |
 *   'concurrent-change' | 'kdf-…'; KeyringError; StorageError — nothing changed on failure.
 */
export async function setPassphrase(
  passphrase: string,
  options: LockOptions = {},
): Promise<SetPassphraseResult> {
  assertNewPassphrase(passphrase)
  const { dataKey, rotated } = await withDatabase(options.dbName, 'setPassphrase', async (db) => {
    const hasSchemaInfo = await checkRecordSchema(db)
    const [keyringRow, deviceKeyRow, deviceIdRow] = await db.meta.bulkGet([
      'keyring',
      'deviceKey',
      'deviceId',
    ])
    const before = keyringRow === undefined ? null : parseKeyWrap(keyringRow.value)
    if (before !== null && before.method !== 'device')
      throw new LockError('already-locked', 'A passphrase is already set')
    const oldKey = before === null ? null : await unlockWithDeviceKey(before, deviceKeyRow?.value)

    const rows = await db.records.toArray()
    if (oldKey === null && rows.length > 0) {
      throw new KeyringError(
        'keyring-missing',
        'Records exist but their key is missing; no new key was made so they are kept',
      )
    }
    const decrypted = oldKey === null ? { values: [], complete: true } : await decryptAll(rows, oldKey)
    const rotate = decrypted.complete

    const { header, key: wrappingKey } = await deriveWrappingKey(passphrase, options.kdf)
    let wrap: KeyWrap
    if (rotate) {
      const material = generateDataKey()
      try {
        wrap = passphraseKeyWrap(await sealDataKey(material, wrappingKey), header)
      } finally {
        material.raw.fill(0)
      }
    } else {
      // unlockWithDeviceKey accepted this row as a usable wrapping key.
      const deviceKey = deviceKeyRow?.value as CryptoKey
      wrap = passphraseKeyWrap(
        await resealDataKey(before as KeyWrap, { key: deviceKey }, { key: wrappingKey }),
        header,
      )
    }
    // Unwrapping proves the wrap opens before anything is written.
    const dataKey = await unwrapDataKey(wrap, wrappingKey)
    const rekeyed = rotate ? await reencrypt(decrypted.values, dataKey) : []
    const storedDeviceId = deviceIdSchema.safeParse(deviceIdRow?.value)
    const deviceId = storedDeviceId.success ? storedDeviceId.data : randomHex(DEVICE_ID_BYTES)
    const ivs = new Map(rows.map((row) => [row.id, row.iv]))

    await db.transaction('rw', db.meta, db.records, async () => {
      await assertWrapUnchanged(db, before)
      // Another tab may have saved meanwhile; its row would be lost (old key deleted) or overwritten.
      const current = await db.records.toArray()
      if (current.length !== rows.length || current.some((row) => !bytesEqual(row.iv, ivs.get(row.id))))
        throw concurrentChange()
      await db.records.bulkPut(rekeyed)
      await db.meta.bulkPut([
        { key: 'keyring', value: { format: 1, wrap } },
        { key: 'deviceId', value: deviceId },
      ])
      if (!hasSchemaInfo) await db.meta.put({ key: 'schema', value: { recordSchemaVersion: SCHEMA_VERSION } })
      await db.meta.bulkDelete(['deviceKey', 'lockAttempts'])
    })
    await assertWrapStored(db, wrap)
    return { dataKey, rotated: rotate && oldKey !== null }
  })
  return { vault: await openVaultWithKey(dataKey, { dbName: options.dbName }), rotated }
}

/** Decrypts every row; `complete` is false as soon as one does not open with `key`. */
async function decryptAll(
  rows: readonly EncryptedRow[],
  key: DataKey,
): Promise<{ values: { id: string; value: unknown }[]; complete: boolean }> {
  const values: { id: string; value: unknown }[] = []
  for (const row of rows) {
    try {
      const value = await decryptRecord({
        key: key.key,
        keyId: key.keyId,
        table: RECORDS_TABLE,
        id: row.id,
        schemaVersion: SCHEMA_VERSION,
        iv: row.iv,
        ct: row.ct,
      })
      values.push({ id: row.id, value })
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error
      return { values: [], complete: false }
    }
  }
  return { values, complete: true }
}

/**
 * Encrypts each decrypted value (as it was, not re-parsed: nothing is normalised away) under the
 * new key, and proves each new row decrypts to the same JSON before anything is written.
 */
async function reencrypt(
  values: readonly { id: string; value: unknown }[],
  key: DataKey,
): Promise<EncryptedRow[]> {
  const rows: EncryptedRow[] = []
  for (const { id, value } of values) {
    const address = { keyId: key.keyId, table: RECORDS_TABLE, id, schemaVersion: SCHEMA_VERSION }
    const sealed = await encryptRecord({ key: key.key, ...address, payload: value })
    const check = await decryptRecord({ key: key.key, ...address, ...sealed })
    if (JSON.stringify(check) !== JSON.stringify(value))
      throw new StorageError('read-back-mismatch', `Record ${id} did not re-encrypt faithfully`)
    rows.push({ id, ...sealed })
  }
  return rows
}

/**
 * Changes the passphrase: re-wraps the data key under a key derived from `next` (fresh salt,
 * current parameters — a PBKDF2 lock becomes Argon2id where WebAssembly now runs). Records are
 * not touched. The old passphrase is checked first, with the growing delay.
 * @throws LockError ('wrong-passphrase', 'too-soon', 'not-locked', 'passphrase-too-short', …);
 *   StorageError — on failure the old passphrase still opens the database.
 */
export async function changePassphrase(
  current: string,
  next: string,
  options: LockOptions = {},
): Promise<void> {
  assertNewPassphrase(next)
  await withDatabase(options.dbName, 'changePassphrase', async (db) => {
    const verified = await verifyPassphrase(db, current, options)
    const { header, key } = await deriveWrappingKey(next, options.kdf)
    const wrap = passphraseKeyWrap(
      await resealDataKey(verified.wrap, { key: verified.wrappingKey }, { key }),
      header,
    )
    await unwrapDataKey(wrap, key)
    await db.transaction('rw', db.meta, async () => {
      await assertWrapUnchanged(db, verified.wrap)
      await db.meta.put({ key: 'keyring', value: { format: 1, wrap } })
      await db.meta.delete('lockAttempts')
    })
    await assertWrapStored(db, wrap)
  })
}

/**
 * Removes the lock ("no lock" mode): the data key is re-wrapped under a new non-extractable
 * device key. This stops casual reading only, not someone who copies the storage.
 * @throws LockError ('wrong-passphrase', 'too-soon', 'not-locked', …); StorageError
 */
export async function removePassphrase(passphrase: string, options: LockOptions = {}): Promise<void> {
  await withDatabase(options.dbName, 'removePassphrase', async (db) => {
    const verified = await verifyPassphrase(db, passphrase, options)
    const deviceKey = await createDeviceKey()
    const sealed = await resealDataKey(verified.wrap, { key: verified.wrappingKey }, { key: deviceKey })
    const wrap: DeviceKeyWrap = { format: 1, method: 'device', ...sealed }
    await unwrapDataKey(wrap, deviceKey)
    await db.transaction('rw', db.meta, async () => {
      await assertWrapUnchanged(db, verified.wrap)
      await db.meta.bulkPut([
        { key: 'deviceKey', value: deviceKey },
        { key: 'keyring', value: { format: 1, wrap } },
      ])
      await db.meta.delete('lockAttempts')
    })
    await assertWrapStored(db, wrap)
  })
}

/**
 * Seals the data key under `pin` in memory, after checking `passphrase` (with the growing delay).
 * Nothing is written but the attempt counter on a wrong passphrase.
 * @throws LockError 'invalid-pin' | 'wrong-passphrase' | 'too-soon' | 'not-locked' | …
 */
export async function createPin(
  pin: string,
  passphrase: string,
  options: LockOptions = {},
): Promise<PinKeeper> {
  assertValidPin(pin)
  return withDatabase(options.dbName, 'createPin', async (db) => {
    const verified = await verifyPassphrase(db, passphrase, options)
    return createPinKeeper(verified, pin)
  })
}
