import type { Page } from 'playwright-core'

/** Opens a screen of the primary navigation and waits for its own element. */
export async function navigate(page: Page, route: string, ready: string): Promise<void> {
  await page.locator(`[data-nav="${route}"]`).click()
  await page.locator(`[data-nav="${route}"].router-link-exact-active`).waitFor()
  await page.locator(ready).first().waitFor()
}

/** Switches the language with the header's picker and waits for <html lang>. */
export async function chooseLanguage(page: Page, code: string): Promise<void> {
  await page.locator('#language-picker').selectOption(code)
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code)
}

/** Follows a link (`[data-test=…]`) to a screen of its own and waits for its heading. */
export async function followTo(page: Page, link: string): Promise<void> {
  await page.locator(link).click()
  await page.waitForFunction((selector) => document.querySelector(selector) === null, link)
  await page.getByRole('heading', { level: 1 }).waitFor()
}
