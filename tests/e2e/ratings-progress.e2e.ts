/**
 * The progress screen at 360 px (issue #13, item 3): the star and a line per dimension, with
 * their tables, in Danish and Arabic. The ratings are seeded through the app's own restore — a
 * real backup of a shelter course, with rating records added to it in the test (quicker than
 * three ratings through the flow, which ratings-flow tests cover) — so nothing in the app exists
 * for the test's sake; she reaches the screen from My plan → ratings. Switching the
 * comparison, a "something to talk about" mark, the table behind "Vis som tabel", axe,
 * reflow, and screenshots of the star and the lines for review.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { OnboardingModel } from './support/onboarding'
import { mainOverflows, planAxeViolations } from './support/plan'
import { saveScreen, switchLanguage } from './support/layout'
import { BackupModel, backupWithRecords } from './support/safety'
import {
  citizenNow,
  citizenStart,
  lifeAreaValues,
  workerStart,
  type FixtureAnswer,
} from '../fixtures/ratingAnswers'

const PASSPHRASE = 'tre kopper kaffe i køkkenet'
const TODAY = new Date('2026-12-22T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** A backup of a fresh shelter course, with three life-area ratings added. */
async function seededBackup(): Promise<{ name: string; bytes: Uint8Array }> {
  const maker = await openSession()
  try {
    await maker.page.setViewportSize({ width: 360, height: 740 })
    await maker.page.clock.setFixedTime(TODAY)
    const onboarding = new OnboardingModel(maker.page)
    await onboarding.open()
    await onboarding.complete(COURSE)
    const backup = new BackupModel(maker.page)
    await backup.open()
    const made = await backup.createWithPassphrase(PASSPHRASE)
    const bytes = await backupWithRecords(made.bytes, PASSPHRASE, (records) => {
      const plan = records.find((record) => record['kind'] === 'plan')
      if (plan === undefined) throw new Error('the backup holds no plan')
      const rating = (
        respondent: string,
        stage: string,
        date: string,
        answers: Record<string, FixtureAnswer>,
      ) => ({
        id: randomUUID(),
        createdAt: plan['createdAt'],
        updatedAt: plan['updatedAt'],
        author: plan['author'],
        deleted: false,
        shared: false,
        kind: 'rating',
        respondent,
        stage,
        date,
        content: { type: 'lifeAreas', values: lifeAreaValues(answers) },
      })
      return [
        rating('citizen', 'contact', '2026-09-25', citizenStart),
        rating('worker', 'contact', '2026-09-25', workerStart),
        rating('citizen', 'phase1', '2026-12-20', citizenNow),
      ]
    })
    return { name: made.name, bytes }
  } finally {
    await maker.close()
  }
}

/** Restores the backup on a fresh install, as she would on a new phone. */
async function restored(file: { name: string; bytes: Uint8Array }): Promise<Session> {
  const started = await openSession()
  const { page } = started
  await page.setViewportSize({ width: 360, height: 740 })
  await page.clock.setFixedTime(TODAY)
  await new OnboardingModel(page).open()
  await page.locator('[data-test="onboarding-restore"]').click()
  const backup = new BackupModel(page)
  await backup.chooseFile(file.name, file.bytes)
  await page.locator('[data-test="backup-file-info"]').waitFor()
  await page.locator('#lock-choice-passphrase').check()
  await page.locator('#restore-lock-new').fill(PASSPHRASE)
  await page.locator('#restore-lock-repeat').fill(PASSPHRASE)
  await backup.restore(PASSPHRASE)
  await page.locator('[data-test="restore-done"]').waitFor()
  await page.locator('[data-test="backup-go-home"]').click()
  await page.locator('[data-test="course-link"]').waitFor()
  return started
}

/** Opens the progress screen as she would: My plan → ratings → "see how it has gone". */
async function openProgress(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="plan-ratings"]').click()
  await page.locator('[data-test="ratings-progress-link"]').click()
  await page.locator('[data-test="rating-radar-drawing"]').waitFor()
}

/** Screenshots of the star's card and of the lines, for review. */
async function saveCharts(page: Page, locale: string): Promise<void> {
  await saveScreen(page, `ratings-progress-${locale}-360`, { fullPage: true })
  // As tall as the page, so the sticky header and navigation are not painted over the charts.
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: 360, height })
  await page
    .locator('[data-test="rating-radar"]')
    .screenshot({ path: `test-results/screens/ratings-star-${locale}-360.png` })
  await page
    .locator('.rating-lines__chart')
    .first()
    .screenshot({ path: `test-results/screens/ratings-line-${locale}-360.png` })
  await page.setViewportSize({ width: 360, height: 740 })
}

function noProblems(current: Session): void {
  expect(current.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
  expect(current.errors).toEqual([])
}

describe('the progress screen', () => {
  it(
    'compares start and now, then her and her worker with something to talk about; tables; Danish and Arabic',
    { timeout: 300_000 },
    async () => {
      const file = await seededBackup()
      session = await restored(file)
      const { page } = session
      await openProgress(page)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sådan har det udviklet sig')
      // Start and now by default: her two ratings, no talk-about mark (no second person).
      expect(await page.locator('#rating-compare-startNow').isChecked()).toBe(true)
      expect(await page.locator('[data-talk]').count()).toBe(0)
      expect(await page.locator('[data-series="a"] path[data-key]').count()).toBe(8)
      expect(await page.locator('[data-series="b"] path[data-key]').count()).toBe(8)

      // You and your worker: safety (3 and 7) and housing (2 and 6) are something to talk about.
      await page.locator('#rating-compare-citizenWorker').check()
      await page.locator('[data-talk="safety"]').waitFor()
      expect(
        await page
          .locator('[data-talk]')
          .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-talk'))),
      ).toEqual(['safety', 'housing'])
      expect(await page.locator('[data-test="talk-about-help"]').textContent()).toContain(
        'ingen af jer tager fejl',
      )

      // The table: behind "Vis som tabel", the same numbers, skipped in words.
      const table = page.locator('[data-test="rating-radar-table"]')
      await table.locator('summary').click()
      const safety = table.locator('tbody tr[data-key="safety"]')
      await safety.waitFor()
      expect(await safety.locator('td').allTextContents()).toEqual(['3', '7'])
      expect(await safety.locator('[data-test="talk-about"]').textContent()).toContain('Noget at tale om')
      expect(await table.locator('tbody tr[data-key="economy"] td').allTextContents()).toEqual([
        'sprunget over',
        '4',
      ])
      expect(await table.locator('tbody tr[data-key="children"] td').allTextContents()).toEqual([
        'passer ikke',
        'passer ikke',
      ])

      // A line chart's table.
      const lineTable = page.locator('[data-test="rating-line-table-safety"]')
      await lineTable.locator('summary').click()
      expect(await lineTable.locator('tbody tr').count()).toBe(2)

      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveCharts(page, 'da')

      await switchLanguage(page, 'ar')
      await page.locator('[data-test="rating-radar-drawing"]').waitFor()
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveCharts(page, 'ar')
      noProblems(session)
    },
  )
})
