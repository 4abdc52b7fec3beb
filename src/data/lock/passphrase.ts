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
  kdfHeaderOf,
  passphraseKeyWrap,
  resealDataKey,
  sealDataKey,
  unwrapDataKey,
  type Bytes,
  type DataKey,
  type KeyWrap,
  type SealedDataKey,
  randomHex,
} from '../crypto'
import { RECORDS_TABLE, type EncryptedRow, type TrinDatabase } from '../db'
import { switchGeneration, type Generation, type StorageOptions } from '../generations'
import { KeyringError, LockError, MIN_PASSPHRASE_LENGTH, StorageError, toStorageError } from '../errors'
import { MAX_SECRET_LENGTH, secretBytes, secretLength } from '../kdf/secret'
import { KdfError, PRODUCTION_KDF_POLICY, newKdfHeader, type KdfHeader } from '../kdf/params'
import { chooseKdfMethod, deriveKey, type KdfOptions } from '../kdf/runner'
import {
  DEVICE_ID_BYTES,
  deviceIdSchema,
  parseKeyWrap,
  readKeyWrap,
  sameWrap,
  toLockError,
  unlockWithDeviceKey,
  verifyPassphrase,
} from '../keyring'
import { openVaultWithKey, type Vault } from '../repositories/records'
import { checkRecordSchema } from '../schemaInfo'
import { withCurrent, type LockOptions } from './lockState'
import { assertValidPin, createPinKeeper, type PinKeeper } from './pin'

// Reading the lock's state is its own module, for the first screen: this one is loaded when a
// passphrase is set, changed or removed, a PIN made or a backup restored.
export { lockMethod, readLockState, type LockOptions, type LockState } from './lockState'

async function withDatabase<T>(
  options: StorageOptions,
  what: string,
  run: (db: TrinDatabase, generation: Generation) => Promise<T>,
): Promise<T> {
  return withCurrent(options, what, (db, generation) => {
    if (db === null || generation === null) throw new LockError('not-locked', 'No passphrase is set')
    return run(db, generation)
  })
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

/** What a protection change did. */
export interface SetPassphraseResult {
  /** The vault, opened under the (new) data key. Close it if not needed. */
  readonly vault: Vault
  /**
   * True when the data key was replaced and every record re-encrypted (always, unless some row
   * could not be decrypted). False: the existing data key was only re-wrapped — nothing is lost,
   * but a copy of the storage taken before still opens the records: tell the user.
   */
  readonly rotated: boolean
  /**
   * The key the passphrase derived (non-extractable) when the new generation is under a
   * passphrase, else null: the session may keep it to renew the data key later (`renewDataKey`)
   * without asking again. Drop it with the vault.
   */
  readonly wrappingKey: CryptoKey | null
}

/** What a protection change starts from, read before anything is derived or written. */
interface Current {
  readonly generation: Generation | null
  readonly before: KeyWrap | null
  readonly rows: readonly EncryptedRow[]
  readonly deviceId: string
  readonly oldKey: DataKey | null
  /** Moves the old data key under a new wrapping key (the raw key never reaches JavaScript). */
  readonly reseal: ((to: CryptoKey) => Promise<SealedDataKey>) | null
}

/** How the new generation's data key is wrapped. */
export type NewProtection =
  | { readonly method: 'passphrase'; readonly header: KdfHeader; readonly key: CryptoKey }
  | { readonly method: 'device'; readonly key: CryptoKey }

/** Derives (or creates) the wrapping key of a new protection. */
export async function newProtection(
  target: { readonly passphrase: string } | 'device',
  kdf: KdfOptions | undefined,
): Promise<NewProtection> {
  if (target === 'device') return { method: 'device', key: await createDeviceKey() }
  assertNewPassphrase(target.passphrase)
  const { header, key } = await deriveWrappingKey(target.passphrase, kdf)
  return { method: 'passphrase', header, key }
}

async function readCurrent(
  db: TrinDatabase | null,
): Promise<{ before: KeyWrap | null; rows: EncryptedRow[]; deviceKey: unknown; deviceId: string }> {
  if (db === null)
    return { before: null, rows: [], deviceKey: undefined, deviceId: randomHex(DEVICE_ID_BYTES) }
  await checkRecordSchema(db)
  const [keyringRow, deviceKeyRow, deviceIdRow] = await db.meta.bulkGet(['keyring', 'deviceKey', 'deviceId'])
  const storedDeviceId = deviceIdSchema.safeParse(deviceIdRow?.value)
  return {
    before: keyringRow === undefined ? null : parseKeyWrap(keyringRow.value),
    rows: await db.records.toArray(),
    deviceKey: deviceKeyRow?.value,
    deviceId: storedDeviceId.success ? storedDeviceId.data : randomHex(DEVICE_ID_BYTES),
  }
}

function rowsEqual(a: readonly EncryptedRow[], b: readonly EncryptedRow[]): boolean {
  const byId = new Map(b.map((row) => [row.id, row]))
  return (
    a.length === b.length &&
    a.every((row) => {
      const other = byId.get(row.id)
      return other !== undefined && bytesEqual(row.iv, other.iv) && bytesEqual(row.ct, other.ct)
    })
  )
}

/**
 * Writes a new generation under `protection`: a fresh data key with every record re-encrypted
 * (`values`: the records to hold instead, for a restore). If some stored row cannot be
 * decrypted, rotating would strand it under a deleted key, so the old data key is re-wrapped and
 * the rows are copied as they are (`rotated: false`).
 */
async function moveTo(
  options: LockOptions,
  current: Current,
  protection: NewProtection,
  values: readonly { id: string; value: unknown }[] | null,
): Promise<{ dataKey: DataKey; rotated: boolean }> {
  if (values === null && current.oldKey === null && current.rows.length > 0) {
    throw new KeyringError(
      'keyring-missing',
      'Records exist but their key is missing; no new key was made so they are kept',
    )
  }
  const decrypted =
    values !== null
      ? { values, complete: true }
      : current.oldKey === null
        ? { values: [], complete: true }
        : await decryptAll(current.rows, current.oldKey)
  const rotate = decrypted.complete || current.reseal === null
  let sealed: SealedDataKey
  if (rotate) {
    const material = generateDataKey()
    try {
      sealed = await sealDataKey(material, protection.key)
    } finally {
      material.raw.fill(0)
    }
  } else {
    sealed = await current.reseal(protection.key)
  }
  const wrap: KeyWrap =
    protection.method === 'device'
      ? { format: 1, method: 'device', ...sealed }
      : passphraseKeyWrap(sealed, protection.header)
  // Unwrapping proves the wrap opens before anything is written.
  const dataKey = await unwrapDataKey(wrap, protection.key)
  const rows = rotate ? await reencrypt(decrypted.values, dataKey) : current.rows
  await switchGeneration(
    options,
    current.generation,
    {
      wrap,
      deviceKey: protection.method === 'device' ? protection.key : null,
      deviceId: current.deviceId,
      rows,
    },
    {
      async assertUnchanged(db) {
        await assertWrapUnchanged(db, current.before)
        // Another tab may have saved meanwhile; its row would be lost with the old generation.
        if (!rowsEqual(await db.records.toArray(), current.rows)) throw concurrentChange()
      },
      async prove(db) {
        await assertWrapStored(db, wrap)
        await unwrapDataKey((await readKeyWrap(db)) as KeyWrap, protection.key)
        if (!rowsEqual(await db.records.toArray(), rows))
          throw new StorageError(
            'read-back-mismatch',
            'The re-encrypted records did not read back as written',
          )
      },
    },
  )
  return { dataKey, rotated: rotate && (current.oldKey !== null || values !== null) }
}

async function finish(
  options: LockOptions,
  what: string,
  current: Current,
  protection: NewProtection | (() => Promise<NewProtection>),
  values: readonly { id: string; value: unknown }[] | null = null,
): Promise<SetPassphraseResult> {
  let moved: { dataKey: DataKey; rotated: boolean }
  let chosen: NewProtection
  try {
    chosen = typeof protection === 'function' ? await protection() : protection
    moved = await moveTo(options, current, chosen, values)
  } catch (error) {
    throw toStorageError(error, what)
  }
  return {
    vault: await openVaultWithKey(moved.dataKey, options),
    rotated: moved.rotated,
    wrappingKey: chosen.method === 'passphrase' ? chosen.key : null,
  }
}

/**
 * Sets a passphrase where there is none: on a new install the first generation is created
 * directly under the passphrase (no device key is ever written); in "no lock" mode the data key
 * is ROTATED into a new generation — new data key, every record re-encrypted, the old
 * generation (with the device key) removed. Rotating matters: someone who copied the storage
 * while there was no lock holds the old device key and data key.
 *
 * A vault opened before (in any tab) is stale: its writes are refused.
 * @throws LockError 'already-locked' | 'passphrase-too-short' | 'passphrase-too-long' |
 *   'concurrent-change' | 'kdf-…'; KeyringError; StorageError — the old secret still opens.
 */
export async function setPassphrase(
  passphrase: string,
  options: LockOptions = {},
): Promise<SetPassphraseResult> {
  assertNewPassphrase(passphrase)
  const current = await withCurrent(options, 'setPassphrase', async (db, generation): Promise<Current> => {
    const read = await readCurrent(db)
    const { before } = read
    if (before !== null && before.method !== 'device')
      throw new LockError('already-locked', 'A passphrase is already set')
    const oldKey = before === null ? null : await unlockWithDeviceKey(before, read.deviceKey)
    // unlockWithDeviceKey accepted the stored device key as a usable wrapping key.
    const deviceKey = read.deviceKey as CryptoKey
    return {
      generation,
      before,
      rows: read.rows,
      deviceId: read.deviceId,
      oldKey,
      reseal: before === null ? null : (to) => resealDataKey(before, { key: deviceKey }, { key: to }),
    }
  })
  return finish(options, 'setPassphrase', current, () => newProtection({ passphrase }, options.kdf))
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

/** Reads the current generation after checking `passphrase` (with the growing delay). */
async function verifiedCurrent(passphrase: string, options: LockOptions, what: string): Promise<Current> {
  return withDatabase(options, what, async (db, generation) => {
    const verified = await verifyPassphrase(db, passphrase, options)
    const read = await readCurrent(db)
    return {
      generation,
      before: verified.wrap,
      rows: read.rows,
      deviceId: read.deviceId,
      oldKey: verified.dataKey,
      reseal: (to) => resealDataKey(verified.wrap, { key: verified.wrappingKey }, { key: to }),
    }
  })
}

/**
 * Changes the passphrase: a new generation under a key derived from `next` (fresh salt, current
 * parameters — a PBKDF2 lock becomes Argon2id where WebAssembly now runs) with a NEW data key
 * and every record re-encrypted, so the old passphrase opens nothing written from now on, and
 * the old generation is removed. The old passphrase is checked first, with the growing delay.
 * @throws LockError ('wrong-passphrase', 'too-soon', 'not-locked', 'passphrase-too-short', …);
 *   StorageError — on failure the old passphrase still opens the database.
 */
export async function changePassphrase(
  current: string,
  next: string,
  options: LockOptions = {},
): Promise<SetPassphraseResult> {
  assertNewPassphrase(next)
  const state = await verifiedCurrent(current, options, 'changePassphrase')
  return finish(options, 'changePassphrase', state, () => newProtection({ passphrase: next }, options.kdf))
}

/**
 * Removes the lock ("no lock" mode): a new generation with a new data key under a new
 * non-extractable device key. This stops casual reading only, not someone who copies the storage.
 * @throws LockError ('wrong-passphrase', 'too-soon', 'not-locked', …); StorageError
 */
export async function removePassphrase(
  passphrase: string,
  options: LockOptions = {},
): Promise<SetPassphraseResult> {
  const state = await verifiedCurrent(passphrase, options, 'removePassphrase')
  return finish(options, 'removePassphrase', state, () => newProtection('device', options.kdf))
}

/**
 * Renews the data key under the SAME protection: a new generation (a new Storage Bucket) with a
 * fresh data key and every record re-encrypted, the old generation removed — so ciphertext the
 * old generation left behind (an erased citizen's plan on a worker's phone, issue #15 item 6)
 * opens with nothing any more. Under a passphrase, `wrappingKey` is the key the passphrase
 * derived at this session's unlock (`UnlockedVault.wrappingKey`): it wraps the new data key with
 * the stored derivation header (same salt and parameters), so neither the passphrase nor a
 * second derivation is needed. In "no lock" mode a new device key wraps it (`wrappingKey` is
 * not used). With `pin`, the new data key is also sealed under that PIN in memory (a PIN copy
 * made before holds the old key). `rotated: false` as for the other changes (a row that does
 * not decrypt keeps the old data key, re-wrapped).
 * @throws KeyringError 'passphrase-required' (a passphrase is set and no `wrappingKey` given);
 *   LockError 'not-locked' (nothing stored) | 'concurrent-change' (the key no longer opens the
 *   stored wrap: the lock was changed elsewhere); StorageError — the old generation still opens.
 */
export async function renewDataKey(
  wrappingKey: CryptoKey | null,
  options: LockOptions = {},
  extra: { readonly pin?: string } = {},
): Promise<SetPassphraseResult & { readonly pin: PinKeeper | null }> {
  const state = await withDatabase(options, 'renewDataKey', async (db, generation) => {
    const read = await readCurrent(db)
    const wrap = read.before
    if (wrap === null) throw new LockError('not-locked', 'Nothing is stored yet')
    const base = { generation, before: wrap, rows: read.rows, deviceId: read.deviceId }
    if (wrap.method === 'device') {
      const oldKey = await unlockWithDeviceKey(wrap, read.deviceKey)
      // unlockWithDeviceKey accepted the stored device key as a usable wrapping key.
      const deviceKey = read.deviceKey as CryptoKey
      const current: Current = {
        ...base,
        oldKey,
        reseal: (to) => resealDataKey(wrap, { key: deviceKey }, { key: to }),
      }
      return { current, protection: () => newProtection('device', options.kdf) }
    }
    if (wrappingKey === null)
      throw new KeyringError('passphrase-required', "The passphrase's key is needed to renew the data key")
    let oldKey: DataKey
    try {
      oldKey = await unwrapDataKey(wrap, wrappingKey)
    } catch (error) {
      if (error instanceof CryptoError) throw concurrentChange()
      throw error
    }
    const current: Current = {
      ...base,
      oldKey,
      reseal: (to) => resealDataKey(wrap, { key: wrappingKey }, { key: to }),
    }
    const protection: NewProtection = { method: 'passphrase', header: kdfHeaderOf(wrap), key: wrappingKey }
    return { current, protection }
  })
  const result = await finish(options, 'renewDataKey', state.current, state.protection)
  if (extra.pin === undefined || wrappingKey === null || typeof state.protection === 'function')
    return { ...result, pin: null }
  const pin = extra.pin
  const key = wrappingKey
  try {
    const keeper = await withDatabase(options, 'renewDataKey', async (db) => {
      const wrap = await readKeyWrap(db)
      if (wrap === null) throw new KeyringError('keyring-missing', 'The new generation has no keyring')
      return createPinKeeper({ wrap, wrappingKey: key }, pin)
    })
    return { ...result, pin: keeper }
  } catch (error) {
    result.vault.close()
    throw error
  }
}

/** The protection a restored plan gets, chosen before anything is written. */
export type RestoreProtection = { readonly passphrase: string } | 'device'

/**
 * Makes `records` (already validated) the whole plan, in a NEW generation under `protection`
 * with a fresh data key; the previous generation — whatever it held and however it was locked —
 * is removed. Nothing is ever written under a device key first. Without `replace` it refuses
 * (StorageError 'not-empty') when records are stored.
 * @throws LockError 'passphrase-too-short' | …; StorageError — the previous plan still opens.
 */
export async function replaceAllInNewGeneration(
  records: readonly { readonly id: string }[],
  protection: RestoreProtection,
  options: LockOptions & { readonly replace: boolean },
): Promise<SetPassphraseResult> {
  if (protection !== 'device') assertNewPassphrase(protection.passphrase)
  const state = await withCurrent(options, 'restore', async (db, generation): Promise<Current> => {
    const read = await readCurrent(db)
    if (!options.replace && read.rows.length > 0)
      throw new StorageError('not-empty', 'Records exist; replacing them was not confirmed')
    return {
      generation,
      before: read.before,
      rows: read.rows,
      deviceId: read.deviceId,
      oldKey: null,
      reseal: null,
    }
  })
  const values = records.map((record) => ({ id: record.id, value: record }))
  return finish(options, 'restore', state, () => newProtection(protection, options.kdf), values)
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
  return withDatabase(options, 'createPin', async (db) => {
    const verified = await verifyPassphrase(db, passphrase, options)
    return createPinKeeper(verified, pin)
  })
}
