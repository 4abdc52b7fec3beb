import { createI18n } from 'vue-i18n'
import { isLocaleCode, localeInfo, localeList, sourceLocale, type LocaleCode } from '../../../locales'
import { pluralRuleFor } from './plural'

/** The shape of every locale: Danish is the source of truth for keys. */
export type MessageSchema = typeof import('../../../locales/da.json')

const storageKey = 'trin.locale'

/**
 * Every locale's messages, Danish included, loaded on demand: the first screen waits only for
 * the one language it shows, and the messages never weigh on the initial bundle however many
 * screens the app grows. Each JSON file becomes its own chunk, precompiled at build time and
 * precached by the service worker, so starting and switching work offline.
 */
const lazyMessages = import.meta.glob<{ default: MessageSchema }>('../../../locales/*.json')

// Composition API only: the build defines __VUE_I18N_LEGACY_API__ false (plugin option
// compositionOnly, and vitest.config.ts for tests), so no `legacy` option is needed.
export const i18n = createI18n<[MessageSchema], LocaleCode, false>({
  locale: sourceLocale,
  fallbackLocale: sourceLocale,
  messages: {} as Record<LocaleCode, MessageSchema>,
  pluralRules: Object.fromEntries(localeList.map((l) => [l.code, pluralRuleFor(l)])),
  // A missing key is reported in production too, so the end-to-end tests can catch it in any
  // language (the locale check in npm test keeps every locale complete, so Danish, the
  // fallback, is only loaded when it is the chosen language).
  missingWarn: false,
  fallbackWarn: false,
  missing: (locale, key) => {
    console.warn(`[trin] missing message "${key}" in ${locale}`)
  },
})

const loaded = new Set<LocaleCode>()

/** Loads a locale's messages (e.g. for interpreter mode's second language) without switching to it. */
export async function ensureMessages(code: LocaleCode): Promise<void> {
  if (loaded.has(code)) return
  const load = lazyMessages[`../../../locales/${code}.json`]
  if (!load) throw new Error(`No messages for locale ${code}`)
  const module = await load()
  i18n.global.setLocaleMessage(code, module.default)
  loaded.add(code)
}

/** Reflects the locale on <html lang dir>, so screen readers and the layout follow. */
function applyToDocument(code: LocaleCode): void {
  const root = document.documentElement
  root.lang = code
  root.dir = localeInfo(code).dir
}

/**
 * Switches the language without a reload: loads its messages, then changes the locale and
 * <html lang dir> in one step so no frame shows mixed directions. The choice is remembered
 * in plain localStorage because the lock screen must speak the user's language before unlock.
 */
export async function setLocale(code: LocaleCode): Promise<void> {
  await ensureMessages(code)
  i18n.global.locale.value = code
  applyToDocument(code)
  try {
    localStorage.setItem(storageKey, code)
  } catch {
    // Storage can be unavailable (private mode, quota); the switch still applies for this visit.
  }
}

/** The remembered language, else the first supported browser language, else Danish. */
export function initialLocale(): LocaleCode {
  let stored: string | null
  try {
    stored = localStorage.getItem(storageKey)
  } catch {
    stored = null
  }
  if (isLocaleCode(stored)) return stored
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split('-')[0]
    if (isLocaleCode(base)) return base
  }
  return sourceLocale
}
