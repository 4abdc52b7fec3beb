import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { PlanModel, startCourse } from './support/plan'
import { HomeModel } from './support/home'

// Day 1 was 14 October 2026, so on 23 November the course is in phase 1.
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const COURSE = { transition: 'homelessness', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const
const GOAL = 'En bolig, jeg kan blive i'
const STEPS = ['Søge boligstøtte', 'Betale husleje', 'Købe en seng', 'Male stuen', 'Hænge gardiner op']

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('Home: the things to do', () => {
  it('opens and ticks a step from Home; the goal follows its steps; easy read says "and N more"', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(TODAY)
    await startCourse(page, COURSE)

    const plan = new PlanModel(page)
    await plan.firstGoal('housing', 'Bolig', GOAL)
    for (const step of STEPS) await plan.addStep(step)

    const home = new HomeModel(page)
    await home.open()
    const things = page.locator('[data-test="next-thing"]')
    expect(await things.locator('[data-test="next-thing-open"]').allTextContents()).toEqual(STEPS)
    // One name for a goal's small steps: the goal page's "trin".
    expect(await things.first().textContent()).toContain('Trin')
    expect(await page.locator('[data-test="next-things"]').textContent()).not.toContain('Delmål')

    // Ticked done on Home: it leaves the list, with an undo.
    // A click on that step's own box: `check()` would re-find "the first" and tick the next
    // step too if its check of the box's state came after the ticked step had left the list.
    await things.filter({ hasText: STEPS[0] }).locator('[data-test="next-thing-done"]').click()
    await page.locator('[data-test="undo-bar"]').waitFor()
    await page.locator('[data-test="next-thing-open"]', { hasText: STEPS[0] }).waitFor({ state: 'detached' })
    expect(await things.count()).toBe(4)

    // Opened from Home: the goal's page, where the status follows the steps (1 of 5 done).
    await things.first().locator('[data-test="next-thing-open"]').click()
    await page.getByRole('heading', { level: 1, name: GOAL }).waitFor()
    expect(await page.locator('[data-test="goal-status"]').textContent()).toBe('På vej')
    expect(await plan.progress().textContent()).toContain('1 af 5 trin er gjort')

    // Easy read shows three and says how many more, with a way to see them all.
    await page.locator('[data-nav="settings"]').click()
    await page.locator('#easy-read').check()
    await home.open()
    const more = page.locator('[data-test="next-things-more"]')
    await more.waitFor()
    expect(await things.count()).toBe(3)
    expect(await more.textContent()).toContain('Og 1 mere')
    await more.click()
    // The fourth is drawn after the click's update; counting at once raced it (3, not 4).
    await things.nth(3).waitFor()
    expect(await things.count()).toBe(4)
    expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
    expect(session.errors).toEqual([])
  })
})
