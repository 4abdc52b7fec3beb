import { mkdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { localeList } from '../../locales'
import { cspViolations, foreignRequests, openSession, type Session } from './support/browser'
import { planAxeViolations, PlanModel, startCourse } from './support/plan'
import { chooseLanguage, navigate } from './support/screens'
import { phone } from './support/layout'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

/** The main screens, reached as a person would: through the navigation and the settings. */
const screens: readonly { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'home', open: (page) => navigate(page, 'start', '#course-status-heading') },
  { name: 'plan', open: (page) => navigate(page, 'plan', '[data-test="plan-phase"]') },
  { name: 'activities', open: (page) => navigate(page, 'activities', 'h1') },
  { name: 'settings', open: (page) => navigate(page, 'settings', '#interpreter-locale') },
  {
    name: 'course',
    open: async (page) => {
      await navigate(page, 'settings', '#interpreter-locale')
      await page.locator('[data-test="settings-course"]').click()
      await page.waitForFunction(() => document.querySelector('[data-test="settings-course"]') === null)
      await page.getByRole('heading', { level: 1 }).waitFor()
    },
  },
]

const missingMessages = (s: Session): string[] => s.warnings.filter((w) => w.includes('[trin] missing'))

describe('every language, any moment', () => {
  it('walks the main screens in all 11 languages without accessibility violations or missing texts', async () => {
    session = await openSession({ viewport: { width: 390, height: 844 } })
    const { page } = session
    await startCourse(page)
    mkdirSync('test-results/screenshots', { recursive: true })

    const problems: string[] = []
    for (const locale of localeList) {
      await chooseLanguage(page, locale.code)
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale.dir)
      for (const screen of screens) {
        await screen.open(page)
        for (const violation of await planAxeViolations(page))
          problems.push(`${locale.code} ${screen.name}: ${violation}`)
      }
      await screens[0]?.open(page)
      await page.evaluate(() => {
        window.scrollTo(0, 0)
      })
      // One screenshot per language of the home screen, for a native speaker's review.
      await page.screenshot({ path: `test-results/screenshots/home-${locale.code}.png`, fullPage: true })
    }
    expect(problems).toEqual([])
    expect(missingMessages(session)).toEqual([])
    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
    expect(await cspViolations(page)).toEqual([])
  }, 300_000)

  it('lays Arabic out right to left, with the primary navigation starting on the right', async () => {
    session = await openSession()
    const { page } = session
    await startCourse(page)
    await chooseLanguage(page, 'ar')
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ])
    const first = await page.locator('[data-nav="start"]').boundingBox()
    const last = await page.locator('[data-nav="settings"]').boundingBox()
    expect(first && last).toBeTruthy()
    if (first && last) expect(first.x).toBeGreaterThan(last.x)
    // The brand sits at the inline start (right), the language control at the inline end (left).
    const brand = await page.locator('.app-header__brand').boundingBox()
    const picker = await page.locator('#language-picker').boundingBox()
    if (brand && picker) expect(brand.x).toBeGreaterThan(picker.x)
    expect(missingMessages(session)).toEqual([])
  })

  it('keeps a goal being typed, and her place on the page, when the language changes', async () => {
    // A small phone, so she has scrolled down to the new goal on the focus area's screen.
    session = await openSession({ viewport: { width: phone.width, height: 480 } })
    const { page } = session
    await startCourse(page)
    const plan = new PlanModel(page)
    await plan.open()
    await plan.openPicker()
    await plan.chooseAreas(['housing'])
    await plan.finishPicking()
    await plan.areaCards().first().locator('h2 a').click()
    const field = page.locator('#new-goal-title')
    await field.fill('Mit eget mål, skrevet før sprogskiftet')
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight)
    })
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100)
    // Still where she was: not thrown back to the top, the field she types in still on the screen
    // (texts change length between languages, so the exact offset may move a little).
    const fieldOnScreen = () =>
      field.evaluate((input) => {
        const box = input.getBoundingClientRect()
        return box.top >= 0 && box.bottom <= window.innerHeight
      })

    await chooseLanguage(page, 'ar')
    expect(await field.inputValue()).toBe('Mit eget mål, skrevet før sprogskiftet')
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100)
    expect(await fieldOnScreen()).toBe(true)
    await chooseLanguage(page, 'en')
    expect(await page.locator('#new-goal-title').inputValue()).toBe('Mit eget mål, skrevet før sprogskiftet')
    expect(session.errors).toEqual([])
  })

  it('shows Danish and Arabic together on the home screen in interpreter mode', async () => {
    session = await openSession()
    const { page } = session
    await startCourse(page)
    await navigate(page, 'settings', '#interpreter-locale')
    await page.locator('#interpreter-locale').selectOption('ar')
    await navigate(page, 'start', '#course-status-heading')
    const heading = page.locator('#course-status-heading')
    const second = heading.locator('[lang="ar"][dir="rtl"]')
    // The Arabic line comes once Arabic's messages have loaded: wait for it, then count.
    await second.waitFor()
    expect(await second.count()).toBe(1)
    expect((await second.textContent())?.trim()).not.toBe('')
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'da',
      'ltr',
    ])
    expect(await page.locator('main [lang="ar"]').count()).toBeGreaterThan(5)

    // Turning it off returns to one language.
    await navigate(page, 'settings', '#interpreter-locale')
    await page.locator('#interpreter-locale').selectOption('')
    await navigate(page, 'start', '#course-status-heading')
    expect(await page.locator('main [lang="ar"]').count()).toBe(0)
    expect(missingMessages(session)).toEqual([])
  })
})
