import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { cspViolations, foreignRequests, openSession, type Session } from './support/browser'
import { OnboardingModel } from './support/onboarding'
import { axeViolations, HomeModel, overflowInMain, scrollsSideways } from './support/home'

// A fixed wall clock (Copenhagen, where the browser runs): "40 days ago" is 14 October 2026,
// so every expected number below is written out rather than computed.
const TODAY = new Date('2026-11-23T12:00:00+01:00')

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

/** The screen is accessible (axe, WCAG 2.2 AA) and reflows without sideways scrolling. */
async function expectUsable(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([])
  expect(await scrollsSideways(page)).toBe(false)
}

function missingMessages(session: Session): string[] {
  return session.warnings.filter((warning) => warning.includes('missing message'))
}

describe('journey: onboarding', () => {
  it('a woman leaving a shelter onboards in Danish on a 360 px phone; Home shows phase 1 and the days left 40 days after her move', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(TODAY)
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    const historyBefore = await page.evaluate(() => history.length)

    expect(await onboarding.heading().textContent()).toBe('Vælg sprog')
    expect(await page.locator('[data-locale="da"]').textContent()).toContain('Dansk')
    expect(await page.locator('[data-locale="en"]').getAttribute('lang')).toBe('en')
    await expectUsable(page)
    await onboarding.chooseLanguage('da')
    expect(await overflowInMain(page)).toEqual([])

    expect(await onboarding.heading().textContent()).toBe('Hvad er et CTI-forløb?')
    expect(await onboarding.progress().textContent()).toBe('Skridt 2 af 7')
    const about = (await page.locator('main').textContent()) ?? ''
    expect(about).toContain('Først er der en kontaktperiode.')
    expect(about).toContain('Så kommer tre faser. Hver fase varer tre måneder.')
    expect(about).toContain('Støtten bliver mindre, når dit netværk tager over.')
    expect(about).toContain('Forløbet slutter efter ni måneder.')
    expect(about).toContain('Planen er din.')
    // Focus moved to the new screen's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await expectUsable(page)
    await onboarding.next()

    await onboarding.waitForStep('transition')
    expect(await onboarding.heading().textContent()).toBe('Din overgang')
    await page.getByLabel('Fra krisecenter til egen bolig').check()
    await expectUsable(page)
    await onboarding.next()

    // The shelter's safety step: quick exit, browser history, private windows, a watched phone.
    await onboarding.waitForStep('safety')
    await expectUsable(page)
    await onboarding.next()

    await onboarding.waitForStep('dates')
    await page.getByLabel('Dag 1: den dag du flytter i egen bolig').fill('2026-10-14')
    await page.getByLabel('Første dag i kontaktperioden').fill('2026-09-23')
    await expectUsable(page)
    await onboarding.next()

    await onboarding.waitForStep('worker')
    await page.getByLabel('Navn').fill('Mette Hansen')
    await page.getByLabel('Telefonnummer').fill('+45 12 34 56 78')
    await expectUsable(page)
    await onboarding.next()

    // The honest choice of protection; a passphrase is suggested for the shelter transition.
    await onboarding.waitForStep('lock')
    expect(await page.locator('#lock-choice-passphrase').isChecked()).toBe(true)
    await expectUsable(page)
    await onboarding.chooseLock()
    const summary = (await page.locator('[data-test="onboarding-summary"]').textContent()) ?? ''
    expect(summary).toContain('Fra krisecenter til egen bolig')
    expect(summary).toContain('14. oktober 2026')
    expect(summary).toContain('Mette Hansen')
    await expectUsable(page)
    await onboarding.finish()

    const home = new HomeModel(page)
    expect(await home.heading().textContent()).toBe('Hvor er jeg?')
    expect(await home.stage().textContent()).toBe('Fase 1: Planlægning og opstart')
    expect(await page.getByText('Dag 41 i forløbet').count()).toBe(1)
    expect((await home.daysLeftInPhase().textContent())?.trim()).toBe('52 dage tilbage af fasen')
    expect((await home.courseEnd().textContent())?.trim()).toBe('Forløbet slutter 13. juli 2027.')
    expect(await home.nextChange().textContent()).toBe('Fase 2 begynder 14. januar 2027.')
    expect(await home.currentTimelineStep().textContent()).toContain('Fase 1')
    expect(await page.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:+4512345678')
    await expectUsable(page)

    // The bar runs from the inline start: mirrored in a right-to-left language (logical CSS).
    const ltr = await home.timelineBar()
    expect(ltr.firstStage[0]).toBeLessThanOrEqual(1)
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl'
    })
    expect(await home.timelineBar()).toEqual(ltr)
    await page.evaluate(() => {
      document.documentElement.dir = 'ltr'
    })

    // The plan is kept: a reload opens Home, not onboarding.
    await page.reload()
    await home.stage().waitFor()
    expect(await page.locator('[data-step]').count()).toBe(0)

    expect(await page.evaluate(() => history.length)).toBe(historyBefore)
    expect(missingMessages(session)).toEqual([])
    expect(foreignRequests(session.requests)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('in English, with the keyboard, at 200 % zoom on a 360 px phone: the screens reflow and the course is shown', async () => {
    session = await openSession()
    const { page } = session
    // A 360 px phone at 200 % zoom lays out 180 CSS pixels (WCAG's reflow width is 320): the
    // screens' content must still fit. (The app's header and navigation are checked elsewhere.)
    await page.setViewportSize({ width: 180, height: 390 })
    await page.clock.setFixedTime(TODAY)
    const onboarding = new OnboardingModel(page)
    await onboarding.open()

    await page.locator('[data-locale="en"]').focus()
    await page.keyboard.press('Enter')
    await onboarding.waitForStep('about')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await onboarding.heading().textContent()).toBe('What is a CTI course?')
    expect(await overflowInMain(page)).toEqual([])
    // From the focused heading, the next Tab reaches "Next".
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe(
      'onboarding-next',
    )
    await page.keyboard.press('Enter')

    await onboarding.waitForStep('transition')
    expect(await onboarding.heading().textContent()).toBe('Your transition')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('onboarding-group-homelessness')
    // Enter in a form submits it: with nothing chosen yet.
    await page.keyboard.press('Enter')
    // Nothing chosen: the error is announced and focus goes to the choices.
    expect(await page.getByRole('alert').textContent()).toBe('Choose the one that fits best.')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('onboarding-group-homelessness')
    await page.keyboard.press('ArrowDown')
    expect(await page.locator('#onboarding-group-shelter').isChecked()).toBe(true)
    await page.keyboard.press('Enter')

    await onboarding.waitForStep('safety')
    await page.locator('[data-test="onboarding-next"]').focus()
    await page.keyboard.press('Enter')

    await onboarding.waitForStep('dates')
    expect(await overflowInMain(page)).toEqual([])
    await page.getByLabel('Day 1: the day you move into your own home').fill('2026-10-14')
    await page.keyboard.press('Enter')
    await onboarding.waitForStep('worker')
    await page.locator('[data-test="onboarding-skip"]').focus()
    await page.keyboard.press('Enter')
    await onboarding.waitForStep('lock')
    await page.locator('#lock-choice-none').focus()
    await page.keyboard.press('Space')
    expect(await page.locator('#lock-choice-none').isChecked()).toBe(true)
    await page.locator('[data-test="onboarding-next"]').focus()
    await page.keyboard.press('Enter')
    await onboarding.waitForStep('ready')
    expect(await page.locator('[data-test="onboarding-summary"]').textContent()).toContain('Not written')
    expect(await overflowInMain(page)).toEqual([])
    await page.locator('[data-test="onboarding-next"]').focus()
    await page.keyboard.press('Enter')

    const home = new HomeModel(page)
    await home.stage().waitFor()
    expect(await home.heading().textContent()).toBe('Where am I?')
    expect(await home.stage().textContent()).toBe('Phase 1: Planning and getting started')
    expect((await home.daysLeftInPhase().textContent())?.trim()).toBe('52 days left in this phase')
    expect(await page.getByText('Day 41 of the course').count()).toBe(1)
    expect(await overflowInMain(page)).toEqual([])

    await page.setViewportSize({ width: 360, height: 780 })
    expect(await axeViolations(page)).toEqual([])
    expect(missingMessages(session)).toEqual([])
    expect(session.errors).toEqual([])
  })
})
