/**
 * The derivation itself: secret bytes + {@link KdfHeader} → a non-extractable AES-GCM key.
 * Runs inside the KDF worker in the browser, and in-process where Worker is unavailable (loaded
 * on demand there, so the main bundle does not carry hash-wasm).
 *
 * Argon2id comes from hash-wasm, which compiles its WebAssembly with `WebAssembly.compile` /
 * `WebAssembly.instantiate` from bytes embedded in the bundle — no `eval`, no `new Function`,
 * no network — so the CSP needs `'wasm-unsafe-eval'` and nothing more (a test checks the shipped
 * bundle for `eval`/`Function`). PBKDF2 is WebCrypto's.
 */
import { argon2id } from 'hash-wasm'
import type { Bytes } from '../bytes'
import { KdfError } from './kdfError'
import type { KdfHeader } from './params'
import { canCompileWebAssembly, type DerivedKeyUse } from './secret'

function usagesOf(use: DerivedKeyUse): KeyUsage[] {
  return use === 'wrap' ? ['wrapKey', 'unwrapKey'] : ['encrypt', 'decrypt']
}

async function importDerived(raw: Bytes, use: DerivedKeyUse): Promise<CryptoKey> {
  try {
    return await globalThis.crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, usagesOf(use))
  } finally {
    // The derived bytes were the key; they do not outlive the import.
    raw.fill(0)
  }
}

/**
 * Derives a non-extractable AES-256-GCM key. The header must already have passed
 * `assertKdfHeaderAllowed`: this function runs whatever it is given.
 * @throws KdfError 'unavailable' (no WebAssembly / CSP) or 'failed'
 */
export async function deriveKeyInProcess(
  secret: Bytes,
  header: KdfHeader,
  use: DerivedKeyUse,
): Promise<CryptoKey> {
  if (secret.byteLength === 0) throw new KdfError('failed', 'An empty secret cannot be derived')
  if (header.method === 'argon2id') {
    if (typeof WebAssembly !== 'object')
      throw new KdfError('unavailable', 'Argon2id needs WebAssembly, which this browser lacks')
    let raw: Uint8Array
    try {
      raw = await argon2id({
        // Copies: hash-wasm keeps its own buffers, and ours may be zeroed by the caller.
        password: new Uint8Array(secret),
        salt: new Uint8Array(header.salt),
        iterations: header.params.iterations,
        parallelism: header.params.parallelism,
        memorySize: header.params.memoryKiB,
        hashLength: header.params.hashLength,
        outputType: 'binary',
      })
    } catch (error) {
      // A CSP without 'wasm-unsafe-eval' makes WebAssembly.compile throw: that is "unavailable".
      const code = (await canCompileWebAssembly()) ? 'failed' : 'unavailable'
      throw new KdfError(code, 'Argon2id derivation failed', { cause: error })
    }
    return importDerived(new Uint8Array(raw), use)
  }
  try {
    const base = await globalThis.crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey'])
    return await globalThis.crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: header.params.hash, salt: header.salt, iterations: header.params.iterations },
      base,
      { name: 'AES-GCM', length: header.params.hashLength * 8 },
      false,
      usagesOf(use),
    )
  } catch (error) {
    throw new KdfError('failed', 'PBKDF2 derivation failed', { cause: error })
  }
}
