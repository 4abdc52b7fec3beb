import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  backupFilename,
  createBackup,
  inspectBackup,
  restoreBackup,
  verifyBackup,
} from '@/data/backup/backup'
import { MAX_BACKUP_BYTES, parseBackupFile, sealBackup, type BackupSecret } from '@/data/backup/format'
import { BINARY_HEADER_BYTES } from '@/data/backup/binaryHeader'
import { RECOVERY_ALPHABET, checkRecoveryCode, generateRecoveryCode } from '@/data/backup/recoveryCode'
import { BackupError, ImportError } from '@/data/errors'
import { openVault, type Vault } from '@/data/repositories/records'
import { SCHEMA_VERSION, type TrinRecord } from '@/schemas'
import { makeContact, makeFocusArea, makeGoal, makeNote, makePlan } from '../../factories/records'
import { TEST_KDF, TEST_KDF_POLICY, freshDbName, rejectionOf, snapshotDatabase } from './helpers'

const PASSPHRASE: BackupSecret = { kind: 'passphrase', passphrase: 'a backup passphrase' }
const WHEN = new Date(2026, 10, 23, 14, 30)
const CANARY = 'CANARY-Ingrid-Elmegade-12'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
  vi.restoreAllMocks()
})

async function vaultWith(records: readonly TrinRecord[] = []): Promise<{ name: string; vault: Vault }> {
  const name = freshDbName()
  const vault = await openVault({ dbName: name })
  cleanup.push(() => {
    vault.close()
  })
  if (records.length > 0) await vault.putMany(records)
  return { name, vault }
}

/** A file as Trin wrote them before December 2026: a plaintext JSON header line, then the body. */
async function legacyFile(records: readonly TrinRecord[] = sampleRecords()): Promise<Uint8Array> {
  const plaintext = new TextEncoder().encode(JSON.stringify({ schemaVersion: SCHEMA_VERSION, records }))
  return (await sealBackup(plaintext, PASSPHRASE, { kdf: TEST_KDF, createdAt: WHEN, format: 1 })).bytes
}

function sortById(records: readonly TrinRecord[]): TrinRecord[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
}

function sampleRecords(): TrinRecord[] {
  const plan = makePlan()
  const area = makeFocusArea()
  const goal = makeGoal({ focusAreaId: area.id })
  return [
    plan,
    area,
    goal,
    makeNote({ text: CANARY, target: { kind: 'goal', id: goal.id } }),
    makeContact({ name: 'Ingrid' }),
    { ...makeGoal({ focusAreaId: area.id }), deleted: true },
  ]
}

async function expectImportError(promise: Promise<unknown>, code: ImportError['code']): Promise<ImportError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ImportError)
  expect((error as ImportError).code).toBe(code)
  return error as ImportError
}

describe('recovery codes', () => {
  it('have 24 random symbols (120 bits) and 4 check symbols, in seven groups of four', async () => {
    const code = await generateRecoveryCode()
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/)
    expect(RECOVERY_ALPHABET).toHaveLength(32)
    expect(RECOVERY_ALPHABET).not.toMatch(/[ILOU]/)
    expect(await generateRecoveryCode()).not.toBe(code)
  })

  it('are read forgivingly: case, spaces, dashes, O→0 and I/L→1', async () => {
    const code = await generateRecoveryCode()
    const sloppy = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `
    expect(await checkRecoveryCode(sloppy)).toEqual({ ok: true, code })
  })

  it('catch typos with the check symbols', async () => {
    const code = await generateRecoveryCode()
    const first = code.charAt(0)
    const other = RECOVERY_ALPHABET.charAt((RECOVERY_ALPHABET.indexOf(first) + 1) % 32)
    expect(await checkRecoveryCode(other + code.slice(1))).toEqual({ ok: false, problem: 'checksum' })
    expect(await checkRecoveryCode(code.slice(0, -1))).toEqual({ ok: false, problem: 'length' })
    expect(await checkRecoveryCode(`U${code.slice(1)}`)).toEqual({ ok: false, problem: 'characters' })
  })

  it('are uniformly distributed over the alphabet (no modulo bias)', async () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 200; i++) {
      for (const symbol of (await generateRecoveryCode()).replace(/-/g, '').slice(0, 24))
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1)
    }
    // 4,800 symbols over 32 values: 150 expected each; every symbol appears, none dominates.
    expect(counts.size).toBe(32)
    for (const count of counts.values()) expect(count).toBeLessThan(250)
  })
})

describe('createBackup', () => {
  it('makes a verified file with a neutral name and nothing readable in it', async () => {
    const records = sampleRecords()
    const { vault } = await vaultWith(records)
    const backup = await createBackup(vault, PASSPHRASE, { kdf: TEST_KDF, now: () => WHEN })
    expect(backup.filename).toBe('data-2026-11-23.bin')
    expect(backup.recordCount).toBe(6)
    expect(backup.unreadableCount).toBe(0)
    expect(backup.blob.size).toBe(backup.bytes.byteLength)
    expect(backup.blob.type).toBe('application/octet-stream')
    // The whole file is a multiple of 1 KiB: no constant remainder from the header.
    expect(backup.bytes.byteLength % 1024).toBe(0)

    // Only words of five or more characters: random ciphertext read as text contains short ones
    // like `{"` by chance (it did, once in CI), but not these.
    const text = new TextDecoder().decode(backup.bytes).toLowerCase()
    for (const word of [CANARY, 'Ingrid', '"kind"', '"schema', 'trin-backup', '{"app', 'argon2'])
      expect(text).not.toContain(word.toLowerCase())
    // The header still tells the screen the date and what opens the file, without a secret.
    expect(inspectBackup(backup.bytes, { kdf: TEST_KDF })).toEqual({
      createdAt: WHEN.toISOString(),
      secret: 'passphrase',
    })
    expect(parseBackupFile(backup.bytes, { kdf: TEST_KDF }).header).toMatchObject({
      format: 2,
      kdf: { method: 'argon2id', params: TEST_KDF_POLICY.argon2id },
    })
  })

  it('round-trips through verify and restore, tombstones included', async () => {
    const records = sampleRecords()
    const { vault } = await vaultWith(records)
    const backup = await createBackup(vault, PASSPHRASE, { kdf: TEST_KDF, now: () => WHEN })
    expect(await verifyBackup(backup.bytes, PASSPHRASE, { kdf: TEST_KDF })).toEqual({
      createdAt: WHEN.toISOString(),
      secret: 'passphrase',
      schemaVersion: SCHEMA_VERSION,
      recordCount: 6,
    })
    const target = await vaultWith()
    await restoreBackup(backup.bytes, PASSPHRASE, target.vault, { kdf: TEST_KDF })
    const loaded = await target.vault.loadAll()
    expect(sortById(loaded.records)).toEqual(sortById(records))
    expect(loaded.records.filter((record) => record.deleted)).toHaveLength(1)
  })

  it('restores a file of the old format (JSON header line) as before', async () => {
    const records = sampleRecords()
    const old = await legacyFile(records)
    expect(new TextDecoder().decode(old.subarray(0, 20))).toBe('{"app":"trin-backup"')
    expect(inspectBackup(old, { kdf: TEST_KDF })).toEqual({
      createdAt: WHEN.toISOString(),
      secret: 'passphrase',
    })
    expect((await verifyBackup(old, PASSPHRASE, { kdf: TEST_KDF })).recordCount).toBe(6)
    const target = await vaultWith()
    await restoreBackup(old, PASSPHRASE, target.vault, { kdf: TEST_KDF })
    expect(sortById((await target.vault.loadAll()).records)).toEqual(sortById(records))
  })

  it('reads a new file whose random salt happens to start with "{"', async () => {
    const records = sampleRecords()
    const real = crypto.getRandomValues.bind(crypto)
    const spy = vi
      .spyOn(crypto, 'getRandomValues')
      .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        const filled = real(array as unknown as Uint8Array<ArrayBuffer>)
        // The salt is the only 16-byte draw: make it start like an old file's header.
        if (filled.byteLength === 16) filled.set([0x7b, 0x22, 0x61, 0x70, 0x70, 0x22, 0x3a, 0x0a])
        return array
      })
    const backup = await createBackup(records, PASSPHRASE, { kdf: TEST_KDF, now: () => WHEN })
    spy.mockRestore()
    expect(backup.bytes[0]).toBe(0x7b)
    const target = await vaultWith()
    await restoreBackup(backup.bytes, PASSPHRASE, target.vault, { kdf: TEST_KDF })
    expect((await target.vault.loadAll()).records).toHaveLength(6)
  })

  it('opens with a recovery code typed sloppily', async () => {
    const code = await generateRecoveryCode()
    const backup = await createBackup(sampleRecords(), { kind: 'recovery-code', code }, { kdf: TEST_KDF })
    expect(inspectBackup(backup.bytes, { kdf: TEST_KDF })).toMatchObject({ secret: 'recovery-code' })
    const typed = code.toLowerCase().replace(/-/g, ' ')
    expect(
      (await verifyBackup(backup.bytes, { kind: 'recovery-code', code: typed }, { kdf: TEST_KDF }))
        .recordCount,
    ).toBe(6)
    await expectImportError(verifyBackup(backup.bytes, PASSPHRASE, { kdf: TEST_KDF }), 'wrong-secret')
  })

  it.each([
    ['a short passphrase', { kind: 'passphrase', passphrase: 'short' }],
    ['a recovery code with a typo', { kind: 'recovery-code', code: '0000-0000-0000-0000-0000-0000-0000' }],
  ] as const)('refuses %s', async (_label, secret) => {
    const error = await rejectionOf(createBackup(sampleRecords(), secret, { kdf: TEST_KDF }))
    expect((error as BackupError).code).toBe('invalid-secret')
  })

  it('refuses invalid or duplicate records, and a closed vault', async () => {
    const goal = makeGoal()
    expect(
      ((await rejectionOf(createBackup([goal, goal], PASSPHRASE, { kdf: TEST_KDF }))) as BackupError).code,
    ).toBe('invalid-records')
    const { vault } = await vaultWith()
    vault.close()
    expect(
      ((await rejectionOf(createBackup(vault, PASSPHRASE, { kdf: TEST_KDF }))) as BackupError).code,
    ).toBe('vault-closed')
  })

  it('is not reported done when the file does not read back', async () => {
    const decrypt = crypto.subtle.decrypt.bind(crypto.subtle)
    vi.spyOn(crypto.subtle, 'decrypt').mockImplementation(async (algorithm, key, data) => {
      const plain = new Uint8Array(await decrypt(algorithm, key, data))
      plain[plain.length - 2] = 0x20 // the file says something else than what was meant
      return plain.buffer
    })
    const error = await rejectionOf(createBackup(sampleRecords(), PASSPHRASE, { kdf: TEST_KDF }))
    expect((error as BackupError).code).toBe('verify-failed')
  })

  it('names files by the local date', () => {
    expect(backupFilename(new Date(2027, 0, 5, 23, 59))).toBe('data-2027-01-05.bin')
  })
})

describe('restoreBackup refuses, with a typed error and nothing changed', () => {
  async function setup() {
    const records = sampleRecords()
    const backup = await createBackup(records, PASSPHRASE, { kdf: TEST_KDF, now: () => WHEN })
    const existing = [makeGoal({ title: 'Already here' })]
    const target = await vaultWith(existing)
    return { backup, records, ...target, existing }
  }

  async function expectRefused(
    bytes: Uint8Array,
    code: ImportError['code'],
    secret: BackupSecret = PASSPHRASE,
    kdf = TEST_KDF,
  ) {
    const { name, vault } = await vaultWith([makeGoal({ title: 'Already here' })])
    const before = await snapshotDatabase(name)
    const error = await expectImportError(restoreBackup(bytes, secret, vault, { kdf, replace: true }), code)
    expect(await snapshotDatabase(name)).toEqual(before)
    return error
  }

  it('a wrong passphrase', async () => {
    const { backup } = await setup()
    await expectRefused(backup.bytes, 'wrong-secret', {
      kind: 'passphrase',
      passphrase: 'not the passphrase',
    })
  })

  it('a file over the size cap, before reading anything', async () => {
    await expectRefused(new Uint8Array(MAX_BACKUP_BYTES + 1), 'too-large')
  })

  it('a file that is not a backup', async () => {
    await expectRefused(new TextEncoder().encode('%PDF-1.7\n...'), 'not-a-backup')
    await expectRefused(
      new TextEncoder().encode('{"app":"other","version":1}\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'),
      'not-a-backup',
    )
    await expectRefused(new Uint8Array(0), 'not-a-backup')
  })

  it('a newer format version (an old file with a JSON header)', async () => {
    const bytes = await legacyFile()
    const text = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10)))
    const header = new TextEncoder().encode(text.replace('"version":1', '"version":2'))
    await expectRefused(
      new Uint8Array([...header, ...bytes.subarray(bytes.indexOf(10))]),
      'unsupported-version',
    )
  })

  it('a changed header byte (the header is authenticated)', async () => {
    const { backup } = await setup()
    // The last byte of the masked block is the lowest byte of the date: the header still reads,
    // with another date, and the body no longer decrypts under it.
    const bytes = new Uint8Array(backup.bytes)
    bytes[31] = (bytes[31] ?? 0) ^ 0x40
    expect(inspectBackup(bytes, { kdf: TEST_KDF }).createdAt).not.toBe(WHEN.toISOString())
    await expectRefused(bytes, 'corrupt')

    const old = await legacyFile()
    const text = new TextDecoder().decode(old.subarray(0, old.indexOf(10)))
    const header = new TextEncoder().encode(
      text.replace(/"createdAt":"[^"]+"/, '"createdAt":"2020-01-01T00:00:00.000Z"'),
    )
    await expectRefused(new Uint8Array([...header, ...old.subarray(old.indexOf(10))]), 'corrupt')
  })

  it('a flipped ciphertext byte', async () => {
    const { backup } = await setup()
    const bytes = new Uint8Array(backup.bytes)
    const last = bytes.length - 20
    bytes[last] = (bytes[last] ?? 0) ^ 1
    await expectRefused(bytes, 'corrupt')
  })

  it('a truncated file', async () => {
    const { backup } = await setup()
    await expectRefused(backup.bytes.subarray(0, BINARY_HEADER_BYTES + 10), 'corrupt')
    await expectRefused(backup.bytes.subarray(0, backup.bytes.length - 1), 'corrupt')
  })

  it('KDF parameters below the production floor (a test-made file, read with the default policy)', async () => {
    const { backup } = await setup()
    const { name, vault } = await vaultWith()
    const before = await snapshotDatabase(name)
    await expectImportError(restoreBackup(backup.bytes, PASSPHRASE, vault), 'kdf-rejected')
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('records that do not validate, duplicate ids, a newer record schema (encrypted with the right key)', async () => {
    const goal = makeGoal()
    const seal = async (payload: unknown) =>
      (
        await sealBackup(new TextEncoder().encode(JSON.stringify(payload)), PASSPHRASE, {
          kdf: TEST_KDF,
          createdAt: WHEN,
        })
      ).bytes
    const invalid = await expectRefused(
      await seal({ schemaVersion: SCHEMA_VERSION, records: [{ ...goal, title: '' }] }),
      'invalid-records',
    )
    expect(invalid.recordId).toBe(goal.id)
    expect(invalid.issues.map((issue) => issue.path)).toEqual([['title']])
    await expectRefused(
      await seal({ schemaVersion: SCHEMA_VERSION, records: [goal, goal] }),
      'invalid-records',
    )
    await expectRefused(await seal({ schemaVersion: SCHEMA_VERSION + 1, records: [] }), 'unsupported-version')
    await expectRefused(
      await seal({ schemaVersion: SCHEMA_VERSION, records: [], extra: true }),
      'invalid-records',
    )
    await expectRefused(await seal([[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]), 'invalid-records')
  })

  it('a non-empty vault without confirmation; with it, the backup replaces what was there', async () => {
    const { backup, records, name, vault, existing } = await setup()
    const before = await snapshotDatabase(name)
    await expectImportError(
      restoreBackup(backup.bytes, PASSPHRASE, vault, { kdf: TEST_KDF }),
      'target-not-empty',
    )
    expect(await snapshotDatabase(name)).toEqual(before)
    expect((await vault.loadAll()).records).toEqual(existing)

    await restoreBackup(backup.bytes, PASSPHRASE, vault, { kdf: TEST_KDF, replace: true })
    expect(sortById((await vault.loadAll()).records)).toEqual(sortById(records))
  })

  it('a full disk during the write: storage-failed, nothing written', async () => {
    const { backup } = await setup()
    const { name, vault } = await vaultWith()
    const before = await snapshotDatabase(name)
    type Add = (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) => IDBRequest<IDBValidKey>
    const realAdd = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'add')?.value as Add
    let calls = 0
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      calls += 1
      if (calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return realAdd.apply(this, args)
    })
    const error = await expectImportError(
      restoreBackup(backup.bytes, PASSPHRASE, vault, { kdf: TEST_KDF }),
      'storage-failed',
    )
    expect((error.cause as { code?: string }).code).toBe('quota')
    vi.restoreAllMocks()
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('a closed vault', async () => {
    const { backup, vault } = await setup()
    vault.close()
    await expectImportError(restoreBackup(backup.bytes, PASSPHRASE, vault, { kdf: TEST_KDF }), 'vault-closed')
  })
})
