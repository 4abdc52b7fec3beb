/**
 * The backup file of format 1 (Trin until December 2026), read so that every file made then
 * still restores:
 *
 * ```
 * {"app":"trin-backup","version":1,"createdAt":"…","secret":"passphrase","kdf":{…},"keyCheck":"…"}\n
 * <12-byte IV><AES-256-GCM ciphertext + 16-byte tag>
 * ```
 *
 * Line 1 is a plaintext UTF-8 JSON header of at most 2 KiB; the ciphertext's AAD is its exact
 * bytes. Its clear `"app":"trin-backup"` named the app to anyone who opened the file, which is
 * why format 2 (`binaryHeader.ts`) replaced it; this module is only for reading (and, in tests,
 * for making such old files).
 */
import { z } from '@/schemas/zod'
import { ImportError } from '../errors'
import { argon2idParamsSchema, pbkdf2ParamsSchema } from '../kdf/params'
import type { Bytes } from '../bytes'
import type { BackupHeader } from './format'

/** The `app` value of every format-1 header. */
export const LEGACY_BACKUP_APP = 'trin-backup'
/** Largest header line. */
export const MAX_LEGACY_HEADER_BYTES = 2048
/** The first byte of every format-1 file: `{`. */
export const LEGACY_FIRST_BYTE = 0x7b

const NEWLINE = 0x0a
const utf8 = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
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

const base64Bytes = z.pipe(
  z.string().check(z.maxLength(128)),
  z.transform((text: string, payload) => {
    const decoded = fromBase64(text)
    if (decoded === null) {
      payload.issues.push({ code: 'custom', message: 'Invalid base64', input: text })
      return z.NEVER
    }
    return decoded
  }),
)

const legacyHeaderSchema = z.strictObject({
  app: z.literal(LEGACY_BACKUP_APP),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  secret: z.enum(['passphrase', 'recovery-code']),
  kdf: z.discriminatedUnion('method', [
    z.strictObject({ method: z.literal('argon2id'), params: argon2idParamsSchema, salt: base64Bytes }),
    z.strictObject({ method: z.literal('pbkdf2'), params: pbkdf2ParamsSchema, salt: base64Bytes }),
  ]),
  keyCheck: base64Bytes,
})

/** The header line of a format-1 file (without its newline), keys in the order Trin wrote them. */
export function encodeLegacyHeader(header: BackupHeader): Bytes {
  const { kdf } = header
  return utf8.encode(
    JSON.stringify({
      app: LEGACY_BACKUP_APP,
      version: 1,
      createdAt: header.createdAt,
      secret: header.secret,
      kdf: { method: kdf.method, params: kdf.params, salt: toBase64(kdf.salt) },
      keyCheck: toBase64(header.keyCheck),
    }),
  )
}

/** A format-1 file: header line, newline, then the sealed body. */
export function joinLegacyFile(headerBytes: Bytes, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(headerBytes.byteLength + 1 + body.byteLength)
  bytes.set(headerBytes, 0)
  bytes[headerBytes.byteLength] = NEWLINE
  bytes.set(body, headerBytes.byteLength + 1)
  return bytes
}

/**
 * Splits a format-1 file into its parsed header, the exact header bytes and the body, or
 * returns null when the file does not start with a format-1 header at all (then it may be a
 * file of format 2 whose random first byte happens to be `{`).
 * @throws ImportError 'unsupported-version' | 'corrupt' — it is a format-1 header, but a bad one
 */
export function splitLegacyFile(
  bytes: Uint8Array,
): { header: BackupHeader; headerBytes: Bytes; body: Uint8Array } | null {
  if (bytes[0] !== LEGACY_FIRST_BYTE) return null
  const end = bytes.subarray(0, MAX_LEGACY_HEADER_BYTES + 1).indexOf(NEWLINE)
  if (end <= 0) return null
  const headerBytes = new Uint8Array(bytes.subarray(0, end))
  let raw: unknown
  try {
    raw = JSON.parse(strictUtf8.decode(headerBytes))
  } catch {
    return null
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    (raw as { app?: unknown }).app !== LEGACY_BACKUP_APP
  ) {
    return null
  }
  const { version } = raw as { version?: unknown }
  if (typeof version === 'number' && version !== 1) {
    throw new ImportError(
      'unsupported-version',
      `Backup format ${version} is not supported by this version of Trin`,
    )
  }
  const parsed = legacyHeaderSchema.safeParse(raw)
  if (!parsed.success) throw new ImportError('corrupt', 'The backup header is damaged')
  const { createdAt, secret, kdf, keyCheck } = parsed.data
  return {
    header: { format: 1, createdAt, secret, kdf, keyCheck },
    headerBytes,
    body: bytes.subarray(end + 1),
  }
}
