import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import DisplaySettings from '@/features/settings/DisplaySettings.vue'
import { setLocale } from '@/app/i18n'
import { usePreferencesStore } from '@/stores/preferences'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { mountInApp } from '../support/mount'
import { localeList } from '../../../locales'

/** Every language but `current`, in the locale list's order. */
const othersThan = (current: string): string[] =>
  localeList.map((l) => l.code).filter((code) => code !== current)

let wrapper: VueWrapper | undefined

beforeEach(() => {
  localStorage.clear()
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  await setLocale('da')
})

describe('DisplaySettings', () => {
  it('turns interpreter mode on with a second language and off again', async () => {
    wrapper = await mountInApp(DisplaySettings)
    const select = wrapper.get<HTMLSelectElement>('#interpreter-locale')
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual(['', ...othersThan('da')])

    await select.setValue('en')
    // The second language's messages load first (a lazy chunk).
    await vi.waitFor(() => {
      expect(usePreferencesStore().interpreterLocale).toBe('en')
    })
    await flushPromises()
    const heading = wrapper.get('#display-heading')
    expect(heading.get('.tx__primary').text()).toBe(da.settings.display.heading)
    expect(heading.get('.tx__second').text()).toBe(en.settings.display.heading)
    expect(heading.get('.tx__second').attributes('lang')).toBe('en')

    await select.setValue('')
    await flushPromises()
    expect(usePreferencesStore().interpreterLocale).toBeNull()
    expect(wrapper.find('.tx__second').exists()).toBe(false)
  })

  it('shows "Off" and one language after the second language became the main one', async () => {
    wrapper = await mountInApp(DisplaySettings)
    await wrapper.get('#interpreter-locale').setValue('en')
    await vi.waitFor(() => {
      expect(usePreferencesStore().interpreterLocale).toBe('en')
    })

    await setLocale('en')
    await flushPromises()
    const select = wrapper.get<HTMLSelectElement>('#interpreter-locale')
    expect(select.element.value).toBe('')
    expect(select.element.selectedOptions[0]?.text).toBe(en.settings.display.interpreterOff)
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual(['', ...othersThan('en')])
    expect(wrapper.find('.tx__second').exists()).toBe(false)
    expect(wrapper.get('#display-heading').text()).toBe(en.settings.display.heading)
  })

  it('shows the easy-read help texts once easy read is ticked', async () => {
    wrapper = await mountInApp(DisplaySettings)
    expect(wrapper.text()).toContain(da.settings.display.easyReadHelp)

    await wrapper.get('#easy-read').setValue(true)
    expect(usePreferencesStore().easyRead).toBe(true)
    expect(wrapper.text()).toContain(da.easyRead.settings.display.easyReadHelp)
    expect(wrapper.text()).toContain(da.easyRead.settings.display.interpreterHelp)
    expect(wrapper.text()).not.toContain(da.settings.display.interpreterHelp)
  })
})
