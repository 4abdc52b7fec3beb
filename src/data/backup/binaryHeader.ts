/**
 * The header of a backup file of format 2: 48 bytes that look like random noise.
 *
 * ```
 * offset  bytes
 *  0      16   salt (random)
 * 16      16   parameter block XOR mask(salt)
 * 32      16   key check (a GCM tag: random-looking)
 * ```
 *
 * The parameter block, before masking:
 *
 * ```
 *  0   format (2)
 *  1   key derivation: 1 Argon2id, 2 PBKDF2-SHA-256
 *  2   what opens the file: 1 a passphrase, 2 a printed recovery code
 *  3   Argon2id lanes (p); 0 for PBKDF2
 *  4–7 Argon2id memory in KiB, or PBKDF2 iterations (unsigned, big-endian)
 *  8   Argon2id passes (t); 0 for PBKDF2
 *  9–15 when the backup was made: milliseconds since 1970 UTC (unsigned, big-endian)
 * ```
 *
 * Why masked: written in clear these fields are the same in almost every file (the same
 * parameters, a date in a narrow range), which makes a fixed pattern at offset 16 that a file
 * scanner could learn as a signature. XOR with bytes derived from the file's own random salt
 * makes every file's block different. The mask is not a secret — anyone who knows this format
 * can unmask it, as the app must before it has any key — it only keeps the file from having a
 * recognisable shape. The mixing function is a public 32-bit finaliser (MurmurHash3's fmix32),
 * synchronous so that the header can be read before any secret is typed.
 */
import type { Bytes } from '../bytes'
import { SALT_BYTES, type KdfHeader } from '../kdf/params'
import type { BackupHeader, BackupSecretKind } from './format'

/** The format number inside the parameter block. */
export const BINARY_FORMAT = 2
/** Bytes of the parameter block. */
export const PARAMETER_BLOCK_BYTES = 16
/** Bytes of the key check (a GCM tag). */
export const KEY_CHECK_BYTES = 16
/** Bytes of the whole header: salt, masked block, key check. */
export const BINARY_HEADER_BYTES = SALT_BYTES + PARAMETER_BLOCK_BYTES + KEY_CHECK_BYTES

const METHOD_CODES = { argon2id: 1, pbkdf2: 2 } as const
const SECRET_CODES: Record<BackupSecretKind, number> = { passphrase: 1, 'recovery-code': 2 }
const LATEST_DATE_MS = 8.64e15

function fmix32(input: number): number {
  let h = input >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** 16 bytes derived from the 16-byte salt; every byte depends on every salt byte. */
export function parameterMask(salt: Uint8Array): Bytes {
  const view = new DataView(salt.buffer, salt.byteOffset, salt.byteLength)
  const words = [0, 4, 8, 12].map((offset) => view.getUint32(offset))
  let state = 0x6a09e667
  for (const word of words) state = fmix32((state ^ word) + 0x9e3779b9)
  const mask = new Uint8Array(PARAMETER_BLOCK_BYTES)
  const out = new DataView(mask.buffer)
  words.forEach((word, index) => {
    state = fmix32(state + Math.imul(index + 1, 0x9e3779b9))
    out.setUint32(index * 4, fmix32(state ^ word))
  })
  return mask
}

function xorInto(target: Uint8Array, mask: Uint8Array): void {
  for (let index = 0; index < target.length; index += 1)
    target[index] = (target[index] ?? 0) ^ (mask[index] ?? 0)
}

/**
 * The 48 header bytes for `header`.
 * @throws TypeError when the header cannot be written in this format (a salt that is not 16
 *   bytes, a parameter outside its field): a programming error, never the citizen's
 */
export function encodeBinaryHeader(header: BackupHeader): Bytes {
  const { kdf } = header
  if (kdf.salt.byteLength !== SALT_BYTES) throw new TypeError('A backup salt is 16 bytes')
  if (header.keyCheck.byteLength !== KEY_CHECK_BYTES) throw new TypeError('A key check is 16 bytes')
  const created = Date.parse(header.createdAt)
  if (!Number.isInteger(created) || created < 0 || created > LATEST_DATE_MS)
    throw new TypeError('The backup date is outside the format')
  const block = new Uint8Array(PARAMETER_BLOCK_BYTES)
  const view = new DataView(block.buffer)
  block[0] = BINARY_FORMAT
  block[1] = METHOD_CODES[kdf.method]
  block[2] = SECRET_CODES[header.secret]
  if (kdf.method === 'argon2id') {
    const { memoryKiB, iterations, parallelism } = kdf.params
    if (parallelism > 0xff || iterations > 0xff || memoryKiB > 0xffffffff)
      throw new TypeError('Argon2id parameters outside the format')
    block[3] = parallelism
    view.setUint32(4, memoryKiB)
    block[8] = iterations
  } else {
    if (kdf.params.iterations > 0xffffffff) throw new TypeError('PBKDF2 iterations outside the format')
    view.setUint32(4, kdf.params.iterations)
  }
  // 56 bits of milliseconds: the high 3 bytes come from the quotient, the low 4 from the rest.
  view.setUint32(9, Math.floor(created / 2 ** 32) << 8)
  view.setUint32(12, created % 2 ** 32)
  xorInto(block, parameterMask(kdf.salt))
  const bytes = new Uint8Array(BINARY_HEADER_BYTES)
  bytes.set(kdf.salt, 0)
  bytes.set(block, SALT_BYTES)
  bytes.set(header.keyCheck, SALT_BYTES + PARAMETER_BLOCK_BYTES)
  return bytes
}

/**
 * Reads the 48 header bytes, or returns null when they are not a header of format 2 (a file
 * that is something else, or noise). Does not check the KDF policy: the caller does.
 */
export function decodeBinaryHeader(bytes: Uint8Array): BackupHeader | null {
  if (bytes.byteLength < BINARY_HEADER_BYTES) return null
  const salt = new Uint8Array(bytes.subarray(0, SALT_BYTES))
  const block = new Uint8Array(bytes.subarray(SALT_BYTES, SALT_BYTES + PARAMETER_BLOCK_BYTES))
  xorInto(block, parameterMask(salt))
  const view = new DataView(block.buffer)
  if (block[0] !== BINARY_FORMAT) return null
  const secret = block[2] === 1 ? 'passphrase' : block[2] === 2 ? 'recovery-code' : null
  if (secret === null) return null
  const created = (view.getUint32(8) & 0xffffff) * 2 ** 32 + view.getUint32(12)
  if (created > LATEST_DATE_MS) return null
  const firstWord = view.getUint32(4)
  let kdf: KdfHeader
  if (block[1] === METHOD_CODES.argon2id) {
    kdf = {
      method: 'argon2id',
      params: {
        memoryKiB: firstWord,
        iterations: block[8] ?? 0,
        parallelism: block[3] ?? 0,
        hashLength: 32,
      },
      salt,
    }
  } else if (block[1] === METHOD_CODES.pbkdf2) {
    if (block[3] !== 0 || block[8] !== 0) return null
    kdf = { method: 'pbkdf2', params: { hash: 'SHA-256', iterations: firstWord, hashLength: 32 }, salt }
  } else {
    return null
  }
  return {
    format: BINARY_FORMAT,
    createdAt: new Date(created).toISOString(),
    secret,
    kdf,
    keyCheck: new Uint8Array(bytes.subarray(SALT_BYTES + PARAMETER_BLOCK_BYTES, BINARY_HEADER_BYTES)),
  }
}
