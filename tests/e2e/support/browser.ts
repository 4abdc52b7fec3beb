import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { baseURL } from './env'

/** Debian Chromium's flags for this machine's closed network (see README, Test it). */
export const chromiumArgs = [
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
  /** The Chromium profile directory (what someone copying the browser's storage gets). */
  userDataDir: string
  close(): Promise<void>
}

/**
 * Launches Debian's Chromium with a fresh profile every time, so no earlier service worker
 * or database leaks between tests (STACK-NOTES: launchPersistentContext, not launch()).
 */
export async function openSession(
  options: {
    locale?: string
    viewport?: { width: number; height: number }
    /** Chromium flags added to the standard ones (a fake camera, say). */
    extraArgs?: readonly string[]
  } = {},
): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'trin-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs, ...(options.extraArgs ?? [])],
    locale: options.locale ?? 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: options.viewport ?? { width: 390, height: 844 },
    serviceWorkers: 'allow',
  })
  // Records every Content-Security-Policy violation the page sees (init scripts bypass the CSP).
  await context.addInitScript(() => {
    const violations: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: violations })
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
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
    userDataDir,
    async close() {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Requests that went anywhere but the app's own origin (data: and blob: URLs are local). */
export function foreignRequests(requests: readonly string[]): string[] {
  const origin = new URL(baseURL).origin
  return requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  )
}

/** The CSP violations the current document has reported so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(no recorder)'],
  )
}

/**
 * Waits until the app is installed for offline use: a service worker controls the page and
 * actually answers navigations. Right after activation Chromium may still send the next
 * navigation to the network for a moment, so reload (online) until the service worker
 * serves the page; a user opening the app offline later never meets that moment.
 */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await waitForServiceWorker(page)
  // Up to 90 s: on two busy cores the precache (about 790 KiB of gzip) can take a while after
  // activation — a clean-clone CI run once needed more than 30 s. Returns as soon as it serves.
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    const response = await page.reload()
    if (response?.fromServiceWorker()) return
    await page.waitForTimeout(500)
  }
  throw new Error('The service worker never served a navigation')
}

/** Waits until a service worker controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      // 'activated' (not just 'activating'): the precache is complete and fetches are served.
      return registration?.active?.state === 'activated' && navigator.serviceWorker.controller !== null
    },
    undefined,
    { timeout: 30_000 },
  )
}

export { baseURL }
