/**
 * Issue #12 in every language: the network (its list and its map, drawn and as a list), a
 * contact, help now, the handover plan (a line's form open), the ending screen and the summary
 * pass axe (WCAG 2.2 AA) and reflow at 360 px in all 11 languages, right to left included. One
 * browser: a realistic plan is made once through the screens — contacts of several kinds (one
 * private, one a crisis contact), handover lines to a contact, a service and herself, a support
 * need — the clock is moved past the course's last day, then each language walks the screens.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import { handoverLine, makeHandoverPlan, openHandover, openNetwork, STEPS } from './support/network'
import { startCourse } from './support/plan'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'

// Day 1 on 14 October 2026: the last day is 13 July 2027, so the course has ended on the 14th.
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const AFTER_END = new Date('2027-07-20T12:00:00+02:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** The screens of issue #12, reached as she would reach them. */
const screens: readonly ScreenStep[] = [
  {
    name: 'ending',
    open: async (page) => {
      await page.locator('[data-nav="start"]').click()
      await page.locator('[data-test="ending-screen"]').waitFor()
      await page.locator('[data-test="ending-handover"]').waitFor()
    },
  },
  {
    name: 'network (list and map)',
    open: async (page) => {
      await openNetwork(page)
      await page.locator('[data-test="network-then-now"]').waitFor()
    },
  },
  {
    name: 'network map as a list',
    open: async (page) => {
      await page.locator('[data-test="network-then-now"] [data-choice="list"]').click()
      await page.locator('[data-test="network-map-list"]').waitFor()
    },
  },
  {
    name: 'a contact',
    open: async (page) => {
      await page.locator('[data-contact] .contact-card__name a', { hasText: 'Mor' }).click()
      await page.locator('#contact-name').waitFor()
    },
  },
  {
    name: 'help now',
    open: async (page) => {
      await page.locator('[data-test="help-now-button"]').click()
      await page.locator('[data-test="help-now"]').waitFor()
    },
  },
  {
    name: 'handover plan',
    open: async (page) => {
      await page.locator('[data-test="help-now-button"]').click()
      await page.locator('[data-test="help-now"]').waitFor({ state: 'detached' })
      await openHandover(page)
      // A line's form open: its choice group and fields are checked too.
      await handoverLine(page, STEPS[1]).locator('[data-test="handover-line-open"]').click()
      await handoverLine(page, STEPS[1]).locator('[data-test="handover-line-form"]').waitFor()
    },
  },
  {
    name: 'summary',
    open: async (page) => {
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-summary"]').click()
      await page.locator('[data-test="summary-contact"]').first().check()
      await page.locator('[data-test="summary-document"]').waitFor()
    },
  },
]

describe('issue #12 screens in every language', () => {
  it(
    'the network, its map, a contact, help now, the handover plan, the ending and the summary pass axe in all 11 languages',
    { timeout: 900_000 },
    async () => {
      session = await openSession({ viewport: phone })
      const { page } = session
      await page.clock.setFixedTime(TODAY)
      await startCourse(page, COURSE)
      await makeHandoverPlan(page)
      await page.clock.setFixedTime(AFTER_END)
      await page.reload()
      await page.locator('[data-test="ending-screen"]').waitFor()

      expect(await problemsInEveryLocale(page, screens)).toEqual([])
      expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
      expect(session.errors).toEqual([])
    },
  )
})
