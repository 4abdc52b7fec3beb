import { CryptoError } from './crypto'
import { KdfError } from './kdf/params'
import { codedError, recordIssuesError } from './codedError'

/**
 * Typed errors of the data layer. A caller can always tell "storage is full" from "the key does
 * not match" from "this record is not valid", and none of them ever leads to deleting data.
 */

export type StorageErrorCode =
  /** The browser refused to store more (quota exceeded). */
  | 'quota'
  /** IndexedDB is missing, blocked, closed or failed to open (private mode, storage disabled). */
  | 'unavailable'
  /** The database, or its records, were written by a newer version of the app. */
  | 'version-too-new'
  /** A save committed but reading it back did not return the same record. */
  | 'read-back-mismatch'
  /** No record with this id. */
  | 'not-found'
  /** The write would replace a row that cannot be decrypted or parsed; it is left untouched. */
  | 'would-overwrite-unreadable'
  /** A restore found records and replacing them was not confirmed; nothing was written. */
  | 'not-empty'
  /** The data key was replaced (passphrase set in another tab) since this vault opened; nothing was written. */
  | 'key-changed'
  /** Anything else IndexedDB reported. */
  | 'failed'

export class StorageError extends codedError('StorageError')<StorageErrorCode> {}

export type KeyringErrorCode =
  /** The wrapped data key does not open with this device's key. Nothing was changed. */
  | 'key-mismatch'
  /** A keyring exists but the device key is missing. Nothing was changed. */
  | 'device-key-missing'
  /** Records exist but there is no keyring: a new key would make them unreadable, so none is made. */
  | 'keyring-missing'
  /** The stored keyring is not in a format this version understands. */
  | 'keyring-unreadable'
  /** The data key is wrapped by a method this version does not know. Nothing was changed. */
  | 'unsupported-method'
  /** The data key is locked with a passphrase and none was given: show the lock screen. */
  | 'passphrase-required'

export class KeyringError extends codedError('KeyringError')<KeyringErrorCode> {}

export type RecordValidationErrorCode =
  /** The record does not match its zod schema. */
  | 'invalid-record'
  /** The same id appears twice in one batch. */
  | 'duplicate-id'
  /** The decrypted record's id is not the id of its row. */
  | 'id-mismatch'

/** A record was rejected by validation; `issues` are zod's, for display and debugging. */
export class RecordValidationError extends recordIssuesError(
  'RecordValidationError',
)<RecordValidationErrorCode> {}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : ''
}

/** Dexie may report a quota failure as the `inner` error of an AbortError, or inside a BulkError. */
function causes(error: unknown): unknown[] {
  const seen: unknown[] = []
  const queue: unknown[] = [error]
  while (queue.length > 0 && seen.length < 16) {
    const next = queue.shift()
    if (next === undefined || next === null || seen.includes(next)) continue
    seen.push(next)
    if (typeof next === 'object') {
      const { inner, cause, failures } = next as { inner?: unknown; cause?: unknown; failures?: unknown }
      queue.push(inner, cause)
      if (Array.isArray(failures)) queue.push(...(failures as unknown[]))
    }
  }
  return seen
}

const UNAVAILABLE_NAMES = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'UnknownError',
  'SecurityError',
  'NoSuchDatabaseError',
])

export type LockErrorCode =
  /** The passphrase does not open the data key. Nothing was changed but the attempt counter. */
  | 'wrong-passphrase'
  /** Too many wrong tries: the next one is allowed at `retryAt`. Nothing was derived or changed. */
  | 'too-soon'
  /** The operation needs a passphrase lock, and there is none (no keyring, or "no lock" mode). */
  | 'not-locked'
  /** A passphrase is already set; use changePassphrase. */
  | 'already-locked'
  /** A new passphrase is shorter than {@link MIN_PASSPHRASE_LENGTH}. */
  | 'passphrase-too-short'
  /** A passphrase is longer than the derivation accepts. */
  | 'passphrase-too-long'
  /** The stored KDF parameters are weaker than the floor (or absurdly expensive): possible tampering. */
  | 'kdf-params-rejected'
  /** The stored KDF cannot run in this browser (no WebAssembly, or a CSP forbids it). */
  | 'kdf-unavailable'
  /** The derivation failed for another reason. */
  | 'kdf-failed'
  /** Another tab changed the lock while this operation ran; nothing was written. Try again. */
  | 'concurrent-change'
  /** A PIN must be 4–12 digits. */
  | 'invalid-pin'
  /** The PIN does not open the key held in memory; `attemptsLeft` says how many tries remain. */
  | 'wrong-pin'
  /** No key is held in memory for a PIN (after a reload, a close, or three wrong PINs). */
  | 'pin-unavailable'

/** Shortest passphrase accepted when setting or changing one, in code points (after NFC). */
export const MIN_PASSPHRASE_LENGTH = 8

/** A lock operation failed. Nothing stored was deleted or rewritten (see each code). */
export class LockError extends codedError('LockError')<LockErrorCode> {
  /** For 'wrong-passphrase' and 'too-soon': when the next try is allowed (epoch ms), or null for "now". */
  readonly retryAt: number | null
  /** For 'wrong-pin': PIN tries left before the in-memory key is dropped. */
  readonly attemptsLeft: number | null

  constructor(
    code: LockErrorCode,
    message: string,
    details: { retryAt?: number | null; attemptsLeft?: number | null; cause?: unknown } = {},
  ) {
    super(code, message, { cause: details.cause })
    this.retryAt = details.retryAt ?? null
    this.attemptsLeft = details.attemptsLeft ?? null
  }
}

export type ImportErrorCode =
  /** The file is larger than the cap; it was not read further. */
  | 'too-large'
  /** The file is not a Trin backup (no header, or another app's). */
  | 'not-a-backup'
  /** A Trin backup of a format or record-schema version this app cannot read. */
  | 'unsupported-version'
  /** The file's KDF parameters are outside the policy (too weak, or absurdly expensive). */
  | 'kdf-rejected'
  /** The file's KDF cannot run in this browser. */
  | 'kdf-unavailable'
  /** The passphrase or recovery code does not open this file. */
  | 'wrong-secret'
  /** The secret is right but the file is damaged (or was tampered with). */
  | 'corrupt'
  /** The file decrypts but its records do not validate (or an id appears twice). */
  | 'invalid-records'
  /**
   * Every record is valid on its own but together they are not one plan: not exactly one plan,
   * an id twice, or a reference that resolves to nothing (`@/domain/recordSet`).
   */
  | 'inconsistent-records'
  /** A record's clock stamp lies more than a day ahead of this device's clock. */
  | 'clock-ahead'
  /** The target already holds records and replacing them was not confirmed. */
  | 'target-not-empty'
  /** The vault to restore into is locked or closed. */
  | 'vault-closed'
  /** Writing the records failed (e.g. quota); nothing was written. `cause` has the StorageError. */
  | 'storage-failed'
  /** An unexpected failure; nothing was written. A bug: `cause` says more. */
  | 'internal'

/**
 * An import (backup restore) was refused. The database is unchanged. For 'invalid-records':
 * the first offending record's id, when it has one, and zod's issues.
 */
export class ImportError extends recordIssuesError('ImportError')<ImportErrorCode> {}

export type BackupErrorCode =
  /** The passphrase is too short/long, or the recovery code is malformed. */
  | 'invalid-secret'
  /** The vault to back up is locked or closed. */
  | 'vault-closed'
  /** A record to back up does not validate, or an id appears twice. */
  | 'invalid-records'
  /** The key derivation cannot run here, or failed. */
  | 'kdf-failed'
  /** The backup would exceed the size a restore accepts. */
  | 'too-large'
  /** The file was made but reading it back did not give the same records: do not report "done". */
  | 'verify-failed'
  /** Reading the records failed. */
  | 'storage-failed'

/** Making a backup failed; no file should be offered to the user. */
export class BackupError extends codedError('BackupError')<BackupErrorCode> {}

/** Maps anything IndexedDB/Dexie throws to a {@link StorageError}; typed errors pass through. */
export function toStorageError(error: unknown, what: string): Error {
  if (
    error instanceof StorageError ||
    error instanceof KeyringError ||
    error instanceof RecordValidationError ||
    error instanceof CryptoError ||
    error instanceof LockError ||
    error instanceof ImportError ||
    error instanceof BackupError ||
    error instanceof KdfError
  ) {
    return error
  }
  const names = causes(error).map(errorName)
  if (names.includes('QuotaExceededError')) {
    return new StorageError('quota', `${what}: the browser has no room left for Trin's data`, {
      cause: error,
    })
  }
  if (names.includes('VersionError')) {
    return new StorageError('version-too-new', `${what}: the data was written by a newer version of Trin`, {
      cause: error,
    })
  }
  if (names.some((name) => UNAVAILABLE_NAMES.has(name))) {
    return new StorageError('unavailable', `${what}: storage is not available`, { cause: error })
  }
  return new StorageError('failed', `${what} failed`, { cause: error })
}
