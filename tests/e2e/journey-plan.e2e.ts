import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { findProperty, parseIcs, unescapeIcsText } from '../../src/domain/ics'
import {
  cspViolations,
  foreignRequests,
  openSession,
  waitForOfflineReady,
  type Session,
} from './support/browser'
import { ActivitiesModel } from './support/activities'
import { HomeModel } from './support/home'
import { mainOverflows, planAxeViolations, PlanModel, startCourse } from './support/plan'

// A fixed wall clock in Copenhagen, where the browser runs: day 1 (the move from the shelter)
// was 14 October 2026, 40 days ago, so the course is in phase 1 and every date below is written out.
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

/** The screen passes axe (WCAG 2.2 AA) and its content reflows into the phone's width. */
async function expectUsable(page: Page): Promise<void> {
  expect(await planAxeViolations(page)).toEqual([])
  expect(await mainOverflows(page)).toBe(false)
}

function missingMessages(current: Session): string[] {
  return current.warnings.filter((warning) => warning.includes('missing message'))
}

describe('journey: the citizen’s plan', () => {
  it('three focus areas, two goals with three steps each, an activity in the calendar, a step done — all there after an offline reload', async () => {
    session = await openSession()
    const { page, context } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(TODAY)
    expect(await startCourse(page, COURSE)).toBe('onboarding')

    const plan = new PlanModel(page)
    await plan.open()
    expect(await plan.heading().textContent()).toBe('Min plan')
    expect(await page.locator('[data-test="plan-phase"]').textContent()).toBe('Dine fokusområder i fase 1')
    await expectUsable(page)

    await plan.openPicker()
    expect(await plan.heading().textContent()).toBe('Vælg fokusområder')
    await expectUsable(page)
    await plan.chooseAreas(['housing', 'economy', 'network'])
    expect(await plan.chosenCount().textContent()).toBe('Du har valgt 3 områder.')
    expect(await page.locator('[data-test="area-note"]').count()).toBe(0)
    await expectUsable(page)
    await plan.finishPicking()
    expect(await plan.areaCards().locator('h2').allTextContents()).toEqual(['Bolig', 'Økonomi', 'Netværk'])

    await plan.openArea('Bolig')
    expect(await plan.heading().textContent()).toBe('Bolig')
    await plan.addGoal('En bolig, jeg kan blive i', 'Ro og et sted til mine ting.')
    await plan.addGoal('Et hjem, hvor min søn kan sove')
    await expectUsable(page)
    const goals = {
      'En bolig, jeg kan blive i': ['Søge boligstøtte', 'Betale husleje til tiden', 'Købe en seng'],
      'Et hjem, hvor min søn kan sove': ['Tale med kommunen', 'Finde en køjeseng', 'Aftale weekender'],
    }
    for (const [goal, steps] of Object.entries(goals)) {
      await plan.openGoal(goal)
      expect(await plan.heading().textContent()).toBe(goal)
      for (const step of steps) await plan.addStep(step)
      expect(await plan.steps().locator('.step__title').allTextContents()).toEqual(steps)
      expect(await plan.progress().textContent()).toContain('0 af 3 trin er gjort')
      await expectUsable(page)
      await plan.backToArea()
    }

    // An activity for the first goal, put in the calendar.
    await plan.openGoal('En bolig, jeg kan blive i')
    const activities = new ActivitiesModel(page)
    await activities.startFromGoal()
    await expectUsable(page)
    await activities.fill({
      title: 'Møde på kommunen om boligstøtte',
      date: '2026-12-01',
      time: '10:30',
      repeat: 'none',
      place: 'Borgerservice',
      helper: 'Mette',
    })
    await activities.create()
    expect(await page.locator('[data-test="activity-created"]').textContent()).toContain(
      'Aktiviteten er gemt.',
    )
    await expectUsable(page)

    const file = await activities.downloadCalendar()
    expect(file.name).toBe('aftale.ics')
    const calendar = parseIcs(file.bytes)
    expect(calendar.events).toHaveLength(1)
    const [event] = calendar.events
    expect(unescapeIcsText(findProperty(event ?? [], 'SUMMARY')?.value ?? '')).toBe('Aftale')
    expect(findProperty(event ?? [], 'LOCATION')).toBeUndefined()
    expect(findProperty(event ?? [], 'DTSTART')?.value).toBe('20261201T103000')
    expect(findProperty(event ?? [], 'DTEND')?.value).toBe('20261201T113000')
    const detailed = parseIcs((await activities.downloadCalendar({ showDetails: true })).bytes)
    expect(unescapeIcsText(findProperty(detailed.events[0] ?? [], 'SUMMARY')?.value ?? '')).toBe(
      'Møde på kommunen om boligstøtte',
    )

    // A step done, on the second goal.
    await plan.open()
    await plan.openGoal('Et hjem, hvor min søn kan sove')
    await plan.markStepDone(0)
    expect(await plan.progress().textContent()).toContain('1 af 3 trin er gjort')
    expect(await page.locator('[data-test="undo-bar"]').textContent()).toContain(
      'Trinnet er markeret som gjort.',
    )
    await expectUsable(page)

    await activities.open()
    expect(await activities.items().locator('.activity-item__title').allTextContents()).toEqual([
      'Møde på kommunen om boligstøtte',
    ])
    await expectUsable(page)

    // Offline: the app is installed, the network goes, the page reloads from the service worker.
    await waitForOfflineReady(page)
    await context.setOffline(true)
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await page.locator('[data-nav="plan"]').waitFor()
    await plan.open()
    expect(await plan.areaCards().locator('h2').allTextContents()).toEqual(['Bolig', 'Økonomi', 'Netværk'])
    const housing = plan.areaCards().filter({ hasText: 'Bolig' })
    expect(await housing.locator('.goal-summary__title').allTextContents()).toEqual(Object.keys(goals))
    expect(await housing.locator('[data-test="goal-progress"]').allTextContents()).toEqual([
      '0 af 3 trin er gjort',
      '1 af 3 trin er gjort',
    ])
    await plan.openGoal('Et hjem, hvor min søn kan sove')
    expect(await plan.steps().locator('.step__title').allTextContents()).toEqual(
      goals['Et hjem, hvor min søn kan sove'],
    )
    // Deep inside the plan, the navigation still says where the person is.
    expect(await page.locator('[data-nav="plan"]').getAttribute('aria-current')).toBe('page')
    expect(await page.locator('[data-nav="start"]').getAttribute('aria-current')).toBeNull()
    expect(await page.locator('[data-test="step-done-0"]').isChecked()).toBe(true)
    expect(await page.locator('[data-test="step"]').first().textContent()).toContain(
      'Gjort 23. november 2026',
    )
    await activities.open()
    expect(await activities.items().first().textContent()).toContain('1. december 2026 kl. 10:30')
    expect(await activities.items().first().textContent()).toContain('Borgerservice')

    // Home, still offline: phase 1, day 41, 52 days left in the phase (hand-counted: 23 Nov – 13 Jan).
    const home = new HomeModel(page)
    await page.locator('[data-nav="start"]').click()
    await home.stage().waitFor()
    expect(await home.stage().textContent()).toBe('Fase 1: Planlægning og opstart')
    expect(await page.getByText('Dag 41 i forløbet').count()).toBe(1)
    expect((await home.daysLeftInPhase().textContent())?.trim()).toBe('52 dage tilbage af fasen')

    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
    expect(missingMessages(session)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
  })

  it('in English: every plan screen is accessible, the calendar file has an English neutral name, nothing is missing', async () => {
    session = await openSession({ locale: 'en-GB' })
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(TODAY)
    await startCourse(page, { ...COURSE, locale: 'en', transition: 'shelter' })

    const plan = new PlanModel(page)
    await plan.open()
    expect(await plan.heading().textContent()).toBe('My plan')
    await expectUsable(page)
    await plan.openPicker()
    expect(await page.locator('.form-checks__label').first().textContent()).toContain('Safety')
    await plan.chooseAreas(['safety', 'children', 'economy', 'housing'])
    // A gentle note above three, never a block.
    expect(await page.locator('[data-test="area-note"]').textContent()).toContain(
      'You have chosen more than three. That is fine.',
    )
    await page.locator('summary').click()
    await expectUsable(page)
    await plan.finishPicking()
    expect(await plan.areaCards().count()).toBe(4)

    await plan.openArea('Safety')
    await plan.addGoal('Feel safe at home')
    await plan.openGoal('Feel safe at home')
    await plan.addStep('Change the lock', '2026-12-05')
    await plan.markStepDone(0)
    expect(await plan.progress().textContent()).toContain('1 of 1 step done')
    await expectUsable(page)

    const activities = new ActivitiesModel(page)
    await activities.open()
    await activities.startNew()
    await page.locator('[data-test="activity-save"]').click()
    await page.locator('#activity-title-error').waitFor()
    expect(await page.locator('#activity-title-error').textContent()).toBe('Write something here.')
    await expectUsable(page)
    await activities.fill({
      title: 'Meeting at the shelter',
      date: '2026-11-30',
      repeat: 'weekly',
      priority: 'later',
    })
    await activities.create()
    const file = await activities.downloadCalendar()
    expect(file.name).toBe('appointment.ics')
    const [event] = parseIcs(file.bytes).events
    expect(unescapeIcsText(findProperty(event ?? [], 'SUMMARY')?.value ?? '')).toBe('Appointment')
    expect(findProperty(event ?? [], 'RRULE')?.value).toBe('FREQ=WEEKLY')
    await expectUsable(page)

    await activities.open()
    expect(await page.locator('[data-test="activities-later"]').textContent()).toContain(
      'Meeting at the shelter',
    )
    await expectUsable(page)

    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
    expect(missingMessages(session)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
  })
})
