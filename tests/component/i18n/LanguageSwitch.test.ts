import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, isProxy, onMounted, ref } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import LanguagePicker from '@/features/language/LanguagePicker.vue'
import Tx from '@/components/Tx.vue'
import { i18n, setLocale } from '@/app/i18n'
import { usePreferencesStore } from '@/stores/preferences'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { mountInApp } from '../support/mount'
import { Host } from '../support/mount'
import { localeList } from '../../../locales'

let mounts = 0

/** A screen with something being typed and a scrolled list: what a language switch must keep. */
const TypingScreen = defineComponent({
  setup() {
    const note = ref('')
    onMounted(() => {
      mounts += 1
    })
    return () => [
      h('h1', h(Tx, { k: 'settings.title' })),
      h('label', { for: 'note' }, h(Tx, { k: 'settings.display.interpreter' })),
      h('input', {
        id: 'note',
        value: note.value,
        onInput: (e: Event) => (note.value = (e.target as HTMLInputElement).value),
      }),
      h(
        'div',
        { class: 'scroller', style: 'overflow: auto; block-size: 5rem' },
        Array.from({ length: 50 }, (_, i) => h('p', String(i))),
      ),
    ]
  },
})

/**
 * The app shell's structure (App.vue: the picker in the header, the routed screen in <main>).
 * App.vue itself imports a public/ asset and the PWA module, which Vitest cannot load.
 */
const shell = () => [h('header', h(LanguagePicker)), h('main', h(RouterView))]

let wrapper: VueWrapper | undefined

async function mountApp(): Promise<VueWrapper> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: TypingScreen }],
  })
  await router.push('/')
  // mountInApp's plugins are replaced by these; its Pinia stays the active one.
  const mounted = await mountInApp(Host, {
    props: { content: shell },
    global: { plugins: [i18n, router] },
    attachTo: document.body,
  })
  await flushPromises()
  return mounted
}

async function chooseLanguage(app: VueWrapper, code: string): Promise<void> {
  await app.get('#language-picker').setValue(code)
  await vi.waitFor(() => {
    expect(i18n.global.locale.value).toBe(code)
  })
  await flushPromises()
}

beforeEach(() => {
  mounts = 0
  localStorage.clear()
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  await setLocale('da')
})

describe('switching language from the header', () => {
  it('keeps the screen, what is being typed and the scroll position; no remount, no reload', async () => {
    wrapper = await mountApp()
    expect(wrapper.get('h1').text()).toBe(da.settings.title)
    const input = wrapper.get<HTMLInputElement>('#note')
    await input.setValue('Møde med Ali kl. 10')
    input.element.focus()
    const scroller = wrapper.get<HTMLElement>('.scroller').element
    scroller.scrollTop = 240
    window.scrollTo(0, 180)

    await chooseLanguage(wrapper, 'en')

    expect(wrapper.get('h1').text()).toBe(en.settings.title)
    expect(document.documentElement.lang).toBe('en')
    expect(document.documentElement.dir).toBe('ltr')
    expect(mounts).toBe(1)
    expect(wrapper.get('#note').element).toBe(input.element)
    expect(input.element.value).toBe('Møde med Ali kl. 10')
    expect(wrapper.get('.scroller').element).toBe(scroller)
    expect(scroller.scrollTop).toBe(240)
    expect(window.scrollY).toBe(180)
    expect(localStorage.getItem('trin.locale')).toBe('en')
  })

  it('merges a language’s messages as plain objects, not reactive ones (issue #11), and still shows them', async () => {
    wrapper = await mountApp()
    await chooseLanguage(wrapper, 'en')
    expect(wrapper.get('h1').text()).toBe(en.settings.title)
    for (const code of ['da', 'en'] as const) {
      const messages = i18n.global.getLocaleMessage(code)
      expect(isProxy(messages)).toBe(false)
      expect(isProxy(messages.settings)).toBe(false)
    }
  })

  it('is labelled by a globe and the word for language, and lists each language in itself', async () => {
    wrapper = await mountApp()
    const label = wrapper.get('label[for="language-picker"]')
    expect(label.find('svg[aria-hidden="true"]').exists()).toBe(true)
    expect(label.text()).toBe(da.language.label)
    const options = wrapper.findAll('#language-picker option')
    expect(options.map((o) => [o.text(), o.attributes('lang')])).toEqual(
      localeList.map((l) => [l.nativeName, l.code]),
    )
    expect(options.slice(0, 2).map((o) => o.text())).toEqual(['Dansk', 'English'])

    await chooseLanguage(wrapper, 'en')
    expect(wrapper.get('label[for="language-picker"]').text()).toBe(en.language.label)
  })

  it('shows its label in both languages in interpreter mode', async () => {
    wrapper = await mountApp()
    await usePreferencesStore().setInterpreterLocale('en')
    await flushPromises()
    const label = wrapper.get('label[for="language-picker"]')
    expect(label.get('.tx__primary').text()).toBe(da.language.label)
    expect(label.get('.tx__second').text()).toBe(en.language.label)
  })

  it('turns interpreter mode off when its second language is chosen as the main one', async () => {
    wrapper = await mountApp()
    await usePreferencesStore().setInterpreterLocale('en')
    await flushPromises()
    expect(wrapper.get('h1 .tx__second').attributes('lang')).toBe('en')

    await chooseLanguage(wrapper, 'en')
    expect(usePreferencesStore().interpreterLocale).toBeNull()
    expect(wrapper.find('.tx__second').exists()).toBe(false)
    expect(wrapper.get('h1').text()).toBe(en.settings.title)
  })
})
