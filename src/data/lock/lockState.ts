/**
 * The lock's state, read without any key: what the first screen needs to choose between the
 * lock screen and the plan. Setting, changing and removing the lock is ./passphrase.ts, loaded
 * only when she does that (issue #11: the first screen carries nothing it does not need).
 */
import type { TrinDatabase } from '../db'
import { currentGeneration, databaseOf, type Generation, type StorageOptions } from '../generations'
import { toStorageError } from '../errors'
import { readAttemptState, readKeyWrap, type LockMethod, type PassphraseOptions } from '../keyring'
import { attemptGate } from './backoff'

/** Options of every lock operation. */
export interface LockOptions extends PassphraseOptions, StorageOptions {}

/** What the lock screen needs to know, readable without any key. */
export interface LockState {
  /** 'none' before the first open; 'device' is "no lock"; otherwise the passphrase's KDF. */
  readonly method: LockMethod
  /** Consecutive wrong passphrases. */
  readonly failures: number
  /** When the next passphrase try is allowed (epoch ms), or null for now. */
  readonly retryAt: number | null
}

/** Runs `run` on the current generation's database; `null` when nothing is stored yet. */
export async function withCurrent<T>(
  options: StorageOptions,
  what: string,
  run: (db: TrinDatabase | null, generation: Generation | null) => Promise<T>,
): Promise<T> {
  let db: TrinDatabase | null = null
  try {
    const generation = await currentGeneration(options, { create: false })
    if (generation !== null) {
      db = databaseOf(generation)
      await db.open()
    }
    return await run(db, generation)
  } catch (error) {
    throw toStorageError(error, what)
  } finally {
    db?.close()
  }
}

/** Reads the lock method and the attempt delay from the plaintext `meta` rows. */
export async function readLockState(options: LockOptions = {}): Promise<LockState> {
  const now = options.now ?? Date.now
  return withCurrent(options, 'readLockState', async (db) => {
    if (db === null) return { method: 'none', failures: 0, retryAt: null }
    const wrap = await readKeyWrap(db)
    const method: LockMethod = wrap?.method ?? 'none'
    const at = now()
    const gate = attemptGate(await readAttemptState(db), at)
    return { method, failures: gate.state.failures, retryAt: gate.wait > 0 ? at + gate.wait : null }
  })
}

/** How the data key is protected ('none' | 'device' | 'argon2id' | 'pbkdf2'), without any key. */
export async function lockMethod(options: LockOptions = {}): Promise<LockMethod> {
  return (await readLockState(options)).method
}
