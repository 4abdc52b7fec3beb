import { decryptRecord, encryptRecord } from '@/data/crypto'
import { RECORDS_TABLE } from '@/data/db'
import { currentGeneration, databaseOf, type Generation } from '@/data/generations'
import { openKeyring } from '@/data/keyring'
import { openVault } from '@/data/repositories/records'
import { makePlan } from '../../factories/records'
import { FakeBuckets, freshDbName } from './helpers'

/** An install whose records an older release wrote, as {@link installAtRecordVersion} made it. */
export interface OlderInstall {
  /** What opens it (`openVault(options)`), with fake Storage Buckets. */
  readonly options: { readonly dbName: string; readonly buckets: FakeBuckets }
  /** Decrypts the stored row `id` as record schema `version` wrote it: proof of what is stored. */
  readonly storedPayload: (id: string) => Promise<unknown>
}

/**
 * A vault made now, its rows replaced by `records` encrypted under record schema `version` (its
 * AAD) and `meta.schema` set to that version: what a release at that version left on the device.
 */
export async function installAtRecordVersion(
  records: readonly Record<string, unknown>[],
  version: number,
): Promise<OlderInstall> {
  const options = { dbName: freshDbName(), buckets: new FakeBuckets() }
  const first = await openVault(options)
  await first.put(makePlan())
  first.close()

  const generation = (await currentGeneration(options, { create: false })) as Generation
  const db = databaseOf(generation)
  await db.open()
  const { dataKey } = await openKeyring(db)
  const address = (id: string) => ({ key: dataKey.key, keyId: dataKey.keyId, table: RECORDS_TABLE, id })
  const rows = await Promise.all(
    records.map(async (payload) => {
      const id = String(payload['id'])
      return { id, ...(await encryptRecord({ ...address(id), schemaVersion: version, payload })) }
    }),
  )
  await db.records.clear()
  await db.records.bulkPut(rows)
  await db.meta.put({ key: 'schema', value: { recordSchemaVersion: version } })
  db.close()

  async function storedPayload(id: string): Promise<unknown> {
    const raw = databaseOf(generation)
    await raw.open()
    try {
      const row = await raw.records.get(id)
      if (row === undefined) throw new Error(`No stored row ${id}`)
      return await decryptRecord({ ...address(id), schemaVersion: version, iv: row.iv, ct: row.ct })
    } finally {
      raw.close()
    }
  }
  return { options, storedPayload }
}
