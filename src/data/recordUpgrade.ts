/**
 * Record-content migrations: when a release changes the shape of a record kind, it raises
 * `SCHEMA_VERSION` and adds a step to `src/data/migrations/records.ts` that turns a decrypted
 * payload of the old version into the new one. The steps run once, after unlock (they need the
 * data key), when a vault whose records are older is opened.
 *
 * The upgrade writes a new key generation (`switchGeneration`): every row is decrypted under the
 * old version's AAD, upgraded, checked and encrypted under the new one, and the old generation is
 * removed only after the new one is proven — so an interrupted upgrade leaves the old records
 * readable, and where Storage Buckets exist no old-shape ciphertext stays behind.
 *
 * Nothing is dropped: a row that does not decrypt is carried over byte for byte (it was
 * unreadable before and stays so), and a payload that does not fit the new schema after its
 * steps is still written, to show up as unreadable in `loadAll` like any invalid record.
 */
import { SCHEMA_VERSION, safeParseRecord } from '@/schemas'
import { CryptoError, decryptRecord, encryptRecord, type DataKey } from './crypto'
import { RECORDS_TABLE, type EncryptedRow, type TrinDatabase } from './db'
import { StorageError } from './errors'
import { switchGeneration, type Generation, type StorageOptions } from './generations'
import { deviceIdSchema, readKeyWrap } from './keyring'
import { recordSteps, type RecordStep } from './migrations/records'

/** Which steps take a payload from version `from` to `to`; throws when one is missing. */
export function stepsBetween(
  from: number,
  to: number,
  steps: readonly RecordStep[] = recordSteps,
): RecordStep[] {
  const chain: RecordStep[] = []
  for (let version = from; version < to; version += 1) {
    const step = steps.find((candidate) => candidate.from === version)
    if (step === undefined)
      throw new StorageError('failed', `No migration from record schema ${version} to ${version + 1}`)
    chain.push(step)
  }
  return chain
}

/** A decrypted payload of version `from`, carried through every step to `to`. */
export function upgradePayload(
  payload: unknown,
  from: number,
  to: number = SCHEMA_VERSION,
  steps: readonly RecordStep[] = recordSteps,
): unknown {
  return stepsBetween(from, to, steps).reduce((value, step) => step.upgrade(value), payload)
}

export interface UpgradeOptions extends StorageOptions {
  /** For tests: the steps to run instead of `recordSteps`. */
  readonly steps?: readonly RecordStep[]
}

/** What the upgrade did, for the caller's log and tests. */
export interface UpgradeResult {
  readonly generation: Generation
  readonly upgraded: number
  /** Rows that did not decrypt, carried over unchanged. */
  readonly carried: number
  /** Upgraded payloads that do not fit the schema; written, and reported as unreadable on load. */
  readonly invalid: number
}

/**
 * Upgrades every record of `generation` (opened as `db`, whose stored version is `from`) to the
 * current version, in a new generation under the same data key and wrap. `db` is closed.
 * @throws StorageError — the old generation is then still current and untouched.
 */
export async function upgradeStoredRecords(
  generation: Generation,
  db: TrinDatabase,
  dataKey: DataKey,
  from: number,
  options: UpgradeOptions = {},
): Promise<UpgradeResult> {
  const to = SCHEMA_VERSION
  const steps = options.steps ?? recordSteps
  stepsBetween(from, to, steps)
  const wrap = await readKeyWrap(db)
  if (wrap === null) throw new StorageError('failed', 'There is no keyring to upgrade the records under')
  const [deviceKeyRow, deviceIdRow] = await db.meta.bulkGet(['deviceKey', 'deviceId'])
  const deviceId = deviceIdSchema.parse(deviceIdRow?.value)
  const before = await db.records.toArray()
  db.close()

  const rows: EncryptedRow[] = []
  let carried = 0
  let invalid = 0
  for (const row of before) {
    const old = { key: dataKey.key, keyId: dataKey.keyId, table: RECORDS_TABLE, id: row.id }
    let payload: unknown
    try {
      payload = await decryptRecord({ ...old, schemaVersion: from, iv: row.iv, ct: row.ct })
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error
      rows.push(row)
      carried += 1
      continue
    }
    const upgraded = upgradePayload(payload, from, to, steps)
    if (!safeParseRecord(upgraded).success) invalid += 1
    const address = { ...old, schemaVersion: to }
    const sealed = await encryptRecord({ ...address, payload: upgraded })
    const check = await decryptRecord({ ...address, ...sealed })
    if (JSON.stringify(check) !== JSON.stringify(upgraded))
      throw new StorageError('read-back-mismatch', `Record ${row.id} did not re-encrypt faithfully`)
    rows.push({ id: row.id, ...sealed })
  }

  const next = await switchGeneration(
    options,
    generation,
    { wrap, deviceKey: (deviceKeyRow?.value as CryptoKey | undefined) ?? null, deviceId, rows },
    {
      async assertUnchanged(current) {
        const [schema, keyring] = await current.meta.bulkGet(['schema', 'keyring'])
        const stillFrom = (schema?.value as { recordSchemaVersion?: unknown } | undefined)
          ?.recordSchemaVersion
        const sameKey = (keyring?.value as { wrap?: { keyId?: unknown } } | undefined)?.wrap?.keyId
        if (
          stillFrom !== from ||
          sameKey !== dataKey.keyId ||
          (await current.records.count()) !== before.length
        )
          throw new StorageError('key-changed', 'The records changed while they were being upgraded')
      },
      async prove(written) {
        if ((await written.records.count()) !== rows.length)
          throw new StorageError('read-back-mismatch', 'The upgraded records did not all reach storage')
      },
    },
  )
  return { generation: next, upgraded: before.length - carried, carried, invalid }
}
