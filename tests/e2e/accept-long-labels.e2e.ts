/**
 * Issue #10, item 10, at 360 px: the menu and the header hold in a long language (Kalaallisut)
 * and in easy read — no label clipped or run into the next ("AktiviteterIndstillinger",
 * "Aaqqissuussin…"), quick exit on the language's row, not pushed to a second one; Kalaallisut
 * dates are never English where `Intl` lacks the language; an Urdu phone number is one line.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { navLabelProblems, phone, switchLanguage, turnOnEasyRead } from './support/layout'
import { daysAgo } from './support/onboarding'
import { startCourse } from './support/plan'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** The four menu entries must all be there, or the label checks below check nothing. */
async function menuProblems(page: Page, where: string): Promise<string[]> {
  const labels = await page.locator('nav.app-nav .app-nav__label').count()
  if (labels !== 4) return [`${where}: ${labels} menu labels, not 4`]
  return (await navLabelProblems(page)).map((problem) => `${where}: ${problem}`)
}

/** Quick exit shares a row with the language picker (easy read once pushed it below). */
async function exitOnLanguageRow(page: Page): Promise<boolean> {
  const exit = await page.locator('[data-test="quick-exit"]').boundingBox()
  const language = await page.locator('#language-picker').boundingBox()
  if (exit === null || language === null) return false
  return exit.y < language.y + language.height && language.y < exit.y + exit.height
}

const ENGLISH_MONTHS = /January|February|March|April|May|June|July|August|September|October|November|December/

describe('long labels and easy read at 360 px', () => {
  it('keep the menu and header whole; Kalaallisut dates are not English; Urdu phone numbers one line', async () => {
    // A browser in English: where `Intl` lacks Kalaallisut it falls back to the browser's own
    // language, which is how the course end read "September 14, 2027".
    session = await openSession({ viewport: phone, locale: 'en-US' })
    const { page } = session
    await startCourse(page, { dayOne: daysAgo(20), worker: { name: 'Mette', phone: '+45 12 34 56 78' } })
    const problems: string[] = []

    await switchLanguage(page, 'kl')
    problems.push(...(await menuProblems(page, 'kl')))
    if (!(await exitOnLanguageRow(page))) problems.push('kl: quick exit is not on the language row')
    const end = (await page.locator('[data-test="course-end"]').textContent()) ?? ''
    if (!/\d{4}/.test(end) || ENGLISH_MONTHS.test(end)) problems.push(`kl: the course end reads "${end}"`)

    await turnOnEasyRead(page)
    for (const code of ['kl', 'da', 'ur']) {
      await switchLanguage(page, code)
      problems.push(...(await menuProblems(page, `${code} easy read`)))
      if (!(await exitOnLanguageRow(page))) problems.push(`${code} easy read: quick exit is on a second row`)
    }

    // Urdu is right to left: the number is one left-to-right run on one line, digits in order.
    const number = page.locator('a[href^="tel:"] bdi')
    const lines = await number.evaluate(
      (element) => new Set([...element.getClientRects()].map((r) => r.top)).size,
    )
    if (lines !== 1) problems.push(`ur: the phone number takes ${lines} lines`)
    expect(await number.textContent()).toBe('+45 12 34 56 78')
    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  })
})
