/**
 * The keyring: the wrapped data key, how it is wrapped (device key or passphrase), the device id
 * and the wrong-passphrase counter, all in the `meta` table.
 *
 * First open without a lock creates a device key and a data key, wraps the data key and stores
 * both in one transaction. Later opens unwrap — with the device key, or with a key derived from
 * the passphrase. A key that does not match is reported as a typed error and nothing is deleted
 * or rewritten: losing the plan is also a harm. The only row a wrong passphrase changes is the
 * attempt counter (`lockAttempts`), which must survive a reload to slow down guessing.
 */
import { z } from '@/schemas/zod'
import {
  CryptoError,
  createDeviceKey,
  generateDataKey,
  kdfHeaderOf,
  randomHex,
  unwrapDataKey,
  wrapDataKey,
  type Bytes,
  type DataKey,
  type KeyWrap,
  type KeyWrapMethod,
  type PassphraseKeyWrap,
  type SealedDataKey,
} from './crypto'
import type { MetaRow, TrinDatabase } from './db'
import { KeyringError, LockError, toStorageError } from './errors'
import { MAX_SECRET_LENGTH, secretBytes } from './kdf/secret'
import { argon2idParamsSchema, KdfError, pbkdf2ParamsSchema } from './kdf/params'
import { deriveKey, type KdfOptions } from './kdf/runner'
import { attemptGate, parseAttemptState, recordFailure, type AttemptState } from './lock/backoff'
import { serialiseAttempt } from './lock/attempts'
import { assertValidPin, createPinKeeper, type PinKeeper } from './lock/pin'

/** What an opened keyring gives the repository. The data key never leaves memory unwrapped. */
export interface OpenedKeyring {
  /** Random 16 lowercase hex digits naming this device (for the hybrid logical clock). */
  readonly deviceId: string
  readonly dataKey: DataKey
  /** True on the very first open of this database. */
  readonly created: boolean
  /** The in-memory PIN copy of the data key, when a PIN was given with the passphrase. */
  readonly pin: PinKeeper | null
  /**
   * The key derived from the passphrase that opened it (non-extractable), or null when no
   * passphrase did. It lets the session write a new generation under the same passphrase
   * (`renewDataKey`) without asking for it again; drop it with the data key.
   */
  readonly wrappingKey: CryptoKey | null
}

/** The stored keyring. `format` guards the shape; `wrap.method` says how the data key is wrapped. */
export interface StoredKeyring {
  readonly format: 1
  readonly wrap: KeyWrap
}

/** How the data key is protected: 'none' before the first open has created a keyring. */
export type LockMethod = KeyWrapMethod | 'none'

/** Options for anything that may check a passphrase. */
export interface PassphraseOptions {
  readonly kdf?: KdfOptions
  /** Epoch-millisecond clock for the attempt delay; tests inject one. */
  readonly now?: () => number
}

export interface OpenKeyringOptions extends PassphraseOptions {
  /** Required when the data key is passphrase-wrapped; refused when it is not. */
  readonly passphrase?: string
  /** With a passphrase: also keep an in-memory copy of the data key that this PIN re-opens. */
  readonly pin?: string
}

/** Bytes of a device id (16 hex digits). */
export const DEVICE_ID_BYTES = 8

const bytes = z.custom<Bytes>((value) => value instanceof Uint8Array, { message: 'Expected bytes' })
const keyId = z.string().check(z.regex(/^[0-9a-f]{32}$/))
const sealedShape = { format: z.literal(1), keyId, iv: bytes, wrapped: bytes }

const keyWrapSchema = z.discriminatedUnion('method', [
  z.strictObject({ ...sealedShape, method: z.literal('device') }),
  z.strictObject({
    ...sealedShape,
    method: z.literal('argon2id'),
    params: argon2idParamsSchema,
    salt: bytes,
  }),
  z.strictObject({ ...sealedShape, method: z.literal('pbkdf2'), params: pbkdf2ParamsSchema, salt: bytes }),
])

const storedKeyringSchema = z.strictObject({
  format: z.literal(1),
  wrap: z.looseObject({ method: z.string() }),
})

/** A stored device id: 16 lowercase hex digits. */
export const deviceIdSchema = z.string().check(z.regex(/^[0-9a-f]{16}$/))

/** A CryptoKey as IndexedDB gives it back: checked by shape, since realms may differ. */
function isWrappingKey(value: unknown): value is CryptoKey {
  if (typeof value !== 'object' || value === null) return false
  const key = value as Partial<CryptoKey>
  const algorithm = key.algorithm as { name?: unknown } | undefined
  return (
    key.type === 'secret' &&
    algorithm?.name === 'AES-GCM' &&
    Array.isArray(key.usages) &&
    key.usages.includes('unwrapKey')
  )
}

/**
 * Parses the stored keyring without any key: the envelope is plaintext by design.
 * @throws KeyringError 'keyring-unreadable' | 'unsupported-method'
 */
export function parseKeyWrap(value: unknown): KeyWrap {
  const keyring = storedKeyringSchema.safeParse(value)
  if (!keyring.success)
    throw new KeyringError('keyring-unreadable', 'The stored keyring has an unknown format')
  const { method } = keyring.data.wrap
  if (method !== 'device' && method !== 'argon2id' && method !== 'pbkdf2') {
    throw new KeyringError(
      'unsupported-method',
      `The data key is wrapped with method '${method}', which this version does not know`,
    )
  }
  const wrap = keyWrapSchema.safeParse(keyring.data.wrap)
  if (!wrap.success) throw new KeyringError('keyring-unreadable', 'The stored data-key wrap is malformed')
  return wrap.data
}

/** Whether two envelopes are byte-for-byte the same wrap (used to detect a change by another tab). */
export function sameWrap(a: SealedDataKey, b: SealedDataKey): boolean {
  const equal = (x: Uint8Array, y: Uint8Array) =>
    x.byteLength === y.byteLength && x.every((byte, index) => byte === y[index])
  return a.keyId === b.keyId && equal(a.iv, b.iv) && equal(a.wrapped, b.wrapped)
}

/** Reads the current wrap from `meta`, or null when there is no keyring yet. */
export async function readKeyWrap(db: TrinDatabase): Promise<KeyWrap | null> {
  const row = await db.meta.get('keyring')
  return row === undefined ? null : parseKeyWrap(row.value)
}

/** The stored attempt counter (lenient: a damaged row counts as no failures). */
export async function readAttemptState(db: TrinDatabase): Promise<AttemptState> {
  return parseAttemptState((await db.meta.get('lockAttempts'))?.value)
}

async function readMeta(db: TrinDatabase): Promise<Map<MetaRow['key'], unknown>> {
  const rows = await db.meta.bulkGet(['deviceKey', 'keyring', 'deviceId'])
  return new Map(rows.flatMap((row) => (row ? [[row.key, row.value] as const] : [])))
}

async function settleDeviceId(db: TrinDatabase, stored: unknown): Promise<string> {
  const parsed = deviceIdSchema.safeParse(stored)
  if (parsed.success) return parsed.data
  // The device id only breaks ties between clocks; a missing one can be added without touching data.
  const deviceId = randomHex(DEVICE_ID_BYTES)
  await db.transaction('rw', db.meta, async () => {
    if ((await db.meta.get('deviceId')) === undefined) await db.meta.add({ key: 'deviceId', value: deviceId })
  })
  return deviceIdSchema.parse((await db.meta.get('deviceId'))?.value)
}

/**
 * Unwraps a device-wrapped data key.
 * @throws KeyringError 'device-key-missing' | 'keyring-unreadable' | 'key-mismatch'
 */
export async function unlockWithDeviceKey(wrap: KeyWrap, deviceKey: unknown): Promise<DataKey> {
  if (deviceKey === undefined) {
    throw new KeyringError(
      'device-key-missing',
      'A data key exists but the device key that opens it is missing',
    )
  }
  if (!isWrappingKey(deviceKey))
    throw new KeyringError('keyring-unreadable', 'The stored device key is not a usable key')
  try {
    return await unwrapDataKey(wrap, deviceKey)
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new KeyringError(
        'key-mismatch',
        'The data key does not open with this device key; nothing was changed',
        { cause: error },
      )
    }
    throw error
  }
}

/** Translates a derivation failure into the lock's vocabulary. */
export function toLockError(error: KdfError): LockError {
  const code =
    error.code === 'params-rejected'
      ? 'kdf-params-rejected'
      : error.code === 'unavailable'
        ? 'kdf-unavailable'
        : 'kdf-failed'
  return new LockError(code, error.message, { cause: error })
}

/** A passphrase that has been checked against the stored wrap. */
export interface VerifiedPassphrase {
  readonly wrap: PassphraseKeyWrap
  /** The key derived from the passphrase; it unwraps `wrap`. Drop it after use. */
  readonly wrappingKey: CryptoKey
  readonly dataKey: DataKey
}

/**
 * Checks `passphrase` against the stored passphrase wrap, honouring and updating the growing
 * delay. The only row this ever writes is `lockAttempts`.
 * @throws LockError 'not-locked' | 'too-soon' | 'wrong-passphrase' | 'kdf-…'; KeyringError
 */
export function verifyPassphrase(
  db: TrinDatabase,
  passphrase: string,
  options: PassphraseOptions = {},
): Promise<VerifiedPassphrase> {
  // One attempt at a time across tabs, so the delay cannot be raced (lock/attempts.ts).
  return serialiseAttempt(() => verifyPassphraseNow(db, passphrase, options))
}

async function verifyPassphraseNow(
  db: TrinDatabase,
  passphrase: string,
  options: PassphraseOptions,
): Promise<VerifiedPassphrase> {
  const now = options.now ?? Date.now
  const wrap = await readKeyWrap(db)
  if (wrap === null || wrap.method === 'device') throw new LockError('not-locked', 'No passphrase is set')
  if (passphrase.length === 0) throw new LockError('passphrase-too-short', 'The passphrase is empty')
  if (passphrase.length > MAX_SECRET_LENGTH)
    throw new LockError('passphrase-too-long', 'The passphrase is too long')

  const stored = await readAttemptState(db)
  const at = now()
  const gate = attemptGate(stored, at)
  if (gate.wait > 0) {
    const retryAt = at + gate.wait
    // Re-anchoring a wait that lay impossibly far ahead is the only write here (see backoff.ts).
    if (gate.state !== stored) await db.meta.put({ key: 'lockAttempts', value: gate.state })
    throw new LockError('too-soon', 'Too many wrong tries; wait before trying again', { retryAt })
  }

  let wrappingKey: CryptoKey
  const secret = secretBytes(passphrase)
  try {
    wrappingKey = await deriveKey(secret, kdfHeaderOf(wrap), 'wrap', options.kdf)
  } catch (error) {
    if (error instanceof KdfError) throw toLockError(error)
    throw error
  } finally {
    secret.fill(0)
  }

  let dataKey: DataKey
  try {
    dataKey = await unwrapDataKey(wrap, wrappingKey)
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error
    // Read-modify-write in one transaction, so two tabs guessing at once both count.
    const next = await db.transaction('rw', db.meta, async () => {
      const state = recordFailure(parseAttemptState((await db.meta.get('lockAttempts'))?.value), now())
      await db.meta.put({ key: 'lockAttempts', value: state })
      return state
    })
    throw new LockError(
      'wrong-passphrase',
      'The passphrase does not open the data key; nothing was changed',
      {
        retryAt: next.notBefore > 0 ? next.notBefore : null,
        cause: error,
      },
    )
  }
  if (stored.failures > 0 || (await readAttemptState(db)).failures > 0) await db.meta.delete('lockAttempts')
  return { wrap, wrappingKey, dataKey }
}

async function unlockExisting(
  db: TrinDatabase,
  meta: Map<MetaRow['key'], unknown>,
  options: OpenKeyringOptions,
): Promise<OpenedKeyring> {
  const wrap = parseKeyWrap(meta.get('keyring'))
  if (wrap.method === 'device') {
    if (options.passphrase !== undefined)
      throw new LockError('not-locked', 'No passphrase is set; open without one')
    const dataKey = await unlockWithDeviceKey(wrap, meta.get('deviceKey'))
    return {
      deviceId: await settleDeviceId(db, meta.get('deviceId')),
      dataKey,
      created: false,
      pin: null,
      wrappingKey: null,
    }
  }
  if (options.passphrase === undefined) {
    throw new KeyringError('passphrase-required', 'The data key is locked with a passphrase')
  }
  // An invalid PIN is refused before the (slow) derivation, so no passphrase try is spent on it.
  if (options.pin !== undefined) assertValidPin(options.pin)
  const verified = await verifyPassphrase(db, options.passphrase, options)
  const pin = options.pin === undefined ? null : await createPinKeeper(verified, options.pin)
  return {
    deviceId: await settleDeviceId(db, meta.get('deviceId')),
    dataKey: verified.dataKey,
    created: false,
    pin,
    wrappingKey: verified.wrappingKey,
  }
}

/**
 * Opens (or, on first use without a passphrase, creates) the keyring of an opened database.
 * @throws KeyringError ('passphrase-required' when a passphrase is set and none was given, or
 *   keys missing/not matching); LockError for passphrase problems; StorageError for IndexedDB.
 *   Never deletes or rewrites anything but the wrong-passphrase counter.
 */
export async function openKeyring(
  db: TrinDatabase,
  options: OpenKeyringOptions = {},
): Promise<OpenedKeyring> {
  try {
    const meta = await readMeta(db)
    if (meta.has('keyring')) return await unlockExisting(db, meta, options)
    if (options.passphrase !== undefined)
      throw new LockError('not-locked', 'No passphrase is set yet; use setPassphrase')

    // WebCrypto is async, and awaiting it inside an IndexedDB transaction would let the
    // transaction commit early, so keys are made first and stored afterwards.
    const deviceKey = await createDeviceKey()
    const material = generateDataKey()
    const wrap = await wrapDataKey(material, deviceKey)
    // Unwrapping proves the stored wrap opens before anything is written.
    const dataKey = await unwrapDataKey(wrap, deviceKey)
    material.raw.fill(0)
    const deviceId = randomHex(DEVICE_ID_BYTES)
    const keyring: StoredKeyring = { format: 1, wrap }

    const created = await db.transaction('rw', db.meta, db.records, async () => {
      // Checked inside the transaction: another tab may have created the keyring meanwhile.
      if ((await db.meta.get('keyring')) !== undefined) return false
      if ((await db.records.count()) > 0) {
        throw new KeyringError(
          'keyring-missing',
          'Records exist but their key is missing; no new key was made so they are kept',
        )
      }
      await db.meta.bulkPut([
        { key: 'deviceKey', value: deviceKey },
        { key: 'keyring', value: keyring },
        { key: 'deviceId', value: deviceId },
      ])
      return true
    })
    if (!created) return await unlockExisting(db, await readMeta(db), options)
    return { deviceId, dataKey, created: true, pin: null, wrappingKey: null }
  } catch (error) {
    throw toStorageError(error, 'openKeyring')
  }
}

/**
 * Checks that `dataKey` is the key of this database's keyring and returns the device id; used
 * to re-open with a key held in memory (PIN). Creates nothing.
 * @throws KeyringError 'keyring-missing' | 'key-mismatch' | 'keyring-unreadable'
 */
export async function attachKeyring(
  db: TrinDatabase,
  dataKey: DataKey,
): Promise<{ readonly deviceId: string }> {
  try {
    const meta = await readMeta(db)
    if (!meta.has('keyring')) throw new KeyringError('keyring-missing', 'This database has no keyring')
    const wrap = parseKeyWrap(meta.get('keyring'))
    if (wrap.keyId !== dataKey.keyId) {
      throw new KeyringError('key-mismatch', 'The key held in memory is not the key of this database')
    }
    return { deviceId: await settleDeviceId(db, meta.get('deviceId')) }
  } catch (error) {
    throw toStorageError(error, 'attachKeyring')
  }
}
