/**
 * Issue #10, item 1: quick exit is reachable at every scroll position on every screen —
 * onboarding, the lock screen, every page — at 360 px and at 200 % zoom (a 180 × 370 CSS-pixel
 * viewport, which is how a 360 × 740 phone lays out at 200 %), and it covers no focused control.
 * Trin has no <dialog> today; a modal dialog would make the header inert and must bring its own.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { baseURL } from './support/env'
import { LockModel } from './support/lock'
import { daysAgo, OnboardingModel } from './support/onboarding'
import { exitReachAtEnd, focusHiddenUnderBars, phone, zoom200 } from './support/layout'
import { quickExitByButton } from './support/safety'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** What is wrong on the current screen, as lines (none when quick exit is reachable). */
async function problemsOn(session: Session, screen: string): Promise<string[]> {
  const reach = await exitReachAtEnd(session.page)
  const problems: string[] = []
  if (!reach.inViewport)
    problems.push(`${screen}: quick exit out of view at the end (${JSON.stringify(reach.box)})`)
  if (!reach.hit) problems.push(`${screen}: something covers quick exit`)
  for (const hidden of await focusHiddenUnderBars(session.page))
    problems.push(`${screen}: focus under a bar: ${hidden}`)
  return problems
}

describe.each([
  ['360 px', phone],
  ['200 % zoom', zoom200],
])('quick exit at %s', (_name, viewport) => {
  it('is in view and clickable at the end of every screen, and covers no focused control', async () => {
    session = await openSession({ viewport })
    const { page } = session
    const onboarding = new OnboardingModel(page)
    const problems: string[] = []

    await onboarding.open()
    problems.push(...(await problemsOn(session, 'onboarding: language')))
    await onboarding.chooseLanguage('da')
    problems.push(...(await problemsOn(session, 'onboarding: about')))
    await onboarding.next()
    await onboarding.waitForStep('transition')
    problems.push(...(await problemsOn(session, 'onboarding: transition')))
    await onboarding.chooseTransition('shelter')
    await onboarding.next()
    await onboarding.waitForStep('safety')
    problems.push(...(await problemsOn(session, 'onboarding: safety')))
    await onboarding.next()
    await onboarding.waitForStep('dates')
    await onboarding.fillDates(daysAgo(40), daysAgo(61))
    problems.push(...(await problemsOn(session, 'onboarding: dates')))
    await onboarding.next()
    await onboarding.waitForStep('worker')
    problems.push(...(await problemsOn(session, 'onboarding: worker')))
    await onboarding.skip()
    await onboarding.waitForStep('lock')
    problems.push(...(await problemsOn(session, 'onboarding: lock')))
    await onboarding.chooseLock()
    problems.push(...(await problemsOn(session, 'onboarding: ready')))
    await onboarding.finish()

    problems.push(...(await problemsOn(session, 'home')))
    for (const [nav, ready] of [
      ['plan', '[data-test="plan-phase"]'],
      ['activities', 'main h1'],
      ['settings', '[data-test="security-settings"]'],
    ] as const) {
      await page.locator(`[data-nav="${nav}"]`).click()
      await page.locator(ready).first().waitFor()
      problems.push(...(await problemsOn(session, nav)))
    }
    for (const [link, ready] of [
      ['security-link', '[data-test="exit-target-form"]'],
      ['backup-link', '[data-test="backup-create-form"]'],
      ['settings-course', '#course-dates-heading'],
    ] as const) {
      await page.locator('[data-nav="settings"]').click()
      await page.locator(`[data-test="${link}"]`).click()
      await page.locator(ready).waitFor()
      problems.push(...(await problemsOn(session, link.replace(/-link$|^settings-/, ''))))
    }

    // The lock screen: after a quick exit the next start shows it.
    expect(await quickExitByButton(page)).toBe(true)
    await page.goto(baseURL)
    await new LockModel(page).waitFor('closed')
    problems.push(...(await problemsOn(session, 'lock screen')))

    expect(problems).toEqual([])
  })
})
