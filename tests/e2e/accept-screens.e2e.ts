/**
 * Issue #10's acceptance screenshots, saved for review by every e2e run: Home, a goal, the plan
 * at a phase change and after it, and the desktop layout, in Danish, in Arabic with interpreter
 * mode (Danish lines beneath) and in Kalaallisut, as `test-results/screens/<locale>-<screen>.png`.
 * Each screen is also checked — its heading shows, nothing scrolls sideways, the menu's labels
 * fit — and the desktop layout is item 13's test: a side navigation at the inline start, a
 * readable measure for the screen, no bottom navigation stretched across a laptop.
 *
 * One plan is built once and each screen is shown in every language in turn (switching needs no
 * reload), which keeps the whole walk well under a minute.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { overflowInMain, scrollsSideways } from './support/home'
import { navLabelProblems, phone, saveScreen, switchLanguage } from './support/layout'
import { PlanModel, startCourse } from './support/plan'

// Day 1 was 14 October 2026: phase 1 on 23 November, phase 2 from 14 January 2027.
const IN_PHASE_1 = new Date('2026-11-23T12:00:00+01:00')
const IN_PHASE_2 = new Date('2027-01-20T12:00:00+01:00')
const COURSE = {
  transition: 'homelessness',
  dayOne: '2026-10-14',
  contactStart: '2026-09-23',
  worker: { name: 'Mette Olsen', phone: '+45 12 34 56 78' },
} as const
const GOAL = 'Finde en lejlighed'
const desktop = { width: 1280, height: 800 }

/** The three looks under review: the locale, and the interpreter's second language if any. */
const looks = [
  { locale: 'da', second: null },
  { locale: 'ar', second: 'da' },
  { locale: 'kl', second: null },
] as const
type Look = (typeof looks)[number]

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** Switches to the look's language and interpreter mode, on the settings screen (where it is chosen). */
async function showIn(page: Page, look: Look): Promise<void> {
  await switchLanguage(page, look.locale)
  await page.locator('[data-nav="settings"]').click()
  const field = page.locator('#interpreter-locale')
  if ((await field.inputValue()) === (look.second ?? '')) return
  await field.selectOption(look.second ?? '')
  if (look.second === null)
    await page.waitForFunction(() => document.querySelector('main .tx__second') === null)
  else await page.locator(`main .tx__second[lang="${look.second}"]`).first().waitFor()
}

/** What is wrong with the screen as it is now, as lines; then saves its picture. */
async function checkAndSave(page: Page, look: Look, screen: string, heading: string): Promise<string[]> {
  const where = `${look.locale} ${screen}`
  const problems: string[] = []
  const title = page.locator(heading).first()
  await title.waitFor()
  if (!(await title.isVisible()) || ((await title.textContent()) ?? '').trim() === '')
    problems.push(`${where}: no visible heading`)
  if (await scrollsSideways(page)) problems.push(`${where}: the page scrolls sideways`)
  for (const element of await overflowInMain(page)) problems.push(`${where}: sticks out: ${element}`)
  for (const label of await navLabelProblems(page)) problems.push(`${where}: menu: ${label}`)
  const dir = await page.evaluate(() => document.documentElement.dir)
  if (dir !== (look.locale === 'ar' ? 'rtl' : 'ltr')) problems.push(`${where}: direction ${dir}`)
  if (look.second !== null && (await page.locator(`main .tx__second[lang="${look.second}"]`).count()) === 0)
    problems.push(`${where}: no ${look.second} lines in interpreter mode`)
  await page.evaluate(() => {
    window.scrollTo(0, 0)
  })
  await saveScreen(page, `${look.locale}-${screen}`, { fullPage: screen !== 'desktop' })
  return problems
}

/** Where the navigation and the screen stand at a laptop's width. */
async function desktopLayoutProblems(page: Page, look: Look): Promise<string[]> {
  const layout = await page.evaluate(() => {
    const nav = document.querySelector('nav.app-nav')
    const main = document.querySelector('main')
    const links = [...document.querySelectorAll('nav.app-nav a')].map((a) => a.getBoundingClientRect())
    if (nav === null || main === null) return null
    const navBox = nav.getBoundingClientRect()
    const mainBox = main.getBoundingClientRect()
    const text = main.querySelector('p')?.getBoundingClientRect().width ?? 0
    return {
      rtl: document.documentElement.dir === 'rtl',
      nav: { left: navBox.left, right: navBox.right, top: navBox.top, visible: navBox.height > 0 },
      main: { left: mainBox.left, right: mainBox.right },
      stacked: links.every((box, index) => index === 0 || box.top > (links[index - 1]?.top ?? 0)),
      text,
      fontSize: parseFloat(getComputedStyle(main).fontSize),
    }
  })
  if (layout === null) return [`${look.locale} desktop: no navigation or main`]
  const problems: string[] = []
  const where = `${look.locale} desktop`
  if (!layout.nav.visible) problems.push(`${where}: no navigation`)
  if (!layout.stacked) problems.push(`${where}: the menu is a row, not a side column`)
  if (layout.nav.top > 200) problems.push(`${where}: the menu is at the bottom (top ${layout.nav.top})`)
  const besideAtStart = layout.rtl
    ? layout.nav.left >= layout.main.right - 1
    : layout.nav.right <= layout.main.left + 1
  if (!besideAtStart) problems.push(`${where}: the menu is not beside the screen at the inline start`)
  // A readable measure: lines of about 45–90 characters, not the laptop's whole width.
  const characters = layout.text / (layout.fontSize * 0.5)
  if (characters > 100 || characters < 40)
    problems.push(`${where}: lines of ~${Math.round(characters)} characters`)
  return problems
}

describe('acceptance screens for review', () => {
  it('Home, a goal, the phase change, the plan after it and the desktop layout in da, ar+da and kl', async () => {
    session = await openSession({ viewport: phone, locale: 'en-US' })
    const { page } = session
    await page.clock.setFixedTime(IN_PHASE_1)
    await startCourse(page, COURSE)
    const plan = new PlanModel(page)
    await plan.open()
    await plan.openPicker()
    await plan.chooseAreas(['housing', 'economy'])
    await plan.finishPicking()
    await plan.openArea('Bolig')
    await plan.addGoal(GOAL, 'Så min søn kan bo hos mig')
    await plan.openGoal(GOAL)
    await plan.addStep('Ringe til boligforeningen', '2026-11-25')
    await plan.addStep('Søge boligstøtte')
    await plan.markStepDone(1)

    const problems: string[] = []
    const home = async (): Promise<void> => {
      await page.locator('[data-nav="start"]').click()
      await page.locator('#course-status-heading').waitFor()
    }
    const goal = async (): Promise<void> => {
      await plan.open()
      await plan.openGoal(GOAL)
    }
    for (const look of looks) {
      await showIn(page, look)
      await home()
      problems.push(...(await checkAndSave(page, look, 'home', '#course-status-heading')))
      await goal()
      problems.push(...(await checkAndSave(page, look, 'goal', 'main h1')))
    }

    // Some weeks later, phase 2 has begun: the plan asks whether to keep the same areas.
    await page.clock.setFixedTime(IN_PHASE_2)
    await page.reload()
    const question = page.locator('[data-test="phase-change"]')
    for (const look of looks) {
      await showIn(page, look)
      await plan.open()
      await question.waitFor()
      problems.push(...(await checkAndSave(page, look, 'phase-change', '[data-test="phase-change"] h2')))
    }
    await page.locator('[data-test="phase-keep"]').click()
    await question.waitFor({ state: 'detached' })
    for (const look of [...looks].reverse()) {
      await showIn(page, look)
      await plan.open()
      expect(await plan.areaCards().locator('.goal-summary__title').allTextContents()).toEqual([GOAL])
      problems.push(...(await checkAndSave(page, look, 'plan', 'main h1')))
    }

    await page.setViewportSize(desktop)
    for (const look of looks) {
      await showIn(page, look)
      await home()
      problems.push(...(await desktopLayoutProblems(page, look)))
      problems.push(...(await checkAndSave(page, look, 'desktop', '#course-status-heading')))
    }
    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
    // About 40 s on a quiet machine; room for a busy one.
  }, 150_000)
})
