/**
 * The record payload version stored in `meta.schema` (all rows are at one version, bound into
 * each row's AAD). Checked before anything is unlocked or written.
 */
import { SCHEMA_VERSION } from '@/schemas'
import { z } from '@/schemas/zod'
import type { TrinDatabase } from './db'
import { StorageError } from './errors'

const schemaInfoSchema = z.object({ recordSchemaVersion: z.int().positive() })

/**
 * Checks the record schema version stored in `meta`. Returns false when there is none yet (a
 * new database).
 * @throws StorageError 'version-too-new' | 'failed'
 */
export async function checkRecordSchema(db: TrinDatabase): Promise<boolean> {
  const stored = await db.meta.get('schema')
  if (stored === undefined) return false
  const info = schemaInfoSchema.safeParse(stored.value)
  if (!info.success) throw new StorageError('failed', 'The stored schema information is malformed')
  const { recordSchemaVersion } = info.data
  if (recordSchemaVersion > SCHEMA_VERSION) {
    throw new StorageError(
      'version-too-new',
      `Records were written by a newer version of Trin (schema ${recordSchemaVersion})`,
    )
  }
  if (recordSchemaVersion < SCHEMA_VERSION) {
    // Record-content migrations will run here, after unlock; none exist while SCHEMA_VERSION is 1.
    throw new StorageError(
      'failed',
      `No migration from record schema ${recordSchemaVersion} to ${SCHEMA_VERSION}`,
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
