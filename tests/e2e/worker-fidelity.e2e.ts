/**
 * Issue #15 item 5 in one browser: a worker's phone receives a citizen's package (made here with
 * the app's own encoder) whose course is in phase 2 with four focus areas marked for it and the
 * rating at the end of phase 1 overdue. Her screen shows "Huskeliste fra metoden" with both
 * reminders; "Skjul" hides the one about the focus areas, and it stays hidden after a reload.
 * The screen passes axe in every language and is saved as a 360 px picture in Danish and Arabic.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { ShareableRecord } from '@/domain/sharing'
import { openSession, type Session } from './support/browser'
import { phone, switchLanguage } from './support/layout'
import { problemsInEveryLocale } from './support/locales'
import { checkInDaAndAr, sharePackageFile, WorkerModel } from './support/worker'
import { day, makeFocusArea, makePlan, makeRating } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const KEY = '6c'.repeat(32)
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
    const worker = new WorkerModel(page)
    const problems: string[] = []
    // A worker's phone, paired with Sara by her short code, with her package received.
    await worker.pairedOn(TODAY, KEY)
    // Nothing shared yet: no reminder (nothing is guessed).
    expect(await page.locator('[data-test="worker-fidelity"]').count()).toBe(0)
    await worker.openReceive()
    await worker.receiveFile(await sharePackageFile({ key: KEY, seq: 1, records }))
    await page.getByRole('link', { name: 'Se det, Sara deler' }).click()

    // Her screen: the checklist, the rating first, then the focus areas.
    const card = page.getByRole('region', { name: 'Huskeliste fra metoden' })
    await card.waitFor()
    expect(await shownKeys(page)).toEqual(['rating', 'focusAreas'])
    expect(await card.textContent()).toContain('Sara deler 4 fokusområder i fase 2')
    expect(await card.textContent()).toContain(
      'Vurderingen ved slutningen af fase 1 har ventet siden 10. november 2026',
    )
    await checkInDaAndAr(page, 'worker-fidelity', problems, 'citizen with reminders')
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
    await worker.reloadAndUnlock()
    await worker.openCitizen()
    await card.waitFor()
    expect(await shownKeys(page)).toEqual(['rating'])
    await page.getByRole('button', { name: 'Skjul Vurdering' }).waitFor()

    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 240_000)
})
