import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { mountInApp } from '../support/mount'
import LanguagePicker from '@/features/language/LanguagePicker.vue'
import { ensureMessages, i18n } from '@/app/i18n'
import da from '../../../locales/da.json'

// The switch fails as it would when a language's chunk cannot be loaded.
vi.mock('@/app/i18n', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/app/i18n')>()),
  setLocale: vi.fn(() => Promise.reject(new Error('chunk failed to load'))),
}))

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
})

describe('LanguagePicker when a language cannot be loaded', () => {
  it('stays in the current language, shows it as chosen and says so', async () => {
    // Messages load lazily; only the switch itself is made to fail.
    await ensureMessages('da')
    wrapper = await mountInApp(LanguagePicker, { locale: null })
    const select = wrapper.get<HTMLSelectElement>('#language-picker')

    await select.setValue('en')
    await flushPromises()
    expect(i18n.global.locale.value).toBe('da')
    expect(select.element.value).toBe('da')
    expect(wrapper.get('[role="alert"]').text()).toBe(da.language.switchFailed)
    expect(select.attributes('aria-busy')).toBe('false')
  })
})
