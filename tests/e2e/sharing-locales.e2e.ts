/**
 * Issue #14 in every language: "Hvad min medarbejder kan se" — reached from the plan — passes
 * axe (WCAG 2.2 AA) and reflows at 360 px in all 11 languages, right to left included.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import { startCourse } from './support/plan'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const screens: readonly ScreenStep[] = [
  {
    name: 'what my worker can see',
    open: async (page) => {
      await page.locator('[data-nav="plan"]').click()
      await page.locator('[data-test="plan-sharing"]').click()
      await page.locator('[data-test="sharing-preview"]').waitFor()
    },
  },
]

describe('sharing in every language', () => {
  it('the preview passes axe and reflows in all 11 languages', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    await startCourse(page)
    await screens[0]?.open(page)
    await page.locator('[data-test="sharing-empty"]').waitFor()
    expect(await problemsInEveryLocale(page, screens)).toEqual([])
  }, 300_000)
})
