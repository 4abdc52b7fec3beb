/**
 * Test harness for the plan screens: the app's real routes under a RouterView, real Pinia, the
 * app's i18n in the chosen language, and the real encrypted store on fake-indexeddb, with a
 * plan (and whatever else a test needs) stored before the first screen mounts.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { expect, vi } from 'vitest'
import { i18n, setLocale } from '@/app/i18n'
import { routes } from '@/app/router'
import type { Plan } from '@/schemas'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { day } from '../../factories/records'
import type { LocaleCode } from '../../../locales'

/** 12:00 UTC on 2026-11-23 is the same calendar day in every zone the tests may run in. */
export const NOW = new Date('2026-11-23T12:00:00Z')

export type Records = ReturnType<typeof useRecordsStore>

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

export interface PlanApp {
  wrapper: VueWrapper
  router: Router
}

const mounted: VueWrapper[] = []

/** Unmounts every app `mountPlanApp` mounted (call in afterEach, before closing the vault). */
export function unmountPlanApps(): void {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
}

/**
 * Opens the vault, runs `seed` (which stores what the test needs and returns anything the path
 * needs, e.g. ids), then mounts the app at `path(seeded)`.
 */
export async function mountPlanApp<T>(options: {
  seed: (records: Records) => Promise<T>
  path: (seeded: T) => string
  locale?: LocaleCode
}): Promise<PlanApp & { seeded: T }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await setLocale(options.locale ?? 'da')
  await useVaultStore().open()
  const seeded = await options.seed(useRecordsStore())
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(options.path(seeded))
  await router.isReady()
  const Root = defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(Root, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  mounted.push(wrapper)
  return { wrapper, router, seeded }
}

/** Waits until the rendered text contains `text` (lazy pages and saves are asynchronous). */
export async function settled(wrapper: VueWrapper, text: string): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.text()).toContain(text)
  })
}

/** Waits until `check` passes. */
export async function eventually(check: () => void | Promise<void>): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    await check()
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
