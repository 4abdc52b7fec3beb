/**
 * WebCrypto primitives for data at rest: AES-256-GCM record encryption and data-key wrapping.
 *
 * Key hierarchy: a random 256-bit *data key* encrypts every record. The data key is stored only
 * wrapped (AES-GCM) by a *wrapping key*. Today the wrapping key is a non-extractable device key
 * kept in IndexedDB (`method: 'device'`); with the passphrase lock it is derived with Argon2id
 * (or PBKDF2 where WebAssembly is unavailable) and the {@link KeyWrap} envelope carries the KDF
 * header (`params`, `salt`) in the clear.
 *
 * Every failure surfaces as a {@link CryptoError}; callers never see a raw DOMException.
 */
import type { Bytes } from './bytes'
import type { Argon2idParams, KdfHeader, KdfMethod, Pbkdf2Params } from './kdf/params'
import { RECORD_PAD_BLOCK, pad, readPaddedOrLegacy } from './padding'
import { codedError } from './codedError'

// Defined on its own so kdf/params.ts can use it without importing this module back.
export type { Bytes } from './bytes'

export type CryptoErrorCode =
  /** Authentication failed: wrong key, tampered bytes, or AAD that does not match (swapped/replayed). */
  | 'decrypt-failed'
  /** The key cannot be used for this operation (wrong algorithm, usages or type). */
  | 'bad-key'
  /** The stored envelope is malformed (IV length, ciphertext too short, missing fields). */
  | 'bad-envelope'
  /** Decryption succeeded but the plaintext is not the JSON that was expected. */
  | 'bad-payload'
  /** WebCrypto is not available (insecure context or very old browser). */
  | 'unavailable'

export class CryptoError extends codedError('CryptoError')<CryptoErrorCode> {}

export const AES_KEY_BITS = 256
/** 96-bit IV, the size GCM is specified for. */
export const IV_BYTES = 12
const TAG_BYTES = 16
const DATA_KEY_BYTES = AES_KEY_BITS / 8
const DATA_KEY_AAD_LABEL: SealLabel = 'trin/datakey/v1'
const RECORD_AAD_LABEL = 'trin/record/v1'

const utf8Encoder = new TextEncoder()
// fatal: a plaintext that is not valid UTF-8 is reported, not silently repaired.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true })

function subtle(): SubtleCrypto {
  // `crypto.subtle` is undefined outside secure contexts even though the type says otherwise.
  const api = (globalThis.crypto as Crypto | undefined)?.subtle
  if (!api) throw new CryptoError('unavailable', 'WebCrypto is not available in this context')
  return api
}

export function randomBytes(length: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(length))
}

/** Lower-case hex of `length` random bytes. */
export function randomHex(length: number): string {
  return Array.from(randomBytes(length), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Encodes AAD components unambiguously: a JSON array of strings and integers, UTF-8. JSON quotes
 * and escapes every string, so no two different component lists encode to the same bytes.
 */
export function encodeAad(components: readonly (string | number)[]): Bytes {
  return utf8Encoder.encode(JSON.stringify(components))
}

function recordAad(input: RecordAddress): Bytes {
  return encodeAad([RECORD_AAD_LABEL, input.table, input.id, input.schemaVersion, input.keyId])
}

function dataKeyAad(keyId: string, label: SealLabel = DATA_KEY_AAD_LABEL): Bytes {
  return encodeAad([label, keyId])
}

/** Maps a WebCrypto rejection to a typed error; a CryptoError passes through unchanged. */
function toCryptoError(error: unknown, failed: CryptoErrorCode, what: string): CryptoError {
  if (error instanceof CryptoError) return error
  const name = error instanceof Error ? error.name : ''
  // OperationError is what AES-GCM raises when the tag does not verify.
  if (name === 'OperationError')
    return new CryptoError(failed, `${what}: authentication failed`, { cause: error })
  if (
    name === 'InvalidAccessError' ||
    name === 'NotSupportedError' ||
    name === 'TypeError' ||
    name === 'SyntaxError' ||
    name === 'DataError'
  ) {
    return new CryptoError('bad-key', `${what}: key or parameters rejected (${name})`, { cause: error })
  }
  return new CryptoError(failed, `${what} failed`, { cause: error })
}

function isBytes(value: unknown): value is Bytes {
  return value instanceof Uint8Array
}

function assertEnvelope(iv: unknown, ct: unknown, what: string): asserts iv is Bytes {
  if (!isBytes(iv) || iv.byteLength !== IV_BYTES) {
    throw new CryptoError('bad-envelope', `${what}: IV must be ${IV_BYTES} bytes`)
  }
  if (!isBytes(ct) || ct.byteLength < TAG_BYTES) {
    throw new CryptoError('bad-envelope', `${what}: ciphertext is missing or shorter than the GCM tag`)
  }
}

// ---------------------------------------------------------------------------------------------
// Keys

/** Fresh data-key material. Wrap it at once with {@link wrapDataKey}, then drop it. */
export interface DataKeyMaterial {
  /** Random id of this data key; bound into the AAD of every record and of its wrap. */
  readonly keyId: string
  /** 32 random bytes. The only moment the data key exists in extractable form. */
  readonly raw: Bytes
}

/** An unwrapped data key: non-extractable, usable only to encrypt and decrypt records. */
export interface DataKey {
  readonly keyId: string
  readonly key: CryptoKey
}

/** Generates a random 256-bit data key as raw bytes, with a random 128-bit key id. */
export function generateDataKey(): DataKeyMaterial {
  return { keyId: randomHex(16), raw: randomBytes(DATA_KEY_BYTES) }
}

/**
 * Creates the device key: a non-extractable AES-GCM 256 key that can only wrap and unwrap.
 * IndexedDB stores CryptoKey objects by structured clone, so it is kept without ever being
 * exportable; it stops casual reading only, not someone who copies the browser's storage.
 */
export async function createDeviceKey(): Promise<CryptoKey> {
  try {
    return await subtle().generateKey({ name: 'AES-GCM', length: AES_KEY_BITS }, false, [
      'wrapKey',
      'unwrapKey',
    ])
  } catch (error) {
    throw toCryptoError(error, 'bad-key', 'createDeviceKey')
  }
}

/** How a wrapped data key was wrapped: by the device key ("no lock") or a passphrase-derived key. */
export type KeyWrapMethod = 'device' | PassphraseMethod

/** Methods that derive the wrapping key from a passphrase. */
export type PassphraseMethod = KdfMethod

/** A data key sealed under some wrapping key: the part every envelope shares. */
export interface SealedDataKey {
  readonly keyId: string
  readonly iv: Bytes
  /** AES-GCM(wrappingKey, iv, aad = [label, keyId]) of the raw data key. */
  readonly wrapped: Bytes
}

/** The envelope of a wrapped data key, stored in the `meta` table. Everything here is public. */
export interface DeviceKeyWrap extends SealedDataKey {
  readonly format: 1
  readonly method: 'device'
}

/**
 * A data key wrapped by a key derived from a passphrase. The KDF parameters and salt sit in the
 * clear next to it (they must be readable before the key exists); they are checked against a
 * floor before use, so rewriting them cannot weaken the derivation.
 */
export type PassphraseKeyWrap = SealedDataKey & { readonly format: 1 } & (
    | { readonly method: 'argon2id'; readonly params: Argon2idParams; readonly salt: Bytes }
    | { readonly method: 'pbkdf2'; readonly params: Pbkdf2Params; readonly salt: Bytes }
  )

/** Discriminated on `method`. */
export type KeyWrap = DeviceKeyWrap | PassphraseKeyWrap

/** The KDF header of a passphrase wrap. */
export function kdfHeaderOf(wrap: PassphraseKeyWrap): KdfHeader {
  return wrap.method === 'argon2id'
    ? { method: 'argon2id', params: wrap.params, salt: wrap.salt }
    : { method: 'pbkdf2', params: wrap.params, salt: wrap.salt }
}

/** A passphrase wrap from a sealed key and the header its wrapping key was derived with. */
export function passphraseKeyWrap(sealed: SealedDataKey, header: KdfHeader): PassphraseKeyWrap {
  const { keyId, iv, wrapped } = sealed
  return header.method === 'argon2id'
    ? { format: 1, method: 'argon2id', params: { ...header.params }, salt: header.salt, keyId, iv, wrapped }
    : { format: 1, method: 'pbkdf2', params: { ...header.params }, salt: header.salt, keyId, iv, wrapped }
}

/**
 * Labels that separate the AAD of data-key wraps by purpose: a key sealed for storage cannot be
 * passed off as one sealed for the in-memory PIN, and the other way round.
 */
export type SealLabel = 'trin/datakey/v1' | 'trin/pin/v1'

/** Seals raw data-key material under a wrapping key (AES-GCM, own IV, AAD bound to the key id). */
export async function sealDataKey(
  material: DataKeyMaterial,
  wrappingKey: CryptoKey,
  label: SealLabel = DATA_KEY_AAD_LABEL,
): Promise<SealedDataKey> {
  const iv = randomBytes(IV_BYTES)
  try {
    // The extractable handle lives only for this call: it exists because WebCrypto can only wrap a CryptoKey.
    const transient = await subtle().importKey('raw', material.raw, { name: 'AES-GCM' }, true, [
      'encrypt',
      'decrypt',
    ])
    const wrapped = await subtle().wrapKey('raw', transient, wrappingKey, {
      name: 'AES-GCM',
      iv,
      additionalData: dataKeyAad(material.keyId, label),
    })
    return { keyId: material.keyId, iv, wrapped: new Uint8Array(wrapped) }
  } catch (error) {
    throw toCryptoError(error, 'bad-key', 'sealDataKey')
  }
}

/** Wraps raw data-key material with the device key into a {@link DeviceKeyWrap}. */
export async function wrapDataKey(material: DataKeyMaterial, wrappingKey: CryptoKey): Promise<DeviceKeyWrap> {
  const sealed = await sealDataKey(material, wrappingKey)
  return { format: 1, method: 'device', ...sealed }
}

/**
 * Unwraps a data key into a non-extractable key for record encryption. A wrong wrapping key or a
 * tampered envelope fails with `decrypt-failed`; nothing is changed.
 */
export async function unwrapDataKey(
  wrap: SealedDataKey,
  wrappingKey: CryptoKey,
  label: SealLabel = DATA_KEY_AAD_LABEL,
): Promise<DataKey> {
  assertEnvelope(wrap.iv, wrap.wrapped, 'unwrapDataKey')
  try {
    const key = await subtle().unwrapKey(
      'raw',
      wrap.wrapped,
      wrappingKey,
      { name: 'AES-GCM', iv: wrap.iv, additionalData: dataKeyAad(wrap.keyId, label) },
      { name: 'AES-GCM', length: AES_KEY_BITS },
      false,
      ['encrypt', 'decrypt'],
    )
    return { keyId: wrap.keyId, key }
  } catch (error) {
    throw toCryptoError(error, 'decrypt-failed', 'unwrapDataKey')
  }
}

/**
 * Moves a sealed data key from one wrapping key to another without the raw key ever reaching
 * JavaScript: it is unwrapped as a transient extractable CryptoKey and wrapped again inside
 * WebCrypto. Used for a passphrase change and for the in-memory PIN copy.
 */
export async function resealDataKey(
  sealed: SealedDataKey,
  from: { readonly key: CryptoKey; readonly label?: SealLabel },
  to: { readonly key: CryptoKey; readonly label?: SealLabel },
): Promise<SealedDataKey> {
  assertEnvelope(sealed.iv, sealed.wrapped, 'resealDataKey')
  let transient: CryptoKey
  try {
    transient = await subtle().unwrapKey(
      'raw',
      sealed.wrapped,
      from.key,
      {
        name: 'AES-GCM',
        iv: sealed.iv,
        additionalData: dataKeyAad(sealed.keyId, from.label ?? DATA_KEY_AAD_LABEL),
      },
      { name: 'AES-GCM', length: AES_KEY_BITS },
      true,
      ['encrypt', 'decrypt'],
    )
  } catch (error) {
    throw toCryptoError(error, 'decrypt-failed', 'resealDataKey')
  }
  const iv = randomBytes(IV_BYTES)
  try {
    const wrapped = await subtle().wrapKey('raw', transient, to.key, {
      name: 'AES-GCM',
      iv,
      additionalData: dataKeyAad(sealed.keyId, to.label ?? DATA_KEY_AAD_LABEL),
    })
    return { keyId: sealed.keyId, iv, wrapped: new Uint8Array(wrapped) }
  } catch (error) {
    throw toCryptoError(error, 'bad-key', 'resealDataKey')
  }
}

// ---------------------------------------------------------------------------------------------
// Records

/** Where a record lives; every component is bound into the AAD. */
export interface RecordAddress {
  readonly keyId: string
  readonly table: string
  readonly id: string
  readonly schemaVersion: number
}

/** What the `records` table stores besides the id. */
export interface EncryptedPayload {
  readonly iv: Bytes
  readonly ct: Bytes
}

export interface EncryptRecordInput extends RecordAddress {
  readonly key: CryptoKey
  /** Any JSON-serialisable value; it is encrypted as UTF-8 JSON. */
  readonly payload: unknown
}

export interface DecryptRecordInput extends RecordAddress, EncryptedPayload {
  readonly key: CryptoKey
}

/** Encrypts one record with a fresh random 96-bit IV. Never reuse the result under another id. */
export async function encryptRecord(input: EncryptRecordInput): Promise<EncryptedPayload> {
  let plaintext: Bytes
  try {
    const json = JSON.stringify(input.payload) as string | undefined
    if (json === undefined) throw new TypeError('payload is not JSON-serialisable')
    // Padded so that the ciphertext's length says little about the content (see padding.ts).
    plaintext = pad(utf8Encoder.encode(json), RECORD_PAD_BLOCK)
  } catch (error) {
    throw new CryptoError('bad-payload', 'encryptRecord: payload cannot be serialised', { cause: error })
  }
  const iv = randomBytes(IV_BYTES)
  try {
    const ct = await subtle().encrypt(
      { name: 'AES-GCM', iv, additionalData: recordAad(input) },
      input.key,
      plaintext,
    )
    return { iv, ct: new Uint8Array(ct) }
  } catch (error) {
    throw toCryptoError(error, 'bad-key', 'encryptRecord')
  }
}

/**
 * Decrypts one record and parses its JSON. The result is untrusted until schema-validated.
 * A flipped byte, a row moved to another id, or any changed AAD component fails with
 * `decrypt-failed`.
 */
export async function decryptRecord(input: DecryptRecordInput): Promise<unknown> {
  assertEnvelope(input.iv, input.ct, 'decryptRecord')
  let plaintext: ArrayBuffer
  try {
    plaintext = await subtle().decrypt(
      { name: 'AES-GCM', iv: input.iv, additionalData: recordAad(input) },
      input.key,
      input.ct,
    )
  } catch (error) {
    throw toCryptoError(error, 'decrypt-failed', 'decryptRecord')
  }
  // Rows written before padding existed are plain JSON; both read, only padded is written.
  const json = readPaddedOrLegacy(new Uint8Array(plaintext))
  if (json === null) throw new CryptoError('bad-payload', 'decryptRecord: padding is damaged')
  try {
    return JSON.parse(utf8Decoder.decode(json)) as unknown
  } catch (error) {
    throw new CryptoError('bad-payload', 'decryptRecord: plaintext is not JSON', { cause: error })
  }
}

// ---------------------------------------------------------------------------------------------
// Opaque bytes (backup files)

/** Encrypts bytes under `key` with a fresh random 96-bit IV, binding `aad`. */
export async function encryptBytes(key: CryptoKey, plaintext: Bytes, aad: Bytes): Promise<EncryptedPayload> {
  const iv = randomBytes(IV_BYTES)
  try {
    const ct = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plaintext)
    return { iv, ct: new Uint8Array(ct) }
  } catch (error) {
    throw toCryptoError(error, 'bad-key', 'encryptBytes')
  }
}

/**
 * Decrypts bytes sealed by {@link encryptBytes}. A wrong key, a changed byte or a different `aad`
 * fails with `decrypt-failed`.
 */
export async function decryptBytes(key: CryptoKey, payload: EncryptedPayload, aad: Bytes): Promise<Bytes> {
  assertEnvelope(payload.iv, payload.ct, 'decryptBytes')
  try {
    return new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv: payload.iv, additionalData: aad }, key, payload.ct),
    )
  } catch (error) {
    throw toCryptoError(error, 'decrypt-failed', 'decryptBytes')
  }
}
