/**
 * Issue #10, item 2: like GOV.UK's "Exit this page", quick exit leaves for an ordinary outside
 * site the citizen chose while the phone is online, so the browser's history shows that site
 * and not a recipe under Trin's address; offline it shows the built-in page; and the screen
 * says plainly that the browser's history is not erased. The outside site is answered by the
 * test itself (`context.route`): no request leaves this machine.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, openSession, waitForOfflineReady, type Session } from './support/browser'
import { LockModel } from './support/lock'
import { startCourse } from './support/plan'

const danish = JSON.parse(readFileSync('locales/da.json', 'utf8')) as {
  quickExit: { history: string }
}

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

/** Taps "Luk" (the page is replaced, so the click does not wait for anything after it). */
async function tapQuickExit(page: Page): Promise<void> {
  await page.locator('[data-test="quick-exit"]').click({ noWaitAfter: true })
}

describe('quick exit to a chosen outside site', () => {
  it('leaves for the weather site online, for the built-in page offline, and says history stays', async () => {
    session = await openSession({ viewport: { width: 360, height: 740 } })
    const { context, page } = session
    const weatherVisits: string[] = []
    await context.route('https://www.dmi.dk/**', async (route) => {
      weatherVisits.push(route.request().url())
      await route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="da"><title>DMI</title><h1>Vejret i dag</h1></html>',
      })
    })
    await startCourse(page)

    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="security-link"]').click()
    const form = page.locator('[data-test="exit-target-form"]')
    await form.waitFor()
    // The honest sentence: "Luk" does not erase the browser's history.
    const historyNote = page.locator('[data-test="exit-history"]')
    expect(await historyNote.isVisible()).toBe(true)
    expect((await historyNote.textContent())?.trim()).toBe(danish.quickExit.history)
    await page.locator('#exit-target-weather').check()
    await page.locator('[data-test="exit-target-save"]').click()
    await form.getByText('Gemt.').waitFor()

    const historyBefore = await page.evaluate(() => history.length)
    await tapQuickExit(page)
    await page.waitForURL('https://www.dmi.dk/')
    expect(await page.locator('h1').textContent()).toBe('Vejret i dag')
    // The site replaced Trin's entry: the history holds no more entries than before.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore)
    expect(weatherVisits).toEqual(['https://www.dmi.dk/'])

    // Offline (and the app installed), the same choice shows the built-in page instead.
    await page.goto(baseURL)
    await waitForOfflineReady(page)
    await new LockModel(page).waitFor('closed')
    await context.setOffline(true)
    await tapQuickExit(page)
    await page.waitForURL(`${baseURL}opskrift.html`)
    expect(await page.locator('h1').textContent()).toBe('Kartoffelsuppe med porrer')
    expect(weatherVisits).toHaveLength(1)
    expect(session.errors).toEqual([])
  })
})
