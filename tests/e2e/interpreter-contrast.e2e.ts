import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { daysAgo, OnboardingModel } from './support/onboarding'
import { planAxeViolations, PlanModel } from './support/plan'
import { LockModel } from './support/lock'

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

/**
 * Walks every main screen in interpreter mode, from the first onboarding step to the lock
 * screen (onboarding's steps, Home, the plan, a goal, activities, settings, security, backup,
 * the course), and collects axe's violations on each: the second language's lines sit on dark
 * buttons and badges too ("Lav en sikkerhedskopi", "Du er her", "Anbefalet", quick exit).
 */
async function walkInterpreterMode(page: Page, ui: 'da' | 'ar', second: 'da' | 'ar'): Promise<string[]> {
  const problems: string[] = []
  const check = async (screen: string): Promise<void> => {
    expect(await page.locator(`main .tx__second[lang="${second}"]`).count(), screen).toBeGreaterThan(0)
    for (const violation of await planAxeViolations(page)) problems.push(`${screen}: ${violation}`)
  }
  const onboarding = new OnboardingModel(page)
  await onboarding.open()
  // The first screen is in Danish: Danish as the second language is chosen once she has chosen
  // her own, from the control on the next step.
  const onFirstStep = second !== 'da'
  if (onFirstStep) {
    await page.locator('#onboarding-interpreter').selectOption(second)
    await page.locator(`main .tx__second[lang="${second}"]`).first().waitFor()
    await check('onboarding language')
  }
  await page.locator(`[data-locale="${ui}"]`).click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, ui)
  await onboarding.waitForStep('about')
  await page.locator('[data-test="onboarding-interpreter"] summary').click()
  if (!onFirstStep) await page.locator('#onboarding-interpreter').selectOption(second)
  await page.locator(`h1 .tx__second[lang="${second}"]`).waitFor()
  await check('onboarding about')
  await onboarding.next()
  await onboarding.waitForStep('transition')
  await onboarding.chooseTransition('shelter')
  await check('onboarding transition')
  await onboarding.next()
  await onboarding.waitForStep('safety')
  await check('onboarding safety')
  await onboarding.next()
  await onboarding.waitForStep('dates')
  await onboarding.fillDates(daysAgo(20), undefined)
  await check('onboarding dates')
  await onboarding.next()
  await onboarding.waitForStep('worker')
  await check('onboarding worker')
  await onboarding.skip()
  await onboarding.waitForStep('lock')
  // The passphrase is suggested to a woman leaving a shelter: the "Anbefalet" badge shows.
  await page.locator('.lock-choice__badge').first().waitFor()
  await check('onboarding lock choice')
  await page.locator('#lock-choice-none').check()
  await onboarding.next()
  await onboarding.waitForStep('ready')
  await check('onboarding ready')
  await onboarding.finish()

  await check('home')
  const plan = new PlanModel(page)
  await plan.open()
  await plan.openPicker()
  await check('focus-area picker')
  await plan.chooseAreas(['housing'])
  await plan.finishPicking()
  await check('plan')
  await plan.areaCards().first().locator('h2 a').click()
  await page.locator('#new-goal-title').waitFor()
  await plan.addGoal('Finde en lejlighed')
  await plan.openGoal('Finde en lejlighed')
  await plan.addStep('Ringe til boligforeningen', daysAgo(-3))
  await check('goal')
  await navigate(page, 'activities', 'h1')
  await check('activities')
  await navigate(page, 'settings', '#interpreter-locale')
  await check('settings')
  await page.locator('[data-test="security-link"]').click()
  await page.locator('[data-test="exit-target-form"]').waitFor()
  await check('security')
  await navigate(page, 'settings', '#interpreter-locale')
  await page.locator('[data-test="backup-link"]').click()
  await page.locator('[data-test="backup-create-form"]').waitFor()
  await check('backup')
  await navigate(page, 'settings', '#interpreter-locale')
  await page.locator('[data-test="settings-course"]').click()
  await page.waitForFunction(() => document.querySelector('[data-test="settings-course"]') === null)
  await check('course')
  await navigate(page, 'settings', '#interpreter-locale')
  await page.locator('[data-test="settings-lock-now"]').click()
  await new LockModel(page).screen().waitFor()
  await check('lock screen')
  return problems
}

describe('interpreter mode is readable on every screen', () => {
  it('passes axe with Danish and an Arabic second language, dark controls included', async () => {
    session = await openSession({ viewport: { width: 360, height: 780 } })
    expect(await walkInterpreterMode(session.page, 'da', 'ar')).toEqual([])
    expect(session.errors).toEqual([])
  }, 300_000)

  it('passes axe with Arabic and a Danish second language', async () => {
    session = await openSession({ viewport: { width: 360, height: 780 } })
    expect(await walkInterpreterMode(session.page, 'ar', 'da')).toEqual([])
    expect(session.errors).toEqual([])
  }, 300_000)

  it("gives the second line its control's own colour on a dark button", async () => {
    session = await openSession({ viewport: { width: 360, height: 780 } })
    const { page } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await page.locator('#onboarding-interpreter').selectOption('ar')
    await onboarding.chooseLanguage('da')
    const next = page.locator('[data-test="onboarding-next"]')
    const colours = await next.evaluate((button) => {
      const second = button.querySelector('.tx__second')
      return [getComputedStyle(button).color, second ? getComputedStyle(second).color : null]
    })
    expect(colours[1]).toBe(colours[0])
  })
})
