import {
  computed,
  getCurrentScope,
  hasInjectionContext,
  inject,
  onScopeDispose,
  shallowRef,
  type ComputedRef,
  type Ref,
} from 'vue'
import { routerKey } from 'vue-router'

/**
 * The device voice for a language: the first voice whose `lang` is the BCP 47 tag itself or
 * starts with it plus a subtag (`da` matches `da-DK`; Android's `da_DK` counts too), the
 * device's default voice first.
 *
 * Only on-device voices (`localService`) count: a network voice sends the text to its vendor,
 * and Trin makes no third-party request (DESIGN.md, principle 2). No on-device voice means no
 * read-aloud for that language.
 */
export function pickVoice(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
): SpeechSynthesisVoice | null {
  const wanted = lang.toLowerCase()
  const matches = voices.filter((voice) => {
    const tag = voice.lang.toLowerCase().replaceAll('_', '-')
    return voice.localService && (tag === wanted || tag.startsWith(`${wanted}-`))
  })
  return matches.find((voice) => voice.default) ?? matches[0] ?? null
}

export interface UseSpeechOptions {
  /** The window whose speech synthesis is used (tests pass a stub); default the global one. */
  readonly window?: (Window & typeof globalThis) | undefined
}

export interface UseSpeechReturn {
  /** Whether the browser has speech synthesis at all. */
  readonly isSupported: boolean
  /** The device's voices; filled when the browser reports them (`voiceschanged`). */
  readonly voices: Readonly<Ref<readonly SpeechSynthesisVoice[]>>
  /** True while this caller's text is being spoken. */
  readonly speaking: ComputedRef<boolean>
  /** The on-device voice for a language, or null (see `pickVoice`). Reactive: voices arrive late. */
  voiceFor: (lang: string) => SpeechSynthesisVoice | null
  /** Speaks a text in a language with its voice, replacing whatever is being spoken. False when no voice. */
  speak: (text: string, lang: string) => boolean
  /** Stops this caller's speech (another caller's speech goes on). */
  stop: () => void
}

/** The one utterance the device speaks at a time, and which caller started it. */
const active = shallowRef<symbol | null>(null)

/**
 * Read-aloud with the device's speech synthesis, in the style of vueuse's useSpeechSynthesis
 * but for many short texts on one screen: one speaks at a time, and speech stops when the
 * screen changes (route change), when the caller's scope ends (unmount), and when the app is
 * hidden or left — nobody who picks up the phone should hear the plan being read out.
 */
export function useSpeech(options: UseSpeechOptions = {}): UseSpeechReturn {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window)
  const synth =
    win && 'speechSynthesis' in win && 'SpeechSynthesisUtterance' in win ? win.speechSynthesis : undefined
  const voices = shallowRef<readonly SpeechSynthesisVoice[]>([])
  const mine = shallowRef<symbol | null>(null)
  const speaking = computed(() => mine.value !== null && active.value === mine.value)
  const cleanups: (() => void)[] = []

  function stop(): void {
    if (!speaking.value) return
    active.value = null
    mine.value = null
    synth?.cancel()
  }

  function speak(text: string, lang: string): boolean {
    const voice = pickVoice(voices.value, lang)
    if (!synth || !win || !voice) return false
    // Replace whatever is being spoken; cancel only then (an idle cancel() right before speak()
    // has swallowed the next utterance in some Chromium versions).
    if (synth.speaking || synth.pending) synth.cancel()
    const utterance = new win.SpeechSynthesisUtterance(text)
    utterance.voice = voice
    utterance.lang = voice.lang
    const token = Symbol('speech')
    const finished = (): void => {
      if (active.value === token) active.value = null
    }
    utterance.addEventListener('end', finished)
    utterance.addEventListener('error', finished)
    active.value = token
    mine.value = token
    synth.speak(utterance)
    return true
  }

  if (synth && win) {
    const loadVoices = (): void => {
      voices.value = synth.getVoices()
    }
    loadVoices()
    synth.addEventListener('voiceschanged', loadVoices)
    cleanups.push(() => {
      synth.removeEventListener('voiceschanged', loadVoices)
    })

    const onHidden = (): void => {
      if (win.document.visibilityState === 'hidden') stop()
    }
    win.addEventListener('pagehide', stop)
    win.document.addEventListener('visibilitychange', onHidden)
    cleanups.push(() => {
      win.removeEventListener('pagehide', stop)
      win.document.removeEventListener('visibilitychange', onHidden)
    })

    const router = hasInjectionContext() ? inject(routerKey, null) : null
    if (router) {
      cleanups.push(
        router.afterEach((_to, _from, failure) => {
          if (!failure) stop()
        }),
      )
    }
  }

  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      for (const cleanup of cleanups) cleanup()
    })
  }

  return {
    isSupported: synth !== undefined,
    voices,
    speaking,
    voiceFor: (lang) => pickVoice(voices.value, lang),
    speak,
    stop,
  }
}
