/**
 * One translated message for every typed error the data layer raises, by its `code`
 * (`errors.<kind>.<code in camelCase>` in locales/). A new code fails the typecheck until it has
 * a message.
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
import type { MessageKey } from './keys'

/** `'wrong-passphrase'` gives `'wrongPassphrase'`: an error code as the last part of its message key. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S

/** The message key of `code` of the errors of `kind` (`errors.<kind>.<camelCase code>`). */
type ErrorMessageKey<Kind extends string, Code extends string> = `errors.${Kind}.${CamelCase<Code>}`

/**
 * Every code of every typed error, with the part of `locales/` its messages live in. The keys
 * are derived, not listed, and checked below: a new code without a Danish message fails the
 * typecheck, and `npm run check:locales` holds the other languages to Danish.
 */
type ErrorMessageKeys =
  | ErrorMessageKey<'storage', StorageErrorCode>
  | ErrorMessageKey<'keyring', KeyringErrorCode>
  | ErrorMessageKey<'lock', LockErrorCode>
  | ErrorMessageKey<'import', ImportErrorCode>
  | ErrorMessageKey<'backup', BackupErrorCode>
  | ErrorMessageKey<'crypto', CryptoErrorCode>
  | ErrorMessageKey<'record', RecordValidationErrorCode>

type AssertTrue<T extends true> = T
/** Compiles only when every derived key is a Danish message. */
export type EveryCodeHasAMessage = AssertTrue<[ErrorMessageKeys] extends [MessageKey] ? true : false>

function keyOf<const Kind extends string, const Code extends string>(
  kind: Kind,
  code: Code,
): ErrorMessageKey<Kind, Code> {
  const camel = code.replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase())
  // The replace above is what CamelCase spells out as a type; TypeScript cannot follow it.
  return `errors.${kind}.${camel}` as ErrorMessageKey<Kind, Code>
}

/** The message key for anything a data operation threw; `errors.unknown` for what has no code. */
export function errorMessageKey(error: unknown): ErrorMessageKeys | 'errors.unknown' {
  if (error instanceof StorageError) return keyOf('storage', error.code)
  if (error instanceof KeyringError) return keyOf('keyring', error.code)
  if (error instanceof LockError) return keyOf('lock', error.code)
  if (error instanceof ImportError) return keyOf('import', error.code)
  if (error instanceof BackupError) return keyOf('backup', error.code)
  if (error instanceof CryptoError) return keyOf('crypto', error.code)
  if (error instanceof RecordValidationError) return keyOf('record', error.code)
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
