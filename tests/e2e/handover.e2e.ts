/**
 * The handover plan at 360 px (issue #12 items 5 and 6): a goal with four open steps and a small
 * network (one contact private); owners given to three steps on the handover plan (two contacts,
 * a service); from one month before the course's last day, not a day earlier, Home asks who
 * takes over the rest; the last owner makes the card go; the day after the last day the ending
 * screen lists who takes over what, in the plan's order. The final network meeting goes into a
 * neutral calendar file. axe and screenshots in da and ar.
 */
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { findProperty, parseIcs } from '../../src/domain/ics'
import { openSession, type Session } from './support/browser'
import { PlanModel, mainOverflows, planAxeViolations, startCourse } from './support/plan'
import { saveScreen, switchLanguage } from './support/layout'
import { addContact, giveOwner, handoverLine, openHandover } from './support/network'

// Day 1 was 14 October 2026: the course's last day is 13 July 2027, so Home asks from 13 June.
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const MONTH_BEFORE_END = new Date('2027-06-13T12:00:00+02:00')
const COURSE = { transition: 'homelessness', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const
const GOAL = 'En bolig, jeg kan blive i'
const STEPS = ['Søge boligstøtte', 'Betale husleje', 'Købe en seng', 'Lære naboerne at kende'] as const
const LAST_DAY = new Date('2027-07-13T12:00:00+02:00')
const AFTER_END = new Date('2027-07-14T12:00:00+02:00')

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('the handover plan', () => {
  it(
    'owners for open steps, the nudge a month before the end, gone with the last owner, then the ending',
    { timeout: 240_000 },
    async () => {
      session = await openSession()
      const { page } = session
      await page.setViewportSize({ width: 360, height: 740 })
      await page.clock.setFixedTime(TODAY)
      await startCourse(page, COURSE)

      const plan = new PlanModel(page)
      await plan.makeGoals(['housing'], 'Bolig', [GOAL], STEPS)

      await plan.open()
      await page.locator('[data-test="plan-network"]').click()
      await addContact(page, { name: 'Mor', kind: 'family' })
      await addContact(page, { name: 'Lene', kind: 'professional' })
      await addContact(page, { name: 'Sanne', kind: 'friend', private: true })

      // Fillable from the start: reached from the plan, part of "My plan".
      await openHandover(page)
      expect(await page.locator('[data-nav="plan"]').getAttribute('aria-current')).toBe('page')
      expect(
        await page
          .locator('[data-test="handover-line"]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-subject'))),
      ).toEqual([GOAL, ...STEPS])
      // Never a private contact among those who may take over.
      await handoverLine(page, STEPS[0]).locator('[data-test="handover-line-open"]').click()
      await handoverLine(page, STEPS[0]).locator('[data-test="owner-contact"]').check()
      expect(
        await handoverLine(page, STEPS[0])
          .locator('select[data-test="owner-contact-choice"] option')
          .allTextContents(),
      ).toEqual(['Vælg en person', 'Lene', 'Mor'])
      await handoverLine(page, STEPS[0]).getByRole('button', { name: 'Luk uden at gemme' }).click()

      await giveOwner(page, STEPS[0], { contact: 'Mor' })
      await giveOwner(page, STEPS[1], { contact: 'Lene' })
      await giveOwner(page, STEPS[2], { service: '§85 bostøtte' })
      expect(
        await handoverLine(page, STEPS[1]).locator('[data-test="handover-line-owner"]').textContent(),
      ).toBe('Tager over: Lene')
      expect(
        await handoverLine(page, STEPS[2]).locator('[data-test="handover-line-owner"]').textContent(),
      ).toBe('Tager over: §85 bostøtte')

      // The final network meeting, into a neutral calendar file.
      await page.locator('#handover-longTerm').fill('Blive boende og holde fast i min hverdag')
      await page.locator('#handover-meetingDate').fill('2027-07-01')
      await page.locator('#handover-meetingTime').fill('14:00')
      await page.locator('[data-test="meeting-invite"]').first().check()
      await page.locator('#handover-agenda').fill('Hvem gør hvad, når forløbet slutter')
      await page.locator('[data-test="handover-plan-save"]').click()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-test="meeting-calendar-download"]').click(),
      ])
      expect(download.suggestedFilename()).toBe('aftale.ics')
      const ics = parseIcs(new Uint8Array(await readFile(await download.path())))
      const event = ics.events[0] ?? []
      expect(findProperty(event, 'SUMMARY')?.value).toBe('Aftale')
      expect(findProperty(event, 'DTSTART')?.value).toBe('20270701T140000')
      expect(findProperty(event, 'DESCRIPTION')).toBeUndefined()

      // Not yet: the nudge waits for the last month.
      await page.locator('[data-nav="start"]').click()
      await page.locator('#course-status-heading').waitFor()
      expect(await page.locator('[data-test="handover-nudge"]').count()).toBe(0)

      // The day before the last month: not yet either.
      await page.clock.setFixedTime(new Date('2027-06-12T12:00:00+02:00'))
      await page.reload()
      await page.locator('#course-status-heading').waitFor()
      expect(await page.locator('[data-test="handover-nudge"]').count()).toBe(0)

      // One month before the last day: Home asks, below "where am I".
      await page.clock.setFixedTime(MONTH_BEFORE_END)
      await page.reload()
      const nudge = page.locator('[data-test="handover-nudge"]')
      await nudge.waitFor()
      // The goal and its last step still have no one.
      expect(await nudge.locator('[data-test="handover-nudge-count"]').textContent()).toBe(
        '2 ting mangler stadig én, der tager over.',
      )
      expect(await nudge.locator('[data-test="handover-nudge-days"]').textContent()).toBe(
        '30 dage tilbage af forløbet.',
      )
      const status = await page.locator('#course-status-heading').boundingBox()
      const box = await nudge.boundingBox()
      expect(box?.y ?? 0).toBeGreaterThan(status?.y ?? Number.POSITIVE_INFINITY)
      await saveScreen(page, 'handover-home-da', { fullPage: true })

      await nudge.locator('[data-test="handover-nudge-go"]').click()
      await page.locator('[data-test="handover-unowned"]').waitFor()
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveScreen(page, 'handover-da', { fullPage: true })

      // The last owner: herself. The nudge goes.
      await giveOwner(page, STEPS[3], 'self')
      expect(await page.locator('[data-test="handover-unowned"]').textContent()).toBe(
        'Alt har én, der tager over.',
      )
      await page.locator('[data-nav="start"]').click()
      await page.locator('#course-status-heading').waitFor()
      expect(await nudge.count()).toBe(0)

      // In phase 3 the plan shows the handover first; Arabic: right to left, axe clean.
      await switchLanguage(page, 'ar')
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-handover-card"]').waitFor()
      // Phase 3 is the handover: its card comes first, before the areas and the network.
      const card = await page.locator('[data-test="plan-handover-card"]').boundingBox()
      const network = await page.locator('[data-test="plan-network"]').boundingBox()
      expect(card?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(network?.y ?? 0)
      await saveScreen(page, 'handover-plan-ar', { fullPage: true })
      await openHandover(page)
      await page.getByRole('heading', { level: 1, name: 'خطة التسليم' }).waitFor()
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      await handoverLine(page, STEPS[3]).locator('[data-test="handover-line-open"]').click()
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveScreen(page, 'handover-ar', { fullPage: true })

      // The last day: still the phase clock, no nudge. The day after: the ending, with who takes
      // over what, as the plan lists it.
      await switchLanguage(page, 'da')
      await page.clock.setFixedTime(LAST_DAY)
      await page.reload()
      await page.locator('#course-status-heading').waitFor()
      expect(await page.locator('[data-test="ending-screen"]').count()).toBe(0)
      expect(await nudge.count()).toBe(0)
      await page.clock.setFixedTime(AFTER_END)
      await page.reload()
      await page.locator('[data-test="ending-screen"]').waitFor()
      expect(await page.locator('[data-test="ending-when"]').textContent()).toBe(
        'Den sidste dag i forløbet var 13. juli 2027.',
      )
      expect(await nudge.count()).toBe(0)
      expect(await page.locator('[data-test="ending-handover"] li').allTextContents()).toEqual([
        `${STEPS[0]}Tager over: MorAftalt`,
        `${STEPS[1]}Tager over: LeneAftalt`,
        `${STEPS[2]}Tager over: §85 bostøtteAftalt`,
        `${STEPS[3]}Tager over: mig selvAftalt`,
      ])
      expect(await planAxeViolations(page)).toEqual([])
      expect(await mainOverflows(page)).toBe(false)
      await saveScreen(page, 'handover-ending-da', { fullPage: true })

      expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
      expect(session.errors).toEqual([])
    },
  )
})
