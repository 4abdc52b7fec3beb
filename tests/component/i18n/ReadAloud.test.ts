import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, useTemplateRef } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import ReadAloud from '@/components/ReadAloud.vue'
import Tx from '@/components/Tx.vue'
import { i18n, setLocale } from '@/app/i18n'
import { usePreferencesStore } from '@/stores/preferences'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { mountInApp } from '../support/mount'
import { Host } from '../support/mount'
import { installFakeSpeech, voice, type FakeUtterance } from './support/fakeSpeech'

let wrapper: VueWrapper | undefined

beforeEach(() => {
  localStorage.clear()
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  vi.unstubAllGlobals()
  await setLocale('da')
})

const phase1 = { k: 'stageInfo.phase1', about: 'stage.phase1' }

function lastSpoken(spoken: FakeUtterance[]): FakeUtterance {
  const utterance = spoken.at(-1)
  if (!utterance) throw new Error('nothing was spoken')
  return utterance
}

describe('ReadAloud', () => {
  it('is shown in Danish when the device has a Danish voice, named after what it reads', async () => {
    installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })

    const button = wrapper.get('button')
    expect(button.text()).toBe('Læs op')
    expect(button.attributes('aria-label')).toBe(`Læs op: ${da.stage.phase1}`)
  })

  it('is hidden in English when the device has only a Danish voice', async () => {
    installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1, locale: 'en' })
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('is hidden when the browser has no speech synthesis', async () => {
    vi.stubGlobal('speechSynthesis', undefined)
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('uses no network voice: the text would leave the device', async () => {
    installFakeSpeech([voice('da-DK', { localService: false })])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('appears when the voices load late (voiceschanged)', async () => {
    const speech = installFakeSpeech([])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    expect(wrapper.find('button').exists()).toBe(false)

    speech.setVoices([voice('en-GB'), voice('da_DK')])
    await nextTick()
    expect(wrapper.find('button').exists()).toBe(true)
  })

  it('follows the language: shown in Danish, hidden after switching to English', async () => {
    installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    expect(wrapper.find('button').exists()).toBe(true)
    await setLocale('en')
    await nextTick()
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('speaks the text <Tx> shows, in Danish, with the Danish voice, and toggles to Stop', async () => {
    const english = voice('en-US', { default: true })
    const danish = voice('da-DK')
    const speech = installFakeSpeech([english, danish])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })

    await wrapper.get('button').trigger('click')
    expect(speech.synth.cancel).not.toHaveBeenCalled() // nothing was speaking
    expect(speech.synth.speak).toHaveBeenCalledTimes(1)
    const utterance = lastSpoken(speech.spoken)
    expect(utterance.text).toBe(da.stageInfo.phase1)
    expect(utterance.lang).toBe('da-DK')
    expect(utterance.voice).toBe(danish)

    const button = wrapper.get('button')
    expect(button.text()).toBe('Stop oplæsningen')
    expect(button.attributes('aria-label')).toBe(`Stop oplæsningen: ${da.stage.phase1}`)

    await button.trigger('click')
    expect(speech.synth.cancel).toHaveBeenCalledTimes(1)
    expect(wrapper.get('button').text()).toBe('Læs op')
  })

  it('speaks the easy-read text when easy read is on', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    usePreferencesStore().easyRead = true
    await nextTick()

    await wrapper.get('button').trigger('click')
    expect(lastSpoken(speech.spoken).text).toBe(da.easyRead.stageInfo.phase1)
  })

  it('offers each language in interpreter mode, labelled in that language, read with its voice', async () => {
    const danish = voice('da-DK')
    const english = voice('en-GB')
    const speech = installFakeSpeech([danish, english])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    const [first, second] = wrapper.findAll('button')
    expect(first?.text()).toBe('Læs op')
    expect(first?.attributes('lang')).toBeUndefined()
    expect(second?.text()).toBe('Read aloud')
    expect(second?.attributes('aria-label')).toBe(`Read aloud: ${en.stage.phase1}`)
    expect(second?.attributes('lang')).toBe('en')

    await first?.trigger('click')
    expect(lastSpoken(speech.spoken)).toMatchObject({
      text: da.stageInfo.phase1,
      lang: 'da-DK',
      voice: danish,
    })
    await second?.trigger('click')
    expect(lastSpoken(speech.spoken)).toMatchObject({
      text: en.stageInfo.phase1,
      lang: 'en-GB',
      voice: english,
    })
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Læs op', 'Stop reading'])
  })

  it('offers no button for a second language without an on-device voice', async () => {
    installFakeSpeech([voice('da-DK'), voice('ar-SA', { localService: false })])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await usePreferencesStore().setInterpreterLocale('ar')
    await nextTick()
    expect(wrapper.findAll('button').map((b) => b.attributes('data-lang'))).toEqual(['da'])
  })

  it('stops when interpreter mode changes', async () => {
    const speech = installFakeSpeech([voice('da-DK'), voice('en-GB')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await wrapper.get('button').trigger('click')
    speech.synth.cancel.mockClear()
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()
    expect(speech.synth.cancel).toHaveBeenCalledTimes(1)
  })

  it('goes back to "Læs op" when the speech ends by itself', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await wrapper.get('button').trigger('click')
    expect(wrapper.get('button').text()).toBe('Stop oplæsningen')

    lastSpoken(speech.spoken).dispatchEvent(new Event('end'))
    await nextTick()
    expect(wrapper.get('button').text()).toBe('Læs op')
  })

  it('stops when it is unmounted while speaking', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await wrapper.get('button').trigger('click')
    speech.synth.cancel.mockClear()

    wrapper.unmount()
    wrapper = undefined
    expect(speech.synth.cancel).toHaveBeenCalledTimes(1)
  })

  it('does not cancel on unmount when it is not the one speaking', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    wrapper.unmount()
    wrapper = undefined
    expect(speech.synth.cancel).not.toHaveBeenCalled()
  })

  it('stops when the language switches', async () => {
    const speech = installFakeSpeech([voice('da-DK'), voice('en-GB')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await wrapper.get('button').trigger('click')
    speech.synth.cancel.mockClear()

    await setLocale('en')
    await nextTick()
    expect(speech.synth.cancel).toHaveBeenCalledTimes(1)
    expect(wrapper.get('button').text()).toBe('Read aloud')
  })

  it('stops when the app is hidden, so nobody who picks up the phone hears the plan', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await wrapper.get('button').trigger('click')
    speech.synth.cancel.mockClear()

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await nextTick()
    visibility.mockRestore()
    expect(speech.synth.cancel).toHaveBeenCalledTimes(1)
    expect(wrapper.get('button').text()).toBe('Læs op')
  })

  it('stops when the screen changes, even where the button stays (outside the routed view)', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    const Empty = { render: () => h('p', 'screen') }
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: Empty },
        { path: '/other', component: Empty },
      ],
    })
    await router.push('/')
    // mountInApp's plugins are replaced by these; its Pinia stays the active one.
    wrapper = await mountInApp(Host, {
      props: { content: () => [h(ReadAloud, phase1), h(RouterView)] },
      global: { plugins: [i18n, router] },
    })
    await wrapper.get('button').trigger('click')
    speech.synth.cancel.mockClear()

    await router.push('/other')
    await flushPromises()
    expect(speech.synth.cancel).toHaveBeenCalledTimes(1)
    expect(wrapper.get('button').text()).toBe('Læs op')
  })

  it('lets one text speak at a time: starting another turns the first button back', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    const two = () => [
      h(ReadAloud, { k: 'stageInfo.phase1', class: 'one' }),
      h(ReadAloud, { k: 'stageInfo.phase2', class: 'two' }),
    ]
    wrapper = await mountInApp(Host, { props: { content: two } })
    await wrapper.get('.one button').trigger('click')
    await wrapper.get('.two button').trigger('click')

    expect(speech.synth.cancel).toHaveBeenCalledTimes(1) // the first text is cut off
    expect(lastSpoken(speech.spoken).text).toBe(da.stageInfo.phase2)
    expect(wrapper.get('.one').text()).toBe('Læs op')
    expect(wrapper.get('.two').text()).toBe('Stop oplæsningen')
  })
})

/** A part of a screen with a read-aloud button for it: a heading, an explanation, her own words. */
const Region = defineComponent({
  setup() {
    const region = useTemplateRef<HTMLElement>('region')
    return () =>
      h('section', { ref: 'region' }, [
        h('h2', [h(Tx, { k: 'stage.phase1' })]),
        h(ReadAloud, { target: region.value, about: 'stage.phase1' }),
        h('p', [h(Tx, { k: 'stageInfo.phase1' })]),
        h('ul', [h('li', 'Finde en bolig'), h('li', [h('span', { class: 'visually-hidden' }, 'skjult')])]),
        h('button', { type: 'button' }, 'Rediger'),
      ])
  },
})

describe('ReadAloud of a part of the screen', () => {
  it('reads what is shown there, her own words included, without buttons and hidden text', async () => {
    const speech = installFakeSpeech([voice('da-DK')])
    wrapper = await mountInApp(Region)
    await nextTick()

    const button = wrapper.get('[data-test="read-aloud"] button')
    expect(button.attributes('aria-label')).toBe(`Læs op: ${da.stage.phase1}`)
    await button.trigger('click')
    expect(lastSpoken(speech.spoken).text).toBe(
      [da.stage.phase1, da.stageInfo.phase1, 'Finde en bolig'].join('\n'),
    )
    expect(lastSpoken(speech.spoken).lang).toBe('da-DK')
  })

  it('reads each language of interpreter mode with its own voice', async () => {
    const arabic = voice('ar-EG')
    const speech = installFakeSpeech([voice('da-DK'), voice('en-GB'), arabic])
    wrapper = await mountInApp(Region)
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    const buttons = wrapper.findAll('[data-test="read-aloud"] button')
    expect(buttons.map((b) => b.attributes('data-lang'))).toEqual(['da', 'en'])
    await buttons[1]?.trigger('click')
    // Her own words carry no language: they belong to the current one and are not read in English.
    expect(lastSpoken(speech.spoken).text).toBe([en.stage.phase1, en.stageInfo.phase1].join('\n'))
    expect(lastSpoken(speech.spoken).lang).toBe('en-GB')

    await buttons[0]?.trigger('click')
    expect(lastSpoken(speech.spoken).text).toBe(
      [da.stage.phase1, da.stageInfo.phase1, 'Finde en bolig'].join('\n'),
    )
  })

  it('is hidden when the device has no voice for the language', async () => {
    installFakeSpeech([voice('en-GB')])
    wrapper = await mountInApp(Region)
    await nextTick()
    expect(wrapper.find('[data-test="read-aloud"]').exists()).toBe(false)
  })
})
