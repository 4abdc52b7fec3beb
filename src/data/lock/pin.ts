/**
 * PIN re-open: a short PIN that may only re-open a data key still held in memory after an
 * auto-lock. A 4–12 digit PIN has at most 10^12 values (10^4 for the usual four digits), so it
 * can never protect anything at rest: nothing PIN-related is ever written to storage, and after a
 * reload the passphrase is required.
 *
 * While a PIN is set, the data key is kept sealed (AES-GCM, AAD label 'trin/pin/v1') under a key
 * derived from the PIN with PBKDF2 (100,000 iterations, random salt, memory only). Locking drops
 * the usable key and every decrypted record; only this sealed copy stays. Three wrong PINs drop
 * the sealed copy too.
 */
import {
  randomBytes,
  resealDataKey,
  unwrapDataKey,
  type Bytes,
  type DataKey,
  type SealedDataKey,
} from '../crypto'
import { LockError } from '../errors'

/** Digits only, 4 to 12 of them. */
export const PIN_PATTERN = /^[0-9]{4,12}$/
/** Wrong PINs allowed before the in-memory key is dropped. */
export const PIN_MAX_ATTEMPTS = 3
/** Enough to make a memory-only guess cost something; it never protects anything at rest. */
const PIN_PBKDF2_ITERATIONS = 100_000
const PIN_LABEL = 'trin/pin/v1'
const utf8 = new TextEncoder()

/** @throws LockError 'invalid-pin' unless `pin` is 4–12 ASCII digits */
export function assertValidPin(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new LockError('invalid-pin', 'A PIN is 4 to 12 digits')
}

/** The in-memory, PIN-sealed copy of the data key. */
export interface PinKeeper {
  /** Id of the data key it holds. */
  readonly keyId: string
  /** PIN tries left; 0 once the key has been dropped. */
  readonly attemptsLeft: number
  /** False once dropped (three wrong PINs or {@link PinKeeper.discard}). */
  readonly available: boolean
  /**
   * Unseals the data key (non-extractable). A wrong PIN costs a try; the last wrong try drops
   * the sealed key for good.
   * @throws LockError 'invalid-pin' | 'wrong-pin' | 'pin-unavailable'
   */
  open(pin: string): Promise<DataKey>
  /** Drops the sealed key. Idempotent. */
  discard(): void
}

async function pinKey(pin: string, salt: Bytes): Promise<CryptoKey> {
  const base = await globalThis.crypto.subtle.importKey('raw', utf8.encode(pin), 'PBKDF2', false, [
    'deriveKey',
  ])
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PIN_PBKDF2_ITERATIONS },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  )
}

/**
 * Seals the data key under `pin`. `source` is a wrap and the key that opens it (from a
 * just-checked passphrase): the raw data key is moved between them inside WebCrypto only.
 * @throws LockError 'invalid-pin'
 */
export async function createPinKeeper(
  source: { readonly wrap: SealedDataKey; readonly wrappingKey: CryptoKey },
  pin: string,
): Promise<PinKeeper> {
  assertValidPin(pin)
  const salt = randomBytes(16)
  let sealed: SealedDataKey | null = await resealDataKey(
    source.wrap,
    { key: source.wrappingKey },
    { key: await pinKey(pin, salt), label: PIN_LABEL },
  )
  let attemptsLeft = PIN_MAX_ATTEMPTS
  const { keyId } = sealed

  function discard(): void {
    if (sealed !== null) sealed.wrapped.fill(0)
    sealed = null
    attemptsLeft = 0
  }

  async function open(candidate: string): Promise<DataKey> {
    assertValidPin(candidate)
    if (sealed === null || attemptsLeft <= 0)
      throw new LockError('pin-unavailable', 'No key is held for a PIN; the passphrase is needed')
    // The try is spent before the await, so parallel calls cannot get more than three.
    attemptsLeft -= 1
    const current = sealed
    try {
      const key = await unwrapDataKey(current, await pinKey(candidate, salt), PIN_LABEL)
      if (sealed !== current) throw new LockError('pin-unavailable', 'The PIN key was dropped meanwhile')
      attemptsLeft = PIN_MAX_ATTEMPTS
      return key
    } catch (error) {
      if (error instanceof LockError) throw error
      if (attemptsLeft <= 0) discard()
      throw new LockError('wrong-pin', 'Wrong PIN', { attemptsLeft, cause: error })
    }
  }

  return {
    keyId,
    get attemptsLeft() {
      return attemptsLeft
    },
    get available() {
      return sealed !== null && attemptsLeft > 0
    },
    open,
    discard,
  }
}
