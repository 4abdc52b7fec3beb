/**
 * `npm run bench -- profile` (BENCH_PROFILE_SIZE, default 2000): where a screen's time goes. Seeds
 * a plan in the bench build (run `npm run bench` or `vite build --mode bench` first; another
 * folder with BENCH_PROFILE_DIST), then takes
 * one CPU profile through the DevTools protocol of each step the benchmark times — unlock, plan
 * screen, network map, goal list, back to Home, the language switch (not loaded, loaded) — at CPU ×4, and prints each step's longest task
 * and the functions with the most self time. Nothing is written, unless BENCH_PROFILE_DUMP names a
 * folder: then each step's profile is written there as `<step>.cpuprofile` (DevTools opens it).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import type { CDPSession } from 'playwright-core'
import { startCourse } from '../tests/e2e/support/plan'
import { benchPorts } from './lib/ports'
import { openBenchSession, timed, waitReady, type Ready } from './lib/probe'
import { serveDir } from './lib/serve'

interface ProfileNode {
  readonly id: number
  readonly callFrame: {
    readonly functionName: string
    readonly url: string
    readonly lineNumber: number
    readonly columnNumber: number
  }
}
interface Profile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

/** Self time (ms) by function, from the profile's samples. */
function selfTimes(profile: Profile): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame
    if (frame === undefined) return
    const file = frame.url.split('/').at(-1) ?? ''
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...totals].sort((a, b) => b[1] - a[1])
}

async function profiled(
  cdp: CDPSession,
  step: string,
  run: () => Promise<{ ms: number; maxTaskMs: number }>,
) {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const result = await run()
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  const dump = process.env.BENCH_PROFILE_DUMP
  if (dump !== undefined && dump !== '') {
    mkdirSync(dump, { recursive: true })
    writeFileSync(join(dump, `${step.replaceAll(/[^a-z0-9]+/gi, '-')}.cpuprofile`), JSON.stringify(profile))
  }
  console.log(`\n## ${step}: ${Math.round(result.ms)} ms, longest task ${Math.round(result.maxTaskMs)} ms`)
  for (const [name, ms] of selfTimes(profile).slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`)
}

export async function main(): Promise<void> {
  const size = Number(process.env.BENCH_PROFILE_SIZE ?? '2000')
  const ports = benchPorts()
  const root = new URL('../', import.meta.url).pathname
  const server = await serveDir(process.env.BENCH_PROFILE_DIST ?? `${root}dist-bench`, ports.trinBench)
  const first = await openBenchSession()
  try {
    // A first visit (no service worker yet): the onboarding's language screen.
    const cdp = await first.context.newCDPSession(first.page)
    await first.throttle(4)
    await profiled(cdp, 'first visit to the first screen', async () => {
      await first.page.goto(`http://127.0.0.1:${ports.trinBench}/`)
      const ms = await waitReady(first.page, { selector: '[data-step="language"]' })
      const maxTaskMs = await first.page.evaluate(() =>
        Math.max(0, ...window.__bench.longTasks.map((task) => task.duration)),
      )
      return { ms, maxTaskMs }
    })
  } finally {
    await first.close()
  }
  const session = await openBenchSession()
  try {
    const { page } = session
    const passphrase = 'bench horse battery staple'
    await startCourse(page, { passphrase }, `http://127.0.0.1:${ports.trinBench}/`)
    await page.waitForFunction(() => window.__trinBench !== undefined)
    await page.evaluate((n) => window.__trinBench?.seed(n), size)
    await page.reload()
    await waitReady(page, { selector: '#unlock-passphrase' })
    const cdp = await session.context.newCDPSession(page)
    await session.throttle(4)
    await page.locator('#unlock-passphrase').fill(passphrase)
    const step = (name: string, selector: string, ready: Ready) =>
      profiled(cdp, name, () => timed(page, () => page.locator(selector).first().click(), ready))
    await step('unlock', '[data-test="unlock"]', { selector: '#course-status-heading' })
    await step('plan screen', '[data-nav="plan"]', { selector: '[data-test="area-card"]' })
    await step('network map', '[data-test="plan-network"]', { selector: '[data-test="network-map"]' })
    await page.locator('[data-nav="plan"]').click()
    await waitReady(page, { selector: '[data-test="area-card"]' })
    await step('goal list', '[data-test="area-card"] h2 a', { selector: '[data-test="goal-list"] li' })
    await step('back to Home', '[data-nav="start"]', { selector: '#course-status-heading' })
    const pick = (code: string) => () =>
      page
        .locator('#language-picker')
        .selectOption(code)
        .then(() => undefined)
    const home = '#course-status-heading'
    await profiled(cdp, 'language switch, not loaded', () =>
      timed(page, pick('ar'), { selector: home, lang: 'ar' }),
    )
    await profiled(cdp, 'language switch, loaded', () =>
      timed(page, pick('da'), { selector: home, lang: 'da' }),
    )
  } finally {
    await session.close()
    server.close()
  }
}
