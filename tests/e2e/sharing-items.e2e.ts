/**
 * Issue #14 item 1, item by item, at 360 px: she shares a step, a note, a rating and a handover
 * line with their compact switches, sees what waits for its focus area in "Hvad min medarbejder kan se",
 * shares the whole goals section after its confirm (the preview then reads area, goal, steps in
 * the plan's order) and undoes it. The screens with the new controls — a goal with its steps,
 * the handover plan, the ratings overview and the preview with a section's question open — pass
 * axe and reflow in all 11 languages; screenshots in Danish and Arabic.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { PlanModel, startCourse } from './support/plan'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { giveOwner, handoverLine, openHandover } from './support/network'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'

const TODAY = new Date('2026-11-23T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const
const GOAL = 'Egen bolig'
const STEPS = ['Ring til boligkontoret', 'Se på lejligheder'] as const

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

async function openGoal(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="area-card"] h2 a').first().click()
  await page.locator('.goal-summary__title').first().click()
  await page.locator('[data-test="step"] [data-test="share-switch"]').first().waitFor()
}

async function openRatings(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="plan-ratings"]').click()
  await page.locator('[data-test="ratings-progress-link"]').waitFor()
}

async function openSharing(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="plan-sharing"]').click()
  await page.locator('[data-test="sharing-preview"]').waitFor()
}

/** One rating through the flow: safety 7, every other dimension left. */
async function rate(page: Page): Promise<void> {
  await page.locator('[data-test="ratings-start"]').click()
  await page.locator('[data-test="rating-start"]').click()
  await page.locator('.rating-flow[data-step="safety"]').waitFor()
  await page.locator('[data-test="rating-value-7"]').check()
  while ((await page.locator('.rating-flow').getAttribute('data-step')) !== 'review') {
    const before = await page.locator('.rating-flow').getAttribute('data-step')
    await page.locator('[data-test="rating-next"]').click()
    await page.waitForFunction(
      (was) => document.querySelector('.rating-flow')?.getAttribute('data-step') !== was,
      before,
    )
  }
  await page.locator('[data-test="rating-save"]').click()
  await page.locator('.rating-flow[data-step="done"]').waitFor()
}

const shownInGoals = (page: Page) =>
  page.locator('[data-test="sharing-section-goals"] [data-test="sharing-shown"]').allTextContents()

const screens: readonly ScreenStep[] = [
  { name: 'a goal with its steps and their switches', open: openGoal },
  {
    name: 'the handover plan with a line’s switch',
    open: async (page) => {
      await openHandover(page)
      await handoverLine(page, STEPS[0]).locator('[data-test="share-switch"]').waitFor()
    },
  },
  {
    name: 'the ratings overview with a rating’s switch',
    open: async (page) => {
      await openRatings(page)
      await page.locator('[data-test="ratings-entry"] [data-test="share-switch"]').waitFor()
    },
  },
  {
    name: 'what my worker can see, a section’s question open',
    open: async (page) => {
      await openSharing(page)
      await page.locator('[data-test="section-switch-goals"] [data-test="section-share-all"]').click()
      await page.locator('[data-test="section-question"]').waitFor()
    },
  },
]

describe('sharing item by item', () => {
  it(
    'shares a step, a rating and a handover line, a whole section with undo; axe in all 11 languages',
    { timeout: 900_000 },
    async () => {
      session = await openSession({ viewport: phone })
      const { page } = session
      await page.clock.setFixedTime(TODAY)
      await startCourse(page, COURSE)
      const plan = new PlanModel(page)
      await plan.makeGoals(['housing'], 'Bolig', [GOAL], STEPS)

      // The goal and its first step, shared where they are; the area stays private.
      await page.locator('[data-test="share-toggle-button"]').click()
      await page
        .locator('[data-test="share-waiting"]', { hasText: 'Venter på at fokusområdet deles' })
        .waitFor()
      const firstStep = plan.steps().nth(0).locator('[data-test="share-switch"]')
      expect(await firstStep.getAttribute('aria-pressed')).toBe('false')
      expect(await firstStep.textContent()).toContain('Privat')
      await firstStep.click()
      await plan.steps().nth(0).locator('[data-test="share-switch"][aria-pressed="true"]').waitFor()
      expect(await plan.steps().nth(0).locator('[data-test="share-waiting"]').textContent()).toBe(
        'Venter på at fokusområdet deles',
      )
      expect(
        await page.getByRole('button', { name: `Delt – del »${STEPS[0]}« med min medarbejder` }).count(),
      ).toBe(1)
      await saveScreen(page, 'sharing-items-goal-da')

      // A note on the goal, shared with its own switch; it waits with the goal.
      await page.locator('[data-test="note-text"]').fill('Min søster hjælper mig med at ringe.')
      await page.locator('[data-test="note-add"]').click()
      const note = page.locator('[data-test="notes"] li').first()
      await note.locator('[data-test="share-switch"]').click()
      await note.locator('[data-test="share-switch"][aria-pressed="true"]').waitFor()
      expect(await note.locator('[data-test="share-waiting"]').textContent()).toBe(
        'Venter på at fokusområdet deles',
      )
      await note.scrollIntoViewIfNeeded()
      await saveScreen(page, 'sharing-items-note-da')

      // A handover line: it exists once its owner is chosen, then has its switch.
      await openHandover(page)
      await giveOwner(page, STEPS[0], { service: '§85 bostøtte' })
      await handoverLine(page, STEPS[0]).locator('[data-test="share-switch"]').click()
      await handoverLine(page, STEPS[0]).locator('[data-test="share-switch"][aria-pressed="true"]').waitFor()
      await saveScreen(page, 'sharing-items-handover-da')

      // A rating.
      await openRatings(page)
      await rate(page)
      await openRatings(page)
      await page.locator('[data-test="ratings-entry"] [data-test="share-switch"]').click()
      await page
        .locator('[data-test="ratings-entry"] [data-test="share-switch"][aria-pressed="true"]')
        .waitFor()
      await saveScreen(page, 'sharing-items-ratings-da')

      // The preview: the rating goes; the goal, its step and the line wait for the area.
      await openSharing(page)
      expect(
        await page.locator('[data-test="sharing-section-ratings"] [data-test="sharing-shown"]').textContent(),
      ).toBe('En vurdering')
      expect(await shownInGoals(page)).toEqual([])
      expect(
        await page
          .locator('[data-test="sharing-section-goals"] [data-test="sharing-held-back"]')
          .allTextContents(),
      ).toEqual([GOAL, STEPS[0]])
      expect(
        await page.locator('[data-test="sharing-section-handover"] [data-test="sharing-held-back"]').count(),
      ).toBe(1)

      // Share the whole goals section: asks first, with the count, then goes; undo puts it back.
      const goals = page.locator('[data-test="section-switch-goals"]')
      expect(await goals.locator('[data-test="section-count"]').textContent()).toBe('2 af 4 er delt')
      await goals.locator('[data-test="section-share-all"]').click()
      expect(await goals.locator('[data-test="section-question"]').textContent()).toBe(
        '2 ting bliver delt med din medarbejder.',
      )
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('section-yes')
      await saveScreen(page, 'sharing-items-section-da', { fullPage: true })
      await goals.locator('[data-test="section-yes"]').click()
      await page.locator('[data-test="undo-bar"]', { hasText: '2 ting er delt.' }).waitFor()
      await goals.locator('[data-test="section-count"]', { hasText: '4 af 4 er delt' }).waitFor()
      // In the plan's order: the area, its goal, the goal's steps.
      expect(await shownInGoals(page)).toEqual(['Bolig', GOAL, ...STEPS])
      expect(
        await page.locator('[data-test="sharing-section-handover"] [data-test="sharing-shown"]').count(),
      ).toBe(1)
      expect(
        await page
          .locator('[data-test="sharing-section-notes"] [data-test="sharing-shown"]')
          .allTextContents(),
      ).toEqual(['Min søster hjælper mig med at ringe.'])
      await page.locator('[data-test="undo"]').click()
      await goals.locator('[data-test="section-count"]', { hasText: '2 af 4 er delt' }).waitFor()
      expect(await shownInGoals(page)).toEqual([])

      // Arabic, right to left.
      await switchLanguage(page, 'ar')
      await openGoal(page)
      await saveScreen(page, 'sharing-items-goal-ar')
      await screens[3]?.open(page)
      await saveScreen(page, 'sharing-items-section-ar', { fullPage: true })
      await switchLanguage(page, 'da')

      expect(await problemsInEveryLocale(page, screens)).toEqual([])
      expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
      expect(session.errors).toEqual([])
    },
  )
})
