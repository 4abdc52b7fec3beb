/**
 * Instrument packs at 360 px (issue #13, item 4): load the valid fixture pack in settings through
 * the file input, see what it is before adding it, answer it question by question and see its
 * score; load a broken pack and see the plain-words refusal with the list unchanged. axe, reflow
 * and screenshots in Danish and Arabic.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { mainOverflows, planAxeViolations, startCourse } from './support/plan'
import { saveScreen, switchLanguage } from './support/layout'

const TODAY = new Date('2026-11-23T12:00:00+01:00')
const fixture = (name: string) => `tests/fixtures/instruments/${name}`

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

async function openInstruments(page: Page): Promise<void> {
  await page.locator('[data-nav="settings"]').click()
  await page.locator('[data-test="settings-instruments"]').click()
  await page.locator('#pack-load-heading').waitFor()
}

async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await planAxeViolations(page)).toEqual([])
  expect(await mainOverflows(page)).toBe(false)
  await saveScreen(page, name, { fullPage: true })
}

describe('instrument packs', () => {
  it(
    'loads a pack, answers it and shows the score; refuses a broken one and changes nothing',
    { timeout: 240_000 },
    async () => {
      session = await openSession()
      const { page } = session
      await page.setViewportSize({ width: 360, height: 740 })
      await page.clock.setFixedTime(TODAY)
      await startCourse(page, { transition: 'shelter' })

      await openInstruments(page)
      expect(await page.locator('[data-test="pack-list-empty"]').textContent()).toBe(
        'Der er ikke indlæst nogen spørgeskemaer.',
      )
      await page.locator('#pack-file').setInputFiles(fixture('valid-placeholder-five.json'))
      await page.locator('[data-test="pack-preview"]').waitFor()
      expect(await page.locator('[data-test="pack-preview-name"]').textContent()).toBe(
        'Pladsholder-skema (da)',
      )
      expect(await page.locator('[data-test="pack-preview-items"]').textContent()).toBe('5')
      expect(await page.locator('[data-test="pack-licence"]').textContent()).toContain(
        'Pladsholder: licensnote.',
      )
      await checkScreen(page, 'instruments-preview-da')
      await page.locator('[data-test="pack-add"]').click()
      await page.locator('[data-test="pack-done"]').waitFor()
      expect(await page.locator('[data-test="pack-list-item"]').count()).toBe(1)

      // A broken pack: said in plain words, nothing added, the list as it was.
      await page.locator('#pack-file').setInputFiles(fixture('broken-lookup-gap.json'))
      const problem = page.locator('[data-test="pack-problem"]')
      await problem.waitFor()
      expect(await problem.textContent()).toContain(
        'Omregningstabellen dækker ikke alle de summer, svarene kan give.',
      )
      expect(await problem.textContent()).toContain('Intet er ændret.')
      expect(await page.locator('[data-test="pack-preview"]').count()).toBe(0)
      expect(await page.locator('[data-test="pack-list-item"]').count()).toBe(1)
      await checkScreen(page, 'instruments-refused-da')

      // The ratings overview now leads to the loaded questionnaires too.
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-ratings"]').click()
      await page.locator('[data-test="ratings-packs-link"]').click()
      await page.locator('[data-test="pack-list-item"]').waitFor()

      // Answer it: one question per step, the recall period shown.
      await page.locator('[data-test="pack-answer"]').click()
      await page.locator('[data-test="pack-step"]').waitFor()
      expect(await page.locator('[data-test="pack-recall"]').textContent()).toBe(
        'Tænk på: Placeholder recall period (da)',
      )
      await checkScreen(page, 'instruments-question-da')
      for (const value of [5, 4, 3, 2, 2]) {
        await page.locator(`[data-test="pack-option-${String(value)}"]`).check()
        await page.locator('[data-test="pack-next"]').click()
      }
      await page.locator('[data-test="pack-review"]').waitFor()
      expect(await page.locator('[data-test="pack-review-item"]').count()).toBe(5)
      await checkScreen(page, 'instruments-review-da')
      await page.locator('[data-test="pack-save"]').click()
      const done = page.locator('[data-test="pack-done"]')
      await done.waitFor()
      expect(await done.locator('[data-test="pack-score-value"]').textContent()).toBe('64 (fra 0 til 100)')
      expect(await done.textContent()).toContain('Et højere tal er bedre.')
      expect(await page.locator('[data-test="pack-history-item"]').count()).toBe(1)
      await checkScreen(page, 'instruments-score-da')

      // In Arabic: the score, a question and the refusal, right to left.
      await switchLanguage(page, 'ar')
      await done.waitFor()
      expect(await page.locator('[data-test="pack-history"]').textContent()).toContain('64')
      await checkScreen(page, 'instruments-score-ar')
      await openInstruments(page)
      await page.locator('#pack-file').setInputFiles(fixture('broken-not-json.txt'))
      await problem.waitFor()
      expect(await problem.textContent()).toContain('الملف ليس استبيانًا')
      expect(await page.locator('[data-test="pack-list-item"]').count()).toBe(1)
      await checkScreen(page, 'instruments-refused-ar')
      await page.locator('[data-test="pack-answer-worker"]').click()
      await page.locator('[data-test="pack-step"]').waitFor()
      await page.locator('[data-test="pack-skip"]').click()
      await page.locator('[data-test="pack-option-3"]').check()
      await checkScreen(page, 'instruments-question-ar')
    },
  )
})
