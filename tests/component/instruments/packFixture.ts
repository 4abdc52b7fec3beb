// What both instrument test files share: the fixture packs as text, read from the repository root
// (happy-dom's module URLs are not files), and a fresh database at a fixed day for every test.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, vi } from 'vitest'
import { deleteDatabase } from '@/data/db'
import { useVaultStore } from '@/stores/vault'
import { unmountAll } from '../support/mount'
import { NOW } from '../support/fixtures'

/** A fixture under tests/fixtures/instruments/ as text. */
export function packFixture(name: string): string {
  return readFileSync(join(process.cwd(), 'tests/fixtures/instruments', name), 'utf8')
}

/** Each test starts on NOW with an empty database and ends with the app unmounted and locked. */
export function freshAppEachTest(): void {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    await deleteDatabase()
  })
  afterEach(() => {
    unmountAll()
    useVaultStore().close()
    vi.useRealTimers()
  })
}
