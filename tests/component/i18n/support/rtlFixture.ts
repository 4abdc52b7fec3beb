import { i18n, type MessageSchema } from '@/app/i18n'
import type { LocaleCode } from '../../../../locales'

/**
 * A TEST-ONLY right-to-left locale, so bidirectional behaviour is tested before Arabic ships.
 * Its tag is private use (`x-test`): it can never clash with a real locale, and Trin derives its
 * direction from the language's script (ar → Arab → rtl) because it is not in locales/index.ts.
 * Its few texts are placeholders for the keys the tests use, not a translation.
 */
export const rtlTestLocale = 'ar-x-test' as LocaleCode // not a listed locale: tests only

const messages = {
  stage: { phase1: 'المرحلة ١' },
  stageInfo: { phase1: 'الآن تخططون وتبدؤون.' },
  language: { label: 'اللغة' },
  settings: { title: 'الإعدادات' },
}

export function registerRtlTestLocale(): void {
  // The fixture holds only the keys the tests use; vue-i18n falls back to Danish for the rest.
  i18n.global.setLocaleMessage(rtlTestLocale, messages as unknown as MessageSchema)
}

/** Makes the fixture the current language the way setLocale does (messages, locale, <html lang dir>). */
export function switchToRtlTestLocale(): void {
  registerRtlTestLocale()
  i18n.global.locale.value = rtlTestLocale
  document.documentElement.lang = rtlTestLocale
  document.documentElement.dir = 'rtl'
}
