/**
 * Issue #13 in every language: the ratings overview, a step of the rating flow, the progress
 * screen with its star's table open, the questionnaires in settings and a step of a
 * questionnaire pass axe (WCAG 2.2 AA) and reflow at 360 px in all 11 languages, right to left
 * included. One browser: as a woman leaving a shelter she rates once and her worker once (3 apart
 * on safety, so "something to talk about" is on screen), a placeholder pack is loaded, then each
 * language walks the screens as she would reach them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { startCourse } from './support/plan'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'
import { phone } from './support/layout'

const TODAY = new Date('2026-11-23T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

async function openOverview(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="plan-ratings"]').click()
  await page.locator('[data-test="ratings-progress-link"]').waitFor()
}

/** One rating through the flow: safety `value`, every other dimension left (skipped). */
async function rate(page: Page, value: number): Promise<void> {
  await page.locator('[data-test="rating-start"]').click()
  await page.locator('.rating-flow[data-step="safety"]').waitFor()
  await page.locator(`[data-test="rating-value-${String(value)}"]`).check()
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

const screens: readonly ScreenStep[] = [
  { name: 'ratings overview', open: openOverview },
  {
    name: 'a step of the rating',
    open: async (page) => {
      await page.locator('[data-test="ratings-start"]').click()
      await page.locator('[data-test="rating-start"]').click()
      await page.locator('.rating-flow[data-step="safety"]').waitFor()
    },
  },
  {
    name: 'progress, the star and its table',
    open: async (page) => {
      await openOverview(page)
      await page.locator('[data-test="ratings-progress-link"]').click()
      await page.locator('#rating-compare-citizenWorker').check()
      await page.locator('[data-talk="safety"]').waitFor()
      await page.locator('[data-test="rating-radar-table"] summary').click()
    },
  },
  {
    name: 'questionnaires',
    open: async (page) => {
      await page.locator('[data-nav="settings"]').click()
      await page.locator('[data-test="settings-instruments"]').click()
      await page.locator('[data-test="pack-list-item"]').waitFor()
    },
  },
  {
    name: 'a step of a questionnaire',
    open: async (page) => {
      await page.locator('[data-test="pack-answer"]').click()
      await page.locator('[data-test="pack-step"]').waitFor()
    },
  },
]

describe('issue #13 screens in every language', () => {
  it(
    'the ratings overview, a rating step, the progress charts, the questionnaires and a questionnaire step pass axe in all 11 languages',
    { timeout: 900_000 },
    async () => {
      session = await openSession({ viewport: phone })
      const { page } = session
      await page.clock.setFixedTime(TODAY)
      await startCourse(page, COURSE)
      await openOverview(page)
      await page.locator('[data-test="ratings-start"]').click()
      await rate(page, 7)
      await page.locator('[data-test="rating-hand-to-worker"]').click()
      await rate(page, 4)
      await page.locator('[data-nav="settings"]').click()
      await page.locator('[data-test="settings-instruments"]').click()
      await page.locator('#pack-file').setInputFiles('tests/fixtures/instruments/valid-placeholder-five.json')
      await page.locator('[data-test="pack-add"]').click()
      await page.locator('[data-test="pack-done"]').waitFor()

      expect(await problemsInEveryLocale(page, screens)).toEqual([])
      expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
      expect(session.errors).toEqual([])
    },
  )
})
