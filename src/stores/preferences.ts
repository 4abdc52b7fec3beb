import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { isLocaleCode, type LocaleCode } from '../../locales'
import { ensureMessages, i18n } from '@/app/i18n'
import { readDeviceSettings, writeDeviceSettings } from '@/stores/deviceSettings'

/** How the app presents itself: easy read, and interpreter mode's second language. */
export const usePreferencesStore = defineStore('preferences', () => {
  /**
   * Larger text, shorter explanations, an icon beside every action, fewer items per screen. In
   * the plaintext settings entry (field `r`), because the lock screen speaks easy read too.
   */
  const easyRead = ref(readDeviceSettings().r)
  /**
   * Interpreter mode: a second language shown under every label and explanation, or null.
   * Deliberately not remembered: it belongs to one conversation.
   */
  const interpreterLocale = ref<LocaleCode | null>(null)

  watch(
    easyRead,
    (value) => {
      // Unavailable storage: the setting still applies for this visit.
      writeDeviceSettings({ r: value })
      document.documentElement.classList.toggle('easy-read', value)
    },
    { immediate: true },
  )

  // Choosing the second language as the main one leaves one language on screen: interpreter
  // mode turns off rather than showing the same text twice or a setting that shows nothing.
  watch(i18n.global.locale, (code) => {
    if (interpreterLocale.value === code) interpreterLocale.value = null
  })

  /**
   * Turns interpreter mode on with a second language (its messages loaded first), or off with
   * null. The current language as the second one means off: there is nothing to add.
   */
  async function setInterpreterLocale(code: string | null): Promise<void> {
    if (code === null || code === i18n.global.locale.value) {
      interpreterLocale.value = null
      return
    }
    if (!isLocaleCode(code)) return
    await ensureMessages(code)
    interpreterLocale.value = code === i18n.global.locale.value ? null : code
  }

  return { easyRead, interpreterLocale, setInterpreterLocale }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePreferencesStore, import.meta.hot))
