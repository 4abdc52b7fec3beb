/**
 * The set-up the store tests with the real vault share: for every test of the file an emptied
 * database (and local storage, where the file runs with a DOM and asks for it), a fresh Pinia,
 * `Date.now` at `wall` (7 December 2026 09:00 UTC unless given) and the vault open (unless
 * `open: false`, for a test that opens it itself); the vault is closed after each test.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, vi } from 'vitest'
import { deleteDatabase } from '@/data/db'
import { useVaultStore } from '@/stores/vault'

export function freshStoresForEachTest(
  options: { readonly wall?: number; readonly open?: boolean; readonly clearLocalStorage?: boolean } = {},
): void {
  const { wall = Date.parse('2026-12-07T09:00:00.000Z'), open = true, clearLocalStorage = false } = options
  beforeEach(async () => {
    await deleteDatabase()
    if (clearLocalStorage) localStorage.clear()
    setActivePinia(createPinia())
    vi.spyOn(Date, 'now').mockReturnValue(wall)
    if (open) await useVaultStore().open()
  })

  afterEach(() => {
    useVaultStore().close()
  })
}
