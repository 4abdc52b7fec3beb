/**
 * Mounts the app's real routes (lazy pages included) under a RouterView, the way
 * `mountInApp` mounts a component: real Pinia, the app's i18n in the given language, and the
 * encrypted store on fake-indexeddb. Attached to the document so focus can be asserted.
 * `before` runs once Pinia is active and before anything mounts (e.g. to store a plan).
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, RouterView, type RouteRecordRaw, type Router } from 'vue-router'
import { expect, vi } from 'vitest'
import { i18n, setLocale } from '@/app/i18n'
import { routes } from '@/app/router'
import type { LocaleCode } from '../../../locales'

export interface MountedApp {
  wrapper: VueWrapper
  router: Router
}

export async function mountApp(
  options: {
    path?: string
    locale?: LocaleCode
    /** Routes added only where the app has none of that name (screens built elsewhere, maybe not yet). */
    stubRoutes?: RouteRecordRaw[]
    /** Names of app routes to leave out, to see a screen without them. */
    withoutRoutes?: string[]
    before?: () => Promise<void>
  } = {},
): Promise<MountedApp> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await setLocale(options.locale ?? 'da')
  await options.before?.()
  const appRoutes = routes.filter((route) => !(options.withoutRoutes ?? []).includes(String(route.name)))
  const names = new Set(appRoutes.map((route) => route.name))
  const stubs = (options.stubRoutes ?? []).filter((route) => !names.has(route.name))
  const router = createRouter({ history: createMemoryHistory(), routes: [...stubs, ...appRoutes] })
  await router.push(options.path ?? '/')
  await router.isReady()
  // eslint-disable-next-line vue/one-component-per-file -- the test root, a bare RouterView
  const Root = defineComponent({ render: () => h(RouterView) })
  const wrapper = mount(Root, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  return { wrapper, router }
}

/** Waits until the rendered text contains `text` (the store opens and lazy pages load asynchronously). */
export async function settled(wrapper: VueWrapper, text: string): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.text()).toContain(text)
  })
}

/** A stand-in for the plan screens (built elsewhere), to test links to the route 'plan'. */
export const planRoute: RouteRecordRaw = {
  path: '/plan',
  name: 'plan',
  // eslint-disable-next-line vue/one-component-per-file -- a one-line stand-in route, not a real component
  component: defineComponent({ render: () => h('p', 'plan screen') }),
}
