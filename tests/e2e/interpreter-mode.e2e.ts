import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { daysAgo, OnboardingModel } from './support/onboarding'
import { saveScreen } from './support/layout'
import { startCourse } from './support/plan'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

async function navigate(page: Page, route: string, ready: string): Promise<void> {
  await page.locator(`[data-nav="${route}"]`).click()
  await page.locator(`[data-nav="${route}"].router-link-exact-active`).waitFor()
  await page.locator(ready).first().waitFor()
}

async function chooseLanguage(page: Page, code: string): Promise<void> {
  await page.locator('#language-picker').selectOption(code)
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code)
}

async function interpretInto(page: Page, code: string): Promise<void> {
  await navigate(page, 'settings', '#interpreter-locale')
  await page.locator('#interpreter-locale').selectOption(code)
  await page.locator(`main .tx__second[lang="${code}"]`).first().waitFor()
}

/** A civil date as the browser's own Intl writes it in a language (UTC, so no zone moves it). */
async function writtenIn(
  page: Page,
  date: string,
  locale: string,
  style: 'long' | 'medium',
): Promise<string> {
  return page.evaluate(
    ([d, l, s]) => {
      const [y, m, day] = (d ?? '').split('-').map(Number)
      return new Intl.DateTimeFormat(l, { dateStyle: s as 'long', timeZone: 'UTC' }).format(
        Date.UTC(y ?? 0, (m ?? 1) - 1, day ?? 1),
      )
    },
    [date, locale, style],
  )
}

const clean = (text: string | null): string => (text ?? '').replace(/[\u2068\u2069]/g, '').trim()

describe('interpreter mode: every value in its own language', () => {
  it('writes the Danish line under Arabic with Danish dates, the Arabic line with Arabic ones', async () => {
    session = await openSession()
    const { page } = session
    await startCourse(page, { dayOne: daysAgo(20) })
    const courseEnd = (await page.locator('[data-test="course-end"]').getAttribute('data-date')) ?? ''
    expect(courseEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    await chooseLanguage(page, 'ar')
    await interpretInto(page, 'da')
    await navigate(page, 'start', '[data-test="course-end"]')

    const end = page.locator('[data-test="course-end"]')
    const danishEnd = await writtenIn(page, courseEnd, 'da', 'long')
    expect(danishEnd).toMatch(/^\d{1,2}\. [a-z]+ \d{4}$/) // e.g. "14. september 2027"
    expect(clean(await end.locator('.tx__second[lang="da"][dir="ltr"]').textContent())).toBe(
      `Forløbet slutter ${danishEnd}.`,
    )
    const arabicEnd = await writtenIn(page, courseEnd, 'ar', 'long')
    expect(clean(await end.locator('.tx__primary').textContent())).toContain(arabicEnd)
    expect(await end.locator('.tx__second').textContent()).not.toContain(arabicEnd)

    // The timeline's "today" in the medium style, the one that read "052026/12/.".
    const today = page.locator('.tx__second[lang="da"]', { hasText: 'I dag er det' })
    const danishToday = await writtenIn(page, daysAgo(0), 'da', 'medium')
    expect(clean(await today.textContent())).toBe(`I dag er det ${danishToday}.`)

    // The Danish line sits on the page's side (the right), like the Arabic above it, not
    // ragged to the left of its own direction.
    const sides = await end.evaluate((element) => {
      const second = element.querySelector('.tx__second')
      const primary = element.querySelector('.tx__primary')
      if (!second || !primary) return null
      const range = document.createRange()
      range.selectNodeContents(second)
      return {
        align: getComputedStyle(second).textAlign,
        text: range.getBoundingClientRect().right,
        box: primary.getBoundingClientRect().right,
      }
    })
    expect(sides?.align).toBe('right')
    expect(Math.abs((sides?.text ?? 0) - (sides?.box ?? 1e6))).toBeLessThan(2)
    await saveScreen(page, 'interpreter-ar-da-home', { fullPage: true })
    expect(session.errors).toEqual([])
  })

  it('writes the Arabic line under Danish with Arabic dates', async () => {
    session = await openSession()
    const { page } = session
    await startCourse(page, { dayOne: daysAgo(20) })
    const courseEnd = (await page.locator('[data-test="course-end"]').getAttribute('data-date')) ?? ''
    await interpretInto(page, 'ar')
    await navigate(page, 'start', '[data-test="course-end"]')

    const end = page.locator('[data-test="course-end"]')
    expect(clean(await end.locator('.tx__primary').textContent())).toBe(
      `Forløbet slutter ${await writtenIn(page, courseEnd, 'da', 'long')}.`,
    )
    const second = end.locator('.tx__second[lang="ar"][dir="rtl"]')
    expect(clean(await second.textContent())).toContain(await writtenIn(page, courseEnd, 'ar', 'long'))
    // The value is isolated, so the date keeps its own order inside the right-to-left line.
    expect(await second.textContent()).toMatch(/\u2068[^\u2069]+\u2069/)
  })
})

describe('interpreter mode during onboarding', () => {
  it('is switched on in the first step and shows both languages on the next steps', async () => {
    session = await openSession()
    const { page } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()

    await page.locator('#onboarding-interpreter').selectOption('ar')
    await onboarding.chooseLanguage('da')
    const second = onboarding.heading().locator('.tx__second[lang="ar"][dir="rtl"]')
    expect(clean(await second.textContent())).not.toBe('')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da')

    await onboarding.next()
    await onboarding.waitForStep('transition')
    expect(clean(await onboarding.heading().locator('.tx__second[lang="ar"]').textContent())).not.toBe('')
    expect(await page.locator('main [lang="ar"]').count()).toBeGreaterThan(5)
    expect(session.errors).toEqual([])
  })

  it('can be switched on at a later step, from the control every step has', async () => {
    session = await openSession()
    const { page } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await onboarding.chooseLanguage('da')
    expect(await onboarding.heading().locator('.tx__second').count()).toBe(0)

    await page.locator('[data-test="onboarding-interpreter"] summary').click()
    await page.locator('#onboarding-interpreter').selectOption('ar')
    await onboarding.heading().locator('.tx__second[lang="ar"]').waitFor()

    await page.locator('#onboarding-interpreter').selectOption('')
    await page.waitForFunction(() => document.querySelector('h1 .tx__second') === null)
  })
})
