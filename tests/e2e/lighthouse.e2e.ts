import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chromium } from 'playwright-core'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { chromiumArgs } from './support/browser'
import { baseURL } from './support/env'
import { startCourse } from './support/plan'

const profiles: string[] = []

afterAll(() => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true })
})

/** Lighthouse's phone (its default mobile screen: 412 × 823 CSS px at 1.75 device pixels). */
const phone = { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false }

/**
 * A browser profile where a course already exists in the given language, prepared through the
 * UI with Playwright, so Lighthouse audits the real home screen rather than an empty app; and how
 * tall that home screen is on Lighthouse's phone.
 */
async function profileWithCourse(locale: string): Promise<{ dir: string; height: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'trin-lighthouse-'))
  profiles.push(dir)
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    viewport: { width: phone.width, height: phone.height },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await startCourse(page)
  await page.locator('#language-picker').selectOption(locale)
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale)
  await page.locator('#course-status-heading').waitFor()
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await context.close()
  return { dir, height }
}

/**
 * Lighthouse's accessibility audit of the home screen, on its phone made as tall as the screen's
 * content: the bottom navigation is fixed, and in an 823 px viewport whichever button happens to
 * straddle its top edge counts as "partially obscured" for axe's target-size audit — a matter of
 * where the fold falls, not of the button's size (the browser tests check the same way, see
 * `axeWholePage`).
 */
async function accessibilityScore(
  userDataDir: string,
  locale: string,
  height: number,
): Promise<{ score: number | null; failing: string[] }> {
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [...chromiumArgs, `--lang=${locale}`],
    userDataDir,
    logLevel: 'silent',
  })
  try {
    const result = await lighthouse(baseURL, {
      port: chrome.port,
      onlyCategories: ['accessibility'],
      // Keep the profile's course: the audit is of the home screen a citizen sees.
      disableStorageReset: true,
      screenEmulation: { ...phone, height: Math.max(phone.height, height) },
      logLevel: 'error',
      output: 'json',
    })
    const lhr = result?.lhr
    const failing = Object.values(lhr?.audits ?? {})
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
      .map((audit) => `${audit.id}: ${audit.title}`)
    return { score: lhr?.categories.accessibility?.score ?? null, failing }
  } finally {
    chrome.kill()
  }
}

describe('Lighthouse accessibility', () => {
  it.each(['da', 'ar'])(
    'scores 100 on the home screen in %s',
    async (locale) => {
      const profile = await profileWithCourse(locale)
      const { score, failing } = await accessibilityScore(profile.dir, locale, profile.height)
      expect(failing).toEqual([])
      expect(score).toBe(1)
    },
    120_000,
  )
})
