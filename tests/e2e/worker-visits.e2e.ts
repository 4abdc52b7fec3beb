/**
 * Issue #15 item 4, the worker's visit log in one browser: a worker's phone paired with a citizen
 * whose shared course has reached phase 3 logs a visit in each phase through its own screen; the
 * stage of each day is her copy's; the 4:2:1 chart and its table show time in all three phases
 * beside the guide set by phase 1's time. The log screen and the form pass axe in Danish and
 * Arabic and are saved as 360 px pictures in both.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeSharePackage } from '@/data/sharing/package'
import { asHlc } from '@/domain/clock'
import { shortCodeOf } from '@/domain/pairing'
import { openSession, baseURL, type Session } from './support/browser'
import { axeViolations } from './support/home'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { mainOverflows } from './support/plan'
import { LockModel } from './support/lock'
import { makePlan } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '6c'.repeat(32)
const PASSPHRASE = 'blå hest på bakken'
// Her course: day 1 on 24 August 2026, phase 2 from 24 November, phase 3 from 24 February 2027;
// on 10 March 2027 she is in phase 3.
const plan = makePlan({ shared: true })
const TODAY = new Date('2027-03-10T12:00:00+01:00')

async function packageFile() {
  const bytes = await encodeSharePackage(
    { pairingId: PAIRING, seq: 1, createdAt: asHlc('2027-03-09T10:00:00.000Z-0000-00000000000000b2') },
    { records: [plan], tombstones: [] },
    KEY,
  )
  return { name: 'trin-1.trin', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) }
}

async function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  for (const code of ['da', 'ar']) {
    await switchLanguage(page, code)
    for (const violation of await axeViolations(page)) problems.push(`${code} ${name}: ${violation}`)
    if (await mainOverflows(page)) problems.push(`${code} ${name}: main overflows at 360 px`)
    await saveScreen(page, `worker-visits-${name}-${code}`, { fullPage: true })
  }
  await switchLanguage(page, 'da')
}

interface Visit {
  readonly date: string
  readonly minutes: string
  readonly mode: string
  readonly place?: string
  readonly stage: string
}

async function logVisit(page: Page, visit: Visit, problems: string[] | null = null): Promise<void> {
  await page.getByRole('link', { name: 'Skriv et besøg ind' }).click()
  await page.getByRole('heading', { level: 1, name: 'Nyt besøg' }).waitFor()
  await page.locator('#worker-visit-date').fill(visit.date)
  await page.locator('#worker-visit-minutes').fill(visit.minutes)
  await page.getByRole('radio', { name: visit.mode }).check()
  if (visit.place !== undefined) await page.locator('#worker-visit-place').fill(visit.place)
  // The stage of the day is her shared course's, said on the form.
  await page.locator('[data-test="worker-visit-stage"]').getByText(visit.stage).waitFor()
  if (problems) await checkScreen(page, 'form', problems)
  await page.getByRole('button', { name: 'Gem besøget' }).click()
  await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
}

/** The table's rows: stage, used, guide. */
async function tableRows(page: Page): Promise<string[][]> {
  return page.locator('[data-test="worker-visit-table"] tr[data-stage]').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) =>
        cell.textContent
          .replace(/\u00ad/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    ),
  )
}

describe("the worker's visit log", () => {
  it('logs visits in three phases and shows them on the 4:2:1 chart and its table', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await page.clock.setFixedTime(TODAY)

    // A worker's phone, paired by short code, with her package holding her course.
    await page.goto(baseURL)
    await page.getByRole('link', { name: /CTI-medarbejder/ }).click()
    await page.locator('#worker-lock-new').fill(PASSPHRASE)
    await page.locator('#worker-lock-repeat').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Lås og brug som medarbejder-telefon' }).click()
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor()
    await page.getByRole('link', { name: 'Par med en borger' }).click()
    await page.locator('#worker-pair-code-input').fill(shortCodeOf(KEY))
    await page.getByRole('button', { name: 'Brug koden' }).click()
    await page.locator('#worker-pair-label').fill('Sara')
    await page.getByRole('button', { name: 'Gem parringen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.getByRole('link', { name: 'Modtag en pakke' }).click()
    await page.locator('[data-test="worker-receive-file"]').setInputFiles(await packageFile())
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.locator('[data-test="worker-visit-empty"]').waitFor()

    // A date in the future and no minutes are said beside their fields; nothing is saved.
    await page.getByRole('link', { name: 'Skriv et besøg ind' }).click()
    await page.locator('#worker-visit-date').fill('2027-03-11')
    await page.getByRole('button', { name: 'Gem besøget' }).click()
    await page.getByText('Datoen må ikke ligge i fremtiden').waitFor()
    expect(await page.locator('#worker-visit-minutes-error').textContent()).toBe('Skal udfyldes')
    await checkScreen(page, 'form-problems', problems)
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()

    await logVisit(
      page,
      { date: '2026-09-01', minutes: '240', mode: 'Hjemmebesøg', place: 'Herberget', stage: 'Fase 1' },
      problems,
    )
    await logVisit(page, { date: '2026-12-01', minutes: '120', mode: 'Møde med netværket', stage: 'Fase 2' })
    await logVisit(page, { date: '2027-03-01', minutes: '45', mode: 'Telefonsamtale', stage: 'Fase 3' })

    // The list, newest first: date · minutes · how.
    const items = page.locator('[data-test="worker-visit-list"] > li')
    expect(await items.count()).toBe(3)
    expect((await items.first().locator('.visit-log__line').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      '1. mar. 2027 · 45 min · Telefonsamtale',
    )
    // The chart: a bar of time used in each phase, beside the guide (phase 1's own, half, a quarter).
    const bars = await page
      .locator('[data-test="worker-visit-drawing"] [data-bar]')
      .evaluateAll((groups) =>
        groups.map((g) => `${g.getAttribute('data-bar')}:${g.querySelector('rect') ? 'bar' : 'none'}`),
      )
    expect(bars.sort()).toEqual([
      '1-guide:bar',
      '1-used:bar',
      '2-guide:bar',
      '2-used:bar',
      '3-guide:bar',
      '3-used:bar',
    ])
    expect(await tableRows(page)).toEqual([
      ['Kontaktperiode', '0 min', ''],
      ['Fase 1', '4 t', '4 t'],
      ['Fase 2', '2 t', '2 t'],
      ['Fase 3 (i gang)', '45 min', '1 t'],
      ['I alt', '6 t 45 min', ''],
    ])
    await checkScreen(page, 'citizen', problems)

    // The log stays over a reload behind the passphrase.
    await page.reload()
    await new LockModel(page).unlock(PASSPHRASE)
    await page.locator('[data-test="worker-citizen-open"]').click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.locator('[data-test="worker-visit-list"]').waitFor()
    expect(await items.count()).toBe(3)

    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 300_000)
})
