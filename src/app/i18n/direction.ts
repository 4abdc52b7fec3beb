import { isLocaleCode, localeInfo } from '../../../locales'

/** Scripts written right to left (ISO 15924): Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan. */
const rightToLeftScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'])

/**
 * The writing direction of a language. Languages Trin ships take it from the locale list
 * (locales/index.ts, the single source); any other BCP 47 tag (a test-only fixture, a
 * language not yet listed) from its likely script, e.g. `ar` → Arab → rtl, `ku` → Latn → ltr.
 */
export function directionOf(code: string): 'ltr' | 'rtl' {
  if (isLocaleCode(code)) return localeInfo(code).dir
  try {
    const { script } = new Intl.Locale(code).maximize()
    return script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr'
  } catch {
    return 'ltr'
  }
}
