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

/**
 * A browser profile where a course already exists in the given language, prepared through the
 * UI with Playwright, so Lighthouse audits the real home screen rather than an empty app.
 */
async function profileWithCourse(locale: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'trin-lighthouse-'))
  profiles.push(dir)
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await startCourse(page)
  await page.locator('#language-picker').selectOption(locale)
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale)
  await page.locator('#course-status-heading').waitFor()
  await context.close()
  return dir
}

async function accessibilityScore(
  userDataDir: string,
  locale: string,
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
      const { score, failing } = await accessibilityScore(profile, locale)
      expect(failing).toEqual([])
      expect(score).toBe(1)
    },
    120_000,
  )
})
