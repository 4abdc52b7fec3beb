import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h, nextTick } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import ReadAloud from '@/components/ReadAloud.vue'
import { i18n, setLocale } from '@/app/i18n'
import { usePreferencesStore } from '@/stores/preferences'
import da from '../../../locales/da.json'
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

  it('speaks the current language only, also in interpreter mode', async () => {
    const speech = installFakeSpeech([voice('da-DK'), voice('en-GB')])
    wrapper = await mountInApp(ReadAloud, { props: phase1 })
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    await wrapper.get('button').trigger('click')
    expect(lastSpoken(speech.spoken).text).toBe(da.stageInfo.phase1)
    expect(lastSpoken(speech.spoken).lang).toBe('da-DK')
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
    await wrapper.get('.one').trigger('click')
    await wrapper.get('.two').trigger('click')

    expect(speech.synth.cancel).toHaveBeenCalledTimes(1) // the first text is cut off
    expect(lastSpoken(speech.spoken).text).toBe(da.stageInfo.phase2)
    expect(wrapper.get('.one').text()).toBe('Læs op')
    expect(wrapper.get('.two').text()).toBe('Stop oplæsningen')
  })
})
