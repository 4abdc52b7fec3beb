/**
 * `npm run lighthouse`: Lighthouse (the npm package, its default mobile settings: a mid-range
 * phone on a slow 4G line, simulated) in Debian Chromium against the production builds served
 * on 127.0.0.1 — Trin's first screen and Home with a plan, in Danish and in Arabic, and the
 * bare stack's first screen (bench/reference) as the yardstick. Every score is the median of
 * LH_RUNS runs (default 3). Writes bench/results.json (key `lighthouse`, beside the `bench` key
 * of `npm run bench`) and prints a table.
 *
 * Run through bench/run.mjs (Node 20 cannot run TypeScript itself).
 * Environment: LH_RUNS, BENCH_SKIP_BUILD=1 (reuse the builds in dist/ and bench/reference/dist/).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Server } from 'node:http'
import { chromium } from 'playwright-core'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'
import { chromiumArgs } from '../tests/e2e/support/browser'
import { startCourse } from '../tests/e2e/support/plan'
import { benchPorts } from './lib/ports'
import { serveDir } from './lib/serve'

const root = fileURLToPath(new URL('../', import.meta.url))
const runs = Number(process.env.LH_RUNS ?? '3')
/** Ports of `npm run bench`: the shipped build and the bare stack (BENCH_PORTS moves them). */
const { trin, bare } = benchPorts()
const ports = { trin, bare } as const
const dists = { trin: `${root}dist`, bare: `${root}bench/reference/dist` }
const url = (port: number) => `http://127.0.0.1:${port}/`

function log(message: string): void {
  process.stderr.write(`[lighthouse ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

function build(): void {
  const vite = `${root}node_modules/vite/bin/vite.js`
  for (const args of [[], ['--config', 'bench/reference/vite.config.ts']]) {
    log(`vite build ${args.join(' ')}`)
    execFileSync(process.execPath, [vite, 'build', ...args, '--logLevel', 'error'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Not the NODE_ENV=development that Vite's module runner set in this process (bench.ts).
      env: { ...process.env, NODE_ENV: 'production' },
    })
  }
}

/**
 * A profile prepared through the UI before Lighthouse opens it: `null` is a first visit (no
 * profile; Lighthouse clears storage as usual), otherwise the profile directory.
 */
type Prepare = () => Promise<string | null>

async function withProfile(steps: (page: import('playwright-core').Page) => Promise<void>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'trin-lighthouse-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    serviceWorkers: 'allow',
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await steps(page)
  } finally {
    await context.close()
  }
  return dir
}

/**
 * Trin's first screen (the onboarding's language choice) on a first visit: no profile, the
 * browser set to `locale` (`--accept-lang` below), so the app starts in that language as it
 * does on a phone set to it.
 */
const firstScreenIn = (): Prepare => () => Promise.resolve(null)

/** Home with a new plan (made through the onboarding, no lock), in `locale`. */
const homeIn =
  (locale: string): Prepare =>
  () =>
    withProfile(async (page) => {
      // The e2e helpers find the app through TRIN_PORT (set by bench/run.mjs to the bench port).
      await page.goto(url(ports.trin))
      await startCourse(page)
      await page.locator('#language-picker').selectOption(locale)
      await page.waitForFunction((lang) => document.documentElement.lang === lang, locale)
      await page.locator('#course-status-heading').waitFor()
    })

interface Scenario {
  readonly name: string
  readonly app: keyof typeof ports
  readonly locale: string
  readonly prepare: Prepare
}

const scenarios: readonly Scenario[] = [
  { name: 'first screen, da', app: 'trin', locale: 'da', prepare: firstScreenIn() },
  { name: 'first screen, ar', app: 'trin', locale: 'ar', prepare: firstScreenIn() },
  { name: 'Home with a plan, da', app: 'trin', locale: 'da', prepare: homeIn('da') },
  { name: 'Home with a plan, ar', app: 'trin', locale: 'ar', prepare: homeIn('ar') },
  { name: 'bare stack, first screen, da', app: 'bare', locale: 'da', prepare: () => Promise.resolve(null) },
]

/** One Lighthouse run's figures: scores 0–100, times in ms. */
interface Figures {
  readonly performance: number
  readonly accessibility: number
  readonly bestPractices: number
  readonly tbtMs: number
  readonly lcpMs: number
  readonly fcpMs: number
  readonly cls: number
}

/** One audit's figures, and the ids of the accessibility and best-practice audits that failed. */
interface Audited {
  readonly figures: Figures
  readonly failing: readonly string[]
}

async function audit(scenario: Scenario): Promise<Audited> {
  const profile = await scenario.prepare()
  const userDataDir = profile ?? mkdtempSync(join(tmpdir(), 'trin-lighthouse-'))
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    // `--lang` is the browser's own language; `--accept-lang` is what pages read as
    // navigator.languages (without it, Debian's Chromium says en-US, and Trin starts in English).
    chromeFlags: [...chromiumArgs, `--lang=${scenario.locale}`, `--accept-lang=${scenario.locale}`],
    userDataDir,
    logLevel: 'silent',
  })
  try {
    const result = await lighthouse(url(ports[scenario.app]), {
      port: chrome.port,
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      // A prepared profile keeps its plan and language: the audit is of what a citizen sees.
      disableStorageReset: profile !== null,
      logLevel: 'error',
      output: 'json',
    })
    const lhr = result?.lhr
    if (!lhr) throw new Error(`Lighthouse gave no result for ${scenario.name}`)
    if (lhr.runtimeError) throw new Error(`${scenario.name}: ${lhr.runtimeError.message}`)
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    // What makes a score below 100: the audits of those two categories that failed, by id.
    const failing = ['accessibility', 'best-practices'].flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
        .map((ref) => {
          const items = (
            lhr.audits[ref.id]?.details as { items?: { node?: { selector?: string } }[] } | undefined
          )?.items
          const where = (items ?? []).flatMap((item) => (item.node?.selector ? [item.node.selector] : []))
          return where.length === 0 ? ref.id : `${ref.id} at ${where.join(', ')}`
        }),
    )
    const figures: Figures = {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      tbtMs: Math.round(value('total-blocking-time')),
      lcpMs: Math.round(value('largest-contentful-paint')),
      fcpMs: Math.round(value('first-contentful-paint')),
      cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
    }
    return { figures, failing }
  } finally {
    chrome.kill()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2
}

const figureNames = [
  'performance',
  'accessibility',
  'bestPractices',
  'tbtMs',
  'lcpMs',
  'fcpMs',
  'cls',
] as const

function medianFigures(samples: readonly Figures[]): Figures {
  const entries = figureNames.map((name) => [name, median(samples.map((s) => s[name]))] as const)
  return Object.fromEntries(entries) as unknown as Figures
}

function printTable(rows: readonly { readonly name: string; readonly figures: Figures }[]): void {
  const header = [
    'scenario',
    'Performance',
    'Accessibility',
    'Best Practices',
    'TBT ms',
    'LCP ms',
    'FCP ms',
    'CLS',
  ]
  const cells = rows.map(({ name, figures: f }) => [
    name,
    ...[f.performance, f.accessibility, f.bestPractices, f.tbtMs, f.lcpMs, f.fcpMs, f.cls].map(String),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const c of cells) console.log(line(c))
}

export async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') build()
  for (const dist of Object.values(dists))
    if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/index.html is missing: build first`)
  const servers: Server[] = []
  for (const app of Object.keys(ports) as (keyof typeof ports)[])
    servers.push(await serveDir(dists[app], ports[app]))
  try {
    const samples = new Map<string, Figures[]>()
    const failed = new Map<string, string[]>()
    // Round-robin, so a noisy neighbour hurts every scenario alike.
    for (let run = 0; run < runs; run += 1) {
      for (const scenario of scenarios) {
        log(`${scenario.name}, run ${run + 1}/${runs}`)
        const list = samples.get(scenario.name) ?? []
        const { figures, failing } = await audit(scenario)
        list.push(figures)
        samples.set(scenario.name, list)
        failed.set(scenario.name, [...(failed.get(scenario.name) ?? []), ...failing])
      }
    }
    const rows = scenarios.map((s) => ({ name: s.name, figures: medianFigures(samples.get(s.name) ?? []) }))
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        chromium: execFileSync('/usr/bin/chromium', ['--version']).toString().trim(),
      },
      settings: 'Lighthouse defaults: mobile form factor, simulated slow 4G and 4× CPU slowdown',
      runs,
      scenarios: Object.fromEntries(
        rows.map(({ name, figures }) => [
          name,
          { median: figures, samples: samples.get(name) ?? [], failingAudits: failed.get(name) ?? [] },
        ]),
      ),
    }
    const file = `${root}bench/results.json`
    const previous = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : {}
    writeFileSync(file, `${JSON.stringify({ ...previous, lighthouse: results }, null, 2)}\n`)
    console.log(`\nLighthouse, mobile — median of ${runs} runs\n`)
    printTable(rows)
    for (const [name, ids] of failed) {
      if (ids.length === 0) continue
      const counts = [...new Set(ids)].map(
        (id) => `${id} (${ids.filter((other) => other === id).length} of ${runs})`,
      )
      console.log(`failed audits, ${name}: ${counts.join(', ')}`)
    }
    console.log(`\nWritten to bench/results.json (${results.date})`)
  } finally {
    for (const server of servers) server.close()
  }
}
