/**
 * Key-derivation parameters, the policy that decides which of them are acceptable, and the
 * plaintext header that carries them (in the keyring's wrap envelope and in backup files).
 *
 * Everything here is public by design: the salt and parameters must be readable before the key
 * exists. Because an attacker who can write the browser's storage (or hand over a crafted backup
 * file) controls these values, every header is checked against a floor and a ceiling *before*
 * anything is derived: a floor so that weakened parameters are never used (no downgrade), a
 * ceiling so that a header cannot make the phone allocate gigabytes or spin for hours.
 */
import { z } from '@/schemas/zod'
import type { Bytes } from '../bytes'
import { KdfError } from './kdfError'

/** Key-derivation functions a passphrase can be stretched with. */
export type KdfMethod = 'argon2id' | 'pbkdf2'

/** Argon2id (RFC 9106) cost parameters. */
export interface Argon2idParams {
  /** Memory in KiB (1024 bytes). */
  readonly memoryKiB: number
  /** Passes over memory (t). */
  readonly iterations: number
  /** Lanes (p). */
  readonly parallelism: number
  /** Output length in bytes; always 32 here (an AES-256 key). */
  readonly hashLength: number
}

/** PBKDF2 parameters; used only where WebAssembly is unavailable. */
export interface Pbkdf2Params {
  readonly hash: 'SHA-256'
  readonly iterations: number
  /** Output length in bytes; always 32 here (an AES-256 key). */
  readonly hashLength: number
}

/** Which function, with which parameters and salt, turns a secret into a key. Public. */
export type KdfHeader =
  | { readonly method: 'argon2id'; readonly params: Argon2idParams; readonly salt: Bytes }
  | { readonly method: 'pbkdf2'; readonly params: Pbkdf2Params; readonly salt: Bytes }

/** Bytes of random salt for every new derivation (RFC 9106 recommends 16). */
export const SALT_BYTES = 16
/** Bytes of derived key: AES-256. */
export const DERIVED_KEY_BYTES = 32

/** DESIGN.md: Argon2id, 64 MiB, 3 iterations, parallelism 1. */
export const ARGON2ID_PARAMS: Argon2idParams = Object.freeze({
  memoryKiB: 65_536,
  iterations: 3,
  parallelism: 1,
  hashLength: DERIVED_KEY_BYTES,
})

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. Only for browsers without WebAssembly. */
export const PBKDF2_PARAMS: Pbkdf2Params = Object.freeze({
  hash: 'SHA-256',
  iterations: 600_000,
  hashLength: DERIVED_KEY_BYTES,
})

/** Inclusive bounds for one numeric parameter. */
export interface Bounds {
  readonly min: number
  readonly max: number
}

/**
 * What a derivation may use. {@link PRODUCTION_KDF_POLICY} is the default everywhere; a test may
 * pass a cheaper policy *explicitly* (dependency injection, never a global switch), so that code
 * running with the default can never accept weak parameters.
 */
export interface KdfPolicy {
  /** Parameters for new secrets. They must themselves pass the bounds below. */
  readonly argon2id: Argon2idParams
  readonly pbkdf2: Pbkdf2Params
  /** Accepted ranges when reading a stored or imported header. */
  readonly bounds: {
    readonly argon2id: {
      readonly memoryKiB: Bounds
      readonly iterations: Bounds
      readonly parallelism: Bounds
    }
    readonly pbkdf2: { readonly iterations: Bounds }
    readonly saltBytes: Bounds
  }
}

/**
 * The only policy production code uses. Floors equal the parameters we write, so a header with
 * anything weaker was not written by this app and is refused. Ceilings keep a crafted header
 * from exhausting a phone: 256 MiB, 10 passes, 4 lanes; 10 million PBKDF2 iterations.
 */
export const PRODUCTION_KDF_POLICY: KdfPolicy = Object.freeze({
  argon2id: ARGON2ID_PARAMS,
  pbkdf2: PBKDF2_PARAMS,
  bounds: Object.freeze({
    argon2id: Object.freeze({
      memoryKiB: { min: ARGON2ID_PARAMS.memoryKiB, max: 262_144 },
      iterations: { min: ARGON2ID_PARAMS.iterations, max: 10 },
      parallelism: { min: 1, max: 4 },
    }),
    pbkdf2: Object.freeze({ iterations: { min: PBKDF2_PARAMS.iterations, max: 10_000_000 } }),
    saltBytes: { min: SALT_BYTES, max: 64 },
  }),
})

/**
 * The policy for a file someone hands over (a backup): the same floors, but the ceiling is what
 * this app itself writes (production: Argon2id 64 MiB, t = 3, p = 1; PBKDF2 600,000). A file
 * made by Trin never asks for more, and a crafted one asking for the most the lock tolerates
 * would stall a cheap phone for many seconds before the passphrase is even checked.
 */
export function importKdfPolicy(policy: KdfPolicy = PRODUCTION_KDF_POLICY): KdfPolicy {
  const { bounds } = policy
  const capped = (range: Bounds, own: number): Bounds => ({ min: range.min, max: Math.min(range.max, own) })
  return {
    ...policy,
    bounds: {
      argon2id: {
        memoryKiB: capped(bounds.argon2id.memoryKiB, policy.argon2id.memoryKiB),
        iterations: capped(bounds.argon2id.iterations, policy.argon2id.iterations),
        parallelism: capped(bounds.argon2id.parallelism, policy.argon2id.parallelism),
      },
      pbkdf2: { iterations: capped(bounds.pbkdf2.iterations, policy.pbkdf2.iterations) },
      saltBytes: bounds.saltBytes,
    },
  }
}

// Kept importable from here; defined apart so the KDF worker does not bundle zod.
export { KdfError, type KdfErrorCode } from './kdfError'

const count = z.int().check(z.positive(), z.maximum(2 ** 32 - 1))

export const argon2idParamsSchema = z.strictObject({
  memoryKiB: count,
  iterations: count,
  parallelism: count,
  hashLength: z.literal(DERIVED_KEY_BYTES),
})

export const pbkdf2ParamsSchema = z.strictObject({
  hash: z.literal('SHA-256'),
  iterations: count,
  hashLength: z.literal(DERIVED_KEY_BYTES),
})

function within(value: number, bounds: Bounds): boolean {
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max
}

/**
 * Refuses a header whose parameters fall outside `policy` — before any derivation runs.
 * @throws KdfError 'params-rejected'
 */
export function assertKdfHeaderAllowed(header: KdfHeader, policy: KdfPolicy = PRODUCTION_KDF_POLICY): void {
  const { bounds } = policy
  if (!within(header.salt.byteLength, bounds.saltBytes)) {
    throw new KdfError(
      'params-rejected',
      `Salt of ${header.salt.byteLength} bytes is outside the accepted range`,
    )
  }
  if (header.params.hashLength !== DERIVED_KEY_BYTES) {
    throw new KdfError(
      'params-rejected',
      `Output length ${header.params.hashLength} is not ${DERIVED_KEY_BYTES}`,
    )
  }
  if (header.method === 'argon2id') {
    const { memoryKiB, iterations, parallelism } = header.params
    const limits = bounds.argon2id
    const ok =
      within(memoryKiB, limits.memoryKiB) &&
      within(iterations, limits.iterations) &&
      within(parallelism, limits.parallelism)
    // Argon2 itself needs at least 8 KiB per lane.
    if (!ok || memoryKiB < 8 * parallelism) {
      throw new KdfError(
        'params-rejected',
        `Argon2id parameters m=${memoryKiB} t=${iterations} p=${parallelism} are outside the accepted range`,
      )
    }
    return
  }
  if (!within(header.params.iterations, bounds.pbkdf2.iterations)) {
    throw new KdfError(
      'params-rejected',
      `PBKDF2 with ${header.params.iterations} iterations is outside the accepted range`,
    )
  }
}

/** A fresh header for a new secret: the policy's parameters for `method`, a new random salt. */
export function newKdfHeader(method: KdfMethod, policy: KdfPolicy = PRODUCTION_KDF_POLICY): KdfHeader {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const header: KdfHeader =
    method === 'argon2id'
      ? { method, params: { ...policy.argon2id }, salt }
      : { method, params: { ...policy.pbkdf2 }, salt }
  // A policy whose own parameters are out of its bounds is a programming error: fail loudly.
  assertKdfHeaderAllowed(header, policy)
  return header
}
