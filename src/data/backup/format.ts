/**
 * The encrypted backup file, format version 1:
 *
 * ```
 * {"app":"trin-backup","version":1,"createdAt":"…","secret":"passphrase","kdf":{…},"keyCheck":"…"}\n
 * <12-byte IV><AES-256-GCM ciphertext + 16-byte tag>
 * ```
 *
 * - Line 1 is the plaintext header, UTF-8 JSON of at most 2 KiB. `kdf` is `{method, params,
 *   salt}` (salt in base64), exactly as in the keyring envelope; `secret` says whether a
 *   passphrase or a printed recovery code opens the file (so the screen can ask for the right
 *   one); `keyCheck` is the GCM tag of an empty message under the derived key (zero IV, AAD
 *   `["trin/backup/keycheck/v1"]`), which tells "wrong secret" apart from "damaged file".
 * - The ciphertext's AAD is the exact header bytes: changing any header byte (date, parameters)
 *   makes the file fail to decrypt.
 * - The plaintext is UTF-8 JSON `{ schemaVersion, records }` (see backup.ts), padded to a
 *   multiple of 1 KiB (`padding.ts`); files from before padding hold the bare JSON and still read.
 *
 * Reading is defensive throughout: size cap first, then the header (bounded, strict), then the
 * KDF policy (a crafted header can neither weaken nor explode the derivation), then decryption.
 */
import { z } from '@/schemas/zod'
import { IV_BYTES, decryptBytes, encodeAad, encryptBytes, type Bytes } from '../crypto'
import { ImportError } from '../errors'
import { BACKUP_PAD_BLOCK, pad, readPaddedOrLegacy } from '../padding'
import { secretBytes } from '../kdf/secret'
import {
  KdfError,
  PRODUCTION_KDF_POLICY,
  argon2idParamsSchema,
  assertKdfHeaderAllowed,
  importKdfPolicy,
  newKdfHeader,
  pbkdf2ParamsSchema,
  type KdfHeader,
} from '../kdf/params'
import { chooseKdfMethod, deriveKey, type KdfOptions } from '../kdf/runner'
import { checkRecoveryCode } from './recoveryCode'

/** The `app` value of every Trin backup header. */
export const BACKUP_APP = 'trin-backup'
/** The file format this version writes and reads. */
export const BACKUP_FORMAT_VERSION = 1
/** Largest file a restore reads at all: 20 MiB. A citizen's plan is a few hundred KiB. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024
/** Largest header line. */
export const MAX_HEADER_BYTES = 2048

const NEWLINE = 0x0a
const TAG_BYTES = 16
const KEY_CHECK_AAD = encodeAad(['trin/backup/keycheck/v1'])
const utf8 = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** What opens a backup. */
export type BackupSecretKind = 'passphrase' | 'recovery-code'

/** A passphrase, or a printed recovery code as typed (case, spaces and dashes are ignored). */
export type BackupSecret =
  | { readonly kind: 'passphrase'; readonly passphrase: string }
  | { readonly kind: 'recovery-code'; readonly code: string }

/** The parsed plaintext header. */
export interface BackupHeader {
  readonly app: typeof BACKUP_APP
  readonly version: typeof BACKUP_FORMAT_VERSION
  /** ISO 8601 UTC time the backup was made. */
  readonly createdAt: string
  readonly secret: BackupSecretKind
  readonly kdf: KdfHeader
  readonly keyCheck: Bytes
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Bytes | null {
  if (!BASE64.test(text)) return null
  const binary = atob(text)
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

const base64Bytes = z
  .string()
  .max(128)
  .transform((text, context) => {
    const decoded = fromBase64(text)
    if (decoded === null) {
      context.addIssue({ code: 'custom', message: 'Invalid base64' })
      return z.NEVER
    }
    return decoded
  })

const headerSchema = z.strictObject({
  app: z.literal(BACKUP_APP),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  secret: z.enum(['passphrase', 'recovery-code']),
  kdf: z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('argon2id'), params: argon2idParamsSchema, salt: base64Bytes }),
    z.strictObject({ method: z.literal('pbkdf2'), params: pbkdf2ParamsSchema, salt: base64Bytes }),
  ]),
  keyCheck: base64Bytes,
})

/** The header as JSON text, keys in a fixed order. */
function serializeHeader(header: BackupHeader): Bytes {
  const { kdf } = header
  return utf8.encode(
    JSON.stringify({
      app: header.app,
      version: header.version,
      createdAt: header.createdAt,
      secret: header.secret,
      kdf: { method: kdf.method, params: kdf.params, salt: toBase64(kdf.salt) },
      keyCheck: toBase64(header.keyCheck),
    }),
  )
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

async function keyCheckOf(key: CryptoKey): Promise<Bytes> {
  // An empty message under a fixed zero IV: used once per key (every backup has its own salt,
  // hence its own key); the payload's IV is random, so the two never collide in practice.
  return new Uint8Array(
    await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: new Uint8Array(IV_BYTES), additionalData: KEY_CHECK_AAD },
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
    app: BACKUP_APP,
    version: BACKUP_FORMAT_VERSION,
    createdAt: options.createdAt.toISOString(),
    secret: secret.kind,
    kdf,
    keyCheck: await keyCheckOf(key),
  }
  const headerBytes = serializeHeader(header)
  // Padded so the file's size does not tell plans with nearly the same content apart.
  const padded = pad(plaintext, BACKUP_PAD_BLOCK)
  let sealedBody
  try {
    sealedBody = await encryptBytes(key, padded, headerBytes)
  } finally {
    padded.fill(0)
  }
  const { iv, ct } = sealedBody
  const bytes = new Uint8Array(headerBytes.byteLength + 1 + iv.byteLength + ct.byteLength)
  bytes.set(headerBytes, 0)
  bytes[headerBytes.byteLength] = NEWLINE
  bytes.set(iv, headerBytes.byteLength + 1)
  bytes.set(ct, headerBytes.byteLength + 1 + iv.byteLength)
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

/**
 * Reads the plaintext header without any secret — for the screen to show the date and ask for a
 * passphrase or a recovery code. Also checks the size cap and the KDF policy.
 * @throws ImportError 'too-large' | 'not-a-backup' | 'unsupported-version' | 'corrupt' | 'kdf-rejected'
 */
export function parseBackupFile(bytes: Uint8Array, options: ReadBackupOptions = {}): ParsedBackupFile {
  const cap = Math.min(options.maxBytes ?? MAX_BACKUP_BYTES, MAX_BACKUP_BYTES)
  if (bytes.byteLength > cap) throw new ImportError('too-large', `The file is larger than ${cap} bytes`)

  const end = bytes.subarray(0, MAX_HEADER_BYTES + 1).indexOf(NEWLINE)
  if (end <= 0) throw new ImportError('not-a-backup', 'The file has no backup header')
  const headerBytes = new Uint8Array(bytes.subarray(0, end))
  let raw: unknown
  try {
    raw = JSON.parse(strictUtf8.decode(headerBytes))
  } catch (error) {
    throw new ImportError('not-a-backup', 'The file has no backup header', { cause: error })
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    (raw as { app?: unknown }).app !== BACKUP_APP
  ) {
    throw new ImportError('not-a-backup', 'The file is not a Trin backup')
  }
  const { version } = raw as { version?: unknown }
  if (typeof version === 'number' && version !== BACKUP_FORMAT_VERSION) {
    throw new ImportError(
      'unsupported-version',
      `Backup format ${version} is not supported by this version of Trin`,
    )
  }
  const parsed = headerSchema.safeParse(raw)
  if (!parsed.success) throw new ImportError('corrupt', 'The backup header is damaged')
  const header: BackupHeader = parsed.data

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

  const body = bytes.subarray(end + 1)
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
  if (!equalBytes(await keyCheckOf(key), file.header.keyCheck)) {
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
