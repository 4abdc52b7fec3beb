/**
 * The support network at 360 px (issue #12 items 1 and 2): contacts of different kinds added
 * through the editor, one of them private; a call link dials the number as typed, made
 * dialable; the first call shows the notice about the phone's own logs; the private contact is
 * hidden until revealed; the screen passes axe, in Danish and in Arabic.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { mainOverflows, planAxeViolations, startCourse } from './support/plan'
import { switchLanguage } from './support/layout'
import { addContact } from './support/network'

const TODAY = new Date('2026-11-23T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

const names = (page: Page) => page.locator('[data-contact] .contact-card__name').allTextContents()

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('the support network', () => {
  it(
    'adds contacts of different kinds, calls with the right link, hides a private one until shown',
    { timeout: 180_000 },
    async () => {
      session = await openSession()
      const { page } = session
      await page.setViewportSize({ width: 360, height: 740 })
      await page.clock.setFixedTime(TODAY)
      await startCourse(page, COURSE)

      // The network is part of the plan.
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-network"]').click()
      await page.locator('[data-test="network-empty"]').waitFor()
      expect(await page.locator('[data-nav="plan"]').getAttribute('aria-current')).toBe('page')
      await addContact(page, { name: 'Mor', kind: 'family', phone: '+45 20 30 40 50', closeness: 'close' })
      await addContact(page, {
        name: 'Lene',
        kind: 'professional',
        phone: '70 12 34 56',
        email: 'lene@kommune.dk',
      })
      await addContact(page, { name: 'Joan', kind: 'civilSociety', closeness: 'distant' })
      await addContact(page, { name: 'Sanne', kind: 'friend', phone: '11 22 33 44', private: true })

      // Grouped by kind in the map's order; the private contact is not on the screen at all.
      expect(await page.locator('section[data-test^="network-group-"] h2').allTextContents()).toEqual([
        'Familie',
        'Foreninger og frivillige',
        'Fagfolk',
      ])
      expect(await names(page)).toEqual(['Mor', 'Joan', 'Lene'])
      expect(await page.locator('main').textContent()).not.toContain('Sanne')

      // One tap to call: the number made dialable. The first tap says where calls show.
      const mor = page.locator('[data-contact]', { hasText: 'Mor' })
      expect(await mor.locator('[data-test="contact-call"]').getAttribute('href')).toBe('tel:+4520304050')
      expect(await mor.locator('[data-test="contact-sms"]').getAttribute('href')).toBe('sms:+4520304050')
      const lene = page.locator('[data-contact]', { hasText: 'Lene' })
      expect(await lene.locator('[data-test="contact-mail"]').getAttribute('href')).toBe(
        'mailto:lene@kommune.dk',
      )
      await mor.locator('[data-test="contact-call"]').click()
      const notice = page.locator('[data-test="call-notice"]')
      await notice.waitFor()
      expect(await notice.textContent()).toContain('opkaldsliste')
      expect(await notice.locator('[data-test="call-notice-go"]').getAttribute('href')).toBe(
        'tel:+4520304050',
      )

      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)

      // Shown on request, hidden again.
      const reveal = page.locator('[data-test="network-reveal-private"]')
      await reveal.click()
      expect(await names(page)).toEqual(['Mor', 'Sanne', 'Joan', 'Lene'])
      expect(await reveal.getAttribute('aria-pressed')).toBe('true')
      await reveal.click()
      expect(await names(page)).toEqual(['Mor', 'Joan', 'Lene'])

      // The editor passes axe too.
      await page.locator('[data-contact] .contact-card__name a', { hasText: 'Lene' }).click()
      await page.locator('#contact-name').waitFor()
      expect(await planAxeViolations(page)).toEqual([])

      // Arabic: right to left, the same screen, axe clean.
      await switchLanguage(page, 'ar')
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-network"]').click()
      await page.getByRole('heading', { level: 1, name: 'شبكتي' }).waitFor()
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      expect(await page.locator('section[data-test^="network-group-"] h2').first().textContent()).toBe(
        'العائلة',
      )
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)

      expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
      expect(session.errors).toEqual([])
    },
  )
})
