import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { i18n, setLocale } from '@/app/i18n'
import type { LocaleCode } from '../../../locales'

/**
 * Mounts a component the way the app runs it: real Pinia, the app's own i18n instance with
 * the given language, and the real encrypted store over fake-indexeddb.
 */
export async function mountInApp<C extends Component>(
  component: C,
  options: { locale?: LocaleCode } & ComponentMountingOptions<C> = {},
) {
  const { locale = 'da', ...mountOptions } = options
  const pinia = createPinia()
  setActivePinia(pinia)
  await setLocale(locale)
  // Extra plugins (e.g. a router) are added to the app's own, never instead of them.
  const extra = (mountOptions.global?.plugins ?? []).filter((plugin) => plugin !== i18n)
  const global = { ...mountOptions.global, plugins: [pinia, i18n, ...extra] }
  return mount(component, { ...mountOptions, global })
}
