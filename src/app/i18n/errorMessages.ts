/**
 * One translated message for every typed error the data layer raises, by its `code`
 * (`errors.<kind>.<code>` in locales/). The tables are checked against the code unions, so a new
 * code fails the typecheck until it has a message.
 */
import { CryptoError, type CryptoErrorCode } from '@/data/crypto'
import {
  BackupError,
  ImportError,
  KeyringError,
  LockError,
  RecordValidationError,
  StorageError,
  type BackupErrorCode,
  type ImportErrorCode,
  type KeyringErrorCode,
  type LockErrorCode,
  type RecordValidationErrorCode,
  type StorageErrorCode,
} from '@/data/errors'

const storage = {
  quota: 'errors.storage.quota',
  unavailable: 'errors.storage.unavailable',
  'version-too-new': 'errors.storage.versionTooNew',
  'read-back-mismatch': 'errors.storage.readBackMismatch',
  'not-found': 'errors.storage.notFound',
  'would-overwrite-unreadable': 'errors.storage.wouldOverwriteUnreadable',
  'not-empty': 'errors.storage.notEmpty',
  'key-changed': 'errors.storage.keyChanged',
  failed: 'errors.storage.failed',
} as const satisfies Record<StorageErrorCode, string>

const keyring = {
  'key-mismatch': 'errors.keyring.keyMismatch',
  'device-key-missing': 'errors.keyring.deviceKeyMissing',
  'keyring-missing': 'errors.keyring.keyringMissing',
  'keyring-unreadable': 'errors.keyring.keyringUnreadable',
  'unsupported-method': 'errors.keyring.unsupportedMethod',
  'passphrase-required': 'errors.keyring.passphraseRequired',
} as const satisfies Record<KeyringErrorCode, string>

const lock = {
  'wrong-passphrase': 'errors.lock.wrongPassphrase',
  'too-soon': 'errors.lock.tooSoon',
  'not-locked': 'errors.lock.notLocked',
  'already-locked': 'errors.lock.alreadyLocked',
  'passphrase-too-short': 'errors.lock.passphraseTooShort',
  'passphrase-too-long': 'errors.lock.passphraseTooLong',
  'kdf-params-rejected': 'errors.lock.kdfParamsRejected',
  'kdf-unavailable': 'errors.lock.kdfUnavailable',
  'kdf-failed': 'errors.lock.kdfFailed',
  'concurrent-change': 'errors.lock.concurrentChange',
  'invalid-pin': 'errors.lock.invalidPin',
  'wrong-pin': 'errors.lock.wrongPin',
  'pin-unavailable': 'errors.lock.pinUnavailable',
} as const satisfies Record<LockErrorCode, string>

const importing = {
  'too-large': 'errors.import.tooLarge',
  'not-a-backup': 'errors.import.notABackup',
  'unsupported-version': 'errors.import.unsupportedVersion',
  'kdf-rejected': 'errors.import.kdfRejected',
  'kdf-unavailable': 'errors.import.kdfUnavailable',
  'wrong-secret': 'errors.import.wrongSecret',
  corrupt: 'errors.import.corrupt',
  'invalid-records': 'errors.import.invalidRecords',
  'inconsistent-records': 'errors.import.inconsistentRecords',
  'clock-ahead': 'errors.import.clockAhead',
  'target-not-empty': 'errors.import.targetNotEmpty',
  'vault-closed': 'errors.import.vaultClosed',
  'storage-failed': 'errors.import.storageFailed',
  internal: 'errors.import.internal',
} as const satisfies Record<ImportErrorCode, string>

const backup = {
  'invalid-secret': 'errors.backup.invalidSecret',
  'vault-closed': 'errors.backup.vaultClosed',
  'invalid-records': 'errors.backup.invalidRecords',
  'kdf-failed': 'errors.backup.kdfFailed',
  'too-large': 'errors.backup.tooLarge',
  'verify-failed': 'errors.backup.verifyFailed',
  'storage-failed': 'errors.backup.storageFailed',
} as const satisfies Record<BackupErrorCode, string>

const crypto = {
  'decrypt-failed': 'errors.crypto.decryptFailed',
  'bad-key': 'errors.crypto.badKey',
  'bad-envelope': 'errors.crypto.badEnvelope',
  'bad-payload': 'errors.crypto.badPayload',
  unavailable: 'errors.crypto.unavailable',
} as const satisfies Record<CryptoErrorCode, string>

const record = {
  'invalid-record': 'errors.record.invalidRecord',
  'duplicate-id': 'errors.record.duplicateId',
  'id-mismatch': 'errors.record.idMismatch',
} as const satisfies Record<RecordValidationErrorCode, string>

/** Every message key this module can return (for the locale-completeness test). */
export const errorMessageKeys: readonly string[] = [
  ...Object.values(storage),
  ...Object.values(keyring),
  ...Object.values(lock),
  ...Object.values(importing),
  ...Object.values(backup),
  ...Object.values(crypto),
  ...Object.values(record),
  'errors.unknown',
]

/** The message key for anything a data operation threw; `errors.unknown` for what has no code. */
export function errorMessageKey(error: unknown): string {
  if (error instanceof StorageError) return storage[error.code]
  if (error instanceof KeyringError) return keyring[error.code]
  if (error instanceof LockError) return lock[error.code]
  if (error instanceof ImportError) return importing[error.code]
  if (error instanceof BackupError) return backup[error.code]
  if (error instanceof CryptoError) return crypto[error.code]
  if (error instanceof RecordValidationError) return record[error.code]
  return 'errors.unknown'
}

/**
 * What a form says when a save failed, by the screen's message namespace: the phone is full
 * (free some space), or anything else (try again). Either way the form keeps what was typed.
 */
const saveProblems = {
  course: { quota: 'course.saveFailedQuota', other: 'course.saveFailed' },
  plan: { quota: 'plan.saveFailedQuota', other: 'plan.saveFailed' },
} as const satisfies Record<string, Record<'quota' | 'other', string>>

/** Where a form lives: the course and onboarding forms, or the plan's (areas, goals, steps, activities, notes). */
export type SaveArea = keyof typeof saveProblems

/** The message key of a failed save in `area`. */
export type SaveProblem<Area extends SaveArea = SaveArea> =
  (typeof saveProblems)[Area]['quota'] | (typeof saveProblems)[Area]['other']

/** The message key for anything a save in `area` threw. */
export function saveProblemOf<Area extends SaveArea>(caught: unknown, area: Area): SaveProblem<Area> {
  return isQuotaError(caught) ? saveProblems[area].quota : saveProblems[area].other
}

/** Whether the error means the phone has no room left (say how to free some). */
export function isQuotaError(error: unknown): boolean {
  if (error instanceof StorageError) return error.code === 'quota'
  if (error instanceof ImportError && error.code === 'storage-failed')
    return error.cause instanceof StorageError && error.cause.code === 'quota'
  return false
}
