/**
 * The end of the course at 360 px (issue #12 items 6 and 7): on the day after the last day Home
 * shows the calm ending screen instead of the phase clock (handover.e2e.ts reaches it with the
 * handover lines she made); she can end the course early from the course settings and open it
 * again; the handover summary holds what she ticks, prints as a PDF
 * and saves as a file, and never holds a private contact or the person she is kept safe from.
 * axe on the ending and summary screens in Danish and Arabic; screenshots for review.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { mainOverflows, planAxeViolations, PlanModel, startCourse } from './support/plan'
import { saveScreen, switchLanguage } from './support/layout'
import { addContact } from './support/network'

// Day 1 on 14 October 2026: the last day is 13 July 2027, so the course has ended on the 14th.
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const AFTER_END = new Date('2027-07-14T12:00:00+02:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

async function opened(): Promise<Session> {
  const started = await openSession()
  await started.page.setViewportSize({ width: 360, height: 740 })
  await started.page.clock.setFixedTime(TODAY)
  await startCourse(started.page, COURSE)
  return started
}

async function goHome(page: Page): Promise<void> {
  await page.locator('[data-nav="start"]').click()
}

function noProblems(current: Session): void {
  expect(current.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
  expect(current.errors).toEqual([])
}

describe('the end of the course', () => {
  it(
    'shows the calm ending screen on the day after the last day, in Danish and Arabic',
    { timeout: 180_000 },
    async () => {
      session = await opened()
      const { page } = session
      const plan = new PlanModel(page)
      await plan.makeGoals(['housing'], 'Bolig', ['Min egen lejlighed'], ['Søg boligstøtte', 'Køb en seng'])
      await plan.markStepDone(0)

      // The last day: still the phase clock.
      await page.clock.setFixedTime(new Date('2027-07-13T12:00:00+02:00'))
      await page.reload()
      await page.locator('#course-status-heading').waitFor()
      expect(await page.locator('[data-test="ending-screen"]').count()).toBe(0)

      // The day after: the ending screen, no countdown.
      await page.clock.setFixedTime(AFTER_END)
      await page.reload()
      const ending = page.locator('[data-test="ending-screen"]')
      await ending.waitFor()
      expect(await ending.textContent()).toContain('Forløbet er slut – planen er stadig din')
      expect(await page.locator('[data-test="ending-when"]').textContent()).toBe(
        'Den sidste dag i forløbet var 13. juli 2027.',
      )
      expect(await page.locator('#course-status-heading').count()).toBe(0)
      expect(await page.locator('[data-test="days-left-course"]').count()).toBe(0)
      expect(await page.locator('[data-test="ending-counts"]').textContent()).toContain(
        'Skridt gjort: 1 af 2',
      )
      expect(await page.locator('[data-test="ending-goals"]').textContent()).toContain('Min egen lejlighed')
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveScreen(page, 'ending-da-360', { fullPage: true })

      // The plan still works after the end.
      await plan.open()
      await saveScreen(page, 'ending-plan-after-da-360', { fullPage: true })
      await page.locator('[data-nav="activities"]').click()
      await page.getByRole('heading', { level: 1 }).waitFor()

      await switchLanguage(page, 'ar')
      await goHome(page)
      await ending.waitFor()
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      expect(await ending.textContent()).toContain('انتهت الدورة – وتبقى الخطة لكِ')
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveScreen(page, 'ending-ar-360', { fullPage: true })
      noProblems(session)
    },
  )

  it(
    'ends the course early from the course settings, after a confirmation, and opens it again',
    { timeout: 180_000 },
    async () => {
      session = await opened()
      const { page } = session
      await page.locator('[data-test="course-link"]').click()
      await page.locator('[data-test="course-end-start"]').click()
      // Nothing happens before she confirms.
      await page.locator('#course-end-confirm').waitFor()
      expect(await planAxeViolations(page)).toEqual([])
      await page.locator('#course-end-confirm').scrollIntoViewIfNeeded()
      await saveScreen(page, 'course-end-confirm-da-360')
      await page.locator('[data-test="course-end-confirm"]').click()
      await page.locator('[data-test="course-reopen"]').waitFor()
      expect(await page.locator('[data-test="course-ended-on"]').textContent()).toBe(
        'Du afsluttede forløbet 23. november 2026.',
      )
      // An ended course is not paused.
      expect(await page.locator('#pause-start').count()).toBe(0)

      await goHome(page)
      await page.locator('[data-test="ending-screen"]').waitFor()
      expect(await page.locator('[data-test="ending-when"]').textContent()).toBe(
        'Du afsluttede forløbet 23. november 2026.',
      )
      // It stays ended the next day, after a reload.
      await page.clock.setFixedTime(new Date('2026-11-24T12:00:00+01:00'))
      await page.reload()
      await page.locator('[data-test="ending-screen"]').waitFor()

      await page.locator('[data-test="course-link"]').click()
      await page.locator('[data-test="course-reopen"]').click()
      await page.locator('[data-test="course-end-start"]').waitFor()
      await goHome(page)
      await page.locator('#course-status-heading').waitFor()
      expect(await page.locator('[data-test="ending-screen"]').count()).toBe(0)
      noProblems(session)
    },
  )

  it(
    'prints and saves the handover summary with what she ticked and never a private or kept-safe-from person',
    { timeout: 240_000 },
    async () => {
      session = await opened()
      const { page } = session
      const plan = new PlanModel(page)
      await plan.makeGoals(['housing'], 'Bolig', ['Min egen lejlighed', 'Et job jeg kan lide'])

      // The network: Lene (shown), Sanne (private); Jens only in her safety notes, and Jens typed
      // as a contact as well by mistake.
      await plan.open()
      await page.locator('[data-test="plan-network"]').click()
      await addContact(page, { name: 'Lene', kind: 'professional' })
      await addContact(page, { name: 'Sanne', kind: 'friend', private: true })
      await addContact(page, { name: 'Jens', kind: 'other' })
      await page.locator('[data-test="safety-notes-toggle"]').click()
      await page.locator('[data-test="kept-safe-from-name"]').fill('Jens')
      await page.locator('[data-test="kept-safe-from-add"]').click()
      await page.getByText('Jens', { exact: true }).first().waitFor()

      // From the plan page to the summary.
      await plan.open()
      await page.locator('[data-test="plan-summary"]').click()
      await page.locator('[data-test="summary-choices"]').waitFor()
      const offered = await page.locator('[data-test="summary-choices"]').textContent()
      expect(offered).toContain('Lene')
      expect(offered).not.toContain('Sanne')
      expect(offered).not.toContain('Jens')
      // Her goals are ticked; she unticks one and ticks Lene.
      await page.locator('[data-test="summary-goal"]').nth(1).uncheck()
      await page.locator('[data-test="summary-contact"]').first().check()
      const preview = page.locator('[data-test="summary-document"]')
      await preview.getByText('Lene').waitFor()
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveScreen(page, 'summary-da-360', { fullPage: true })

      // Printed: only the summary, none of the app around it.
      await page.emulateMedia({ media: 'print' })
      const printed = await page.evaluate(() => document.body.innerText)
      expect(printed).toContain('Min egen lejlighed')
      expect(printed).toContain('Lene')
      expect(printed).not.toContain('Et job jeg kan lide')
      for (const hidden of ['Sanne', 'Jens', 'Hjælp nu', 'Udskriv', 'Gem som fil'])
        expect(printed).not.toContain(hidden)
      for (const chrome of ['[data-test="app-header"]', '[data-test="quick-exit"]', 'nav.app-nav'])
        expect(await page.locator(chrome).isVisible()).toBe(false)
      const pdf = await page.pdf({ format: 'A4' })
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(pdf.length).toBeGreaterThan(1000)
      await saveScreen(page, 'summary-print-da-360', { fullPage: true })
      await page.emulateMedia({ media: 'screen' })

      // Saved as a file: neutral name, no script, the same content.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-test="summary-save"]').click(),
      ])
      expect(download.suggestedFilename()).toBe('text-2026-11-23.html')
      const path = await download.path()
      const html = readFileSync(path, 'utf8')
      expect(html).toContain('<html lang="da" dir="ltr">')
      expect(html).toContain('Min egen lejlighed')
      expect(html).toContain('Lene')
      for (const absent of ['<script', 'Sanne', 'Jens', 'Et job jeg kan lide', 'data-test', 'href'])
        expect(html).not.toContain(absent)

      // Arabic: right to left, axe clean, printed in Arabic.
      await switchLanguage(page, 'ar')
      await page.getByRole('heading', { level: 1, name: 'ملخص لشخص دعم جديد' }).waitFor()
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveScreen(page, 'summary-ar-360', { fullPage: true })
      await page.emulateMedia({ media: 'print' })
      const printedAr = await page.evaluate(() => document.body.innerText)
      expect(printedAr).toContain('ملخص من خطتي')
      expect(printedAr).not.toContain('Sanne')
      await saveScreen(page, 'summary-print-ar-360', { fullPage: true })
      expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(1000)
      await page.emulateMedia({ media: 'screen' })

      // From the ending screen too, once the course has ended.
      await page.clock.setFixedTime(AFTER_END)
      await page.reload()
      await page.locator('[data-test="ending-summary"]').click()
      await page.locator('[data-test="summary-choices"]').waitFor()
      noProblems(session)
    },
  )
})
