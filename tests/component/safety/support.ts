/**
 * Harness for the safety and backup components: real Pinia, the app's i18n, and the real
 * encrypted store on fake-indexeddb in a database of its own, with the cheap test KDF policy.
 * `before` runs with Pinia active and before anything mounts (e.g. to set a passphrase).
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/app/i18n'
import { routes } from '@/app/router'
import { backupReadOptionsKey } from '@/features/backup/readOptions'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import type { TrinRecord } from '@/schemas'
import { makeGoal } from '../../factories/records'
import { TEST_KDF, freshDbName } from '../../unit/data/helpers'
import type { LocaleCode } from '../../../locales'

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

/** Mounts `component` with a router (the app's routes), Pinia and i18n, after `before`. */
export async function mountSafety(
  component: Component,
  options: { locale?: LocaleCode; before?: () => Promise<unknown>; props?: Record<string, unknown> } = {},
): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await setLocale(options.locale ?? 'da')
  await options.before?.()
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push('/settings')
  await router.isReady()
  return mount(component, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [pinia, i18n, router],
      provide: { [backupReadOptionsKey as symbol]: { kdf: TEST_KDF } },
    },
  })
}

/**
 * Waits until `check` passes. Key derivations and IndexedDB are slow on a busy CI machine, so this
 * waits up to five seconds (vi.waitFor's default is one).
 */
export function eventually<T>(check: () => T | Promise<T>, timeout = 5000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 20 })
}
