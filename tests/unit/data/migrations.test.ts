import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_NAME, TrinDatabase, deleteDatabase } from '@/data/db'
import { migrations } from '@/data/migrations'
import { recordSteps } from '@/data/migrations/records'
import { SCHEMA_VERSION } from '@/schemas'
import { freshDbName } from './helpers'

const migrationsDir = resolve(import.meta.dirname, '../../../src/data/migrations')
const MIGRATION_FILE = /^(\d{4})-([a-z0-9-]+)\.ts$/

const opened: TrinDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

describe('migrations', () => {
  it('are numbered contiguously from 1, one file each, listed in order', () => {
    const files = readdirSync(migrationsDir)
      .filter((file) => MIGRATION_FILE.test(file))
      .sort()
    expect(files.length).toBeGreaterThan(0)
    expect(migrations.map((migration) => migration.version)).toEqual(files.map((_file, index) => index + 1))
    expect(files.map((file) => MIGRATION_FILE.exec(file)?.slice(1, 3))).toEqual(
      migrations.map((migration) => [String(migration.version).padStart(4, '0'), migration.name]),
    )
  })

  it('leave no stray files in the folder', () => {
    const others = readdirSync(migrationsDir).filter((file) => !MIGRATION_FILE.test(file))
    expect(others.sort()).toEqual(['README.md', 'index.ts', 'recordSteps', 'records.ts', 'types.ts'])
  })

  it('keep the record-content steps numbered contiguously from version 1, one file each, in order', () => {
    // Every file but the folder's README is a step.
    const files = readdirSync(resolve(migrationsDir, 'recordSteps'))
      .filter((file) => file !== 'README.md')
      .sort()
    expect(files.every((file) => MIGRATION_FILE.test(file))).toBe(true)
    expect(recordSteps.map((step) => step.from)).toEqual(files.map((_file, index) => index + 1))
    expect(recordSteps.at(-1)?.from).toBe(SCHEMA_VERSION - 1)
  })

  it('open an empty database at the last version', async () => {
    const db = new TrinDatabase(freshDbName())
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(migrations.at(-1)?.version)
    expect(db.tables.map((table) => table.name).sort()).toEqual(['meta', 'records'])
  })

  it('keep the records table to {id, iv, ct}: a primary key and no index on content', async () => {
    const db = new TrinDatabase(freshDbName())
    opened.push(db)
    await db.open()
    expect(db.records.schema.primKey.keyPath).toBe('id')
    expect(db.records.schema.primKey.auto).toBe(false)
    expect(db.records.schema.indexes).toEqual([])
    expect(db.meta.schema.primKey.keyPath).toBe('key')
    expect(db.meta.schema.indexes).toEqual([])
  })
})

describe('TrinDatabase', () => {
  it("is called 'trin' and asks Chrome for strict durability", async () => {
    await deleteDatabase()
    const db = new TrinDatabase()
    opened.push(db)
    expect(db.name).toBe(DB_NAME)
    expect(DB_NAME).toBe('trin')
    expect(db._options.chromeTransactionDurability).toBe('strict')
    await db.open()
    db.close()
    await deleteDatabase()
  })
})
