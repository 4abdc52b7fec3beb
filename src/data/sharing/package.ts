/**
 * The share package (issue #14 item 3; DESIGN.md, "Sharing and co-editing"): the bytes that
 * carry the worker's projection of her plan, the same by file, animated QR or a later relay.
 *
 * ```
 * u16 header length (big-endian) ‖ header: canonical JSON, UTF-8 ‖ IV (12) ‖ AES-256-GCM ciphertext
 * ```
 *
 * - **Header** `{ format: 'trin-share', version: 1, pairingId, seq, createdAt }` in the clear, so a
 *   device can tell which pairing and which package it holds before decrypting; the length and
 *   the header bytes are the AES-GCM associated data, so not one of them can change unnoticed.
 * - **Body** `{ records, tombstones, decisions? }` (decisions: hers on the worker's proposals) as canonical JSON → `CompressionStream('deflate-raw')`
 *   (fflate, loaded lazily, only where the browser lacks it) → padded → encrypted with the
 *   pairing's share key under a fresh random 96-bit IV.
 * - **Padding: PADMÉ** (Nikitin et al., "Reducing metadata leakage from encrypted files and
 *   communication with PURBs", 2019), at least {@link MIN_PACKAGE_PLAINTEXT} bytes, framed as
 *   `src/data/padding.ts` frames records. The record padding's fixed 256-byte blocks would let the
 *   size of a large plan track its content to the quarter-kilobyte; PADMÉ leaks only
 *   O(log log n) bits of the length at an overhead of at most 12 % — right for a payload that
 *   ranges from one goal to a whole plan and may travel as QR frames, where every byte costs time.
 * - **Decoding** is the other way with a typed {@link SharePackageError} for every failure: a size
 *   cap, the framing, a strict header, the expected pairing, an ended pairing, the tag (wrong key,
 *   a changed byte), the padding, a cap on the inflated size, and a strict body whose records go
 *   through the real record schemas. Nothing is written here: the caller applies the result with
 *   `src/domain/shareImport.ts`, so a refused package changes nothing.
 */
import type { Bytes } from '../bytes'
import { canonicalJson } from '../canonicalJson'
import { codedError } from '../codedError'
import { CryptoError, IV_BYTES, decryptBytes, encryptBytes } from '../crypto'
import { pad, unpad } from '../padding'
import { isShareableKind, type ShareableRecord } from '@/domain/sharing'
import { hexToBytes } from '@/domain/pairing'
import type { CivilDate } from '@/domain/civilDate'
import type { ProposalDecision } from '@/domain/proposals'
import {
  civilDate,
  hlc,
  pairingIdSchema,
  proposalDecisionSchema,
  trinRecordSchema,
  uuid,
  type TrinRecord,
} from '@/schemas'
import { z } from '@/schemas/zod'

/** Why a package was refused. */
export type SharePackageErrorCode =
  /** Larger than any package may be (before or after inflating). */
  | 'too-large'
  /** Not a share package: framing or header broken. */
  | 'bad-format'
  /** A share package of a format version this app does not read. */
  | 'unsupported-version'
  /** For another pairing than the one expected. */
  | 'wrong-pairing'
  /** The pairing has ended (she unpaired, or the course ended): no package is read any more. */
  | 'pairing-ended'
  /** The tag does not verify: a wrong key, or a changed byte anywhere. */
  | 'decrypt-failed'
  /** Decrypted, but the content is not a valid body (padding, compression, JSON, records). */
  | 'bad-body'

/** A refused package; `code` says why. */
export class SharePackageError extends codedError('SharePackageError')<SharePackageErrorCode> {}

/** The package format's name and version. */
export const SHARE_FORMAT = 'trin-share'
export const SHARE_VERSION = 1
/** No package is larger (a plan of thousands of records compresses far below this). */
export const MAX_PACKAGE_BYTES = 4 * 1024 * 1024
/** No body inflates to more than this (a deflate bomb is refused while it inflates). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024
/**
 * A package file's name: no app name and no person in it (like a backup's, `data-….bin`), so a
 * downloads list or a share sheet does not tell what it is.
 */
export function shareFileName(seq: number): string {
  return `package-${String(seq)}.bin`
}

/** The smallest padded plaintext: a package with one goal looks like one with a dozen. */
export const MIN_PACKAGE_PLAINTEXT = 512
const MAX_HEADER_BYTES = 512
const MAX_RECORDS = 20_000
const GCM_TAG_BYTES = 16

/**
 * The header fields every package of this family has (share and proposal packages), under its
 * format's name; a format adds its own beside them.
 */
export function packageHeaderFields<const F extends string>(format: F) {
  return {
    format: z.literal(format),
    version: z.int(),
    pairingId: pairingIdSchema,
    seq: z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
    createdAt: hlc,
  }
}

const headerSchema = z.strictObject({
  ...packageHeaderFields(SHARE_FORMAT),
  /**
   * The first day the pairing is over by itself, as her phone knows it when the package is made
   * (a pause moves it); null while it cannot be known. The worker's phone keeps the newest.
   */
  endsOn: z.nullable(civilDate),
})

/** The header: in the clear, authenticated. */
export type SharePackageHeader = z.infer<typeof headerSchema>

/**
 * What a package carries: the projection, the ids the worker's copy must drop, and her
 * decisions on the worker's proposals (absent from packages made before proposals existed).
 */
export interface SharePackageBody {
  readonly records: readonly ShareableRecord[]
  readonly tombstones: readonly string[]
  readonly decisions?: readonly ProposalDecision[]
}

/** A decoded package. */
export interface SharePackage {
  readonly header: SharePackageHeader
  readonly body: SharePackageBody
}

function isProjectedRecord(record: TrinRecord): record is ShareableRecord {
  if (!isShareableKind(record.kind) || !record.shared || record.deleted) return false
  if (record.kind === 'plan') return record.safetyNotes === undefined && record.pairing === null
  if (record.kind === 'contact')
    return record.safety.mustNotTell.length === 0 && record.safety.mustNotTellNote === undefined
  return true
}

const bodySchema = z
  .strictObject({
    records: z.array(trinRecordSchema).check(z.maxLength(MAX_RECORDS)),
    tombstones: z.array(uuid).check(z.maxLength(MAX_RECORDS)),
    decisions: z.optional(z.array(proposalDecisionSchema).check(z.maxLength(MAX_RECORDS))),
  })
  .check(
    z.superRefine((body, ctx) => {
      const ids = new Set<string>()
      body.records.forEach((record, index) => {
        if (!isProjectedRecord(record))
          ctx.addIssue({
            code: 'custom',
            message: 'Not a record a worker may receive',
            path: ['records', index],
          })
        if (ids.has(record.id))
          ctx.addIssue({ code: 'custom', message: 'Duplicate id', path: ['records', index] })
        ids.add(record.id)
      })
      body.tombstones.forEach((id, index) => {
        if (ids.has(id))
          ctx.addIssue({
            code: 'custom',
            message: 'A record cannot be dropped and kept',
            path: ['tombstones', index],
          })
      })
    }),
  )

const utf8 = new TextEncoder()
const utf8Strict = new TextDecoder('utf-8', { fatal: true })

/** The PADMÉ size class of a length: its exponent kept, the low mantissa bits rounded up. */
export function padmeLength(length: number): number {
  if (!Number.isInteger(length) || length < 0 || length > 0x7fffffff)
    throw new RangeError('Length out of range')
  if (length < 2) return length
  const exponent = 31 - Math.clz32(length)
  const exponentBits = 32 - Math.clz32(exponent)
  const mask = (1 << (exponent - exponentBits)) - 1
  return (length + mask) & ~mask
}

function padded(payload: Uint8Array): Bytes {
  // `pad` rounds the framed payload (two bytes more) up to a multiple of the block; a block of
  // exactly the size class gives exactly one block.
  return pad(payload, Math.max(MIN_PACKAGE_PLAINTEXT, padmeLength(payload.byteLength + 2)))
}

// ---------------------------------------------------------------------------------------------
// Compression

function deflateRawStream(): CompressionStream | null {
  try {
    return typeof CompressionStream === 'function' ? new CompressionStream('deflate-raw') : null
  } catch {
    return null // a browser with CompressionStream but without 'deflate-raw' (Chrome < 103)
  }
}

function inflateRawStream(): DecompressionStream | null {
  try {
    return typeof DecompressionStream === 'function' ? new DecompressionStream('deflate-raw') : null
  } catch {
    return null
  }
}

function joined(chunks: readonly Uint8Array[], total: number): Bytes {
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

/** Runs bytes through a (de)compression stream, refusing output over `cap` bytes. */
async function through(
  stream: CompressionStream | DecompressionStream,
  input: Bytes,
  cap: number,
): Promise<Bytes> {
  const writer = stream.writable.getWriter()
  // A broken input rejects the write as well as the read; the read's error is the one reported.
  const writing = writer
    .write(input)
    .then(() => writer.close())
    .catch(() => undefined)
  const reader = stream.readable.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > cap) {
      await reader.cancel()
      throw new SharePackageError('too-large', 'The body inflates beyond the cap')
    }
    chunks.push(value)
  }
  await writing
  return joined(chunks, total)
}

async function deflateRaw(input: Bytes): Promise<Bytes> {
  const stream = deflateRawStream()
  if (stream !== null) return through(stream, input, Number.MAX_SAFE_INTEGER)
  const { deflateSync } = await import('fflate')
  return deflateSync(input)
}

// fflate inflates what it is given at once: feeding it slices keeps a bomb from growing past the
// cap by more than one slice's worth (deflate expands at most about 1,032 : 1).
const FALLBACK_SLICE = 1024

async function inflateRaw(input: Bytes, cap: number): Promise<Bytes> {
  const stream = inflateRawStream()
  if (stream !== null) return through(stream, input, cap)
  const { Inflate } = await import('fflate')
  const chunks: Uint8Array[] = []
  let total = 0
  const state = { ended: false }
  const inflater = new Inflate((chunk, final) => {
    total += chunk.byteLength
    chunks.push(chunk)
    state.ended ||= final
  })
  for (let at = 0; at < input.byteLength; at += FALLBACK_SLICE) {
    inflater.push(input.subarray(at, at + FALLBACK_SLICE), at + FALLBACK_SLICE >= input.byteLength)
    if (total > cap) throw new SharePackageError('too-large', 'The body inflates beyond the cap')
  }
  if (!state.ended) throw new SharePackageError('bad-body', 'The compressed body is cut short')
  return joined(chunks, total)
}

// ---------------------------------------------------------------------------------------------
// Keys

/** The share key (64 hex digits) as a non-extractable AES-256-GCM key. */
export async function importShareKey(shareKeyHex: string): Promise<CryptoKey> {
  const raw = hexToBytes(shareKeyHex)
  if (raw?.byteLength !== 32) throw new CryptoError('bad-key', 'A share key is 32 bytes')
  return globalThis.crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'AES-GCM' }, false, [
    'encrypt',
    'decrypt',
  ])
}

// ---------------------------------------------------------------------------------------------
// Encode and decode

/** The header's bytes as they are framed and authenticated: length then canonical JSON. */
function framedHeader(header: object): Bytes {
  const json = utf8.encode(canonicalJson(header))
  if (json.byteLength > MAX_HEADER_BYTES) throw new RangeError('Header too long')
  const out = new Uint8Array(2 + json.byteLength)
  out.set([json.byteLength >> 8, json.byteLength & 0xff])
  out.set(json, 2)
  return out
}

/**
 * Seals a package of any format of this family (share or proposal package): `header` framed in
 * the clear as the associated data, `body` as canonical JSON compressed, padded and encrypted.
 */
export async function sealPackage(header: object, body: unknown, shareKeyHex: string): Promise<Bytes> {
  const aad = framedHeader(header)
  const json = utf8.encode(canonicalJson(body))
  const plaintext = padded(await deflateRaw(json))
  const { iv, ct } = await encryptBytes(await importShareKey(shareKeyHex), plaintext, aad)
  const out = new Uint8Array(aad.byteLength + iv.byteLength + ct.byteLength)
  out.set(aad)
  out.set(iv, aad.byteLength)
  out.set(ct, aad.byteLength + iv.byteLength)
  if (out.byteLength > MAX_PACKAGE_BYTES) throw new SharePackageError('too-large', 'The package is too large')
  return out
}

/** Builds a package: header in the clear (authenticated), body compressed, padded, encrypted. */
export async function encodeSharePackage(
  header: Omit<SharePackageHeader, 'format' | 'version' | 'endsOn'> & { endsOn?: CivilDate | null },
  body: SharePackageBody,
  shareKeyHex: string,
): Promise<Bytes> {
  const full = headerSchema.parse({ format: SHARE_FORMAT, version: SHARE_VERSION, endsOn: null, ...header })
  const decisions = body.decisions ?? []
  return sealPackage(
    full,
    {
      records: body.records,
      tombstones: body.tombstones,
      ...(decisions.length > 0 ? { decisions } : {}),
    },
    shareKeyHex,
  )
}

/**
 * The framed header of a package of this family, parsed by `schema` (not yet authenticated),
 * and where the rest starts; a `bad-format` or `unsupported-version` error otherwise.
 */
export function readFramedHeader<T extends { readonly version: number }>(
  bytes: Uint8Array,
  schema: z.ZodMiniType<T>,
  version: number,
): { readonly header: T; readonly end: number } {
  if (bytes.byteLength > MAX_PACKAGE_BYTES)
    throw new SharePackageError('too-large', 'The package is too large')
  const length = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)
  const end = 2 + length
  if (
    bytes.byteLength < 2 ||
    length === 0 ||
    length > MAX_HEADER_BYTES ||
    bytes.byteLength < end + IV_BYTES + GCM_TAG_BYTES
  )
    throw new SharePackageError('bad-format', 'Not a package')
  let raw: unknown
  try {
    raw = JSON.parse(utf8Strict.decode(bytes.subarray(2, end)))
  } catch (error) {
    throw new SharePackageError('bad-format', 'The header is not JSON', { cause: error })
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success)
    throw new SharePackageError('bad-format', 'The header is not this kind of header', {
      cause: parsed.error,
    })
  if (parsed.data.version !== version)
    throw new SharePackageError('unsupported-version', `Package version ${String(parsed.data.version)}`)
  return { header: parsed.data, end }
}

/**
 * Opens the sealed body of a package whose header ends at `end`: decrypts (the header is the
 * associated data), removes the padding and inflates it under the cap, and parses its JSON —
 * the caller checks it with its body schema.
 */
export async function openPackage(bytes: Uint8Array, end: number, shareKeyHex: string): Promise<unknown> {
  let plaintext: Bytes
  try {
    const key = await importShareKey(shareKeyHex)
    const payload = { iv: bytes.slice(end, end + IV_BYTES), ct: bytes.slice(end + IV_BYTES) }
    plaintext = await decryptBytes(key, payload, bytes.slice(0, end))
  } catch (error) {
    throw new SharePackageError('decrypt-failed', 'The package does not open with this key', { cause: error })
  }
  const compressed = unpad(plaintext)
  if (compressed === null) throw new SharePackageError('bad-body', 'The padding is damaged')
  try {
    const json = await inflateRaw(new Uint8Array(compressed), MAX_BODY_BYTES)
    return JSON.parse(utf8Strict.decode(json))
  } catch (error) {
    if (error instanceof SharePackageError) throw error
    throw new SharePackageError('bad-body', 'The body does not inflate to JSON', { cause: error })
  }
}

/** The authenticated-but-unverified header and where the rest starts, or a `bad-format` error. */
export function readSharePackageHeader(bytes: Uint8Array): {
  readonly header: SharePackageHeader
  readonly end: number
} {
  return readFramedHeader(bytes, headerSchema, SHARE_VERSION)
}

/** What the receiving side expects of a package. */
export interface ShareExpectation {
  /** The pairing's id; null on a device paired by short code that has not seen a package yet. */
  readonly pairingId: string | null
  readonly shareKey: string
  /** The pairing has ended: every package is refused. */
  readonly ended: boolean
}

/**
 * The body of a package whose header was read: refused under another pairing or an ended one,
 * then opened with the share key and parsed by `schema`, or a {@link SharePackageError}. Share
 * and proposal packages are checked the same way, in this order.
 */
export async function openExpectedBody<S extends z.ZodMiniType>(
  bytes: Uint8Array,
  framed: { readonly header: { readonly pairingId: string }; readonly end: number },
  expected: ShareExpectation,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  if (expected.pairingId !== null && framed.header.pairingId !== expected.pairingId)
    throw new SharePackageError('wrong-pairing', 'The package is for another pairing')
  if (expected.ended) throw new SharePackageError('pairing-ended', 'The pairing has ended')
  const raw = await openPackage(bytes, framed.end, expected.shareKey)
  const body = schema.safeParse(raw)
  if (!body.success)
    throw new SharePackageError('bad-body', `The body is not a ${what} body`, { cause: body.error })
  return body.data
}

/** Decodes and checks a package completely, or throws a {@link SharePackageError}. */
export async function decodeSharePackage(
  bytes: Uint8Array,
  expected: ShareExpectation,
): Promise<SharePackage> {
  const framed = readSharePackageHeader(bytes)
  const body = await openExpectedBody(bytes, framed, expected, bodySchema, 'share')
  // `bodySchema` checked every record with `isProjectedRecord`; the filter tells TypeScript.
  return {
    header: framed.header,
    body: {
      records: body.records.filter(isProjectedRecord),
      tombstones: body.tombstones,
      decisions: body.decisions ?? [],
    },
  }
}
