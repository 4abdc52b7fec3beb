import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { baseURL } from './env'

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A browser session with everything a test needs to assert on. */
export interface Session {
  context: BrowserContext
  page: Page
  /** Every URL the browser asked for, service-worker fetches included. */
  requests: string[]
  /** Console errors and uncaught page errors. */
  errors: string[]
  /** Console warnings (vue-i18n reports missing keys here). */
  warnings: string[]
  close(): Promise<void>
}

/**
 * Launches Debian's Chromium with a fresh profile every time, so no earlier service worker
 * or database leaks between tests (STACK-NOTES: launchPersistentContext, not launch()).
 */
export async function openSession(options: { locale?: string } = {}): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'trin-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    locale: options.locale ?? 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'allow',
  })
  const requests: string[] = []
  const errors: string[] = []
  const warnings: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
    if (message.type() === 'warning') warnings.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return {
    context,
    page,
    requests,
    errors,
    warnings,
    async close() {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Requests that went anywhere but the app's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests: readonly string[]): string[] {
  const origin = new URL(baseURL).origin
  return requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin)
}

/** Waits until a service worker controls the page, i.e. the app is installed for offline use. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    return Boolean(registration?.active) && navigator.serviceWorker.controller !== null
  }, undefined, { timeout: 30_000 })
}

export { baseURL }
