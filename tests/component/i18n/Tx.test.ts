import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { VueWrapper } from '@vue/test-utils'
import Tx from '@/components/Tx.vue'
import { setLocale } from '@/app/i18n'
import { civilDate, messageArg } from '@/app/i18n/message'
import { usePreferencesStore } from '@/stores/preferences'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { mountInApp } from '../support/mount'
import { registerRtlTestLocale, rtlTestLocale, switchToRtlTestLocale } from './support/rtlFixture'

let wrapper: VueWrapper | undefined

beforeEach(() => {
  localStorage.clear()
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  await setLocale('da')
})

describe('Tx in interpreter mode', () => {
  it('shows one language, without wrapper spans, when interpreter mode is off', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'stage.phase1' } })
    expect(wrapper.text()).toBe(da.stage.phase1)
    expect(wrapper.find('[lang]').exists()).toBe(false)
  })

  it('shows Danish and, beneath it, English with lang="en" and dir="ltr"', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'stage.phase1' } })
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    expect(wrapper.get('.tx__primary').text()).toBe(da.stage.phase1)
    const second = wrapper.get('.tx__second')
    expect(second.text()).toBe(en.stage.phase1)
    expect(second.attributes('lang')).toBe('en')
    expect(second.attributes('dir')).toBe('ltr')
  })

  it('uses placeholders and plurals in both languages', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'status.daysLeftInPhase', plural: 1 } })
    await usePreferencesStore().setInterpreterLocale('en')
    await wrapper.setProps({ plural: 12 })

    expect(wrapper.get('.tx__primary').text()).toBe('12 dage tilbage af fasen')
    expect(wrapper.get('.tx__second').text()).toBe('12 days left in this phase')
  })

  it('marks a right-to-left second language dir="rtl" beside a left-to-right first (Danish + Arabic)', async () => {
    registerRtlTestLocale()
    wrapper = await mountInApp(Tx, { props: { k: 'stage.phase1' } })
    usePreferencesStore().interpreterLocale = rtlTestLocale
    await nextTick()

    expect(document.documentElement.dir).toBe('ltr')
    expect(wrapper.get('.tx__primary').text()).toBe(da.stage.phase1)
    const second = wrapper.get('.tx__second')
    expect(second.text()).toBe('المرحلة ١')
    expect(second.attributes('lang')).toBe(rtlTestLocale)
    expect(second.attributes('dir')).toBe('rtl')
  })

  it('in a right-to-left page, gives a left-to-right second language its own lang and dir', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'stage.phase1' } })
    switchToRtlTestLocale()
    await usePreferencesStore().setInterpreterLocale('da')
    await nextTick()

    expect(document.documentElement.dir).toBe('rtl')
    expect(wrapper.get('.tx__primary').text()).toBe('المرحلة ١')
    const second = wrapper.get('.tx__second')
    expect(second.text()).toBe(da.stage.phase1)
    expect(second.attributes('lang')).toBe('da')
    expect(second.attributes('dir')).toBe('ltr')
  })

  it("writes a date in each line in that line's own language (Danish + Arabic)", async () => {
    wrapper = await mountInApp(Tx, {
      props: { k: 'status.courseEnds', args: { date: civilDate('2027-09-14') } },
    })
    await usePreferencesStore().setInterpreterLocale('ar')
    await nextTick()

    expect(wrapper.get('.tx__primary').text()).toBe('Forløbet slutter 14. september 2027.')
    const arabicDate = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2027, 8, 14),
    )
    expect(arabicDate).toContain('سبتمبر')
    expect(wrapper.get('.tx__second').text()).toBe(`ينتهي البرنامج في \u2068${arabicDate}\u2069.`)
  })

  it('writes the Danish line under Arabic with a Danish date, not an Arabic one', async () => {
    wrapper = await mountInApp(Tx, {
      props: { k: 'timeline.todayIs', args: { date: civilDate('2026-12-05', 'medium') } },
      locale: 'ar',
    })
    await usePreferencesStore().setInterpreterLocale('da')
    await nextTick()

    expect(wrapper.get('.tx__second').text()).toBe('I dag er det 5. dec. 2026.')
    const arabicDate = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(2026, 11, 5),
    )
    expect(wrapper.get('.tx__primary').text()).toBe(`اليوم هو \u2068${arabicDate}\u2069.`)
  })

  it("puts a message inside a message in each line in that line's own language (a rating scale end)", async () => {
    wrapper = await mountInApp(Tx, {
      props: {
        k: 'ratings.flow.scaleEnd',
        args: { value: 1, meaning: messageArg('ratings.dimension.housing.low') },
      },
    })
    await usePreferencesStore().setInterpreterLocale('en')
    await nextTick()

    expect(wrapper.get('.tx__primary').text()).toBe(`1 = ${da.ratings.dimension.housing.low}`)
    expect(wrapper.get('.tx__second').text()).toBe(`1 = ${en.ratings.dimension.housing.low}`)
    expect(wrapper.findAll('.tx')).toHaveLength(1)
  })

  it('returns to one language when interpreter mode is turned off', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'settings.title' } })
    const preferences = usePreferencesStore()
    await preferences.setInterpreterLocale('en')
    await nextTick()
    expect(wrapper.find('.tx__second').exists()).toBe(true)

    await preferences.setInterpreterLocale(null)
    await nextTick()
    expect(wrapper.find('.tx__second').exists()).toBe(false)
    expect(wrapper.text()).toBe(da.settings.title)
  })

  it('shows one language when the second language becomes the main one', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'settings.title' } })
    const preferences = usePreferencesStore()
    await preferences.setInterpreterLocale('en')
    await setLocale('en')
    await nextTick()

    expect(preferences.interpreterLocale).toBeNull()
    expect(wrapper.find('.tx__second').exists()).toBe(false)
    expect(wrapper.text()).toBe(en.settings.title)
  })
})

describe('Tx with easy read', () => {
  it.each(Object.keys(da.easyRead.stageInfo) as (keyof typeof da.easyRead.stageInfo)[])(
    'swaps the phase explanation stageInfo.%s for its easy-read text and back',
    async (stage) => {
      wrapper = await mountInApp(Tx, { props: { k: `stageInfo.${stage}` } })
      expect(wrapper.text()).toBe(da.stageInfo[stage])

      usePreferencesStore().easyRead = true
      await nextTick()
      expect(wrapper.text()).toBe(da.easyRead.stageInfo[stage])
      expect(wrapper.text()).not.toBe(da.stageInfo[stage])

      usePreferencesStore().easyRead = false
      await nextTick()
      expect(wrapper.text()).toBe(da.stageInfo[stage])
    },
  )

  it.each(Object.keys(en.easyRead.settings.display) as (keyof typeof en.easyRead.settings.display)[])(
    'swaps the English help text settings.display.%s',
    async (key) => {
      wrapper = await mountInApp(Tx, { props: { k: `settings.display.${key}` }, locale: 'en' })
      expect(wrapper.text()).toBe(en.settings.display[key])
      usePreferencesStore().easyRead = true
      await nextTick()
      expect(wrapper.text()).toBe(en.easyRead.settings.display[key])
    },
  )

  it('keeps texts that have no easy-read version', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'settings.display.heading' } })
    usePreferencesStore().easyRead = true
    await nextTick()
    expect(wrapper.text()).toBe(da.settings.display.heading)
  })

  it('shows easy-read texts in both languages in interpreter mode', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'stageInfo.phase2' } })
    const preferences = usePreferencesStore()
    preferences.easyRead = true
    await preferences.setInterpreterLocale('en')
    await nextTick()

    expect(wrapper.get('.tx__primary').text()).toBe(da.easyRead.stageInfo.phase2)
    expect(wrapper.get('.tx__second').text()).toBe(en.easyRead.stageInfo.phase2)
  })

  it("never shows another language's easy-read text when the second language has none", async () => {
    registerRtlTestLocale()
    wrapper = await mountInApp(Tx, { props: { k: 'stageInfo.phase1' } })
    const preferences = usePreferencesStore()
    preferences.easyRead = true
    preferences.interpreterLocale = rtlTestLocale
    await nextTick()

    expect(wrapper.get('.tx__primary').text()).toBe(da.easyRead.stageInfo.phase1)
    expect(wrapper.get('.tx__second').text()).toBe('الآن تخططون وتبدؤون.')
  })

  it('marks <html> for the global easy-read styles and remembers the choice', async () => {
    wrapper = await mountInApp(Tx, { props: { k: 'settings.title' } })
    usePreferencesStore().easyRead = true
    await nextTick()
    expect(document.documentElement.classList.contains('easy-read')).toBe(true)
    expect(JSON.parse(localStorage.getItem('settings') ?? '{}')).toMatchObject({ r: true })

    usePreferencesStore().easyRead = false
    await nextTick()
    expect(document.documentElement.classList.contains('easy-read')).toBe(false)
  })
})
