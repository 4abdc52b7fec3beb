/**
 * Timing inside the page, so that Playwright's own round trips never count: the input event's
 * timestamp is the start, the first animation frame in which the expected result is on screen
 * is the end. Long tasks (the main thread busy > 50 ms) are collected alongside.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { chromiumArgs } from '../../tests/e2e/support/browser'

interface BenchProbe {
  input: number
  done: number
  longTasks: { start: number; duration: number }[]
}

declare global {
  interface Window {
    __bench: BenchProbe
  }
}

/** Installed before any page script runs (init scripts are not subject to the CSP). */
function instrument(): void {
  const probe: BenchProbe = { input: -1, done: -1, longTasks: [] }
  Object.defineProperty(window, '__bench', { value: probe })
  const mark = (event: Event) => {
    probe.input = event.timeStamp
  }
  addEventListener('click', mark, true)
  addEventListener('change', mark, true)
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long-task timing: maxTaskMs stays 0.
  }
}

/** What "done" looks like: a selector present (at least `minCount` times) and/or a document language. */
export interface Ready {
  readonly selector?: string
  readonly minCount?: number
  readonly lang?: string
}

function isReady(ready: Ready): boolean {
  if (ready.lang !== undefined && document.documentElement.lang !== ready.lang) return false
  if (
    ready.selector !== undefined &&
    document.querySelectorAll(ready.selector).length < (ready.minCount ?? 1)
  )
    return false
  window.__bench.done = performance.now()
  return true
}

/** Waits (checking once per animation frame) until `ready`; returns ms since the document's start. */
export async function waitReady(page: Page, ready: Ready, timeout = 180_000): Promise<number> {
  await page.waitForFunction(isReady, ready, { polling: 'raf', timeout })
  return page.evaluate(() => window.__bench.done)
}

export interface Timed {
  /** From the input event to the frame showing the result. */
  readonly ms: number
  /** The longest task that ended after the input (0 if none over 50 ms). */
  readonly maxTaskMs: number
}

/** Runs `act` (which must click or change something) and times it until `ready`. */
export async function timed(page: Page, act: () => Promise<void>, ready: Ready): Promise<Timed> {
  await page.evaluate(() => {
    window.__bench.input = -1
    window.__bench.done = -1
    window.__bench.longTasks.length = 0
  })
  await act()
  await waitReady(page, ready)
  return page.evaluate(() => {
    const probe = window.__bench
    const after = probe.longTasks.filter((t) => t.start + t.duration >= probe.input)
    return {
      ms: probe.done - probe.input,
      maxTaskMs: Math.max(0, ...after.map((t) => t.duration)),
    }
  })
}

/** The first contentful paint of the current document, ms since its start (-1 if none yet). */
export function firstContentfulPaint(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1)
}

export interface BenchSession {
  readonly context: BrowserContext
  readonly page: Page
  readonly userDataDir: string
  /** CPU throttling through the DevTools protocol (1 = none). Re-apply after a navigation. */
  throttle(rate: number): Promise<void>
  /** Closes the browser; the profile is kept when `keepProfile` (to start again "cold" from it). */
  close(keepProfile?: boolean): Promise<void>
}

/** Debian Chromium with the project's flags, on a fresh profile unless one is given. */
export async function openBenchSession(userDataDir?: string): Promise<BenchSession> {
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'trin-bench-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'allow',
  })
  await context.addInitScript(instrument)
  const page = context.pages()[0] ?? (await context.newPage())
  const cdp = await context.newCDPSession(page)
  return {
    context,
    page,
    userDataDir: dir,
    async throttle(rate) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate })
    },
    async close(keepProfile = false) {
      await context.close()
      if (!keepProfile) rmSync(dir, { recursive: true, force: true })
    },
  }
}
