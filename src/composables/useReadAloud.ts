import { computed, shallowRef, watch, type ComputedRef } from 'vue'
import { i18n } from '@/app/i18n'
import { directionOf } from '@/app/i18n/direction'
import { usePreferencesStore } from '@/stores/preferences'
import { useSpeech, type UseSpeechOptions } from './useSpeech'

/** A language a text can be read aloud in: the current one, and interpreter mode's second one. */
export interface ReadAloudLanguage {
  readonly lang: string
  readonly dir: 'ltr' | 'rtl'
  /** True for interpreter mode's second language. */
  readonly second: boolean
}

export interface UseReadAloudReturn {
  /** The languages on screen that the device has an on-device voice for, current one first. */
  readonly languages: ComputedRef<readonly ReadAloudLanguage[]>
  /** Whether this caller is reading aloud in `lang` now. */
  isSpeaking: (lang: string) => boolean
  /** Starts reading in `lang` (replacing any other speech), or stops when it is reading in `lang`. */
  toggle: (lang: string) => void
  stop: () => void
}

/**
 * Read-aloud of one text in each language on screen: in interpreter mode both the citizen and
 * the interpreter's language can be heard, each with its own on-device voice, and a language
 * without one offers nothing. `textIn(lang)` is asked at the moment of reading, so a text taken
 * from the screen is the one shown then. Speech stops when either language changes.
 */
export function useReadAloud(
  textIn: (lang: string) => string,
  options: UseSpeechOptions = {},
): UseReadAloudReturn {
  const preferences = usePreferencesStore()
  const speech = useSpeech(options)
  const speakingIn = shallowRef<string | null>(null)

  const languages = computed(() => {
    const current = i18n.global.locale.value
    const second = preferences.interpreterLocale
    const codes = second === null || second === current ? [current] : [current, second]
    return codes
      .filter((lang) => speech.isSupported && speech.voiceFor(lang) !== null)
      .map((lang) => ({ lang, dir: directionOf(lang), second: lang !== current }))
  })

  function isSpeaking(lang: string): boolean {
    return speech.speaking.value && speakingIn.value === lang
  }

  function toggle(lang: string): void {
    if (isSpeaking(lang)) {
      speech.stop()
      return
    }
    const text = textIn(lang)
    if (text !== '' && speech.speak(text, lang)) speakingIn.value = lang
  }

  watch([i18n.global.locale, () => preferences.interpreterLocale], () => {
    speech.stop()
  })

  return { languages, isSpeaking, toggle, stop: speech.stop }
}

/** What is not read: controls (their labels are not the text), hidden and decorative parts. */
const notRead =
  'button, select, input, textarea, svg, script, style, [hidden], [aria-hidden="true"], .visually-hidden, [data-read-aloud="skip"]'

/** Elements that end a line of speech, so a heading and the paragraph under it do not run together. */
const lineElements = new Set([
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DT',
  'FIELDSET',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'LABEL',
  'LEGEND',
  'LI',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TR',
  'UL',
])

function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? ''
}

/**
 * The text of part of the screen in one language, as it would be read aloud: the text shown in
 * that language (by the nearest `lang`; the citizen's own words carry none and count as the
 * current language), without buttons, form controls and text only screen readers get, one line
 * per paragraph, heading or list item. In interpreter mode the second language's lines carry
 * their own `lang` (see <Tx>), so each language's text is read with its own voice.
 */
export function spokenTextOf(root: Element, lang: string, currentLang: string): string {
  const wanted = baseLanguage(lang)
  const lines: string[] = []
  let line = ''
  const endLine = (): void => {
    const text = line.replace(/\s+/g, ' ').trim()
    if (text !== '') lines.push(text)
    line = ''
  }
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const owner = node.parentElement?.closest('[lang]')
      const language = owner ? baseLanguage(owner.getAttribute('lang') ?? '') : baseLanguage(currentLang)
      if (language === wanted) line += node.textContent ?? ''
      return
    }
    if (!(node instanceof Element) || node.matches(notRead)) return
    const ownLine = lineElements.has(node.tagName) || node.classList.contains('tx__second')
    if (ownLine) endLine()
    node.childNodes.forEach(visit)
    if (ownLine) endLine()
  }
  visit(root)
  endLine()
  return lines.join('\n')
}
