import { CryptoError } from './crypto'

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
  /** Anything else IndexedDB reported. */
  | 'failed'

export class StorageError extends Error {
  override readonly name = 'StorageError'
  readonly code: StorageErrorCode

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export type KeyringErrorCode =
  /** The wrapped data key does not open with this device's key. Nothing was changed. */
  | 'key-mismatch'
  /** A keyring exists but the device key is missing. Nothing was changed. */
  | 'device-key-missing'
  /** Records exist but there is no keyring: a new key would make them unreadable, so none is made. */
  | 'keyring-missing'
  /** The stored keyring is not in a format this version understands. */
  | 'keyring-unreadable'
  /** The data key is wrapped by a method that needs something this call did not get (e.g. a passphrase). */
  | 'unsupported-method'

export class KeyringError extends Error {
  override readonly name = 'KeyringError'
  readonly code: KeyringErrorCode

  constructor(code: KeyringErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export type RecordValidationErrorCode =
  /** The record does not match its zod schema. */
  | 'invalid-record'
  /** The same id appears twice in one batch. */
  | 'duplicate-id'
  /** The decrypted record's id is not the id of its row. */
  | 'id-mismatch'

/** A record was rejected by validation; `issues` are zod's, for display and debugging. */
export class RecordValidationError extends Error {
  override readonly name = 'RecordValidationError'
  readonly code: RecordValidationErrorCode
  readonly recordId: string | undefined
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]

  constructor(
    code: RecordValidationErrorCode,
    message: string,
    details: { recordId?: string | undefined; issues?: RecordValidationError['issues']; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause })
    this.code = code
    this.recordId = details.recordId
    this.issues = details.issues ?? []
  }
}

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

/** Maps anything IndexedDB/Dexie throws to a {@link StorageError}; typed errors pass through. */
export function toStorageError(error: unknown, what: string): Error {
  if (error instanceof StorageError || error instanceof KeyringError || error instanceof RecordValidationError || error instanceof CryptoError) {
    return error
  }
  const names = causes(error).map(errorName)
  if (names.includes('QuotaExceededError')) {
    return new StorageError('quota', `${what}: the browser has no room left for Trin's data`, { cause: error })
  }
  if (names.includes('VersionError')) {
    return new StorageError('version-too-new', `${what}: the data was written by a newer version of Trin`, { cause: error })
  }
  if (names.some((name) => UNAVAILABLE_NAMES.has(name))) {
    return new StorageError('unavailable', `${what}: storage is not available`, { cause: error })
  }
  return new StorageError('failed', `${what} failed`, { cause: error })
}
