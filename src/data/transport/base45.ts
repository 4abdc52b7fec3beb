import { codedError } from '../codedError'

/**
 * Base45 (RFC 9285): bytes as text in the 45 characters of a QR code's alphanumeric mode, so a
 * scanner that returns a string (`BarcodeDetector`) still gives back every byte. Two bytes become
 * three characters, a last single byte two.
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'

const VALUES: ReadonlyMap<string, number> = new Map(
  Array.from({ length: 45 }, (_, i) => [ALPHABET.charAt(i), i]),
)

export type Base45ErrorCode =
  /** A character outside the 45 of the alphabet (lower case included). */
  | 'invalid-character'
  /** A length of 3n + 1 characters, which no byte string encodes to. */
  | 'invalid-length'
  /** A group whose value is larger than its bytes can hold (above 65535, or 255 at the end). */
  | 'invalid-value'

export class Base45Error extends codedError('Base45Error')<Base45ErrorCode> {}

function char(value: number): string {
  return ALPHABET.charAt(value)
}

export function encodeBase45(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0)
    out += char(n % 45) + char(Math.floor(n / 45) % 45) + char(Math.floor(n / 2025))
  }
  if (i < bytes.length) {
    const n = bytes[i] ?? 0
    out += char(n % 45) + char(Math.floor(n / 45))
  }
  return out
}

function value(text: string, at: number): number {
  const v = VALUES.get(text.charAt(at))
  if (v === undefined) {
    throw new Base45Error('invalid-character', `Base45: character ${String(at)} is not in the alphabet`)
  }
  return v
}

export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) {
    throw new Base45Error('invalid-length', `Base45: ${String(text.length)} characters cannot be decoded`)
  }
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0))
  let o = 0
  let i = 0
  for (; i + 2 < text.length; i += 3) {
    const n = value(text, i) + value(text, i + 1) * 45 + value(text, i + 2) * 2025
    if (n > 0xffff) throw new Base45Error('invalid-value', `Base45: group at ${String(i)} is above 65535`)
    out[o++] = n >> 8
    out[o++] = n & 0xff
  }
  if (i < text.length) {
    const n = value(text, i) + value(text, i + 1) * 45
    if (n > 0xff) throw new Base45Error('invalid-value', `Base45: last group is above 255`)
    out[o] = n
  }
  return out
}
