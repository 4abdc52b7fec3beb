import { createI18n } from 'vue-i18n'

export type Locale = 'da' | 'ar'
type Messages = typeof import('../locales/da.json')

// Every locale lazily, the first one included, as Trin does.
const lazy = import.meta.glob<{ default: Messages }>('../locales/*.json')

export const i18n = createI18n<[Messages], Locale, false>({
  locale: 'da',
  fallbackLocale: 'da',
  messages: {} as Record<Locale, Messages>,
})

const loaded = new Set<Locale>()

export async function setLocale(code: Locale): Promise<void> {
  if (!loaded.has(code)) {
    const load = lazy[`../locales/${code}.json`]
    if (!load) throw new Error(`No messages for ${code}`)
    i18n.global.setLocaleMessage(code, (await load()).default)
    loaded.add(code)
  }
  i18n.global.locale.value = code
  document.documentElement.lang = code
  document.documentElement.dir = code === 'ar' ? 'rtl' : 'ltr'
}

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/**
 * The translate function, untyped by key: Trin's own message schema is declared globally for
 * vue-i18n (src/app/i18n), which this yardstick must not borrow. Reactive like `t`.
 */
export const tr = i18n.global.t as unknown as Translate
