/**
 * The network grows (issue #12 items 1–3) at 360 px: six contacts of different kinds, one
 * private and one who is someone she must be kept safe from (named in her safety notes); the
 * map shows four and never those two; after the course passes into phase 2 a closeness changes,
 * and "then and now" says who moved closer since the phase began and who came since day 1.
 * axe in Danish and Arabic; screenshots of both at 360 px.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { mainOverflows, planAxeViolations, startCourse } from './support/plan'
import { saveScreen, switchLanguage } from './support/layout'
import { addContact, openNetwork } from './support/network'

const IN_PHASE_1 = new Date('2026-11-23T12:00:00+01:00')
const IN_PHASE_2 = new Date('2027-01-20T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

const thenNow = (page: Page) => page.locator('[data-test="network-then-now"]')
const changed = (page: Page, kind: string) =>
  thenNow(page).locator(`[data-change="${kind}"] li`).allTextContents()

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('the network then and now', () => {
  it(
    'maps six contacts without the private and kept-safe-from ones, and shows the change phase by phase',
    { timeout: 240_000 },
    async () => {
      session = await openSession()
      const { page } = session
      await page.setViewportSize({ width: 360, height: 740 })
      await page.clock.setFixedTime(IN_PHASE_1)
      await startCourse(page, COURSE)
      await openNetwork(page)

      // Her safety notes first: the ex she must be kept safe from.
      await page.locator('[data-test="safety-notes-toggle"]').click()
      await page.locator('[data-test="kept-safe-from-name"]').fill('Jonas')
      await page.locator('[data-test="kept-safe-from-add"]').click()

      await addContact(page, { name: 'Mor', kind: 'family', closeness: 'distant' })
      await addContact(page, { name: 'Ali', kind: 'friend', closeness: 'some' })
      await addContact(page, { name: 'Lene', kind: 'professional', closeness: 'close' })
      await addContact(page, { name: 'Joan', kind: 'civilSociety', closeness: 'some' })
      await addContact(page, { name: 'Sanne', kind: 'neighbour', closeness: 'close', private: true })
      // Typed in as a contact too: held back all the same, as in her safety notes.
      await addContact(page, { name: 'Jonas', kind: 'other', closeness: 'close' })

      // The map (as its list) holds the four who may be shown, never Sanne or Jonas.
      await thenNow(page).locator('[data-choice="list"]').click()
      const listed = await thenNow(page).locator('[data-test="network-map-list"] li li').allTextContents()
      expect(listed.map((name) => name.trim()).sort()).toEqual(['Ali', 'Joan', 'Lene', 'Mor'])
      expect(await thenNow(page).textContent()).not.toMatch(/Sanne|Jonas/)
      // Phase 1 began on day 1, before anyone was added: all four came since.
      expect(await thenNow(page).getAttribute('data-phase')).toBe('1')
      expect((await changed(page, 'came')).map((name) => name.trim()).sort()).toEqual([
        'Ali',
        'Joan',
        'Lene',
        'Mor',
      ])

      // Into phase 2 (day 1 + three months = 14 January), then Mor comes closer.
      await page.clock.setFixedTime(IN_PHASE_2)
      await page.reload()
      await openNetwork(page)
      await page.locator('[data-contact] .contact-card__name a', { hasText: 'Mor' }).click()
      await page.locator('[data-test="closeness-close"]').check()
      await page.locator('[data-test="contact-save"]').click()
      await page.locator('.plan-saved', { hasText: 'Gemt' }).waitFor()
      await openNetwork(page)

      // Then and now since phase 2 began: Mor closer, nobody new.
      expect(await thenNow(page).getAttribute('data-phase')).toBe('2')
      expect(await thenNow(page).textContent()).toContain('Starten af fase 2 (14. januar 2027)')
      expect(await changed(page, 'closer')).toEqual([expect.stringContaining('Mor')])
      expect(await changed(page, 'closer')).toEqual([expect.stringContaining('Lidt kontakt → Tæt på')])
      expect(await changed(page, 'came')).toEqual([])
      // "Then" on the map: Mor still in the outer ring.
      await thenNow(page).locator('[data-choice="then"]').click()
      await thenNow(page).locator('[data-choice="list"]').click()
      const outer = thenNow(page).locator('[data-ring="distant"] li li')
      expect((await outer.allTextContents()).map((name) => name.trim())).toEqual(['Mor'])
      // Phase 1 compared: everyone came since day 1.
      await page.locator('[data-test="then-now-phase-1"]').check()
      await page.locator('[data-test="network-then-now"][data-phase="1"]').waitFor()
      expect(await changed(page, 'came')).toHaveLength(4)
      expect(await thenNow(page).textContent()).not.toMatch(/Sanne|Jonas/)

      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await page.locator('[data-test="then-now-phase-2"]').check()
      await thenNow(page).locator('[data-choice="map"]').click()
      await thenNow(page).locator('[data-choice="now"]').click()
      await thenNow(page).scrollIntoViewIfNeeded()
      await saveScreen(page, 'da-network-then-now')

      // The contact editor passes axe, with its choice group.
      await page.locator('[data-contact] .contact-card__name a', { hasText: 'Lene' }).click()
      await page.locator('#contact-name').waitFor()
      expect(await planAxeViolations(page)).toEqual([])
      await saveScreen(page, 'da-network-contact', { fullPage: true })

      // Arabic: right to left, axe clean, the same people.
      await switchLanguage(page, 'ar')
      await openNetwork(page)
      await thenNow(page).waitFor()
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      expect(await thenNow(page).textContent()).not.toMatch(/Sanne|Jonas/)
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await thenNow(page).scrollIntoViewIfNeeded()
      await saveScreen(page, 'ar-network-then-now')

      expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
      expect(session.errors).toEqual([])
    },
  )
})
