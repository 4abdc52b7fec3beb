/**
 * Encrypted backups to a file outside the browser: make (and verify at once), verify again, and
 * restore. The file format is in format.ts; this module owns the plaintext inside it:
 * UTF-8 JSON `{ "schemaVersion": 3, "records": TrinRecord[] }` (`SCHEMA_VERSION`), tombstones included (an older
 * version's records are upgraded by `src/data/migrations/records.ts` before they are checked).
 *
 * A restore treats the file as untrusted input: size cap → header (strict) → KDF ceiling (no more
 * than this app writes) → derive → decrypt → bounded JSON → strict schema for that version (every
 * record through `trinRecordSchema`, duplicate ids refused) → the records checked against each
 * other (one plan, references resolve, no stamp far ahead) → ONE all-or-nothing transaction. Every refusal is
 * an {@link ImportError} with a `code`, and the database is unchanged.
 */
import { SCHEMA_VERSION, MAX_JSON_DEPTH, isBoundedJson, safeParseRecord, type TrinRecord } from '@/schemas'
import { z } from '@/schemas/zod'
import { checkRecordSet, type RecordSetProblem } from '@/domain/recordSet'
import { stepsBetween, upgradePayload } from '../recordUpgrade'
import {
  BackupError,
  ImportError,
  LockError,
  MIN_PASSPHRASE_LENGTH,
  RecordValidationError,
  StorageError,
} from '../errors'
import { secretLength } from '../kdf/secret'
import { KdfError } from '../kdf/params'
import type { KdfOptions } from '../kdf/runner'
import type { Vault } from '../repositories/records'
import { canonicalJson } from '../canonicalJson'
import {
  MAX_BACKUP_BYTES,
  openBackup,
  openParsedBackup,
  parseBackupFile,
  sealBackup,
  secretMaterial,
  type BackupHeader,
  type BackupSecret,
  type BackupSecretKind,
  type ReadBackupOptions,
} from './format'

/** What a verified backup holds. */
export interface BackupSummary {
  readonly createdAt: string
  readonly secret: BackupSecretKind
  readonly schemaVersion: number
  /** Records in the file, tombstones included. */
  readonly recordCount: number
}

/** A backup made and verified, ready to be saved or shared. */
export interface CreatedBackup extends BackupSummary {
  readonly bytes: Uint8Array<ArrayBuffer>
  /** The same bytes, typed `application/octet-stream` (nothing in the type names the app). */
  readonly blob: Blob
  /** Neutral: `data-YYYY-MM-DD.bin` (local date). No app name, no "backup", no "plan". */
  readonly filename: string
  /** Stored rows that could not be read and are therefore NOT in this backup. Warn if > 0. */
  readonly unreadableCount: number
}

export interface CreateBackupOptions {
  readonly kdf?: KdfOptions
  /** Clock for `createdAt` and the file name; tests inject one. */
  readonly now?: () => Date
}

export interface RestoreBackupOptions extends ReadBackupOptions {
  /**
   * False (default): refuse with 'target-not-empty' if the vault holds any record. True: the
   * user confirmed that everything stored is replaced by the backup's records.
   */
  readonly replace?: boolean
  /** This device's clock, for the "stamp far in the future" check; tests inject one. */
  readonly now?: () => Date
}

const utf8 = new TextEncoder()
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const MAX_REPORTED_ISSUES = 10

const payloadSchema = z.strictObject({
  schemaVersion: z.int().check(z.positive()),
  records: z.array(z.unknown()),
})

/** What a new backup file is called: generic, so the name says neither the app nor what it holds. */
export const BACKUP_FILE_EXTENSION = '.bin'
/** Extensions a backup may have: `.bin` now, `.trin` for files made before December 2026. */
export const BACKUP_FILE_EXTENSIONS = [BACKUP_FILE_EXTENSION, '.trin'] as const

/**
 * `data-YYYY-MM-DD.bin` for the local calendar date of `date`. The citizen may rename it:
 * restore reads the bytes, never the name.
 */
export function backupFilename(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `data-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}${BACKUP_FILE_EXTENSION}`
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { id } = value as { id?: unknown }
  return typeof id === 'string' ? id.slice(0, 64) : undefined
}

/**
 * Validates records for a backup or a restore: each through `trinRecordSchema`, ids unique.
 * Returns the parsed records or the first problem.
 */
function validateRecords(
  values: readonly unknown[],
): { ok: true; records: TrinRecord[] } | { ok: false; error: RecordValidationError } {
  const seen = new Set<string>()
  const records: TrinRecord[] = []
  for (const value of values) {
    const parsed = safeParseRecord(value)
    if (!parsed.success) {
      const recordId = idOf(value)
      const issues = parsed.error.issues
        .slice(0, MAX_REPORTED_ISSUES)
        .map((issue) => ({ path: issue.path, message: issue.message }))
      return {
        ok: false,
        error: new RecordValidationError(
          'invalid-record',
          `Record ${recordId ?? '(without id)'} is not valid`,
          { recordId, issues },
        ),
      }
    }
    if (seen.has(parsed.data.id)) {
      return {
        ok: false,
        error: new RecordValidationError('duplicate-id', `Record ${parsed.data.id} appears twice`, {
          recordId: parsed.data.id,
        }),
      }
    }
    seen.add(parsed.data.id)
    records.push(parsed.data)
  }
  return { ok: true, records }
}

/** Whether the record steps lead from `version` to the current one. */
function hasStepsFrom(version: number): boolean {
  try {
    stepsBetween(version, SCHEMA_VERSION)
    return true
  } catch {
    return false
  }
}

/**
 * Parses a decrypted payload strictly for its version.
 * @throws ImportError 'corrupt' | 'invalid-records' | 'unsupported-version'
 */
function parsePayload(plaintext: Uint8Array): { schemaVersion: number; records: TrinRecord[] } {
  let value: unknown
  try {
    value = JSON.parse(strictUtf8.decode(plaintext))
  } catch (error) {
    // Includes a RangeError from absurd nesting: the content is refused, never half-read.
    throw new ImportError('corrupt', 'The backup content is not readable', { cause: error })
  }
  // Payload object → records array → record: two levels above what records may nest.
  if (!isBoundedJson(value, MAX_JSON_DEPTH + 2))
    throw new ImportError('invalid-records', 'The backup content is nested too deeply or is not plain JSON')
  const payload = payloadSchema.safeParse(value)
  if (!payload.success)
    throw new ImportError('invalid-records', 'The backup content does not have the expected shape')
  const { schemaVersion } = payload.data
  if (schemaVersion > SCHEMA_VERSION || !hasStepsFrom(schemaVersion)) {
    throw new ImportError(
      'unsupported-version',
      `Records of schema ${schemaVersion} cannot be read by this version of Trin`,
    )
  }
  // A backup made by an older release is upgraded by the same steps as stored records, then
  // checked by today's schemas like any other: losing an old backup would be a harm too.
  const records =
    schemaVersion === SCHEMA_VERSION
      ? payload.data.records
      : payload.data.records.map((record) => upgradePayload(record, schemaVersion))
  const checked = validateRecords(records)
  if (!checked.ok) {
    throw new ImportError('invalid-records', checked.error.message, {
      recordId: checked.error.recordId,
      issues: checked.error.issues,
      cause: checked.error,
    })
  }
  return { schemaVersion, records: checked.records }
}

function summaryOf(header: BackupHeader, schemaVersion: number, recordCount: number): BackupSummary {
  return { createdAt: header.createdAt, secret: header.secret, schemaVersion, recordCount }
}

/**
 * Checks the records against each other before anything is written (see `@/domain/recordSet`).
 * @throws ImportError 'inconsistent-records' | 'clock-ahead'
 */
export function assertConsistentRecords(records: readonly TrinRecord[], now: Date): void {
  const problem: RecordSetProblem | null = checkRecordSet(records, now.getTime())
  if (problem === null) return
  switch (problem.code) {
    case 'clock-ahead':
      throw new ImportError(
        'clock-ahead',
        `Record ${problem.recordId} has a ${problem.field} stamp far in the future`,
        { recordId: problem.recordId },
      )
    case 'plan-count':
      throw new ImportError('inconsistent-records', `The backup holds ${problem.count} plans, not one`)
    case 'duplicate-id':
      throw new ImportError('inconsistent-records', `Record ${problem.recordId} appears twice`, {
        recordId: problem.recordId,
      })
    case 'dangling-reference':
      throw new ImportError(
        'inconsistent-records',
        `Record ${problem.recordId} refers in ${problem.field} to ${problem.targetId}, which is not in the backup`,
        { recordId: problem.recordId },
      )
  }
}

/** What reading a backup threw, as an ImportError: typed ones as they are, anything else 'internal'. */
function importErrorOf(error: unknown): ImportError {
  if (error instanceof ImportError) return error
  return new ImportError('internal', 'The backup could not be read', { cause: error })
}

/** Runs `body`, turning anything that is not already an ImportError into one ('internal'). */
async function asImport<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body()
  } catch (error) {
    throw importErrorOf(error)
  }
}

async function readBackup(
  bytes: Uint8Array,
  secret: BackupSecret,
  options: ReadBackupOptions,
): Promise<{ header: BackupHeader; schemaVersion: number; records: TrinRecord[] }> {
  const { header, plaintext } = await openBackup(bytes, secret, options)
  return { header, ...parsePayload(plaintext) }
}

/**
 * Reads the header only (no secret): the date, and whether to ask for a passphrase or
 * a recovery code.
 * @throws ImportError 'too-large' | 'not-a-backup' | 'unsupported-version' | 'corrupt' | 'kdf-rejected'
 */
export function inspectBackup(
  bytes: Uint8Array,
  options: ReadBackupOptions = {},
): { readonly createdAt: string; readonly secret: BackupSecretKind } {
  try {
    const { header } = parseBackupFile(bytes, options)
    return { createdAt: header.createdAt, secret: header.secret }
  } catch (error) {
    throw importErrorOf(error)
  }
}

/**
 * Reads a backup back completely — decrypts it and validates every record — without writing
 * anything. The screen reports a backup as done only after this (or createBackup, which runs it)
 * succeeded.
 * @throws ImportError
 */
export function verifyBackup(
  bytes: Uint8Array,
  secret: BackupSecret,
  options: ReadBackupOptions = {},
): Promise<BackupSummary> {
  return asImport(async () => {
    const { header, schemaVersion, records } = await readBackup(bytes, secret, options)
    return summaryOf(header, schemaVersion, records.length)
  })
}

function checkBackupSecret(secret: BackupSecret): void {
  if (secret.kind === 'passphrase' && secretLength(secret.passphrase) < MIN_PASSPHRASE_LENGTH) {
    throw new BackupError(
      'invalid-secret',
      `A backup passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`,
    )
  }
}

/**
 * Makes an encrypted backup of every readable record (tombstones included) under a key derived
 * from `secret`, then reads the produced bytes back (decrypt + validate every record + compare
 * with the source) before returning them. Nothing is written anywhere: the caller saves the file.
 * @throws BackupError — no file is produced
 */
export async function createBackup(
  source: Vault | readonly TrinRecord[],
  secret: BackupSecret,
  options: CreateBackupOptions = {},
): Promise<CreatedBackup> {
  checkBackupSecret(secret)
  if ((await secretMaterial(secret)) === null)
    throw new BackupError('invalid-secret', 'The passphrase or recovery code is malformed')

  let values: readonly unknown[]
  let unreadableCount = 0
  if (Array.isArray(source)) {
    values = source as readonly TrinRecord[]
  } else {
    const vault = source as Vault
    if (vault.closed) throw new BackupError('vault-closed', 'The vault is locked')
    try {
      const loaded = await vault.loadAll()
      values = loaded.records
      unreadableCount = loaded.unreadable.length
    } catch (error) {
      throw new BackupError(
        error instanceof StorageError && error.code === 'unavailable' ? 'vault-closed' : 'storage-failed',
        'The records could not be read',
        { cause: error },
      )
    }
  }
  const checked = validateRecords(values)
  if (!checked.ok) throw new BackupError('invalid-records', checked.error.message, { cause: checked.error })
  const { records } = checked

  const plaintext = utf8.encode(JSON.stringify({ schemaVersion: SCHEMA_VERSION, records }))
  const now = options.now?.() ?? new Date()
  let sealed
  try {
    sealed = await sealBackup(plaintext, secret, { kdf: options.kdf, createdAt: now })
  } catch (error) {
    if (error instanceof KdfError || error instanceof LockError)
      throw new BackupError('kdf-failed', 'The backup key could not be derived', { cause: error })
    throw error
  } finally {
    plaintext.fill(0)
  }
  if (sealed.bytes.byteLength > MAX_BACKUP_BYTES)
    throw new BackupError('too-large', 'The backup would be larger than a restore accepts')

  // Verify the bytes we hand out, with the same policy a restore applies.
  let readBack: TrinRecord[]
  try {
    const file = parseBackupFile(sealed.bytes, { kdf: options.kdf })
    readBack = parsePayload(await openParsedBackup(file, sealed.key)).records
  } catch (error) {
    throw new BackupError('verify-failed', 'The backup did not read back', { cause: error })
  }
  if (
    readBack.length !== records.length ||
    readBack.some((record, index) => canonicalJson(record) !== canonicalJson(records[index]))
  ) {
    throw new BackupError('verify-failed', 'The backup did not read back as written')
  }

  return {
    bytes: sealed.bytes,
    blob: new Blob([sealed.bytes], { type: 'application/octet-stream' }),
    filename: backupFilename(now),
    unreadableCount,
    ...summaryOf(sealed.header, SCHEMA_VERSION, records.length),
  }
}

/**
 * Restores a backup into `target` (an open vault: the records are re-encrypted under its data
 * key) in one all-or-nothing transaction.
 * @throws ImportError — always this type; the database is unchanged
 */
export function restoreBackup(
  bytes: Uint8Array,
  secret: BackupSecret,
  target: Vault,
  options: RestoreBackupOptions = {},
): Promise<BackupSummary> {
  return asImport(async () => {
    if (target.closed) throw new ImportError('vault-closed', 'The vault is locked')
    const { header, schemaVersion, records } = await readBackup(bytes, secret, options)
    assertConsistentRecords(records, options.now?.() ?? new Date())
    try {
      await target.restoreAll(records, { replace: options.replace ?? false })
    } catch (error) {
      if (error instanceof StorageError && error.code === 'not-empty') {
        throw new ImportError(
          'target-not-empty',
          'This device already holds records; confirm to replace them',
          { cause: error },
        )
      }
      if (error instanceof StorageError && error.code === 'unavailable')
        throw new ImportError('vault-closed', 'The vault is locked', { cause: error })
      if (error instanceof RecordValidationError)
        throw new ImportError('invalid-records', error.message, {
          recordId: error.recordId,
          issues: error.issues,
          cause: error,
        })
      throw new ImportError('storage-failed', 'The records could not be written; nothing was changed', {
        cause: error,
      })
    }
    return summaryOf(header, schemaVersion, records.length)
  })
}

/**
 * Restores a backup by handing its checked records to `write` (keys: a NEW generation under the
 * protection chosen before — see `replaceAllInNewGeneration`), with restoreBackup's errors.
 * @throws ImportError — always this type; on failure the previous plan is unchanged
 */
export function restoreBackupWith(
  bytes: Uint8Array,
  secret: BackupSecret,
  write: (records: readonly TrinRecord[]) => Promise<void>,
  options: ReadBackupOptions = {},
): Promise<BackupSummary> {
  return asImport(async () => {
    const { header, schemaVersion, records } = await readBackup(bytes, secret, options)
    try {
      await write(records)
    } catch (error) {
      if (error instanceof ImportError) throw error
      if (error instanceof StorageError && error.code === 'not-empty') {
        throw new ImportError(
          'target-not-empty',
          'This device already holds records; confirm to replace them',
          {
            cause: error,
          },
        )
      }
      throw new ImportError('storage-failed', 'The records could not be written; nothing was changed', {
        cause: error,
      })
    }
    return summaryOf(header, schemaVersion, records.length)
  })
}
