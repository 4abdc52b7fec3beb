/**
 * Issue #10, item 16: a day 1 in the year 9999 made the course rules throw instead of answering.
 * Every date form answers a far date with a message beside its field: the onboarding's dates,
 * the course's dates and a pause — and nothing throws.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { OnboardingModel } from './support/onboarding'

const danish = JSON.parse(readFileSync('locales/da.json', 'utf8')) as {
  course: { error: { dateOutOfRange: string } }
}
const FAR_DATE = '9999-01-01'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** The field is marked invalid and its message says the date is too far off. */
async function farDateMessage(page: Page, field: string): Promise<string | null> {
  await page.locator(`#${field}-error`).waitFor({ timeout: 5000 })
  expect(await page.locator(`#${field}`).getAttribute('aria-invalid')).toBe('true')
  return (await page.locator(`#${field}-error`).textContent())?.trim() ?? null
}

describe('a far-future date', () => {
  it('gets a message in the onboarding, the course dates and a pause; nothing crashes', async () => {
    session = await openSession({ viewport: { width: 360, height: 740 } })
    const { page } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await onboarding.chooseLanguage('da')
    await onboarding.next()
    await onboarding.waitForStep('transition')
    await onboarding.chooseTransition('homelessness')
    await onboarding.next()
    await onboarding.waitForStep('dates')
    await onboarding.fillDates(FAR_DATE, undefined)
    await onboarding.next()
    expect(await farDateMessage(page, 'onboarding-transition-date')).toBe(danish.course.error.dateOutOfRange)
    expect(await onboarding.step()).toBe('dates')

    // A date that keeps the rules goes on as usual.
    await onboarding.fillDates('2026-10-14', '2026-09-23')
    await onboarding.next()
    await onboarding.waitForStep('worker')
    await onboarding.skip()
    await onboarding.chooseLock()
    await onboarding.finish()

    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="settings-course"]').click()
    await page.locator('#course-dates-heading').waitFor()
    await page.locator('#course-transition-date').fill(FAR_DATE)
    await page.locator('[data-test="save-dates"]').click()
    expect(await farDateMessage(page, 'course-transition-date')).toBe(danish.course.error.dateOutOfRange)

    await page.locator('#pause-start').fill(FAR_DATE)
    await page.locator('#pause-reason-hospital').check()
    await page.locator('[data-test="pause-course"]').click()
    expect(await farDateMessage(page, 'pause-start')).toMatch(/for langt fremme/)
    expect(session.errors).toEqual([])
  })
})
