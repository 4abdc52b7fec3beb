import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { cspViolations, foreignRequests, openSession, type Session } from './support/browser'
import { baseURL } from './support/env'
import { LockModel } from './support/lock'
import { daysAgo, OnboardingModel } from './support/onboarding'
import { ActivitiesModel } from './support/activities'
import { planAxeViolations, PlanModel } from './support/plan'
import { dumpBrowserStorage, pressShiftThrice, quickExitByButton, whereFound } from './support/safety'

const PASSPHRASE = 'blå hus ved åen'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

/** A string that occurs nowhere but where the test typed it. */
function marker(label: string): string {
  return `CANARY${label}${randomBytes(6).toString('hex')}`
}

/** Every console message and page error, whatever its level. */
function recordConsole(page: Page): string[] {
  const lines: string[] = []
  page.on('console', (message) => lines.push(message.text()))
  page.on('pageerror', (error) => lines.push(String(error)))
  return lines
}

function missingMessages(s: Session): string[] {
  return s.warnings.filter((warning) => warning.includes('missing message'))
}

async function historyLength(page: Page): Promise<number> {
  return page.evaluate(() => history.length)
}

async function lockNowFromSettings(page: Page): Promise<void> {
  await page.locator('[data-nav="settings"]').click()
  await page.locator('[data-test="settings-lock-now"]').click()
}

/** Home, "no lock", after a short onboarding. */
async function onboardWithoutLock(page: Page, locale: 'da' | 'en' = 'da', worker?: string): Promise<void> {
  const onboarding = new OnboardingModel(page)
  await onboarding.open()
  await onboarding.complete({
    locale,
    transition: 'homelessness',
    dayOne: daysAgo(20),
    contactStart: daysAgo(40),
    ...(worker ? { worker: { name: worker } } : {}),
  })
}

describe('canary: nothing readable is left behind', () => {
  it('plan content typed in the UI is nowhere in plaintext once locked: not in IndexedDB, web storage, the cache, the console or the page', async () => {
    session = await openSession()
    const { page } = session
    const consoleLines = recordConsole(page)
    const markers = { worker: marker('W'), goal: marker('G'), activity: marker('A'), place: marker('P') }
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    const historyAtStart = await historyLength(page)
    await onboarding.complete({
      transition: 'shelter',
      dayOne: daysAgo(40),
      contactStart: daysAgo(60),
      worker: { name: `Mette ${markers.worker}` },
      passphrase: PASSPHRASE,
    })

    const plan = new PlanModel(page)
    await plan.open()
    await plan.openPicker()
    await plan.chooseAreas(['safety', 'housing'])
    await plan.finishPicking()
    await plan.openArea('Tryghed og sikkerhed')
    await plan.addGoal(`Ny lås ${markers.goal}`)
    const activities = new ActivitiesModel(page)
    await activities.open()
    await activities.startNew()
    await activities.fill({ title: `Møde ${markers.activity}`, place: `Hos ${markers.place}` })
    await activities.create()
    // Positive control: the page shows what was typed, so the searches below can find it.
    expect(await page.content()).toContain(markers.activity)
    // Moving around the app added no browser-history entries (memory router).
    expect(await historyLength(page)).toBe(historyAtStart)

    // Opening Trin again in the same tab (a new history entry): a new page needs the passphrase.
    await page.goto(`${baseURL}?again`)
    const lock = new LockModel(page)
    await lock.waitFor('passphrase')
    await lock.unlock(PASSPHRASE)
    await activities.open()
    expect(await activities.items().first().textContent()).toContain(markers.activity)

    // The dump finds bytes and base64 where they are: a control database with the marker in it.
    const control = marker('C')
    await page.evaluate(async (text) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('canary-control')
        open.onupgradeneeded = () => open.result.createObjectStore('s')
        open.onsuccess = () => {
          const tx = open.result.transaction('s', 'readwrite')
          tx.objectStore('s').put(new TextEncoder().encode(`xx${text}`), 1)
          tx.objectStore('s').put(btoa(`y${text}`), 2)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
        }
        open.onerror = () => {
          reject(new Error('control database'))
        }
      })
    }, control)
    expect(whereFound(await dumpBrowserStorage(page), control)).toEqual(['indexedDB'])
    await page.evaluate(() => indexedDB.deleteDatabase('canary-control'))

    await lockNowFromSettings(page)
    await lock.waitFor('passphrase')
    const dump = await dumpBrowserStorage(page)
    expect(dump.indexedDB.length).toBeGreaterThan(100)
    for (const value of Object.values(markers)) {
      expect(whereFound(dump, value), value).toEqual([])
      expect(await page.content()).not.toContain(value)
      expect(consoleLines.filter((line) => line.includes(value))).toEqual([])
    }
    expect(await planAxeViolations(page)).toEqual([])

    // Quick exit from the lock screen, and the same search from the neutral page (same origin).
    expect(await quickExitByButton(page)).toBe(true)
    const afterExit = await dumpBrowserStorage(page)
    for (const value of Object.values(markers)) expect(whereFound(afterExit, value), value).toEqual([])

    expect(await historyLength(page)).toBe(historyAtStart + 1)

    // Back returns to the first Trin page (from the back/forward cache, or loaded again): it shows
    // the lock screen, never the plan.
    await page.goBack()
    await lock.waitFor('passphrase')
    for (const value of Object.values(markers)) expect(await page.content()).not.toContain(value)

    // The records are really there, encrypted: the passphrase brings them back.
    await lock.unlock(PASSPHRASE)
    await activities.open()
    expect(await activities.items().first().textContent()).toContain(markers.activity)

    // The Argon2id derivations ran in their worker under the CSP without a single violation.
    expect(session.requests.some((url) => /\/assets\/kdf\.worker-[\w-]+\.js$/.test(url))).toBe(true)
    expect(await cspViolations(page)).toEqual([])
    expect(foreignRequests(session.requests)).toEqual([])
    expect(missingMessages(session)).toEqual([])
    expect(session.errors).toEqual([])
  })
})

describe('quick exit', () => {
  it('by button: blank at once, neutral page, history not grown, and Back shows the closed screen, not the plan', async () => {
    session = await openSession({ locale: 'en-GB' })
    const { page } = session
    const worker = marker('W')
    await onboardWithoutLock(page, 'en', `Sam ${worker}`)
    // Opening Trin again in the same tab (a bookmark, a link) makes a second entry. (The very
    // same URL would replace the entry instead.)
    await page.goto(`${baseURL}?again`)
    await page.locator('[data-test="course-link"]').waitFor()
    const entries = await historyLength(page)
    expect(await page.content()).toContain(worker)

    expect(await quickExitByButton(page)).toBe(true)
    expect(new URL(page.url()).pathname).toBe('/opskrift.html')
    expect(await page.title()).toBe('Kartoffelsuppe med porrer')
    expect(await page.locator('a').count()).toBe(0)
    expect(await page.content()).not.toMatch(/Trin/)
    expect(await cspViolations(page)).toEqual([])
    expect(await historyLength(page)).toBe(entries)

    await page.goBack()
    const lock = new LockModel(page)
    await lock.waitFor('closed')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Trin is closed')
    expect(await page.content()).not.toContain(worker)
    // The language and quick exit stay usable while closed.
    expect(await page.locator('#language-picker').isEnabled()).toBe(true)
    expect(await page.locator('[data-test="quick-exit"]').isVisible()).toBe(true)
    expect(await planAxeViolations(page)).toEqual([])
    await lock.open()
    // Home with a plan is its own chunk: it renders just after the lock screen goes.
    await page.locator('[data-test="course-link"]').waitFor()
    expect(await page.content()).toContain(worker)

    expect(missingMessages(session)).toEqual([])
    expect(foreignRequests(session.requests)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('by Shift pressed three times on its own — not by Shift with another key, not while typing capitals — also on the lock screen', async () => {
    session = await openSession()
    const { page } = session
    await onboardWithoutLock(page)
    await page.goto(`${baseURL}?again`)
    const activities = new ActivitiesModel(page)
    await activities.open()
    await activities.startNew()
    const title = page.locator('#activity-title')
    await title.click()
    await page.keyboard.press('Shift+M')
    await page.keyboard.press('Shift+O')
    await page.keyboard.press('Shift+D')
    await page.keyboard.type('e med ')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift+K')
    await page.keyboard.press('Shift')
    await page.keyboard.press('a')
    await page.keyboard.press('Shift')
    await page.keyboard.press('Shift')
    await page.waitForTimeout(300)
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await title.inputValue()).toBe('MODe med Ka')

    await pressShiftThrice(page)
    await page.waitForURL('**/opskrift.html')

    // Back shows the closed screen; Shift ×3 works there too.
    await page.goBack()
    const lock = new LockModel(page)
    await lock.waitFor('closed')
    expect(await page.locator('#activity-title').count()).toBe(0)
    await pressShiftThrice(page)
    await page.waitForURL('**/opskrift.html')
    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('on the onboarding screens too', async () => {
    session = await openSession()
    const { page } = session
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    expect(await quickExitByButton(page)).toBe(true)
    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
  })
})

describe('auto-lock', () => {
  it('locks after five minutes without activity (a controlled clock), sooner when set to one minute', async () => {
    session = await openSession()
    const { page } = session
    await page.clock.install({ time: new Date('2026-11-23T10:00:00+01:00') })
    await onboardWithoutLock(page)
    const lock = new LockModel(page)
    const home = page.locator('[data-test="course-link"]')

    await page.clock.fastForward('04:00')
    await page.locator('[data-nav="start"]').click()
    await page.clock.fastForward('04:00')
    expect(await home.isVisible()).toBe(true)
    await page.clock.fastForward('01:01')
    await lock.waitFor('closed')
    expect(await page.locator('[data-nav]').count()).toBe(0)

    await lock.open()
    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="security-link"]').click()
    await page.locator('#auto-lock-minutes').selectOption('1')
    await page.clock.fastForward('00:59')
    expect(await page.locator('[data-lock-view]').count()).toBe(0)
    await page.clock.fastForward('00:02')
    await lock.waitFor('closed')
    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('with a passphrase: wrong ones change nothing and slow down; a PIN re-opens after an auto-lock but never after a reload', async () => {
    session = await openSession()
    const { page } = session
    await page.clock.install({ time: new Date('2026-11-23T10:00:00+01:00') })
    const onboarding = new OnboardingModel(page)
    await onboarding.open()
    await onboarding.complete({
      transition: 'shelter',
      dayOne: daysAgo(20),
      contactStart: daysAgo(40),
      passphrase: PASSPHRASE,
    })
    await page.reload()
    const lock = new LockModel(page)
    await lock.waitFor('passphrase')
    expect(await planAxeViolations(page)).toEqual([])

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await lock.submitPassphrase(`forkert ${attempt}`)
      await page.locator('#unlock-passphrase-error').waitFor()
      expect(await lock.error().textContent()).toBe('Adgangssætningen passer ikke. Intet er ændret.')
    }
    // After three free tries the next one waits, and the screen says how long.
    await page.locator('[data-test="unlock-form"] [role="status"]', { hasText: 'Vent' }).waitFor()
    expect(await page.locator('[data-test="unlock"]').isDisabled()).toBe(true)
    await page.clock.fastForward('00:03')
    await page.locator('[data-test="unlock"]:not([disabled])').waitFor()
    await lock.unlock(PASSPHRASE, '2468')

    await page.clock.fastForward('05:01')
    await lock.waitFor('pin')
    await lock.unlockWithPin('1357')
    await page.locator('#unlock-pin-error', { hasText: 'Forsøg tilbage: 2' }).waitFor()
    await lock.unlockWithPin('2468')
    await lock.screen().waitFor({ state: 'detached' })
    await page.locator('[data-test="course-link"]').waitFor()

    await page.reload()
    await lock.waitFor('passphrase')
    expect(await page.locator('#unlock-pin').count()).toBe(0)
    expect(foreignRequests(session.requests)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('a page restored from the back/forward cache shows the lock screen first', async () => {
    session = await openSession()
    const { page } = session
    await onboardWithoutLock(page)
    await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }))
    })
    expect(await page.evaluate(() => getComputedStyle(document.body).visibility)).toBe('hidden')
    await page.evaluate(() => {
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
    })
    await new LockModel(page).waitFor('closed')
    await page.waitForFunction(() => getComputedStyle(document.body).visibility === 'visible')
    expect(await page.locator('[data-test="course-link"]').count()).toBe(0)
    expect(session.errors).toEqual([])
  })
})

describe('onboarding and settings screens', () => {
  it('the safety and lock steps, and the security screen, are accessible in Danish and English at 360 px', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    for (const locale of ['da', 'en'] as const) {
      // A fresh profile the first time; "erase everything" below empties it for the second.
      const onboarding = new OnboardingModel(page)
      await onboarding.open()
      await onboarding.chooseLanguage(locale)
      await onboarding.next()
      await onboarding.chooseTransition('shelter')
      await onboarding.next()
      await onboarding.waitForStep('safety')
      expect(await planAxeViolations(page)).toEqual([])
      await onboarding.next()
      await onboarding.waitForStep('dates')
      await onboarding.next()
      await onboarding.waitForStep('worker')
      await onboarding.skip()
      await onboarding.waitForStep('lock')
      expect(await page.locator('#lock-choice-passphrase').isChecked()).toBe(true)
      expect(await planAxeViolations(page)).toEqual([])
      await onboarding.chooseLock()
      await onboarding.finish()
      await page.locator('[data-nav="settings"]').click()
      await page.locator('[data-test="security-link"]').click()
      await page.locator('[data-test="lock-settings"]').waitFor()
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        locale === 'da' ? 'Lås og sikkerhed' : 'Lock and safety',
      )
      expect(await planAxeViolations(page)).toEqual([])
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        ),
      ).toBe(false)
      expect(await page.title()).toBe('Trin')
      // Start again from nothing for the next language.
      await page.locator('[data-nav="settings"]').click()
      await page.locator('[data-test="erase-open"]').click()
      await page.locator('#erase-confirm').fill(locale === 'da' ? 'SLET' : 'ERASE')
      await page.locator('[data-test="erase"]').click()
      await page.waitForURL('**/opskrift.html')
    }
    expect(missingMessages(session)).toEqual([])
    expect(foreignRequests(session.requests)).toEqual([])
    expect(session.errors).toEqual([])
  })
})
