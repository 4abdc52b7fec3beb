/**
 * What an import refuses before anything is derived or written: key-derivation parameters above
 * what this app writes (a crafted file cannot stall the phone), and record sets that are valid
 * record by record but not one plan.
 */
import { describe, expect, it } from 'vitest'
import { inspectBackup, restoreBackup } from '@/data/backup/backup'
import { sealBackup, type BackupFormat, type BackupSecret } from '@/data/backup/format'
import { BINARY_HEADER_BYTES, decodeBinaryHeader, encodeBinaryHeader } from '@/data/backup/binaryHeader'
import { ImportError } from '@/data/errors'
import { PRODUCTION_KDF_POLICY, importKdfPolicy, type KdfHeader } from '@/data/kdf/params'
import { inProcessKdfRunner, type KdfRunner } from '@/data/kdf/runner'
import { openVault } from '@/data/repositories/records'
import { asHlc } from '@/domain/clock'
import { SCHEMA_VERSION, type TrinRecord } from '@/schemas'
import { FACTORY_DEVICE_ID, makeGoal, makePlan, makeSubGoal } from '../../factories/records'
import { makePlanSet } from '../../factories/planSet'
import { TEST_KDF, TEST_KDF_POLICY, freshDbName, rejectionOf, snapshotDatabase } from './helpers'

const SECRET: BackupSecret = { kind: 'passphrase', passphrase: 'import checks passphrase' }
const WHEN = new Date('2026-11-23T10:00:00.000Z')
const utf8 = new TextEncoder()

async function fileWith(records: readonly unknown[], format: BackupFormat = 2): Promise<Uint8Array> {
  const plaintext = utf8.encode(JSON.stringify({ schemaVersion: SCHEMA_VERSION, records }))
  return (await sealBackup(plaintext, SECRET, { kdf: TEST_KDF, createdAt: WHEN, format })).bytes
}

/** A file whose header asks for other KDF parameters (its body no longer matches; it must not get that far). */
function withKdf(bytes: Uint8Array, kdf: Record<string, unknown>): Uint8Array {
  const binary = decodeBinaryHeader(bytes)
  if (binary !== null) {
    const header = { ...binary, kdf: { ...kdf, salt: binary.kdf.salt } as KdfHeader }
    return new Uint8Array([...encodeBinaryHeader(header), ...bytes.subarray(BINARY_HEADER_BYTES)])
  }
  const end = bytes.indexOf(10)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, end))) as { kdf: { salt: string } }
  const changed = { ...header, kdf: { ...kdf, salt: header.kdf.salt } }
  return new Uint8Array([...utf8.encode(JSON.stringify(changed)), ...bytes.subarray(end)])
}

describe('the key-derivation ceiling for imports', () => {
  it('is what this app writes in production', () => {
    const { bounds } = importKdfPolicy()
    expect(bounds.argon2id.memoryKiB.max).toBe(65_536)
    expect(bounds.argon2id.iterations.max).toBe(3)
    expect(bounds.argon2id.parallelism.max).toBe(1)
    expect(bounds.pbkdf2.iterations.max).toBe(600_000)
    // The floors are unchanged.
    expect(bounds.argon2id.memoryKiB.min).toBe(PRODUCTION_KDF_POLICY.bounds.argon2id.memoryKiB.min)
  })

  const production = { memoryKiB: 65_536, iterations: 3, parallelism: 1, hashLength: 32 }
  const ceilings: [string, Record<string, unknown>][] = [
    ['Argon2id with 128 MiB', { method: 'argon2id', params: { ...production, memoryKiB: 131_072 } }],
    [
      'Argon2id with 256 MiB and 10 passes (the lock ceiling)',
      { method: 'argon2id', params: { ...production, memoryKiB: 262_144, iterations: 10 } },
    ],
    ['Argon2id with 4 passes', { method: 'argon2id', params: { ...production, iterations: 4 } }],
    ['Argon2id with 2 lanes', { method: 'argon2id', params: { ...production, parallelism: 2 } }],
    [
      'PBKDF2 with 600,001 iterations',
      { method: 'pbkdf2', params: { hash: 'SHA-256', iterations: 600_001, hashLength: 32 } },
    ],
    [
      'PBKDF2 with 10 million iterations',
      { method: 'pbkdf2', params: { hash: 'SHA-256', iterations: 10_000_000, hashLength: 32 } },
    ],
  ]
  it.each(
    ceilings.flatMap(([name, kdf]): [string, Record<string, unknown>, BackupFormat][] => [
      [`${name} (new file)`, kdf, 2],
      [`${name} (old file)`, kdf, 1],
    ]),
  )('refuses %s before deriving anything', async (_name, kdf, format) => {
    const bytes = withKdf(await fileWith(makePlanSet(), format), kdf)
    let derivations = 0
    const counting: KdfRunner = {
      ...inProcessKdfRunner,
      derive: (...args) => {
        derivations += 1
        return inProcessKdfRunner.derive(...args)
      },
    }
    expect(() => inspectBackup(bytes)).toThrow(ImportError)
    const vault = await openVault({ dbName: freshDbName() })
    const error = await rejectionOf(restoreBackup(bytes, SECRET, vault, { kdf: { runner: counting } }))
    expect((error as ImportError).code).toBe('kdf-rejected')
    expect(derivations).toBe(0)
    vault.close()
  })

  it('accepts exactly the production parameters (header only; nothing derived)', async () => {
    const argon = withKdf(await fileWith([]), { method: 'argon2id', params: production })
    expect(inspectBackup(argon).secret).toBe('passphrase')
    const pbkdf2 = withKdf(await fileWith([]), {
      method: 'pbkdf2',
      params: { hash: 'SHA-256', iterations: 600_000, hashLength: 32 },
    })
    expect(inspectBackup(pbkdf2).secret).toBe('passphrase')
    const old = withKdf(await fileWith([], 1), { method: 'argon2id', params: production })
    expect(inspectBackup(old).secret).toBe('passphrase')
  })

  it('caps a test policy at its own parameters too', () => {
    expect(importKdfPolicy(TEST_KDF_POLICY).bounds.argon2id.memoryKiB).toEqual({ min: 8, max: 64 })
  })
})

describe('records checked against each other before anything is written', () => {
  const missing = '00000000-0000-4000-8000-000000000000'
  const far = asHlc(`9999-12-31T23:59:59.999Z-ffff-${FACTORY_DEVICE_ID}`)

  async function expectRefused(
    records: readonly TrinRecord[],
    code: ImportError['code'],
  ): Promise<ImportError> {
    const name = freshDbName()
    const vault = await openVault({ dbName: name })
    await vault.putMany(makePlanSet())
    const before = await snapshotDatabase(name)
    const error = await rejectionOf(
      restoreBackup(await fileWith(records), SECRET, vault, {
        kdf: TEST_KDF,
        replace: true,
        now: () => WHEN,
      }),
    )
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).code).toBe(code)
    expect(await snapshotDatabase(name)).toEqual(before)
    vault.close()
    return error as ImportError
  }

  it('two plans', () => expectRefused([...makePlanSet(), makePlan()], 'inconsistent-records'))
  it('no plan', () =>
    expectRefused(
      makePlanSet().filter((record) => record.kind !== 'plan'),
      'inconsistent-records',
    ))
  it('a goal whose focus area is missing', () =>
    expectRefused([...makePlanSet(), makeGoal({ focusAreaId: missing })], 'inconsistent-records'))
  it('a sub-goal whose goal is missing', async () => {
    const orphan = makeSubGoal({ goalId: missing })
    const error = await expectRefused([...makePlanSet(), orphan], 'inconsistent-records')
    expect(error.recordId).toBe(orphan.id)
  })
  it('a clock stamp at the end of time', () =>
    expectRefused(
      makePlanSet().map((record) => (record.kind === 'goal' ? { ...record, updatedAt: far } : record)),
      'clock-ahead',
    ))
  it('a consistent plan is restored', async () => {
    const vault = await openVault({ dbName: freshDbName() })
    const set = makePlanSet()
    await expect(
      restoreBackup(await fileWith(set), SECRET, vault, { kdf: TEST_KDF, now: () => WHEN }),
    ).resolves.toMatchObject({
      recordCount: set.length,
    })
    vault.close()
  })
})
