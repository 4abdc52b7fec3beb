/**
 * The record payload version stored in `meta.schema` (all rows are at one version, bound into
 * each row's AAD). Checked before anything is unlocked or written.
 */
import { SCHEMA_VERSION } from '@/schemas/version'
import { z } from '@/schemas/zod'
import type { TrinDatabase } from './db'
import { StorageError } from './errors'

// Version 0 exists only in tests, as "an older release" while the records are at their first version.
const schemaInfoSchema = z.object({ recordSchemaVersion: z.int().check(z.nonnegative()) })

/**
 * The record schema version stored in `meta`, or null for a new database.
 * @throws StorageError 'version-too-new' | 'failed'
 */
export async function storedRecordSchema(db: TrinDatabase): Promise<number | null> {
  const stored = await db.meta.get('schema')
  if (stored === undefined) return null
  const info = schemaInfoSchema.safeParse(stored.value)
  if (!info.success) throw new StorageError('failed', 'The stored schema information is malformed')
  const { recordSchemaVersion } = info.data
  if (recordSchemaVersion > SCHEMA_VERSION) {
    throw new StorageError(
      'version-too-new',
      `Records were written by a newer version of Trin (schema ${recordSchemaVersion})`,
    )
  }
  return recordSchemaVersion
}

/**
 * Checks the record schema version stored in `meta` is the current one. Returns false when there
 * is none yet (a new database). Older records are upgraded when the vault opens
 * (`openVaultAndPin`, `recordUpgrade.ts`); every other way in needs them current.
 * @throws StorageError 'version-too-new' | 'failed'
 */
export async function checkRecordSchema(db: TrinDatabase): Promise<boolean> {
  const version = await storedRecordSchema(db)
  if (version === null) return false
  if (version < SCHEMA_VERSION) {
    throw new StorageError(
      'failed',
      `Records at schema ${version} must be upgraded to ${SCHEMA_VERSION} first`,
    )
  }
  return true
}

/** Writes the current record schema version unless one is stored already. */
export async function storeRecordSchemaVersion(db: TrinDatabase): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if ((await db.meta.get('schema')) === undefined) {
      await db.meta.add({ key: 'schema', value: { recordSchemaVersion: SCHEMA_VERSION } })
    }
  })
}
