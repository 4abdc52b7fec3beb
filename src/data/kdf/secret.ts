/**
 * Secrets as bytes, and what this browser can run. Kept apart from derive.ts so that the main
 * bundle does not carry hash-wasm's Argon2id (~100 KB): in the browser the derivation runs in
 * the worker, and the in-process fallback loads derive.ts on demand.
 */
import type { Bytes } from '../bytes'

/** What a derived key may be used for: wrapping the data key, or encrypting a backup. */
export type DerivedKeyUse = 'wrap' | 'encrypt'

/** Longest accepted secret, in UTF-16 code units; only there to bound the work per attempt. */
export const MAX_SECRET_LENGTH = 1024

const utf8 = new TextEncoder()

/**
 * The bytes a passphrase is derived from: Unicode NFC, then UTF-8. NFC makes "é" typed as one
 * code point (most keyboards) and as e + combining accent (some) the same passphrase. Nothing is
 * trimmed: a space someone typed is part of what they chose.
 */
export function secretBytes(secret: string): Bytes {
  return utf8.encode(secret.normalize('NFC'))
}

/** Length of a secret as a person counts it: code points after NFC (an emoji is one, not two). */
export function secretLength(secret: string): number {
  // Array.from iterates by code point; `.length` would count UTF-16 units.
  return Array.from(secret.normalize('NFC')).length
}

/** The smallest valid WebAssembly module: magic number and version, nothing else. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])

/**
 * Whether WebAssembly can actually be compiled here. `WebAssembly.validate` is not enough: a
 * CSP without `'wasm-unsafe-eval'` lets it pass but makes `compile` throw.
 */
export async function canCompileWebAssembly(): Promise<boolean> {
  if (typeof WebAssembly !== 'object') return false
  try {
    await WebAssembly.compile(EMPTY_WASM_MODULE)
    return true
  } catch {
    return false
  }
}
