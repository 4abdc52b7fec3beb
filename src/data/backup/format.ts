/**
 * The encrypted backup file. Format 2 (written since December 2026) has no readable part:
 *
 * ```
 * <48-byte header: salt, masked parameter block, key check><12-byte IV><AES-256-GCM ciphertext + tag>
 * ```
 *
 * - The header (`binaryHeader.ts`) holds only what is needed before the key exists — the salt,
 *   the KDF parameters, whether a passphrase or a recovery code opens the file, and the date the
 *   screen shows — as masked numbers, so the file starts with noise: no app name, no JSON, no
 *   magic string. `keyCheck` is the GCM tag of an empty message under the derived key (zero IV),
 *   which tells "wrong secret" apart from "damaged file".
 * - The ciphertext's AAD is the exact 48 header bytes: changing any of them (date, parameters,
 *   what opens it) makes the file fail to decrypt.
 * - The plaintext is UTF-8 JSON `{ schemaVersion, records }` (see backup.ts), padded so that the
 *   whole file is a multiple of 1 KiB (`padding.ts`).
 * - Format 1 files (a plaintext JSON header line, `legacyFormat.ts`) still read.
 *
 * Reading is defensive throughout: size cap first, then the header (bounded, strict), then the
 * KDF policy (a crafted header can neither weaken nor explode the derivation), then decryption.
 * src/data/README.md says why the format looks as it does.
 */
import { IV_BYTES, decryptBytes, encodeAad, encryptBytes, type Bytes } from '../crypto'
import { ImportError } from '../errors'
import { BACKUP_PAD_BLOCK, pad, readPaddedOrLegacy } from '../padding'
import { secretBytes } from '../kdf/secret'
import {
  KdfError,
  PRODUCTION_KDF_POLICY,
  assertKdfHeaderAllowed,
  importKdfPolicy,
  newKdfHeader,
  type KdfHeader,
} from '../kdf/params'
import { chooseKdfMethod, deriveKey, type KdfOptions } from '../kdf/runner'
import { checkRecoveryCode } from './recoveryCode'
import { BINARY_FORMAT, BINARY_HEADER_BYTES, decodeBinaryHeader, encodeBinaryHeader } from './binaryHeader'
import { encodeLegacyHeader, joinLegacyFile, splitLegacyFile } from './legacyFormat'

/** The file format this version writes. */
export const BACKUP_FORMAT_VERSION = BINARY_FORMAT
/** Largest file a restore reads at all: 20 MiB. A citizen's plan is a few hundred KiB. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024

const TAG_BYTES = 16
const KEY_CHECK_AAD: Record<BackupFormat, Bytes> = {
  1: encodeAad(['trin/backup/keycheck/v1']),
  2: encodeAad(['trin/backup/keycheck/v2']),
}
const utf8 = new TextEncoder()

/** Formats this version reads: 1 (JSON header line, read only) and 2 (binary, written). */
export type BackupFormat = 1 | 2

/** What opens a backup. */
export type BackupSecretKind = 'passphrase' | 'recovery-code'

/** A passphrase, or a printed recovery code as typed (case, spaces and dashes are ignored). */
export type BackupSecret =
  | { readonly kind: 'passphrase'; readonly passphrase: string }
  | { readonly kind: 'recovery-code'; readonly code: string }

/** The parsed header: what can be read before the key exists. */
export interface BackupHeader {
  readonly format: BackupFormat
  /** ISO 8601 UTC time the backup was made. */
  readonly createdAt: string
  readonly secret: BackupSecretKind
  readonly kdf: KdfHeader
  readonly keyCheck: Bytes
}

/**
 * The bytes a secret is derived from, or null if it is malformed (a recovery code with a typo, an
 * empty or over-long passphrase). Recovery codes derive from their canonical form.
 */
export async function secretMaterial(secret: BackupSecret): Promise<Bytes | null> {
  if (secret.kind === 'passphrase') {
    if (secret.passphrase.length === 0 || secret.passphrase.length > 1024) return null
    return secretBytes(secret.passphrase)
  }
  const checked = await checkRecoveryCode(secret.code)
  return checked.ok ? utf8.encode(checked.code) : null
}

async function keyCheckOf(key: CryptoKey, format: BackupFormat): Promise<Bytes> {
  // An empty message under a fixed zero IV: used once per key (every backup has its own salt,
  // hence its own key); the payload's IV is random, so the two never collide in practice.
  return new Uint8Array(
    await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: new Uint8Array(IV_BYTES), additionalData: KEY_CHECK_AAD[format] },
      key,
      new Uint8Array(0),
    ),
  )
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index])
}

/** Options for writing a backup file. */
export interface SealBackupOptions {
  readonly kdf?: KdfOptions
  /** The `createdAt` of the header. */
  readonly createdAt: Date
  /**
   * 2 (default). 1 writes the old format with its plaintext JSON header — only for tests that
   * prove old files still restore.
   */
  readonly format?: BackupFormat
}

/** A sealed file and the key that opens it (kept only to verify the file at once). */
export interface SealedBackup {
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly header: BackupHeader
  readonly key: CryptoKey
}

/**
 * Encrypts `plaintext` into a backup file under a key derived from `secret`. Low level: it does
 * not look at the plaintext (createBackup builds and verifies it); tests use it to make files
 * with arbitrary content.
 * @throws KdfError; Error 'invalid secret' (a TypeError) when the secret is malformed
 */
export async function sealBackup(
  plaintext: Bytes,
  secret: BackupSecret,
  options: SealBackupOptions,
): Promise<SealedBackup> {
  const format = options.format ?? BINARY_FORMAT
  const material = await secretMaterial(secret)
  if (material === null) throw new TypeError('The backup secret is malformed')
  const kdf = newKdfHeader(await chooseKdfMethod(options.kdf), options.kdf?.policy ?? PRODUCTION_KDF_POLICY)
  let key: CryptoKey
  try {
    key = await deriveKey(material, kdf, 'encrypt', options.kdf)
  } finally {
    material.fill(0)
  }
  const header: BackupHeader = {
    format,
    createdAt: options.createdAt.toISOString(),
    secret: secret.kind,
    kdf,
    keyCheck: await keyCheckOf(key, format),
  }
  const headerBytes = format === 1 ? encodeLegacyHeader(header) : encodeBinaryHeader(header)
  // Padded so the file's size does not tell plans with nearly the same content apart; in format 2
  // the whole file is a multiple of the block, so its size has no tell-tale remainder either.
  const overhead = format === 1 ? 0 : headerBytes.byteLength + IV_BYTES + TAG_BYTES
  const padded = pad(plaintext, BACKUP_PAD_BLOCK, overhead)
  let sealedBody
  try {
    sealedBody = await encryptBytes(key, padded, headerBytes)
  } finally {
    padded.fill(0)
  }
  const { iv, ct } = sealedBody
  const body = new Uint8Array(iv.byteLength + ct.byteLength)
  body.set(iv, 0)
  body.set(ct, iv.byteLength)
  if (format === 1) return { bytes: joinLegacyFile(headerBytes, body), header, key }
  const bytes = new Uint8Array(headerBytes.byteLength + body.byteLength)
  bytes.set(headerBytes, 0)
  bytes.set(body, headerBytes.byteLength)
  return { bytes, header, key }
}

/** A file split into its parsed header, the exact header bytes (the AAD) and the encrypted body. */
export interface ParsedBackupFile {
  readonly header: BackupHeader
  readonly headerBytes: Bytes
  readonly iv: Bytes
  readonly ct: Bytes
}

/** Options for reading a backup file. */
export interface ReadBackupOptions {
  readonly kdf?: KdfOptions
  /** Size cap; defaults to {@link MAX_BACKUP_BYTES} and can only be lowered. */
  readonly maxBytes?: number
}

function splitFile(bytes: Uint8Array): { header: BackupHeader; headerBytes: Bytes; body: Uint8Array } {
  // A format-1 file starts with `{"app":"trin-backup"`; a format-2 file starts with a random salt,
  // which begins with `{` once in 256 files — then the old reader finds no JSON header and the
  // new one is tried.
  const legacy = splitLegacyFile(bytes)
  if (legacy !== null) return legacy
  const header = decodeBinaryHeader(bytes)
  if (header === null) throw new ImportError('not-a-backup', 'The file is not a backup')
  return {
    header,
    headerBytes: new Uint8Array(bytes.subarray(0, BINARY_HEADER_BYTES)),
    body: bytes.subarray(BINARY_HEADER_BYTES),
  }
}

/**
 * Reads the header without any secret — for the screen to show the date and ask for a
 * passphrase or a recovery code. Also checks the size cap and the KDF policy.
 * @throws ImportError 'too-large' | 'not-a-backup' | 'unsupported-version' | 'corrupt' | 'kdf-rejected'
 */
export function parseBackupFile(bytes: Uint8Array, options: ReadBackupOptions = {}): ParsedBackupFile {
  const cap = Math.min(options.maxBytes ?? MAX_BACKUP_BYTES, MAX_BACKUP_BYTES)
  if (bytes.byteLength > cap) throw new ImportError('too-large', `The file is larger than ${cap} bytes`)

  const { header, headerBytes, body } = splitFile(bytes)
  try {
    // Before any derivation: a file may ask for no more than this app writes itself.
    assertKdfHeaderAllowed(header.kdf, importKdfPolicy(options.kdf?.policy ?? PRODUCTION_KDF_POLICY))
  } catch (error) {
    throw new ImportError('kdf-rejected', 'The backup asks for key-derivation parameters this app refuses', {
      cause: error,
    })
  }
  if (header.keyCheck.byteLength !== TAG_BYTES)
    throw new ImportError('corrupt', 'The backup header is damaged')
  if (body.byteLength < IV_BYTES + TAG_BYTES) throw new ImportError('corrupt', 'The backup is truncated')
  return {
    header,
    headerBytes,
    iv: new Uint8Array(body.subarray(0, IV_BYTES)),
    ct: new Uint8Array(body.subarray(IV_BYTES)),
  }
}

/**
 * Decrypts a parsed file with an already-derived key.
 * @throws ImportError 'wrong-secret' | 'corrupt'
 */
export async function openParsedBackup(file: ParsedBackupFile, key: CryptoKey): Promise<Bytes> {
  if (!equalBytes(await keyCheckOf(key, file.header.format), file.header.keyCheck)) {
    throw new ImportError('wrong-secret', 'This passphrase or recovery code does not open the backup')
  }
  let plaintext: Bytes
  try {
    plaintext = await decryptBytes(key, { iv: file.iv, ct: file.ct }, file.headerBytes)
  } catch (error) {
    throw new ImportError(
      'corrupt',
      'The backup is damaged: it does not decrypt although the secret is right',
      { cause: error },
    )
  }
  // Files made before padding hold the JSON directly; both read.
  const payload = readPaddedOrLegacy(plaintext)
  if (payload === null) throw new ImportError('corrupt', 'The backup content is damaged')
  return new Uint8Array(payload)
}

/**
 * Parses, derives and decrypts: the whole way from file bytes to plaintext.
 * @throws ImportError (see {@link parseBackupFile}, {@link openParsedBackup}, and 'kdf-unavailable')
 */
export async function openBackup(
  bytes: Uint8Array,
  secret: BackupSecret,
  options: ReadBackupOptions = {},
): Promise<{ header: BackupHeader; plaintext: Bytes }> {
  const file = parseBackupFile(bytes, options)
  if (secret.kind !== file.header.secret) {
    const wanted = file.header.secret === 'passphrase' ? 'a passphrase' : 'a recovery code'
    throw new ImportError('wrong-secret', `This backup opens with ${wanted}`)
  }
  const material = await secretMaterial(secret)
  if (material === null)
    throw new ImportError('wrong-secret', 'This passphrase or recovery code is malformed')
  let key: CryptoKey
  try {
    key = await deriveKey(material, file.header.kdf, 'encrypt', {
      ...options.kdf,
      policy: importKdfPolicy(options.kdf?.policy ?? PRODUCTION_KDF_POLICY),
    })
  } catch (error) {
    if (error instanceof KdfError && error.code === 'params-rejected')
      throw new ImportError('kdf-rejected', error.message, { cause: error })
    throw new ImportError('kdf-unavailable', 'The key for this backup cannot be derived here', {
      cause: error,
    })
  } finally {
    material.fill(0)
  }
  return { header: file.header, plaintext: await openParsedBackup(file, key) }
}
