import { afterEach, describe, expect, it } from 'vitest'
import {
  cspViolations,
  foreignRequests,
  openSession,
  waitForOfflineReady,
  type Session,
} from './support/browser'
import { axeRun } from './support/axe'
import { StartPageModel } from './support/startPage'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('the installed app', () => {
  it('shows the course from the encrypted store, and still does after an offline reload', async () => {
    session = await openSession()
    const { page, context } = session
    const start = new StartPageModel(page)
    await start.open()
    expect(await page.title()).toBe('Trin')

    // A first visit goes through onboarding, which ends on the start page.
    await start.startCourse()
    expect(await start.heading().textContent()).toBe('Hvor er jeg?')
    expect(await page.title()).toBe('Trin')
    expect(await start.stage().textContent()).toContain('Fase 1')
    await expect.poll(() => page.getByText('Dag 41 i forløbet').count()).toBe(1)

    await waitForOfflineReady(page)
    await start.stage().waitFor()
    await context.setOffline(true)
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await start.stage().waitFor()
    expect(await start.stage().textContent()).toContain('Fase 1')
    expect(await page.getByText('Dag 41 i forløbet').count()).toBe(1)

    // Switching language offline: the English chunk comes from the precache.
    await start.chooseLanguage('en')
    expect(await start.heading().textContent()).toBe('Where am I?')
    expect(await start.stage().textContent()).toContain('Phase 1')

    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
    expect(await cspViolations(page)).toEqual([])
  })

  it('switches to English: the text and <html lang> change, and nothing is added to history', async () => {
    session = await openSession()
    const { page } = session
    const start = new StartPageModel(page)
    await start.open()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('da')
    const historyBefore = await page.evaluate(() => history.length)

    await start.chooseLanguage('en')
    expect(await start.heading().textContent()).toBe('Choose language')
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'en',
      'ltr',
    ])
    // Every screen of onboarding, then the start page: route changes add nothing to history either.
    await start.startCourse()
    expect(await start.heading().textContent()).toBe('Where am I?')
    expect(await start.stage().textContent()).toContain('Phase 1')

    expect(await page.evaluate(() => history.length)).toBe(historyBefore)
    // The choice is remembered for the next visit.
    await page.reload()
    await start.stage().waitFor()
    expect(await start.heading().textContent()).toBe('Where am I?')

    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('has no accessibility violations on the first screen and on the start page with a course', async () => {
    session = await openSession()
    const { page } = session
    const start = new StartPageModel(page)
    await start.open()
    const empty = await axeRun(page)
    expect(empty.map((v) => `${v.id}: ${v.help}`)).toEqual([])

    await start.startCourse()
    const withCourse = await axeRun(page)
    expect(withCourse.map((v) => `${v.id}: ${v.help}`)).toEqual([])
    // The check bites: an image without a text alternative and a nameless button are reported.
    await page.evaluate(() => {
      const main = document.querySelector('main')
      main?.append(document.createElement('img'), document.createElement('button'))
    })
    expect((await axeRun(page)).map((v) => v.id).sort()).toEqual(['button-name', 'image-alt'])
    expect(session.errors).toEqual([])
  })
})
