/**
 * Issue #15 item 4, the worker's visit log in one browser: a worker's phone paired with a citizen
 * whose shared course has reached phase 3 logs a visit in each phase through its own screen; the
 * stage of each day is her copy's; the 4:2:1 chart and its table show time in all three phases
 * beside the guide set by phase 1's time. The log screen and the form pass axe in Danish and
 * Arabic and are saved as 360 px pictures in both; the form, and her screen with the log, the
 * chart and its table, pass axe in every language.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { asHlc } from '@/domain/clock'
import { openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'
import {
  checkInDaAndAr,
  herScreen,
  sharePackageFile,
  THREE_PHASES_BARS,
  THREE_PHASES_TABLE,
  WorkerModel,
} from './support/worker'
import { makePlan } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const KEY = '6c'.repeat(32)
// Her course: day 1 on 24 August 2026, phase 2 from 24 November, phase 3 from 24 February 2027;
// on 10 March 2027 she is in phase 3.
const plan = makePlan({ shared: true })
const TODAY = new Date('2027-03-10T12:00:00+01:00')

function packageFile() {
  return sharePackageFile({
    key: KEY,
    seq: 1,
    records: [plan],
    createdAt: asHlc('2027-03-09T10:00:00.000Z-0000-00000000000000b2'),
  })
}

function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  return checkInDaAndAr(page, `worker-visits-${name}`, problems, name)
}

const everyLocaleScreens: readonly ScreenStep[] = [
  herScreen('visit log, chart and table', '[data-test="worker-visit-table"]'),
  herScreen('visit form', '#worker-visit-minutes', '[data-test="worker-visit-add"]'),
]

describe("the worker's visit log", () => {
  it('logs visits in three phases and shows them on the 4:2:1 chart and its table', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const worker = new WorkerModel(page)
    const problems: string[] = []
    // A worker's phone, paired by short code, with her package holding her course.
    await worker.pairedOn(TODAY, KEY)
    await worker.receive(await packageFile())
    await page.locator('[data-test="worker-visit-empty"]').waitFor()

    // A date in the future and no minutes are said beside their fields; nothing is saved.
    await worker.openVisitForm()
    await page.locator('#worker-visit-date').fill('2027-03-11')
    await page.getByRole('button', { name: 'Gem besøget' }).click()
    await page.getByText('Datoen må ikke ligge i fremtiden').waitFor()
    expect(await page.locator('#worker-visit-minutes-error').textContent()).toBe('Skal udfyldes')
    await checkScreen(page, 'form-problems', problems)
    await worker.backTo()

    await worker.logVisit(
      { date: '2026-09-01', minutes: '240', mode: 'Hjemmebesøg', place: 'Herberget', stage: 'Fase 1' },
      () => checkScreen(page, 'form', problems),
    )
    await worker.logVisit({ date: '2026-12-01', minutes: '120', mode: 'Møde med netværket', stage: 'Fase 2' })
    await worker.logVisit({ date: '2027-03-01', minutes: '45', mode: 'Telefonsamtale', stage: 'Fase 3' })

    // The list, newest first: date · minutes · how.
    const items = worker.visits()
    expect(await items.count()).toBe(3)
    expect((await items.first().locator('.visit-log__line').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      '1. mar. 2027 · 45 min · Telefonsamtale',
    )
    // The chart: a bar of time used in each phase, beside the guide (phase 1's own, half, a quarter).
    expect(await worker.visitBars()).toEqual(THREE_PHASES_BARS)
    expect(await worker.visitTable()).toEqual(THREE_PHASES_TABLE)
    await checkScreen(page, 'citizen', problems)

    // The log stays over a reload behind the passphrase.
    await worker.reloadAndUnlock()
    await worker.openCitizen()
    await page.locator('[data-test="worker-visit-list"]').waitFor()
    expect(await items.count()).toBe(3)

    // Every language: her screen with the log, the chart and the table, and the visit form.
    problems.push(...(await problemsInEveryLocale(page, everyLocaleScreens)))
    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 300_000)
})
