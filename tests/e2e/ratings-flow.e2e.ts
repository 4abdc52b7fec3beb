/**
 * The life-area rating at 360 px (issue #13, items 1 and 2), as a woman leaving a shelter (ten
 * dimensions): Home asks in the contact period; she rates — one number with a note, one skipped,
 * one that does not fit her — and an interpreter switches the language mid-flow without losing
 * an answer; the nudge goes; her worker rates on the same phone without seeing her answers; the
 * overview lists both. At the end of phase 1 (clock moved) Home asks again and she rates again.
 * axe and the 360 px reflow check on Home with the nudge, a step, the review and the overview,
 * in Danish and Arabic; screenshots of a step and the overview in both. The comparison of her
 * rating and the worker's marks the dimension they rated 3 apart as something to talk about.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { overflowInMain, scrollsSideways } from './support/home'
import { mainOverflows, planAxeViolations, startCourse } from './support/plan'
import { phone, saveScreen, switchLanguage } from './support/layout'

// Day 1 on 14 October 2026, contact from 23 September: the contact rating is open until
// 30 December, the end of phase 1's from 31 December (two weeks before phase 1 ends on 13 January).
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const BEFORE_PHASE1_WINDOW = new Date('2026-12-30T12:00:00+01:00')
const END_OF_PHASE1 = new Date('2027-01-05T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const nudge = (page: Page) => page.locator('[data-test="ratings-due"]')
const step = (page: Page) => page.locator('.rating-flow').getAttribute('data-step')

async function goHome(page: Page): Promise<void> {
  await page.locator('[data-nav="start"]').click()
  await page.locator('#course-status-heading').waitFor()
}

/** Waits for the flow to show the step named (a dimension's key, `review`, `done`). */
async function atStep(page: Page, name: string): Promise<void> {
  await page.locator(`.rating-flow[data-step="${name}"]`).waitFor()
}

/**
 * Nothing on the screen is wider than 360 px, and axe finds nothing (in a viewport as tall as the
 * screen, so the sticky bars cover nothing: `planAxeViolations`).
 */
async function checkScreen(page: Page): Promise<void> {
  expect(await scrollsSideways(page)).toBe(false)
  expect(await mainOverflows(page)).toBe(false)
  expect(await overflowInMain(page)).toEqual([])
  expect(await planAxeViolations(page)).toEqual([])
}

/** Answers every remaining step with "next" (a dimension without a number is saved as skipped). */
async function nextToReview(page: Page): Promise<void> {
  while ((await step(page)) !== 'review') {
    const before = await step(page)
    await page.locator('[data-test="rating-next"]').click()
    await page.waitForFunction(
      (was) => document.querySelector('.rating-flow')?.getAttribute('data-step') !== was,
      before,
    )
  }
}

describe('the life-area rating', () => {
  it(
    'citizen and worker rate in the contact period, the nudge goes, and comes back at the end of phase 1',
    { timeout: 300_000 },
    async () => {
      session = await openSession()
      const { page } = session
      await page.setViewportSize(phone)
      await page.clock.setFixedTime(TODAY)
      await startCourse(page, COURSE)

      // Home asks, below "where am I".
      await nudge(page).waitFor()
      expect(await nudge(page).locator('h2').textContent()).toContain(
        'Det er tid til at vurdere, hvordan det går',
      )
      await checkScreen(page)

      await nudge(page).locator('[data-test="ratings-due-go"]').click()
      await page.locator('[data-test="rating-start"]').waitFor()
      expect(await page.locator('[data-test="rating-stage"]').textContent()).toContain('Kontaktperioden')
      await page.locator('[data-test="rating-start"]').click()

      // 1: safety, 7, with a note.
      await atStep(page, 'safety')
      expect(await page.locator('[data-test="rating-progress"]').textContent()).toBe('1 af 10')
      await page.locator('[data-test="rating-value-7"]').check()
      await page.locator('#rating-note-safety').fill('En lås på døren')
      // Every number is a big target.
      const tiles = await page
        .locator('.rating-step__scale .form-choice')
        .evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect()))
      expect(tiles).toHaveLength(10)
      for (const tile of tiles) {
        expect(tile.width).toBeGreaterThanOrEqual(44)
        expect(tile.height).toBeGreaterThanOrEqual(44)
      }
      await checkScreen(page)
      await saveScreen(page, 'ratings-step-da', { fullPage: true })
      await page.locator('[data-test="rating-next"]').click()

      // 2: caring for herself, skipped. 3: network, does not fit her.
      await atStep(page, 'selfCare')
      await page.locator('[data-test="rating-skip"]').click()
      await atStep(page, 'network')
      await page.locator('[data-test="rating-not-applicable"]').click()
      await atStep(page, 'physicalHealth')
      await page.locator('[data-test="rating-value-6"]').check()

      // An interpreter switches to Arabic mid-flow: nothing is lost, the screen is right to left.
      await switchLanguage(page, 'ar')
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      await atStep(page, 'physicalHealth')
      expect(await page.locator('[data-test="rating-value-6"]').isChecked()).toBe(true)
      await checkScreen(page)
      await saveScreen(page, 'ratings-step-ar', { fullPage: true })
      await page.locator('[data-test="rating-back"]').click()
      await page.locator('[data-test="rating-back"]').click()
      await page.locator('[data-test="rating-back"]').click()
      await atStep(page, 'safety')
      expect(await page.locator('[data-test="rating-value-7"]').isChecked()).toBe(true)
      expect(await page.locator('#rating-note-safety').inputValue()).toBe('En lås på døren')
      await nextToReview(page)
      await checkScreen(page)
      await switchLanguage(page, 'da')

      // The review lists every answer; skipped and "does not fit" are never a number.
      await atStep(page, 'review')
      await checkScreen(page)
      const answers = Object.fromEntries(
        await page
          .locator('.rating-review [data-dimension]')
          .evaluateAll((rows) =>
            rows.map((row) => [
              row.getAttribute('data-dimension') ?? '',
              row.querySelector('[data-test="rating-answer"]')?.textContent.trim() ?? '',
            ]),
          ),
      )
      expect(answers).toMatchObject({
        safety: '7 af 10',
        selfCare: 'Sprunget over',
        network: 'Passer ikke',
        physicalHealth: '6 af 10',
        children: 'Sprunget over',
      })
      await page.locator('[data-test="rating-save"]').click()
      await atStep(page, 'done')
      expect(await page.locator('#rating-step-done').textContent()).toContain('Tak. Din vurdering er gemt.')

      // The worker's turn on the same phone: her answers are not shown.
      await page.locator('[data-test="rating-hand-to-worker"]').click()
      await page.getByRole('heading', { level: 1, name: 'Medarbejderens vurdering' }).waitFor()
      await page.locator('[data-test="rating-start"]').click()
      await atStep(page, 'safety')
      expect(await page.locator('.rating-flow input[type="radio"]:checked').count()).toBe(0)
      expect(await page.locator('#rating-note-safety').inputValue()).toBe('')
      await page.locator('[data-test="rating-value-4"]').check()
      await nextToReview(page)
      await page.locator('[data-test="rating-save"]').click()
      await atStep(page, 'done')
      expect(await page.locator('[data-test="rating-hand-back"]').textContent()).toBe(
        'Giv telefonen tilbage til borgeren.',
      )

      // Home stops asking.
      await goHome(page)
      expect(await nudge(page).count()).toBe(0)

      // The overview, from the plan: both ratings of the contact period, each readable.
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-ratings"]').click()
      await page.locator('[data-test="ratings-stage"][data-stage="contact"]').waitFor()
      expect(
        await page
          .locator('[data-test="ratings-entry"]')
          .evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-respondent'))),
      ).toEqual(['citizen', 'worker'])
      await page.locator('[data-test="ratings-entry"][data-respondent="citizen"] summary').click()
      expect(
        await page
          .locator('[data-test="ratings-entry"][data-respondent="citizen"] [data-test="ratings-counts"]')
          .textContent(),
      ).toBe('Besvaret: 2 · Sprunget over: 7 · Passer ikke: 1')
      await checkScreen(page)
      await saveScreen(page, 'ratings-overview-da', { fullPage: true })
      await switchLanguage(page, 'ar')
      await page.getByRole('heading', { level: 1, name: 'التقييمات' }).waitFor()
      await checkScreen(page)
      await saveScreen(page, 'ratings-overview-ar', { fullPage: true })
      await switchLanguage(page, 'da')

      // Her 7 and the worker's 4 on safety: "you and your worker" marks it as something to talk
      // about, in the star and in its table.
      await page.locator('[data-test="ratings-progress-link"]').click()
      await page.locator('[data-test="rating-radar-drawing"]').waitFor()
      await page.locator('#rating-compare-citizenWorker').check()
      await page.locator('[data-talk="safety"]').waitFor()
      expect(await page.locator('[data-talk]').count()).toBe(1)
      const table = page.locator('[data-test="rating-radar-table"]')
      await table.locator('summary').click()
      const safetyRow = table.locator('tbody tr[data-key="safety"]')
      expect(await safetyRow.locator('td').allTextContents()).toEqual(['7', '4'])
      expect(await safetyRow.locator('[data-test="talk-about"]').textContent()).toContain('Noget at tale om')
      await checkScreen(page)
      await saveScreen(page, 'ratings-flow-compare-da', { fullPage: true })

      // The day before the end of phase 1's rating opens: nothing due.
      await page.clock.setFixedTime(BEFORE_PHASE1_WINDOW)
      await page.reload()
      await page.locator('#course-status-heading').waitFor()
      expect(await nudge(page).count()).toBe(0)

      // The end of phase 1: Home asks again (Arabic too), and she rates again.
      await page.clock.setFixedTime(END_OF_PHASE1)
      await page.reload()
      await nudge(page).waitFor()
      await switchLanguage(page, 'ar')
      await nudge(page).waitFor()
      await checkScreen(page)
      await switchLanguage(page, 'da')
      await nudge(page).locator('[data-test="ratings-due-go"]').click()
      await page.locator('[data-test="rating-stage"]').waitFor()
      expect(await page.locator('[data-test="rating-stage"]').textContent()).toContain('Slutningen af fase 1')
      await page.locator('[data-test="rating-start"]').click()
      await atStep(page, 'safety')
      await page.locator('[data-test="rating-value-8"]').check()
      await nextToReview(page)
      await page.locator('[data-test="rating-save"]').click()
      await atStep(page, 'done')
      await goHome(page)
      expect(await nudge(page).count()).toBe(0)

      expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
      expect(session.errors).toEqual([])
    },
  )
})
