/**
 * Visit mode on the citizen's phone (issue #14 item 5): "My worker is here" from Home; while it
 * is on, a banner on every screen and each change the worker makes marked where it shows (a
 * step done, an activity added), also after a reload; ending the visit logs it and lists the
 * changes; one is undone, one kept; the next meeting is set there, shows on Home and goes into
 * a neutral calendar file. axe and screenshots at 360 px in Danish and Arabic; the review screen
 * is checked with axe in all 11 languages.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { findProperty, parseIcs } from '../../src/domain/ics'
import { localeList } from '../../locales'
import { openSession, type Session } from './support/browser'
import { ActivitiesModel } from './support/activities'
import { PlanModel, mainOverflows, planAxeViolations, startCourse } from './support/plan'
import { saveScreen, switchLanguage } from './support/layout'

const TODAY = new Date('2026-12-07T10:00:00+01:00')
const AFTER_VISIT = new Date('2026-12-07T10:45:00+01:00')
const COURSE = {
  transition: 'homelessness',
  dayOne: '2026-10-14',
  contactStart: '2026-09-23',
  worker: { name: 'Lene' },
} as const
const GOAL = 'En bolig, jeg kan blive i'
const STEPS = ['Søge boligstøtte', 'Betale husleje'] as const
const ACTIVITY = 'Fremvisning af lejlighed'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

async function home(page: Page): Promise<void> {
  await page.locator('[data-nav="start"]').click()
  await page.locator('#course-status-heading').waitFor()
}

function changeItem(page: Page, label: string) {
  return page.locator('[data-test="visit-change"]', {
    has: page.locator('[data-test="visit-change-label"]', { hasText: label }),
  })
}

describe('visit mode', () => {
  it('records and undoes a worker change', { timeout: 300_000 }, async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 740 })
    await page.clock.setFixedTime(TODAY)
    await startCourse(page, COURSE)
    const plan = new PlanModel(page)
    await plan.makeGoals(['housing'], 'Bolig', [GOAL], STEPS)

    // Start: one quiet tap on Home, with one line saying what it does.
    await home(page)
    expect(await page.locator('[data-test="next-meeting-set"]').count()).toBe(1)
    await page.locator('[data-test="visit-start"]').click()
    const banner = page.locator('[data-test="visit-banner"]')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('Lene er her — ændringer markeres')
    expect(await page.locator('[data-test="visit-start"]').count()).toBe(0)
    await saveScreen(page, 'visit-home-on-da')

    // The worker marks a step done and adds an activity to the goal.
    await plan.open()
    expect(await banner.isVisible()).toBe(true)
    await plan.openArea('Bolig')
    await plan.openGoal(GOAL)
    await plan.markStepDone(0)
    const stepMark = plan.steps().nth(0).locator('[data-test="visit-mark"]')
    await stepMark.waitFor()
    expect(await stepMark.textContent()).toContain('Ændret af Lene ved besøget')
    expect(await plan.steps().nth(1).locator('[data-test="visit-mark"]').count()).toBe(0)
    const activities = new ActivitiesModel(page)
    await activities.startFromGoal()
    await activities.fill({ title: ACTIVITY, date: '2026-12-10', time: '13:00' })
    await activities.create()

    // A reload during the visit loses nothing: the banner, the marks, the journal.
    await page.reload()
    await banner.waitFor()
    await activities.open()
    const item = activities.items().filter({ hasText: ACTIVITY })
    await item.locator('[data-test="visit-mark"]').waitFor()
    expect(await banner.isVisible()).toBe(true)
    // Visible, not covering: the banner sits above the screen's heading at 360 px.
    const bannerBox = await banner.boundingBox()
    const headingBox = await page.getByRole('heading', { level: 1 }).boundingBox()
    expect((bannerBox?.y ?? 0) + (bannerBox?.height ?? 0)).toBeLessThanOrEqual(headingBox?.y ?? 0)
    expect(await planAxeViolations(page)).toEqual([])
    await saveScreen(page, 'visit-activities-on-da', { fullPage: true })

    // End the visit 45 minutes later: logged, and the review lists both changes in words.
    await page.clock.setFixedTime(AFTER_VISIT)
    await page.locator('[data-test="visit-end"]').click()
    await page.locator('[data-test="visit-changes"]').waitFor()
    expect(await page.locator('[data-test="visit-logged"]').textContent()).toBe(
      'Besøget er skrevet i dit forløb: 45 min.',
    )
    expect(await banner.count()).toBe(0)
    const stepChange = changeItem(page, STEPS[0])
    const activityChange = changeItem(page, ACTIVITY)
    expect(await stepChange.textContent()).toContain('Ændret')
    expect(await stepChange.textContent()).toContain('Delmål')
    expect(await stepChange.textContent()).toContain('Gjort: nej → ja')
    expect(await activityChange.textContent()).toContain('Tilføjet')
    expect(await activityChange.textContent()).toContain('Aktivitet')
    expect(await planAxeViolations(page)).toEqual([])
    expect(await mainOverflows(page)).toBe(false)
    await saveScreen(page, 'visit-review-da', { fullPage: true })

    // Every language: the review screen passes axe and reflows at 360 px.
    const problems: string[] = []
    for (const { code } of localeList) {
      await switchLanguage(page, code)
      await page.locator('[data-test="visit-changes"]').waitFor()
      for (const violation of await planAxeViolations(page)) problems.push(`${code}: ${violation}`)
      if (await mainOverflows(page)) problems.push(`${code}: overflows`)
      if (code === 'ar') await saveScreen(page, 'visit-review-ar', { fullPage: true })
    }
    expect(problems).toEqual([])
    await switchLanguage(page, 'da')

    // Undo the step, keep the activity.
    await changeItem(page, STEPS[0]).locator('[data-test="visit-undo"]').click()
    await page.locator('[data-test="visit-review-status"]', { hasText: 'Fortrudt.' }).waitFor()
    await changeItem(page, ACTIVITY).locator('[data-test="visit-keep"]').click()
    await page.locator('[data-test="visit-review-none"]').waitFor()
    expect(await page.locator('[data-test="visit-review-status"]').textContent()).toBe('Beholdt.')

    // The next meeting, set at the end of the visit.
    await page.locator('#visit-meeting-date').fill('2026-12-10')
    await page.locator('#visit-meeting-time').fill('10:00')
    await page.locator('#visit-meeting-place').fill('Jobcentret')
    await page.locator('[data-test="visit-meeting-save"]').click()
    await page.locator('[data-test="visit-meeting-form"]', { hasText: 'Mødet er gemt.' }).waitFor()

    // Home: the meeting, in words, with a calendar file; nothing left marked.
    await page.locator('[data-test="visit-review-done"]').click()
    const next = page.locator('[data-test="next-meeting"]')
    await next.waitFor()
    expect(await next.textContent()).toBe('Næste gang du ser Lene: torsdag den 10. december 2026 kl. 10:00')
    expect(await page.locator('[data-test="next-meeting-place"]').textContent()).toBe('Sted: Jobcentret')
    expect(await page.locator('[data-test="visit-review-banner"]').count()).toBe(0)
    expect(await planAxeViolations(page)).toEqual([])
    await saveScreen(page, 'visit-home-meeting-da', { fullPage: true })
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="next-meeting-calendar"]').click(),
    ])
    expect(download.suggestedFilename()).toBe('aftale.ics')
    const ics = parseIcs(new Uint8Array(await readFile(await download.path())))
    const event = ics.events[0] ?? []
    expect(findProperty(event, 'SUMMARY')?.value).toBe('Aftale')
    expect(findProperty(event, 'DTSTART')?.value).toBe('20261210T100000')
    expect(findProperty(event, 'LOCATION')).toBeUndefined()

    // The step is back as it was, the activity stays, and no mark is left.
    await plan.open()
    await plan.openArea('Bolig')
    await plan.openGoal(GOAL)
    expect(await page.locator('[data-test="step-done-0"]').isChecked()).toBe(false)
    expect(await page.locator('[data-test="visit-mark"]').count()).toBe(0)
    await activities.open()
    expect(await activities.items().filter({ hasText: ACTIVITY }).count()).toBe(1)

    // Arabic: Home with the meeting and a visit on, right to left.
    await home(page)
    await switchLanguage(page, 'ar')
    await page.locator('[data-test="visit-start"]').click()
    await banner.waitFor()
    expect(await planAxeViolations(page)).toEqual([])
    expect(await mainOverflows(page)).toBe(false)
    await saveScreen(page, 'visit-home-on-ar', { fullPage: true })
  })
})
