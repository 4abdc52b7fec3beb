/**
 * Issue #14 in every language: a goal's share control and "Hvad min medarbejder kan se" —
 * reached from the plan — pass axe (WCAG 2.2 AA) and reflow at 360 px in all 11 languages,
 * right to left included. The goal is shared on its own screen first, so the preview has
 * something to show (it waits for its focus area, which stays private).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import { PlanModel, startCourse } from './support/plan'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const screens: readonly ScreenStep[] = [
  {
    name: 'a goal and its share control',
    open: async (page) => {
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="area-card"] h2 a').first().click()
      await page.locator('.goal-summary__title').first().click()
      await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
    },
  },
  {
    name: 'what my worker can see',
    open: async (page) => {
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-sharing"]').click()
      await page.locator('[data-test="sharing-preview"]').waitFor()
    },
  },
]

describe('sharing in every language', () => {
  it("a goal's share control and the preview pass axe and reflow in all 11 languages", async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    await startCourse(page)
    await screens[1]?.open(page)
    await page.locator('[data-test="sharing-empty"]').waitFor()

    await new PlanModel(page).firstGoal('housing', 'Bolig', 'Egen bolig')
    await page.locator('[data-test="share-toggle-button"]').click()
    await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
    await screens[1]?.open(page)
    expect(await page.locator('[data-test="sharing-held-back"]').textContent()).toBe('Egen bolig')
    // Sharing its focus area too sends both.
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="area-card"] h2 a').first().click()
    await page.locator('[data-test="share-toggle-button"]').click()
    await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
    await screens[1]?.open(page)
    // Both go now (their order in the preview is not what this checks).
    const shown = page.locator('[data-test="sharing-section-goals"] [data-test="sharing-shown"]')
    await shown.nth(1).waitFor()
    expect((await shown.allTextContents()).sort()).toEqual(['Bolig', 'Egen bolig'])

    expect(await problemsInEveryLocale(page, screens)).toEqual([])
  }, 300_000)
})
