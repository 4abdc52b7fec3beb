/**
 * Issue #12, item 4: "Help now" is at most two taps away on every screen — every onboarding step
 * and the lock screen included, without unlocking — at 360 px: one tap on the header's control
 * (in view at every scroll position, like quick exit), a second on a `tel:` link. It works
 * offline, is clean under axe, and reads right in Danish and Arabic.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, waitForOfflineReady, type Session } from './support/browser'
import { baseURL } from './support/env'
import { axeViolations } from './support/home'
import { LockModel } from './support/lock'
import { daysAgo, OnboardingModel } from './support/onboarding'
import { phone, switchLanguage } from './support/layout'
import { PlanModel } from './support/plan'
import { quickExitByButton } from './support/safety'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const PUBLIC_CALLS = ['tel:112', 'tel:114', 'tel:1888', 'tel:70201201', 'tel:116111']

/** Whether the header's help-now control is in view and not covered, with the screen scrolled to its end. */
async function helpButtonReachable(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    window.scrollTo(0, document.documentElement.scrollHeight)
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const control = document.querySelector<HTMLElement>('[data-test="help-now-button"]')
    if (control === null) return false
    const box = control.getBoundingClientRect()
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    const inView = box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth
    return inView && hit !== null && control.contains(hit)
  })
}

/**
 * Tap one: the control (reached at the end of the screen). Tap two would be a call: every public
 * line must be a visible, uncovered `tel:` link. Returns what was wrong, then closes the panel.
 */
async function problemsReachingHelp(page: Page, screen: string): Promise<string[]> {
  const problems: string[] = []
  if (!(await helpButtonReachable(page))) problems.push(`${screen}: help now not reachable at the end`)
  await page.locator('[data-test="help-now-button"]').click()
  await page.locator('[data-test="help-now"]').waitFor()
  const focused = await page.evaluate(() => document.activeElement?.id)
  if (focused !== 'help-now-heading')
    problems.push(`${screen}: focus is on ${String(focused)}, not the heading`)
  const calls = page.locator('[data-test="help-now-lines"] [data-test="help-call"]')
  const hrefs = await calls.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  if (JSON.stringify([...hrefs].sort()) !== JSON.stringify([...PUBLIC_CALLS].sort()))
    problems.push(`${screen}: calls ${JSON.stringify(hrefs)}`)
  if (hrefs[0] !== 'tel:112') problems.push(`${screen}: 112 is not first`)
  for (const link of await calls.all()) {
    // A trial click checks the link is visible, enabled and not covered, without dialling.
    await link.click({ trial: true, timeout: 2000 }).catch(() => {
      problems.push(`${screen}: ${String(hrefs[0])}… cannot be tapped`)
    })
  }
  await page.locator('[data-test="help-now-button"]').click()
  await page.locator('[data-test="help-now"]').waitFor({ state: 'detached' })
  return problems
}

describe('help now at 360 px', () => {
  it('is two taps from every onboarding step, Home, the plan, a goal, settings and the lock screen', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const onboarding = new OnboardingModel(page)
    const problems: string[] = []

    await onboarding.open()
    problems.push(...(await problemsReachingHelp(page, 'onboarding: language')))
    await onboarding.chooseLanguage('da')
    problems.push(...(await problemsReachingHelp(page, 'onboarding: about')))
    await onboarding.next()
    await onboarding.waitForStep('transition')
    await onboarding.chooseTransition('shelter')
    problems.push(...(await problemsReachingHelp(page, 'onboarding: transition')))
    // What was chosen is still there after help now closed: the step stayed mounted.
    expect(await page.locator('#onboarding-group-shelter').isChecked()).toBe(true)
    await onboarding.next()
    await onboarding.waitForStep('safety')
    problems.push(...(await problemsReachingHelp(page, 'onboarding: safety')))
    await onboarding.next()
    await onboarding.waitForStep('dates')
    await onboarding.fillDates(daysAgo(40), daysAgo(61))
    problems.push(...(await problemsReachingHelp(page, 'onboarding: dates')))
    await onboarding.next()
    await onboarding.waitForStep('worker')
    problems.push(...(await problemsReachingHelp(page, 'onboarding: worker')))
    await onboarding.skip()
    await onboarding.waitForStep('lock')
    problems.push(...(await problemsReachingHelp(page, 'onboarding: lock')))
    await onboarding.chooseLock()
    problems.push(...(await problemsReachingHelp(page, 'onboarding: ready')))
    await onboarding.finish()

    problems.push(...(await problemsReachingHelp(page, 'home')))
    // Once the plan is open the lines follow its target group: the violence hotline right after 112.
    await page.locator('[data-test="help-now-button"]').click()
    const order = await page
      .locator('[data-test="help-now-lines"] [data-test="help-call"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(order.slice(0, 3)).toEqual(['tel:112', 'tel:1888', 'tel:114'])
    // A navigation tap while help shows goes to that screen.
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="plan-phase"]').waitFor()
    expect(await page.locator('[data-test="help-now"]').count()).toBe(0)
    problems.push(...(await problemsReachingHelp(page, 'plan')))

    const plan = new PlanModel(page)
    await plan.openPicker()
    await plan.chooseAreas(['safety'])
    await plan.finishPicking()
    await plan.areaCards().locator('h2 a').first().click()
    await page.locator('[data-test="goal-new"]').waitFor()
    await plan.addGoal('Et trygt hjem')
    await plan.openGoal('Et trygt hjem')
    problems.push(...(await problemsReachingHelp(page, 'goal')))

    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="security-settings"]').waitFor()
    problems.push(...(await problemsReachingHelp(page, 'settings')))

    // The lock screen, without unlocking: public numbers only, in the usual order.
    expect(await quickExitByButton(page)).toBe(true)
    await page.goto(baseURL)
    await new LockModel(page).waitFor('closed')
    problems.push(...(await problemsReachingHelp(page, 'lock screen')))
    await page.locator('[data-test="help-now-button"]').click()
    expect(await page.locator('[data-test="help-now-locked"]').isVisible()).toBe(true)
    const lockedOrder = await page
      .locator('[data-test="help-now-lines"] [data-test="help-call"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(lockedOrder).toEqual(PUBLIC_CALLS)
    expect(await axeViolations(page)).toEqual([])

    expect(problems).toEqual([])
  }, 240_000)

  it('works offline before any plan exists, and reads right in Arabic, axe-clean', async () => {
    session = await openSession({ viewport: phone })
    const { page, context } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    // Let the service worker take over, then go offline and start again.
    await waitForOfflineReady(page)
    await context.setOffline(true)
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await onboarding.waitForStep('language')

    await page.locator('[data-test="help-now-button"]').click()
    await page.locator('[data-test="help-now"]').waitFor()
    expect(await page.locator('[data-test="help-now-lines"] a').first().getAttribute('href')).toBe('tel:112')
    expect(await axeViolations(page)).toEqual([])

    await switchLanguage(page, 'ar')
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    expect(await page.locator('#help-now-heading').textContent()).toContain('مساعدة الآن')
    expect(await page.locator('[data-test="help-now-button"]').textContent()).toContain('مساعدة الآن')
    // The button sits at the inline start of quick exit: right of it in Arabic.
    const help = await page.locator('[data-test="help-now-button"]').boundingBox()
    const exit = await page.locator('[data-test="quick-exit"]').boundingBox()
    expect(help !== null && exit !== null && help.x > exit.x).toBe(true)
    expect(await page.locator('.help-now-call__number').first().getAttribute('dir')).toBe('ltr')
    expect(await axeViolations(page)).toEqual([])
  }, 180_000)
})
