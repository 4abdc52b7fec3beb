/**
 * Property-based fuzzing of restoreBackup: over 10,000 random and mutated files — of the
 * current binary format and of the old format with a JSON header line, which still restores — every one must
 * be refused with an ImportError (never another exception type, never a resolved promise, never
 * the catch-all 'internal' code), and the target database must not change by a single byte.
 * The target holds records and every restore runs with `replace: true`, so a file that were
 * wrongly accepted would visibly replace them.
 *
 * Derivations use the cheap test KDF policy, passed explicitly (production refuses it: see
 * backup.test.ts, "KDF parameters below the production floor").
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createBackup, restoreBackup } from '@/data/backup/backup'
import { MAX_BACKUP_BYTES, sealBackup, type BackupSecret } from '@/data/backup/format'
import { BINARY_HEADER_BYTES, PARAMETER_BLOCK_BYTES, parameterMask } from '@/data/backup/binaryHeader'
import { SALT_BYTES } from '@/data/kdf/params'
import { ImportError } from '@/data/errors'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION, safeParseRecord, type TrinRecord } from '@/schemas'
import { asHlc } from '@/domain/clock'
import {
  FACTORY_DEVICE_ID,
  makeActivity,
  makeGoal,
  makeNote,
  makePlan,
  makeSubGoal,
} from '../../factories/records'
import { makePlanSet } from '../../factories/planSet'
import { TEST_KDF, freshDbName, snapshotDatabase } from './helpers'

const SECRET: BackupSecret = { kind: 'passphrase', passphrase: 'fuzzing passphrase' }
const WHEN = new Date('2026-11-23T10:00:00.000Z')
const NEWLINE = 10
const utf8 = new TextEncoder()

let name = ''
let vault: Vault
let valid: Uint8Array[] = []
/** The same three record sets in the old format (JSON header line). */
let legacy: Uint8Array[] = []
let snapshotBefore: Awaited<ReturnType<typeof snapshotDatabase>>
const writes = { count: 0 }
const codes = new Map<string, number>()
let runs = 0

beforeAll(async () => {
  name = freshDbName()
  vault = await openVault({ dbName: name })
  await vault.putMany([makePlan(), makeGoal({ title: 'Already here' }), makeNote()])
  const sets: TrinRecord[][] = [[], [makeGoal()], makePlanSet()]
  valid = await Promise.all(
    sets.map(
      async (records) => (await createBackup(records, SECRET, { kdf: TEST_KDF, now: () => WHEN })).bytes,
    ),
  )
  legacy = await Promise.all(
    sets.map(
      async (records) =>
        (
          await sealBackup(utf8.encode(JSON.stringify({ schemaVersion: SCHEMA_VERSION, records })), SECRET, {
            kdf: TEST_KDF,
            createdAt: WHEN,
            format: 1,
          })
        ).bytes,
    ),
  )
  snapshotBefore = await snapshotDatabase(name)
  // Any write attempt on any object store during the fuzzing is a failure, even a rolled-back one.
  for (const method of ['put', 'add', 'delete', 'clear'] as const) {
    const real = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)?.value as (
      this: IDBObjectStore,
      ...args: unknown[]
    ) => IDBRequest
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      writes.count += 1
      return real.apply(this, args)
    } as never)
  }
})

afterAll(() => {
  vi.restoreAllMocks()
  vault.close()
})

/** The one property: refused with a typed ImportError (not the catch-all), nothing written. */
async function mustBeRefused(bytes: Uint8Array, secret: BackupSecret = SECRET): Promise<void> {
  runs += 1
  let outcome: unknown = 'resolved'
  try {
    await restoreBackup(bytes, secret, vault, { kdf: TEST_KDF, replace: true })
  } catch (error) {
    outcome = error
  }
  expect(outcome).toBeInstanceOf(ImportError)
  const { code } = outcome as ImportError
  expect(code).not.toBe('internal')
  codes.set(code, (codes.get(code) ?? 0) + 1)
  expect(writes.count).toBe(0)
}

function pick<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length]
  if (item === undefined) throw new Error('empty list')
  return item
}

function headerEnd(bytes: Uint8Array): number {
  return bytes.indexOf(NEWLINE)
}

function withHeader(header: string, rest: Uint8Array): Uint8Array {
  return new Uint8Array([...utf8.encode(header), NEWLINE, ...rest])
}

function validHeaderObject(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes.subarray(0, headerEnd(bytes)))) as Record<string, unknown>
}

const fileIndex = fc.nat({ max: 2 })
/** Any of the six valid files: 0–2 new format, 3–5 old format. */
const anyFileIndex = fc.nat({ max: 5 })

function anyFile(index: number): Uint8Array {
  return index < 3 ? pick(valid, index) : pick(legacy, index - 3)
}

/** Whether a decoded payload happens to be a valid backup content (then accepting it is right). */
function isValidPayload(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { schemaVersion, records } = value as { schemaVersion?: unknown; records?: unknown }
  if (Object.keys(value).length !== 2 || schemaVersion !== SCHEMA_VERSION || !Array.isArray(records))
    return false
  const parsed = (records as unknown[]).map((record) => safeParseRecord(record))
  const ids = parsed.map((result) => (result.success ? result.data.id : null))
  return parsed.every((result) => result.success) && new Set(ids).size === ids.length
}

describe('restoreBackup under fuzzing (10,000+ files)', () => {
  it('random bytes', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc
            .uint8Array({ minLength: 1, maxLength: 64 })
            .map((bytes) => new Uint8Array([...bytes, NEWLINE, ...bytes])),
        ),
        (bytes) => mustBeRefused(bytes),
      ),
      { numRuns: 2500 },
    )
  })

  it('truncated valid files', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        anyFileIndex,
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        async (index, fraction) => {
          const file = anyFile(index)
          await mustBeRefused(file.subarray(0, Math.floor(file.length * fraction)))
        },
      ),
      { numRuns: 1500 },
    )
  })

  it(
    'valid files with bits flipped anywhere (header, IV, ciphertext, tag)',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          anyFileIndex,
          fc.uniqueArray(fc.record({ position: fc.nat(), bit: fc.nat({ max: 7 }) }), {
            minLength: 1,
            maxLength: 6,
            selector: (flip) => flip.position,
          }),
          async (index, flips) => {
            const file = anyFile(index)
            const mutated = new Uint8Array(file)
            // Positions are made unique modulo the length below, so no flip undoes another.
            const seen = new Set<number>()
            for (const { position, bit } of flips) {
              const at = position % mutated.length
              if (seen.has(at)) continue
              seen.add(at)
              mutated[at] = (mutated[at] ?? 0) ^ (1 << bit)
            }
            await mustBeRefused(mutated)
          },
        ),
        { numRuns: 2000 },
      )
    },
  )

  it(
    'a valid header followed by garbage, or a valid body after a forged header',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          anyFileIndex,
          fc.uint8Array({ maxLength: 1024 }),
          fc.boolean(),
          async (index, garbage, keepHeader) => {
            const file = anyFile(index)
            // The new format's header is its first 48 bytes; the old one's ends at the newline.
            const end = index < 3 ? BINARY_HEADER_BYTES - 1 : headerEnd(file)
            const forged =
              index < 3
                ? [...garbage.subarray(0, BINARY_HEADER_BYTES)]
                : [...garbage.filter((byte) => byte !== NEWLINE), NEWLINE]
            const mutated = keepHeader
              ? new Uint8Array([...file.subarray(0, end + 1), ...garbage])
              : new Uint8Array([...forged, ...file.subarray(end + 1)])
            await mustBeRefused(mutated)
          },
        ),
        { numRuns: 1000 },
      )
    },
  )

  it(
    'old JSON headers that lie: wrong apps, versions, types, extra keys, weak or absurd KDF parameters, JSON bombs',
    { timeout: 120_000 },
    async () => {
      const bomb = fc.oneof(
        fc.nat({ max: 2000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
        fc.nat({ max: 1000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
        fc
          .nat({ max: 4000 })
          .map((length) => `{"app":"trin-backup","version":1,"x":"${'a'.repeat(length)}"}`),
        fc.constant('{"app":"trin-backup","version":1e999}'),
        fc.constant('{"__proto__":{"app":"trin-backup"},"app":"trin-backup","version":1}'),
      )
      const lie = fc.record({
        field: fc.constantFrom(
          'app',
          'version',
          'createdAt',
          'secret',
          'kdf',
          'keyCheck',
          'extra',
          'kdf.params.memoryKiB',
          'kdf.params.iterations',
          'kdf.method',
          'kdf.salt',
        ),
        value: fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.constantFrom(0, 1, 2, -1, 1.5, 2 ** 32, 4 * 1024 * 1024, '', 'argon2i', 'pbkdf2', 'AAAA', null),
        ),
      })
      await fc.assert(
        fc.asyncProperty(
          fileIndex,
          fc.oneof(
            bomb.map((text) => ({ bomb: text })),
            lie,
          ),
          async (index, change) => {
            const file = pick(legacy, index)
            const body = file.subarray(headerEnd(file) + 1)
            if ('bomb' in change) {
              await mustBeRefused(withHeader(change.bomb, body))
              return
            }
            const header = validHeaderObject(file)
            const path = change.field.split('.')
            let target: Record<string, unknown> = header
            for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
            const last = path[path.length - 1] ?? 'app'
            // A "change" to the same value is no change; the file would still be valid.
            if (JSON.stringify(target[last]) === JSON.stringify(change.value)) return
            target[last] = change.value
            await mustBeRefused(withHeader(JSON.stringify(header), body))
          },
        ),
        { numRuns: 1500 },
      )
    },
  )

  it(
    'binary headers that lie: any field of the unmasked parameter block changed (format, KDF, secret, date)',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fileIndex,
          fc.uniqueArray(
            fc.record({ position: fc.nat({ max: PARAMETER_BLOCK_BYTES - 1 }), value: fc.nat({ max: 255 }) }),
            { minLength: 1, maxLength: 4, selector: (change) => change.position },
          ),
          async (index, changes) => {
            const file = new Uint8Array(pick(valid, index))
            const mask = parameterMask(file.subarray(0, SALT_BYTES))
            let changed = false
            for (const { position, value } of changes) {
              const at = SALT_BYTES + position
              const masked = value ^ (mask[position] ?? 0)
              if (file[at] !== masked) changed = true
              file[at] = masked
            }
            // Writing a field's own value is no change; the file would still be valid.
            if (!changed) return
            await mustBeRefused(file)
          },
        ),
        { numRuns: 1500 },
      )
    },
  )

  it(
    'files sealed with the right key whose content is not a valid backup',
    { timeout: 120_000 },
    async () => {
      const goal = makeGoal()
      const payload = fc.oneof(
        fc.uint8Array({ maxLength: 512 }),
        fc.jsonValue({ maxDepth: 4 }).map((value) => utf8.encode(JSON.stringify(value))),
        fc
          .nat({ max: 5000 })
          .map((depth) =>
            utf8.encode(
              `{"schemaVersion":${SCHEMA_VERSION},"records":${'['.repeat(depth)}${']'.repeat(depth)}}`,
            ),
          ),
        fc
          .integer({ min: -3, max: 5 })
          .filter((version) => version < 1 || version > SCHEMA_VERSION)
          .map((version) => utf8.encode(JSON.stringify({ schemaVersion: version, records: [] }))),
        fc
          .record({
            key: fc.constantFrom('title', 'kind', 'id', 'deleted', 'updatedAt', 'extra', 'author'),
            value: fc.jsonValue({ maxDepth: 2 }),
          })
          .map(({ key, value }) =>
            utf8.encode(
              JSON.stringify({
                schemaVersion: SCHEMA_VERSION,
                records: [makePlan(), { ...goal, [key]: value }],
              }),
            ),
          ),
        fc.constant(utf8.encode(JSON.stringify({ schemaVersion: SCHEMA_VERSION, records: [goal, goal] }))),
        fc.constant(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])),
      )
      await fc.assert(
        fc.asyncProperty(payload, async (plaintext) => {
          // Only contents that are truly invalid: a record mutation that happens to stay valid
          // (e.g. a title that is still a non-empty string) would rightly be accepted.
          const text = (() => {
            try {
              return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as unknown
            } catch {
              return undefined
            }
          })()
          if (isValidPayload(text)) return
          const { bytes } = await sealBackup(plaintext, SECRET, { kdf: TEST_KDF, createdAt: WHEN })
          await mustBeRefused(bytes)
        }),
        { numRuns: 2000 },
      )
    },
  )

  it(
    'schema-valid nonsense: every record valid, the set not one plan (refused before any write)',
    { timeout: 120_000 },
    async () => {
      const far = fc
        .integer({ min: Date.now() + 2 * 24 * 60 * 60 * 1000, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) })
        .map((ms) => asHlc(`${new Date(ms).toISOString()}-ffff-${FACTORY_DEVICE_ID}`))
      const missing = fc.uuid({ version: 4 })
      const nonsense = fc.oneof(
        // No plan, or several.
        fc.constant(makePlanSet().filter((record) => record.kind !== 'plan')),
        fc
          .nat({ max: 4 })
          .map((extra) => [...makePlanSet(), ...Array.from({ length: extra + 1 }, () => makePlan())]),
        // A reference that resolves to nothing, or to another kind.
        missing.map((id) => [...makePlanSet(), makeGoal({ focusAreaId: id })]),
        missing.map((id) => [...makePlanSet(), makeSubGoal({ goalId: id })]),
        missing.map((id) => [...makePlanSet(), makeActivity({ goalId: id })]),
        missing.map((id) => [...makePlanSet(), makeNote({ target: { kind: 'contact', id } })]),
        fc.constant(null).map(() => {
          const set = makePlanSet()
          const plan = set.find((record) => record.kind === 'plan')
          return [...set, makeNote({ target: { kind: 'goal', id: plan?.id ?? '' } })]
        }),
        // A clock stamp far ahead (up to the last one there is).
        fc.tuple(far, fc.nat()).map(([stamp, index]) => {
          const set: TrinRecord[] = makePlanSet()
          const at = index % set.length
          return set.map((record, position) => (position === at ? { ...record, updatedAt: stamp } : record))
        }),
      )
      await fc.assert(
        fc.asyncProperty(nonsense, async (records) => {
          expect(records.every((record) => safeParseRecord(record).success)).toBe(true)
          const plaintext = utf8.encode(JSON.stringify({ schemaVersion: SCHEMA_VERSION, records }))
          const { bytes } = await sealBackup(plaintext, SECRET, { kdf: TEST_KDF, createdAt: WHEN })
          await mustBeRefused(bytes)
        }),
        { numRuns: 600 },
      )
    },
  )

  it('valid files with a wrong secret, and oversized files', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fileIndex,
        fc.oneof(
          fc
            .string({ minLength: 1, maxLength: 40 })
            .filter((text) => text !== 'fuzzing passphrase')
            .map((passphrase): BackupSecret => ({ kind: 'passphrase', passphrase })),
          fc.string({ maxLength: 40 }).map((code): BackupSecret => ({ kind: 'recovery-code', code })),
        ),
        (index, secret) => mustBeRefused(pick(valid, index), secret),
      ),
      { numRuns: 500 },
    )
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 4096 }), (extra) =>
        mustBeRefused(new Uint8Array(MAX_BACKUP_BYTES + 1 + extra)),
      ),
      { numRuns: 5 },
    )
  })

  it('ran over 10,000 files through every refusal path, and the database is byte-identical', async () => {
    expect(runs).toBeGreaterThanOrEqual(10_000)
    for (const code of [
      'too-large',
      'not-a-backup',
      'unsupported-version',
      'kdf-rejected',
      'wrong-secret',
      'corrupt',
      'invalid-records',
      'inconsistent-records',
      'clock-ahead',
    ]) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0)
    }
    expect(writes.count).toBe(0)
    expect(await snapshotDatabase(name)).toEqual(snapshotBefore)
    // And the valid files were valid: the same restore accepts them (into a fresh vault).
    const fresh = await openVault({ dbName: freshDbName() })
    const summary = await restoreBackup(pick(valid, 2), SECRET, fresh, { kdf: TEST_KDF })
    expect(summary.recordCount).toBe(makePlanSet().length)
    fresh.close()
  })
})
