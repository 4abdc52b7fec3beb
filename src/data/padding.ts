/**
 * Length hiding for encrypted plaintexts. AES-GCM ciphertext is exactly as long as its
 * plaintext, so without padding a record's size tells its content apart (a plan for the shelter
 * transition was 387 bytes, every other 389–392). Padded plaintext, format 1:
 *
 * ```
 * 0x01 (format) ‖ payload ‖ 0x80 ‖ 0x00 … 0x00   — total a multiple of `block` bytes
 * ```
 *
 * The 0x80-then-zeros tail (ISO/IEC 7816-4) makes the unpad unambiguous for any payload: drop
 * the trailing zeros, then exactly one 0x80. Unpadded plaintext from before (UTF-8 JSON) starts
 * with `{` or `[` (or whitespace), never with 0x01, so both can be read; only padded is written.
 */
import type { Bytes } from './bytes'

/** First byte of a padded plaintext. */
export const PADDED_FORMAT = 0x01
/** Records are padded to a multiple of this many bytes (see src/data/README.md for why). */
export const RECORD_PAD_BLOCK = 256
/** Backup payloads (the whole plan in one file) are padded to a multiple of this. */
export const BACKUP_PAD_BLOCK = 1024

const MARKER = 0x80

/**
 * `payload` framed and padded to the next multiple of `block` (always at least one byte of
 * padding). With `overhead`, padded so that `overhead` + the result is the multiple: a backup
 * file's header and tag then add no constant remainder to its size.
 */
export function pad(payload: Uint8Array, block: number, overhead = 0): Bytes {
  if (!Number.isInteger(block) || block < 2) throw new RangeError('Padding block must be an integer ≥ 2')
  if (!Number.isInteger(overhead) || overhead < 0)
    throw new RangeError('Padding overhead must be an integer ≥ 0')
  const framed = payload.byteLength + 2
  const total = Math.ceil((framed + overhead) / block) * block - overhead
  const out = new Uint8Array(total)
  out[0] = PADDED_FORMAT
  out.set(payload, 1)
  out[payload.byteLength + 1] = MARKER
  return out
}

/** Whether `plaintext` is in the padded format (as opposed to a row written before padding). */
export function isPadded(plaintext: Uint8Array): boolean {
  return plaintext[0] === PADDED_FORMAT
}

/**
 * The payload inside a padded plaintext, or null when the framing is broken (a bug or a forged
 * plaintext under the right key — both refused rather than guessed at).
 */
export function unpad(plaintext: Uint8Array): Uint8Array | null {
  if (!isPadded(plaintext)) return null
  let end = plaintext.byteLength - 1
  while (end > 0 && plaintext[end] === 0) end -= 1
  if (end < 1 || plaintext[end] !== MARKER) return null
  return plaintext.subarray(1, end)
}

/**
 * The payload of a padded plaintext, or an unpadded (legacy) plaintext unchanged.
 * Null when a padded plaintext's framing is broken.
 */
export function readPaddedOrLegacy(plaintext: Uint8Array): Uint8Array | null {
  return isPadded(plaintext) ? unpad(plaintext) : plaintext
}
