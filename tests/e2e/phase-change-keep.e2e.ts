import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { planAxeViolations, PlanModel, startCourse } from './support/plan'

// Day 1 was 14 October 2026: phase 1 on 23 November, phase 2 from 14 January 2027.
const IN_PHASE_1 = new Date('2026-11-23T12:00:00+01:00')
const IN_PHASE_2 = new Date('2027-01-20T12:00:00+01:00')
const COURSE = { transition: 'homelessness', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

/** A plan in phase 1: housing with two goals (one with a step done), economy with one. */
async function planInPhaseOne(plan: PlanModel): Promise<void> {
  await plan.open()
  await plan.openPicker()
  await plan.chooseAreas(['housing', 'economy'])
  await plan.finishPicking()
  await plan.openArea('Bolig')
  await plan.addGoal('En bolig, jeg kan blive i')
  await plan.addGoal('En seng til min søn')
  await plan.openGoal('En bolig, jeg kan blive i')
  await plan.addStep('Søge boligstøtte')
  await plan.addStep('Betale husleje')
  await plan.markStepDone(0)
  await plan.open()
  await plan.openArea('Økonomi')
  await plan.addGoal('Ingen gæld')
}

/** Opens the app again on a day in phase 2, on the plan. */
async function laterInPhaseTwo(session: Session, plan: PlanModel): Promise<void> {
  await session.page.clock.setFixedTime(IN_PHASE_2)
  await session.page.reload()
  await plan.open()
}

describe('phase change: her work never disappears', () => {
  it('"keep the same": the goals are under the current phase, not only under earlier phases', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(IN_PHASE_1)
    await startCourse(page, COURSE)
    const plan = new PlanModel(page)
    await planInPhaseOne(plan)

    await laterInPhaseTwo(session, plan)
    expect(await page.locator('[data-test="plan-phase"]').textContent()).toBe('Dine fokusområder i fase 2')
    const question = page.locator('[data-test="phase-change"]')
    await question.waitFor()
    expect(await question.locator('h2').textContent()).toBe('Fase 2 er begyndt')
    // The open goals are shown in the question itself, not hidden.
    const text = (await question.textContent()) ?? ''
    for (const goal of ['En bolig, jeg kan blive i', 'En seng til min søn', 'Ingen gæld']) {
      expect(text).toContain(goal)
    }
    expect(await planAxeViolations(page)).toEqual([])

    await page.locator('[data-test="phase-keep"]').click()
    await question.waitFor({ state: 'detached' })
    expect(await plan.areaCards().locator('h2').allTextContents()).toEqual(['Bolig', 'Økonomi'])
    expect(await plan.areaCards().locator('.goal-summary__title').allTextContents()).toEqual([
      'En bolig, jeg kan blive i',
      'En seng til min søn',
      'Ingen gæld',
    ])
    // The steps came along with their goal.
    expect(await plan.areaCards().first().textContent()).toContain('1 af 2 trin er gjort')
    expect(await page.locator('[data-test="undo-bar"]').textContent()).toContain(
      'Dine valg for den nye fase er gemt.',
    )
    expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('"choose again": an open goal of a dropped area is asked about and can be carried', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(IN_PHASE_1)
    await startCourse(page, COURSE)
    const plan = new PlanModel(page)
    await planInPhaseOne(plan)

    await laterInPhaseTwo(session, plan)
    await page.locator('[data-test="phase-choose"]').click()
    const form = page.locator('[data-test="phase-choose-form"]')
    await form.waitFor()
    // Keep housing only: economy's open goal is asked about, "leave" chosen until she says otherwise.
    await form.locator('.form-checks__item', { hasText: 'Bolig' }).locator('input').check()
    const asked = form.locator('[data-test="phase-goal"]')
    expect(await asked.count()).toBe(1)
    expect(await asked.locator('legend').textContent()).toContain('Ingen gæld')
    expect(await asked.locator('[data-test="fate-leave"]').isChecked()).toBe(true)
    await asked.locator('[data-test="fate-carry"]').check()
    expect(await planAxeViolations(page)).toEqual([])
    await page.locator('[data-test="phase-save"]').click()
    await page.locator('[data-test="phase-change"]').waitFor({ state: 'detached' })
    expect(await plan.areaCards().locator('h2').allTextContents()).toEqual(['Bolig'])
    expect(await plan.areaCards().locator('.goal-summary__title').allTextContents()).toEqual([
      'En bolig, jeg kan blive i',
      'En seng til min søn',
      'Ingen gæld',
    ])
    expect(session.errors).toEqual([])
  })
})
