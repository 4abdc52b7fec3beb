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
