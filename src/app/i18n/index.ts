import { markRaw } from 'vue'
import { createI18n } from 'vue-i18n'
import { isLocaleCode, localeInfo, localeList, sourceLocale, type LocaleCode } from '../../../locales'
import { messageParts } from 'virtual:trin-messages'
import { pluralRuleFor } from './plural'
import type { MessageNamespace } from './namespaces'

/** The shape of every locale: Danish is the source of truth for keys. */
export type MessageSchema = typeof import('../../../locales/da.json')

const storageKey = 'trin.locale'

/**
 * Every language's messages in parts (namespaces.ts), each loaded on demand: a language loads
 * with its `core`, a screen's other namespaces load as she navigates to it (the router asks
 * through `loadScreenMessages`), so no part weighs on the first screen however many screens
 * the app grows. Each part is its own chunk, precompiled at build time
 * (scripts/lib/message-chunks.ts) and precached by the service worker, so starting, switching
 * and moving between screens work offline.
 */
// Composition API only: the build defines __VUE_I18N_LEGACY_API__ false (plugin option
// compositionOnly, and vitest.config.ts for tests), so no `legacy` option is needed.
export const i18n = createI18n<[MessageSchema], LocaleCode, false>({
  locale: sourceLocale,
  fallbackLocale: sourceLocale,
  // Each language's messages in a plain object, not a deep reactive one: vue-i18n keeps them in
  // a `ref`, so every merged key went through a proxy, and every lookup while rendering tracked
  // its path (issue #11: 15 ms to merge Danish's core at full speed, in the first screen's
  // task). Nothing waits on a merge to re-render: a language and a screen's parts are loaded
  // before the language or the screen shows (`setLocale`, `loadScreenMessages`).
  messages: Object.fromEntries(localeList.map((l) => [l.code, markRaw({})])) as unknown as Record<
    LocaleCode,
    MessageSchema
  >,
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

/** Languages loaded for showing (the current one, interpreter mode's): each gets every wanted part. */
const shown = new Set<LocaleCode>()
/** The namespaces the current screen needs besides `core`. */
let wanted: readonly MessageNamespace[] = []
/** One load per (language, namespace); a failed one is forgotten, so it is tried again. */
const parts = new Map<string, Promise<void>>()

function loadPart(code: LocaleCode, namespace: MessageNamespace): Promise<void> {
  const key = `${code}.${namespace}`
  let part = parts.get(key)
  if (part === undefined) {
    const load = messageParts[code]?.[namespace]
    if (!load) throw new Error(`No messages for ${key}`)
    part = load().then(
      (module) => {
        i18n.global.mergeLocaleMessage(code, module.default)
      },
      (error: unknown) => {
        parts.delete(key)
        throw error
      },
    )
    parts.set(key, part)
  }
  return part
}

/**
 * Loads a language's messages for what is on screen — `core` and the current screen's
 * namespaces — without switching to it (e.g. interpreter mode's second language).
 */
export async function ensureMessages(code: LocaleCode): Promise<void> {
  // Marked before the wait, so a screen navigated to meanwhile loads its part of this language too.
  shown.add(code)
  try {
    await Promise.all(['core' as const, ...wanted].map((namespace) => loadPart(code, namespace)))
  } catch (error) {
    // Not shown after all (e.g. offline before the service worker had it): screens stop asking.
    if (code !== i18n.global.locale.value) shown.delete(code)
    throw error
  }
}

/**
 * The namespaces the screen about to show needs (its route's `meta.messages`): loaded for every
 * language shown before the screen renders, and for any language loaded later while it is on.
 */
export async function loadScreenMessages(namespaces: readonly MessageNamespace[]): Promise<void> {
  wanted = namespaces
  await Promise.all([...shown].flatMap((code) => namespaces.map((namespace) => loadPart(code, namespace))))
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
