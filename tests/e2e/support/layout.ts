/**
 * Layout checks for the app shell (header with quick exit, navigation): where quick exit is at
 * the end of a screen, whether focused content hides under the sticky parts, and whether the
 * navigation's labels fit their boxes. Used by exit-*.e2e.ts and layout-*.e2e.ts.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'

/**
 * 200 % zoom on a 360 × 740 phone: the page lays out in half the CSS pixels (180 × 370), which
 * is what the browser's zoom does to media queries, rem-based sizes and the viewport.
 */
export const zoom200 = { width: 180, height: 370 }
export const phone = { width: 360, height: 740 }

/** Where quick exit stands once the screen is scrolled to its very end. */
export interface ExitReach {
  readonly inViewport: boolean
  /** `elementFromPoint` at the control's centre is the control (or inside it). */
  readonly hit: boolean
  readonly box: {
    readonly top: number
    readonly bottom: number
    readonly left: number
    readonly right: number
  }
}

export async function exitReachAtEnd(page: Page): Promise<ExitReach> {
  return page.evaluate(async () => {
    window.scrollTo(0, document.documentElement.scrollHeight)
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const control = document.querySelector<HTMLElement>('[data-test="quick-exit"]')
    if (control === null) throw new Error('no quick-exit control')
    const box = control.getBoundingClientRect()
    const hitAt = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return {
      inViewport: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      hit: hitAt !== null && control.contains(hitAt),
      box: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
    }
  })
}

/**
 * Focuses every focusable control in <main> in turn (as Tab would, which scrolls it into view)
 * and lists the ones that end up partly under the sticky header or bottom navigation.
 */
export async function focusHiddenUnderBars(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const bars = [...document.querySelectorAll<HTMLElement>('[data-test="app-header"], nav.app-nav')]
    const focusable = [
      ...document.querySelectorAll<HTMLElement>(
        'main a[href], main button:not([disabled]), main input:not([disabled]), main select, main textarea, main summary',
      ),
    ].filter((element) => element.checkVisibility())
    const hidden: string[] = []
    for (const element of focusable) {
      element.focus()
      await frame()
      // Inside a closed <details> or otherwise not focusable: Tab would not reach it either.
      if (document.activeElement !== element) continue
      const box = element.getBoundingClientRect()
      for (const bar of bars) {
        const barBox = bar.getBoundingClientRect()
        const overlaps =
          box.bottom > barBox.top + 1 &&
          box.top < barBox.bottom - 1 &&
          box.right > barBox.left + 1 &&
          box.left < barBox.right - 1
        if (overlaps)
          hidden.push(
            `${element.tagName.toLowerCase()}#${element.id} "${element.textContent.trim().slice(0, 30)}" under ${bar.tagName.toLowerCase()} (${Math.round(box.top)}–${Math.round(box.bottom)} vs ${Math.round(barBox.top)}–${Math.round(barBox.bottom)})`,
          )
      }
    }
    return hidden
  })
}

/** Navigation labels that spill out of their box, or touch the label beside them. */
export async function navLabelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll<HTMLElement>('nav.app-nav .app-nav__label')]
    const problems: string[] = []
    for (const [index, label] of labels.entries()) {
      const text = label.textContent.trim()
      if (label.scrollWidth > label.clientWidth) problems.push(`${text} overflows its box`)
      const link = label.closest('a')
      if (link !== null && label.getBoundingClientRect().width > link.getBoundingClientRect().width + 0.5)
        problems.push(`${text} is wider than its link`)
      const next = labels[index + 1]
      if (next === undefined) continue
      const [a, b] = [label.getBoundingClientRect(), next.getBoundingClientRect()]
      // Side by side in the bottom bar, one above the other in the side navigation.
      const gap = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom)
      if (gap < 2) problems.push(`${text} touches ${next.textContent.trim()} (gap ${gap.toFixed(1)} px)`)
    }
    return problems
  })
}

/**
 * Saves a screenshot for review under test-results/screens/. With `fullPage`, the whole screen:
 * the viewport is made as tall as the page for the picture, because Chromium's own full-page
 * capture paints the sticky bottom navigation in the middle of a long page.
 */
export async function saveScreen(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true })
  const path = `test-results/screens/${name}.png`
  const viewport = page.viewportSize()
  if (options.fullPage !== true || viewport === null) {
    await page.screenshot({ path })
    return
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) })
  await page.screenshot({ path })
  await page.setViewportSize(viewport)
}

/** Switches easy read on the way Settings stores it (the one settings entry), then reloads. */
export async function turnOnEasyRead(page: Page): Promise<void> {
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('settings') ?? '{}') as Record<string, unknown>
    localStorage.setItem('settings', JSON.stringify({ ...stored, r: true }))
  })
  await page.reload()
  await page.locator('#course-status-heading').waitFor()
}

/** Chooses a language with the header's picker and waits until the page has switched. */
export async function switchLanguage(page: Page, code: string): Promise<void> {
  await page.locator('#language-picker').selectOption(code)
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code)
}
