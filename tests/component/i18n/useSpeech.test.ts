import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { pickVoice, useSpeech } from '@/composables/useSpeech'
import { installFakeSpeech, voice } from './support/fakeSpeech'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('pickVoice', () => {
  const daDK = voice('da-DK')
  const daUnderscore = voice('da_DK')
  const enGB = voice('en-GB')
  const enUS = voice('en-US', { default: true })
  const dav = voice('dav-KE')
  const remoteAr = voice('ar-SA', { localService: false })
  const voices = [dav, daDK, enGB, enUS, remoteAr]

  it.each([
    ['da', daDK],
    ['DA', daDK],
    ['en', enUS], // the device's default among the matches
    ['en-GB', enGB],
    ['dav', dav],
    ['de', null],
    ['ar', null], // a network voice only: the text would leave the device
  ] as const)('%s → %o', (lang, expected) => {
    expect(pickVoice(voices, lang)).toBe(expected)
  })

  it('reads Android-style tags with an underscore', () => {
    expect(pickVoice([daUnderscore], 'da')).toBe(daUnderscore)
  })

  it('does not take a longer language code for a shorter one', () => {
    expect(pickVoice([dav], 'da')).toBeNull()
  })
})

describe('useSpeech', () => {
  it('reports no support and speaks nothing without speech synthesis', () => {
    vi.stubGlobal('speechSynthesis', undefined)
    const scope = effectScope()
    const speech = scope.run(() => useSpeech())
    expect(speech?.isSupported).toBe(false)
    expect(speech?.speak('Hej', 'da')).toBe(false)
    scope.stop()
  })

  it('stops its speech and its listeners when its scope ends', () => {
    const fake = installFakeSpeech([voice('da-DK')])
    const remove = vi.spyOn(fake.synth, 'removeEventListener')
    const scope = effectScope()
    const speech = scope.run(() => useSpeech())
    expect(speech?.speak('Hej', 'da')).toBe(true)
    expect(speech?.speaking.value).toBe(true)
    fake.synth.cancel.mockClear()

    scope.stop()
    expect(fake.synth.cancel).toHaveBeenCalledTimes(1)
    expect(remove).toHaveBeenCalledWith('voiceschanged', expect.any(Function))
    expect(speech?.speaking.value).toBe(false)
  })

  it('stops when the page is left (pagehide)', () => {
    const fake = installFakeSpeech([voice('da-DK')])
    const scope = effectScope()
    const speech = scope.run(() => useSpeech())
    speech?.speak('Hej', 'da')
    fake.synth.cancel.mockClear()

    window.dispatchEvent(new Event('pagehide'))
    expect(fake.synth.cancel).toHaveBeenCalledTimes(1)
    scope.stop()
  })
})
