import { vi } from 'vitest'

/** A SpeechSynthesisUtterance stand-in: holds what would be spoken and fires end/error. */
export class FakeUtterance extends EventTarget {
  lang = ''
  voice: SpeechSynthesisVoice | null = null
  constructor(readonly text: string) {
    super()
  }
}

export function voice(lang: string, fields: Partial<SpeechSynthesisVoice> = {}): SpeechSynthesisVoice {
  return {
    lang,
    name: `Voice ${lang}`,
    voiceURI: `voice:${lang}`,
    localService: true,
    default: false,
    ...fields,
  }
}

/**
 * Installs a stubbed `speechSynthesis` with the given voices (changeable later with
 * `setVoices`, which fires `voiceschanged` as browsers do when voices load late).
 */
export function installFakeSpeech(initialVoices: SpeechSynthesisVoice[]) {
  let voices = initialVoices
  const spoken: FakeUtterance[] = []
  const target = new EventTarget()
  const synth = Object.assign(target, {
    speaking: false,
    pending: false,
    getVoices: vi.fn(() => voices),
    speak: vi.fn((utterance: FakeUtterance) => {
      spoken.push(utterance)
      synth.speaking = true
      utterance.addEventListener('end', () => {
        synth.speaking = false
      })
    }),
    cancel: vi.fn(() => {
      synth.speaking = false
    }),
  })
  vi.stubGlobal('speechSynthesis', synth)
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance)
  return {
    synth,
    spoken,
    setVoices(next: SpeechSynthesisVoice[]): void {
      voices = next
      target.dispatchEvent(new Event('voiceschanged'))
    },
  }
}
