import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { localeList } from '../../../locales'
import { switchLanguage } from './layout'
import { mainOverflows, planAxeViolations } from './plan'

/** A screen to check, and how she reaches it from the one before. */
export interface ScreenStep {
  readonly name: string
  readonly open: (page: Page) => Promise<void>
}

/**
 * Walks `screens` in each of the 11 languages (the page's direction checked first) and returns
 * what axe (WCAG 2.2 AA, in a viewport as tall as the screen) and the 360 px reflow check found,
 * each line naming the language and the screen.
 */
export async function problemsInEveryLocale(page: Page, screens: readonly ScreenStep[]): Promise<string[]> {
  const problems: string[] = []
  for (const locale of localeList) {
    await switchLanguage(page, locale.code)
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale.dir)
    for (const screen of screens) {
      await screen.open(page)
      for (const violation of await planAxeViolations(page))
        problems.push(`${locale.code} ${screen.name}: ${violation}`)
      if (await mainOverflows(page)) problems.push(`${locale.code} ${screen.name}: main overflows at 360 px`)
    }
  }
  return problems
}
