/**
 * Issue #15 item 5 in one browser: a worker's phone receives a citizen's package (made here with
 * the app's own encoder) whose course is in phase 2 with four focus areas marked for it and the
 * rating at the end of phase 1 overdue. Her screen shows "Huskeliste fra metoden" with both
 * reminders; "Skjul" hides the one about the focus areas, and it stays hidden after a reload.
 * The screen passes axe in every language and is saved as a 360 px picture in Danish and Arabic.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeSharePackage } from '@/data/sharing/package'
import { shortCodeOf } from '@/domain/pairing'
import { asHlc } from '@/domain/clock'
import type { ShareableRecord } from '@/domain/sharing'
import { openSession, baseURL, type Session } from './support/browser'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { mainOverflows, planAxeViolations } from './support/plan'
import { LockModel } from './support/lock'
import { problemsInEveryLocale } from './support/locales'
import { day, makeFocusArea, makePlan, makeRating } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '6c'.repeat(32)
const PASSPHRASE = 'blå hest på bakken'
// Day 1 on 24 August 2026: on 7 December she is in phase 2, and the rating at the end of phase 1
// has been open since 10 November (her contact-period rating is shared, that one is not).
const TODAY = new Date('2026-12-07T12:00:00+01:00')
const records: ShareableRecord[] = [
  makePlan({ shared: true }),
  makeRating({ shared: true, stage: 'contact', date: day('2026-08-10') }),
  makeFocusArea({ shared: true, catalogKey: 'housing', order: 0 }),
  makeFocusArea({ shared: true, catalogKey: 'economy', icon: 'coins', order: 1 }),
  makeFocusArea({ shared: true, catalogKey: 'network', icon: 'people', order: 2 }),
  makeFocusArea({ shared: true, catalogKey: 'physicalHealth', icon: 'heart', order: 3 }),
]

async function packageFile() {
  const bytes = await encodeSharePackage(
    { pairingId: PAIRING, seq: 1, createdAt: asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2') },
    { records, tombstones: [] },
    KEY,
  )
  return { name: 'trin-1.trin', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) }
}

/** The keys of the reminders shown. */
function shownKeys(page: Page): Promise<(string | null)[]> {
  return page
    .locator('[data-test="fidelity-reminder"]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-key')))
}

describe('fidelity reminders on the worker’s phone', () => {
  it('shows the method’s reminders about her course; Skjul hides one for good', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await page.clock.setFixedTime(TODAY)

    // A worker's phone, paired with Sara by her short code, with her package received.
    await page.goto(baseURL)
    await page.getByRole('link', { name: /CTI-medarbejder/ }).click()
    await page.locator('#worker-lock-new').fill(PASSPHRASE)
    await page.locator('#worker-lock-repeat').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Lås og brug som medarbejder-telefon' }).click()
    await page.getByRole('link', { name: 'Par med en borger' }).click()
    await page.locator('#worker-pair-code-input').fill(shortCodeOf(KEY))
    await page.getByRole('button', { name: 'Brug koden' }).click()
    await page.locator('#worker-pair-label').fill('Sara')
    await page.getByRole('button', { name: 'Gem parringen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    // Nothing shared yet: no reminder (nothing is guessed).
    expect(await page.locator('[data-test="worker-fidelity"]').count()).toBe(0)
    await page.getByRole('link', { name: 'Modtag en pakke' }).click()
    await page.locator('[data-test="worker-receive-file"]').setInputFiles(await packageFile())
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    await page.getByRole('link', { name: 'Se det, Sara deler' }).click()

    // Her screen: the checklist, the rating first, then the focus areas.
    const card = page.getByRole('region', { name: 'Huskeliste fra metoden' })
    await card.waitFor()
    expect(await shownKeys(page)).toEqual(['rating', 'focusAreas'])
    expect(await card.textContent()).toContain('Sara deler 4 fokusområder i fase 2')
    expect(await card.textContent()).toContain(
      'Vurderingen ved slutningen af fase 1 har ventet siden 10. november 2026',
    )
    for (const code of ['da', 'ar']) {
      await switchLanguage(page, code)
      for (const violation of await planAxeViolations(page)) problems.push(`${code}: ${violation}`)
      if (await mainOverflows(page)) problems.push(`${code}: main overflows at 360 px`)
      await saveScreen(page, `worker-fidelity-${code}`, { fullPage: true })
    }
    // Every language: axe and the 360 px reflow with the checklist on screen.
    const everyLocale = await problemsInEveryLocale(page, [
      {
        name: 'citizen with reminders',
        open: async (p) => {
          await p.locator('[data-test="fidelity-reminder"]').first().waitFor()
        },
      },
    ])
    problems.push(...everyLocale)
    await switchLanguage(page, 'da')

    // Skjul, named by what it hides; the button is at least 44 px high.
    const hide = page.getByRole('button', { name: 'Skjul Fokusområder' })
    const box = await hide.boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    await hide.click()
    await page.getByText('Skjult. Det kommer igen, hvis noget ændrer sig.').waitFor()
    expect(await shownKeys(page)).toEqual(['rating'])
    expect(await page.evaluate(() => document.activeElement?.textContent.trim())).toBe('Skjul')

    // After a reload (the phone locks): still hidden, the rating still there.
    await page.reload()
    await new LockModel(page).unlock(PASSPHRASE)
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor()
    await page.locator('[data-test="worker-citizen-open"]').click()
    await card.waitFor()
    expect(await shownKeys(page)).toEqual(['rating'])
    await page.getByRole('button', { name: 'Skjul Vurdering' }).waitFor()

    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 240_000)
})
