/** What component tests store or hand to a screen before they look at it. */
import type { VueWrapper } from '@vue/test-utils'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import { deleteDatabase } from '@/data/db'
import type { Plan, TrinRecord } from '@/schemas'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import { day, makeGoal } from '../../factories/records'
import { TEST_KDF, freshDbName } from '../../unit/data/helpers'
import { unmountAll, type Records } from './mount'

/** 12:00 UTC on 2026-11-23 is the same calendar day in every zone the tests may run in. */
export const NOW = new Date('2026-11-23T12:00:00Z')

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

/** Stores a plan in phase 1 on 2026-11-23 (day 1 was 2026-10-14), with the given changes. */
export function storePlan(records: Records, fields: Partial<Plan> = {}): Promise<Plan> {
  return records.create('plan', {
    targetGroup: 'homelessness',
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses: [],
    restarts: [],
    instruments: [],
    ...fields,
  })
}

/** Locks and unlocks the vault: what shows afterwards was read back from the encrypted store. */
export async function reopenVault(): Promise<void> {
  useVaultStore().close()
  await flushPromises()
  expect(useRecordsStore().live).toEqual([])
  await useVaultStore().open()
  await flushPromises()
}

export const PASSPHRASE = 'blue house by the river'

/** Options for a vault in a fresh database with the test KDF. */
export function freshVaultOptions(): VaultStoreOptions {
  return { dbName: freshDbName(), kdf: TEST_KDF }
}

/** Stores a goal and locks the database with `PASSPHRASE`, then closes it (as after a reload). */
export async function lockedDatabase(options: VaultStoreOptions): Promise<{ goal: TrinRecord }> {
  setActivePinia(createPinia())
  const vault = useVaultStore()
  await vault.open(options)
  const goal = await useRecordsStore().save(makeGoal({ title: 'Keep my flat' }))
  await vault.setPassphrase(PASSPHRASE)
  vault.close()
  return { goal }
}

/** Hands `bytes` to the file input as if the citizen chose a file, and fires `change`. */
export async function chooseFile(
  wrapper: VueWrapper,
  bytes: Uint8Array,
  name = 'backup-2026-11-23.trin',
): Promise<void> {
  const input = wrapper.get<HTMLInputElement>('#backup-file')
  const file = new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' })
  Object.defineProperty(input.element, 'files', { configurable: true, value: [file] })
  await input.trigger('change')
}

/** A stand-in for the plan screens, to test links to the route 'plan'. */
export const planRoute: RouteRecordRaw = {
  path: '/plan',
  name: 'plan',
  component: defineComponent({ render: () => h('p', 'plan screen') }),
}
