/**
 * Each language's messages come in parts (src/app/i18n/namespaces.ts): a core with the language
 * and a namespace with each screen that needs it. Walks the main screens with a cold cache in
 * Danish, Arabic and Ukrainian — online, in interpreter mode, after a language switch on a
 * screen whose namespace that language has not loaded, and offline — and looks for a message
 * key where a text should be.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { baseURL, cspViolations, openSession, waitForOfflineReady, type Session } from './support/browser'
import { startCourse } from './support/plan'
import { chooseLanguage, followTo, navigate } from './support/screens'
import { messageKeys, type MessageJson } from '../support/messages'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

const keys = messageKeys(JSON.parse(readFileSync('locales/da.json', 'utf8')) as MessageJson)

/** Message keys shown as text, or in a label, placeholder or title (what a missing message looks like). */
async function rawKeys(page: Page): Promise<string[]> {
  return page.evaluate((all) => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].map((element) =>
      ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? '').join(' '),
    )
    const text = [document.body.innerText, ...attributes].join('\n')
    return all.filter((key) => text.includes(key))
  }, keys)
}

/** Follows a link to a screen and waits for that screen's own element. */
async function follow(page: Page, link: string, ready: string): Promise<void> {
  await page.locator(link).click()
  await page.locator(ready).first().waitFor()
}

/** The main screens, reached as a person would. */
const screens: readonly { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'home', open: (page) => navigate(page, 'start', '#course-status-heading') },
  { name: 'plan', open: (page) => navigate(page, 'plan', '[data-test="plan-phase"]') },
  {
    name: 'network',
    open: async (page) => {
      await navigate(page, 'plan', '[data-test="plan-network"]')
      await followTo(page, '[data-test="plan-network"]')
    },
  },
  {
    name: 'handover',
    open: async (page) => {
      await navigate(page, 'plan', '[data-test="plan-handover"]')
      await followTo(page, '[data-test="plan-handover"]')
    },
  },
  { name: 'activities', open: (page) => navigate(page, 'activities', 'h1') },
  { name: 'settings', open: (page) => navigate(page, 'settings', '#interpreter-locale') },
  {
    name: 'security',
    open: async (page) => {
      await navigate(page, 'settings', '#interpreter-locale')
      await follow(page, '[data-test="security-link"]', '[data-test="exit-target-form"]')
    },
  },
  {
    name: 'backup',
    open: async (page) => {
      await navigate(page, 'settings', '#interpreter-locale')
      await follow(page, '[data-test="backup-link"]', '[data-test="backup-create-form"]')
    },
  },
  {
    name: 'course',
    open: async (page) => {
      await navigate(page, 'settings', '#interpreter-locale')
      await followTo(page, '[data-test="settings-course"]')
    },
  },
]

/** Opens every screen and says where a key showed instead of a text. */
async function walk(page: Page, label: string): Promise<string[]> {
  const problems: string[] = []
  for (const screen of screens) {
    await screen.open(page)
    for (const key of await rawKeys(page)) problems.push(`${label} ${screen.name}: ${key}`)
  }
  return problems
}

const missing = (s: Session): string[] => s.warnings.filter((w) => w.includes('[trin] missing'))

describe('messages in parts, loaded with each screen', () => {
  it.each([
    ['da', 'uk', 'ar'],
    ['ar', 'da', 'uk'],
    ['uk', 'ar', 'en'],
  ])(
    'in %s (interpreter %s, then a switch to %s): every screen, cold, online and offline',
    async (code, second, switchTo) => {
      session = await openSession({ locale: code })
      const { page, context } = session
      const problems: string[] = []

      // A first visit in her browser's language: the onboarding's first screen, cold.
      await page.goto(baseURL)
      await page.locator('[data-step="language"]').waitFor()
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(code)
      for (const key of await rawKeys(page)) problems.push(`${code} onboarding: ${key}`)

      await startCourse(page)
      await chooseLanguage(page, code)
      problems.push(...(await walk(page, code)))

      // Interpreter mode: a second language, its parts loaded as the screens open.
      await navigate(page, 'settings', '#interpreter-locale')
      await page.locator('#interpreter-locale').selectOption(second)
      await page.locator(`.tx__second[lang="${second}"]`).first().waitFor({ state: 'attached' })
      problems.push(...(await walk(page, `${code}+${second}`)))

      // Switching language on a screen whose namespace the new language has not loaded.
      await screens.find((s) => s.name === 'network')?.open(page)
      await chooseLanguage(page, switchTo)
      for (const key of await rawKeys(page)) problems.push(`${switchTo} network after the switch: ${key}`)

      // Offline, after a reload: every part comes from the service worker's precache.
      await chooseLanguage(page, code)
      await waitForOfflineReady(page)
      await context.setOffline(true)
      const response = await page.reload()
      expect(response?.fromServiceWorker()).toBe(true)
      await page.locator('#course-status-heading').waitFor()
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(code)
      problems.push(...(await walk(page, `${code} offline`)))

      expect(problems).toEqual([])
      expect(missing(session)).toEqual([])
      expect(session.errors).toEqual([])
      expect(await cspViolations(page)).toEqual([])
    },
    300_000,
  )
})
