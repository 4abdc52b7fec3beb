/**
 * The one way component tests mount Trin: real Pinia, the app's own i18n in the chosen language,
 * the real encrypted store on fake-indexeddb (with the cheap test KDF for backups), and — where
 * asked — the app's real routes. Everything mounted is attached to the document (so focus can be
 * asserted) and unmounted by `unmountAll()` (call it in afterEach, before closing the vault).
 */
import { flushPromises, mount, type ComponentMountingOptions, type VueWrapper } from '@vue/test-utils'
import { createPinia, getActivePinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h, type Component, type PropType, type VNodeChild } from 'vue'
import { RouterView, type RouteRecordRaw, type Router } from 'vue-router'
import { expect, vi } from 'vitest'
import { i18n, setLocale } from '@/app/i18n'
import { createAppRouter, routes } from '@/app/router'
import { backupReadOptionsKey } from '@/features/backup/readOptions'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { TEST_KDF } from '../../unit/data/helpers'
import type { LocaleCode } from '../../../locales'

export type Records = ReturnType<typeof useRecordsStore>

interface SetUp {
  /** The language (Danish by default); null leaves it alone (for a test that replaces setLocale). */
  locale?: LocaleCode | null
  /** Keep the Pinia the test already made active (a store it prepared) instead of a fresh one. */
  keepPinia?: boolean
  /** Runs with Pinia active and before anything mounts (store a plan, set a passphrase). */
  before?: () => Promise<unknown>
}

const mounted: { unmount: () => void }[] = []

/** Unmounts everything these helpers mounted. */
export function unmountAll(): void {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
}

async function setUp(options: SetUp): Promise<Pinia> {
  const active = options.keepPinia ? getActivePinia() : undefined
  const pinia = active ?? createPinia()
  setActivePinia(pinia)
  if (options.locale !== null) await setLocale(options.locale ?? 'da')
  await options.before?.()
  return pinia
}

async function routerAt(path: string, appRoutes: RouteRecordRaw[] = routes): Promise<Router> {
  const router = createAppRouter(appRoutes)
  await router.push(path)
  await router.isReady()
  return router
}

function track<W extends { unmount: () => void }>(wrapper: W): W {
  mounted.push(wrapper)
  return wrapper
}

const provide = { [backupReadOptionsKey as symbol]: { kdf: TEST_KDF } }

/**
 * Mounts one component. `route` adds the app's router at that path (for components with links).
 * Extra plugins in `global.plugins` are added to the app's own, never instead of them.
 */
export async function mountInApp<C extends Component>(
  component: C,
  options: SetUp & { route?: string } & ComponentMountingOptions<C> = {},
) {
  const { locale, keepPinia, before, route, ...mountOptions } = options
  const pinia = await setUp({ locale, keepPinia, before })
  const router = route === undefined ? [] : [await routerAt(route)]
  const extra = (mountOptions.global?.plugins ?? []).filter((plugin) => plugin !== i18n)
  const global = {
    ...mountOptions.global,
    provide: { ...provide, ...mountOptions.global?.provide },
    plugins: [pinia, i18n, ...router, ...extra],
  }
  return track(mount(component, { attachTo: document.body, ...mountOptions, global }))
}

export interface MountedApp {
  wrapper: VueWrapper
  router: Router
}

/** The test root of a whole app: a bare RouterView. */
// eslint-disable-next-line vue/one-component-per-file -- test roots, not app components
const Root = defineComponent({ render: () => h(RouterView) })

/** Mounts the app's real routes (lazy pages included) at `path`. */
export async function mountApp(
  options: SetUp & {
    path?: string | (() => string)
    /** Routes added only where the app has none of that name (screens built elsewhere, maybe not yet). */
    stubRoutes?: RouteRecordRaw[]
    /** Names of app routes to leave out, to see a screen without them. */
    withoutRoutes?: string[]
  } = {},
): Promise<MountedApp> {
  const pinia = await setUp(options)
  const appRoutes = routes.filter((route) => !(options.withoutRoutes ?? []).includes(String(route.name)))
  const names = new Set(appRoutes.map((route) => route.name))
  const stubs = (options.stubRoutes ?? []).filter((route) => !names.has(route.name))
  const path = typeof options.path === 'function' ? options.path() : (options.path ?? '/')
  const router = await routerAt(path, [...stubs, ...appRoutes])
  const wrapper = track(
    mount(Root, { attachTo: document.body, global: { plugins: [pinia, i18n, router], provide } }),
  )
  return { wrapper, router }
}

/**
 * Opens the vault, runs `seed` (which stores what the test needs and returns anything the path
 * needs, e.g. ids), then mounts the app at `path(seeded)`.
 */
export async function mountPlanApp<T>(options: {
  seed: (records: Records) => Promise<T>
  path: (seeded: T) => string
  locale?: LocaleCode
}): Promise<MountedApp & { seeded: T }> {
  let seeded: { value: T } | undefined
  const app = await mountApp({
    locale: options.locale,
    before: async () => {
      await useVaultStore().open()
      seeded = { value: await options.seed(useRecordsStore()) }
    },
    path: () => {
      if (seeded === undefined) throw new Error('seed did not run')
      return options.path(seeded.value)
    },
  })
  if (seeded === undefined) throw new Error('seed did not run')
  return { ...app, seeded: seeded.value }
}

/** A stateful root for tests that mount several components side by side: renders `content()`. */
// eslint-disable-next-line vue/one-component-per-file -- test roots, not app components
export const Host = defineComponent({
  props: { content: { type: Function as PropType<() => VNodeChild>, required: true } },
  setup(props) {
    return () => props.content()
  },
})

/** Waits until the rendered text contains `text` (the store opens and lazy pages load asynchronously). */
export async function settled(wrapper: VueWrapper, text: string): Promise<void> {
  await eventually(() => {
    expect(wrapper.text()).toContain(text)
  })
}

/**
 * Waits until `check` passes. Key derivations and IndexedDB are slow on a busy CI machine, so this
 * waits up to five seconds (vi.waitFor's default is one).
 */
export function eventually<T>(check: () => T | Promise<T>, timeout = 5000): Promise<T> {
  return vi.waitFor(
    async () => {
      await flushPromises()
      return check()
    },
    { timeout, interval: 20 },
  )
}
