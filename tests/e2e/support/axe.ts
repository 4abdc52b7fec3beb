import axe from 'axe-core'
import type { Page } from 'playwright-core'

/** The WCAG 2.2 AA rule set every screen is checked against. */
export const axeTags: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** One violation, as much as a failing test needs to say. */
export interface AxeViolation {
  readonly id: string
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary: string }[]
}

/**
 * Runs axe-core (WCAG 2.2 AA) over the whole document. axe is put into the page once per
 * document — the browser is driven from outside, so the app's Content-Security-Policy does not
 * apply to it and nothing is added to the app — and then run directly: a walk through eleven
 * languages runs it hundreds of times, and re-injecting its half-megabyte source each time (what
 * the Playwright wrapper does) cost about a second a screen on two cores.
 */
export async function axeRun(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => 'axe' in window)
  if (!present) await page.evaluate(axe.source)
  return page.evaluate(async (tags) => {
    const runner = (window as unknown as { axe: typeof axe }).axe
    const result = await runner.run(document, { runOnly: { type: 'tag', values: [...tags] } })
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))),
        failureSummary: node.failureSummary ?? '',
      })),
    }))
  }, axeTags)
}

/**
 * axe's WCAG 2.2 AA violations on the page, as "rule: help (where: why)" lines. Checked in a
 * viewport as tall as the screen's content: the header and the bottom navigation are sticky, so
 * in a phone-sized viewport whatever the page happens to slide under them counts as "partially
 * obscured" for axe's target-size rule, although the person scrolls it into view like any other
 * (which target that is depends only on where the fold falls). Focus is never left under them:
 * exit-reach.e2e checks that at 360 px and at 200 % zoom.
 */
export async function axeWholePage(page: Page): Promise<string[]> {
  const viewport = page.viewportSize()
  if (viewport !== null) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) })
  }
  await page.evaluate(() => {
    window.scrollTo(0, 0)
  })
  const violations = await axeRun(page)
  if (viewport !== null) await page.setViewportSize(viewport)
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join(', ')})`,
  )
}
