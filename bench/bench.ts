/**
 * `npm run bench`: Trin against the bare stack (bench/reference), both production builds served
 * on 127.0.0.1, in Debian Chromium with the CPU throttled 4× through the DevTools protocol.
 * Every timed figure is the median of BENCH_RUNS runs (default 5). Writes bench/results.json
 * (key `bench`; `npm run lighthouse` writes key `lighthouse`) and prints a table.
 *
 * Run through bench/run.mjs (Node 20 cannot run TypeScript itself).
 * Environment: BENCH_RUNS, BENCH_SIZES (e.g. "100,2000"), BENCH_SKIP_BUILD=1 (reuse the builds),
 * BENCH_PORTS (see bench/lib/ports.ts), BENCH_ONLY=unlock (only the unlock figures: no cold start,
 * language switch, screens after Home or backup; prints its table and leaves bench/results.json
 * alone, so a partial run never replaces a full one).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { Server } from 'node:http'
import { localeList } from '../locales'
import { waitForOfflineReady } from '../tests/e2e/support/browser'
import { startCourse } from '../tests/e2e/support/plan'
import { measureBuild, gzipKiB, type BuildBytes } from '../scripts/lib/build-bytes'
import { benchPorts } from './lib/ports'
import { serveDir } from './lib/serve'
import { firstContentfulPaint, openBenchSession, timed, waitReady, type Ready, type Timed } from './lib/probe'

const root = fileURLToPath(new URL('../', import.meta.url))
const runs = Number(process.env.BENCH_RUNS ?? '5')
const sizes = (process.env.BENCH_SIZES ?? '100,2000,10000').split(',').map(Number)
const only = process.env.BENCH_ONLY
if (only !== undefined && only !== 'unlock') throw new Error(`BENCH_ONLY knows only "unlock", not "${only}"`)
/** Only the unlock figures (BENCH_ONLY=unlock). */
const unlockOnly = only === 'unlock'
const throttleRate = 4
const passphrase = 'bench horse battery staple'

/**
 * Ports of the shipped build, the bench build (with the seeding hook) and the bare stack;
 * BENCH_PORTS (e.g. "4203,4213,4223") moves them where a shared machine has them free.
 */
const ports = benchPorts()
const url = (port: number) => `http://127.0.0.1:${port}/`

const dists = {
  trin: `${root}dist`,
  trinBench: `${root}dist-bench`,
  bare: `${root}bench/reference/dist`,
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Samples and their median, rounded to whole ms. */
interface Stat {
  readonly median: number
  readonly samples: readonly number[]
}
const stat = (samples: readonly number[]): Stat => ({
  median: Math.round(median(samples)),
  samples: samples.map((s) => Math.round(s)),
})

function build(): void {
  const vite = `${root}node_modules/vite/bin/vite.js`
  const run = (args: string[]) => {
    log(`vite ${args.join(' ')}`)
    execFileSync(process.execPath, [vite, ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Vite's module runner, which loaded this script, set NODE_ENV=development in this
      // process; inherited, it made every build a development build (unminified, Vue's dev
      // checks, 173 instead of 122 KiB): measured, then, was not what ships.
      env: { ...process.env, NODE_ENV: 'production' },
    })
  }
  run(['build', '--logLevel', 'error'])
  run(['build', '--mode', 'bench', '--logLevel', 'error'])
  run(['build', '--config', 'bench/reference/vite.config.ts', '--logLevel', 'error'])
}

/** What an app's first screen and first click look like, for the cold-start scenario. */
interface AppUnderTest {
  readonly name: 'trin' | 'bare'
  readonly port: number
  readonly dist: string
  readonly firstScreen: Ready
  readonly firstClick: { readonly selector: string; readonly ready: Ready }
}

const trinApp: AppUnderTest = {
  name: 'trin',
  port: ports.trin,
  dist: dists.trin,
  // A first visit opens on the onboarding's language screen.
  firstScreen: { selector: '[data-step="language"]' },
  firstClick: { selector: '[data-locale="da"]', ready: { selector: '[data-step="about"]' } },
}
const bareApp: AppUnderTest = {
  name: 'bare',
  port: ports.bare,
  dist: dists.bare,
  firstScreen: { selector: '#home-heading' },
  firstClick: { selector: '[data-test="next"]', ready: { selector: '[data-page="about"]' } },
}

interface ColdStart {
  /** Offline, a new browser process on an installed profile: first contentful paint. */
  readonly fcpMs: number
  /** The same start until the first screen's own element is there. */
  readonly firstScreenMs: number
  readonly firstClick: Timed
  /** JS and CSS the page itself fetched before its first screen showed (first, online visit). */
  readonly loadedFiles: readonly string[]
}

async function coldStart(app: AppUnderTest): Promise<ColdStart> {
  const install = await openBenchSession()
  const loadedFiles: string[] = []
  let collecting = true
  install.page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (collecting && /\.(js|css)$/.test(path)) loadedFiles.push(path.slice(1))
  })
  await install.page.goto(url(app.port))
  await waitReady(install.page, app.firstScreen)
  collecting = false
  await waitForOfflineReady(install.page)
  await install.close(true)

  const cold = await openBenchSession(install.userDataDir)
  try {
    await cold.context.setOffline(true)
    await cold.throttle(throttleRate)
    await cold.page.goto(url(app.port))
    const firstScreenMs = await waitReady(cold.page, app.firstScreen)
    const fcpMs = await firstContentfulPaint(cold.page)
    const firstClick = await timed(
      cold.page,
      () => cold.page.locator(app.firstClick.selector).click(),
      app.firstClick.ready,
    )
    return { fcpMs, firstScreenMs, firstClick, loadedFiles }
  } finally {
    await cold.close()
  }
}

interface LanguageSwitch {
  readonly notLoaded: Timed
  readonly loaded: Timed
}

/** Home (Trin: a course made through the onboarding), then da → ar (not loaded) → da (loaded). */
async function languageSwitch(app: 'trin' | 'bare'): Promise<LanguageSwitch> {
  const session = await openBenchSession()
  try {
    const { page } = session
    let screen: Ready
    if (app === 'trin') {
      await startCourse(page)
      screen = { selector: '#course-status-heading' }
    } else {
      await page.goto(url(ports.bare))
      screen = { selector: '#home-heading' }
    }
    await waitReady(page, screen)
    await session.throttle(throttleRate)
    const pick = (code: string) => async () => {
      await page.locator('#language-picker').selectOption(code)
    }
    const notLoaded = await timed(page, pick('ar'), { ...screen, lang: 'ar' })
    const loaded = await timed(page, pick('da'), { ...screen, lang: 'da' })
    return { notLoaded, loaded }
  } finally {
    await session.close()
  }
}

interface PlanFigures {
  readonly records: number
  readonly unlock: Stat
  /** The passphrase's key derivation alone, in the same page and throttling (part of `unlock`). */
  readonly kdf: Stat
  /** Longest task of the unlocks. */
  readonly unlockMaxTaskMs: number
  readonly plan: Stat
  readonly goalList: Stat
  readonly home: Stat
  /** Longest task over all screens and runs. */
  readonly maxTaskMs: number
  readonly backup?: { readonly exportMs: Stat; readonly importMs: Stat; readonly kib: number }
}

async function planFigures(size: number): Promise<PlanFigures> {
  const session = await openBenchSession()
  try {
    const { page } = session
    await startCourse(page, { passphrase })
    await page.waitForFunction(() => window.__trinBench !== undefined)
    log(`  seeding ${size} records`)
    const records = await page.evaluate((n) => window.__trinBench?.seed(n) ?? 0, size)
    const samples = {
      unlock: [] as number[],
      kdf: [] as number[],
      plan: [] as number[],
      goalList: [] as number[],
      home: [] as number[],
    }
    let maxTaskMs = 0
    let unlockMaxTaskMs = 0
    const keep = (key: keyof typeof samples, result: Timed) => {
      samples[key].push(result.ms)
      maxTaskMs = Math.max(maxTaskMs, result.maxTaskMs)
      if (key === 'unlock') unlockMaxTaskMs = Math.max(unlockMaxTaskMs, result.maxTaskMs)
    }
    for (let run = 0; run < runs; run += 1) {
      await page.reload()
      await waitReady(page, { selector: '#unlock-passphrase' })
      await session.throttle(throttleRate)
      await page.locator('#unlock-passphrase').fill(passphrase)
      keep(
        'unlock',
        await timed(page, () => page.locator('[data-test="unlock"]').click(), {
          selector: '#course-status-heading',
        }),
      )
      const kdfMs = await page.evaluate((secret) => window.__trinBench?.kdfMs(secret), passphrase)
      if (kdfMs === undefined) throw new Error('The bench hook is missing')
      samples.kdf.push(kdfMs)
      if (unlockOnly) {
        await session.throttle(1)
        continue
      }
      keep(
        'plan',
        await timed(page, () => page.locator('[data-nav="plan"]').click(), {
          selector: '[data-test="area-card"]',
        }),
      )
      keep(
        'goalList',
        await timed(page, () => page.locator('[data-test="area-card"] h2 a').first().click(), {
          selector: '[data-test="goal-list"] li',
        }),
      )
      keep(
        'home',
        await timed(page, () => page.locator('[data-nav="start"]').click(), {
          selector: '#course-status-heading',
        }),
      )
      await session.throttle(1)
    }
    let backup: PlanFigures['backup']
    if (size === 2000 && !unlockOnly) {
      log('  backup export and import')
      await session.throttle(throttleRate)
      const exportMs: number[] = []
      const importMs: number[] = []
      let bytes = 0
      for (let run = 0; run < runs; run += 1) {
        const trip = await page.evaluate((secret) => window.__trinBench?.backupRoundTrip(secret), passphrase)
        if (!trip) throw new Error('The bench hook is missing')
        exportMs.push(trip.exportMs)
        importMs.push(trip.importMs)
        bytes = trip.bytes
      }
      backup = { exportMs: stat(exportMs), importMs: stat(importMs), kib: Math.round(bytes / 1024) }
    }
    return {
      records,
      unlock: stat(samples.unlock),
      kdf: stat(samples.kdf),
      unlockMaxTaskMs: Math.round(unlockMaxTaskMs),
      plan: stat(samples.plan),
      goalList: stat(samples.goalList),
      home: stat(samples.home),
      maxTaskMs: Math.round(maxTaskMs),
      ...(backup ? { backup } : {}),
    }
  } finally {
    await session.close()
  }
}

/** What each further 1,000 records add to the unlock: the slope between the smallest and largest plan. */
function unlockMsPer1000(plans: Readonly<Record<string, PlanFigures>>): number | null {
  const measured = sizes.filter((n) => plans[n] !== undefined).sort((a, b) => a - b)
  const small = measured[0]
  const large = measured.at(-1)
  if (small === undefined || large === undefined || small === large) return null
  const at = (n: number) => plans[n]?.unlock.median ?? Number.NaN
  return Math.round(((at(large) - at(small)) / (large - small)) * 1000)
}

/** The rows `of` gives for each plan size measured, in the order of BENCH_SIZES. */
function rowsPerPlan(
  plans: Readonly<Record<string, PlanFigures>>,
  of: (plan: PlanFigures, records: string) => Row[],
): Row[] {
  return sizes.flatMap((size) => {
    const plan = plans[size]
    return plan ? of(plan, size.toLocaleString('en')) : []
  })
}

/** BENCH_ONLY=unlock: the unlock figures of each plan size, printed, not written to results.json. */
async function unlockFigures(): Promise<void> {
  const plans: Record<string, PlanFigures> = {}
  for (const size of sizes) {
    log(`plan of ${size} records, unlock only`)
    plans[size] = await planFigures(size)
  }
  const rows = rowsPerPlan(plans, (p, n) => [
    { figure: `unlock → Home, ${n} records, ×${throttleRate}`, trin: p.unlock.median, unit: 'ms' },
    { figure: `  of which the KDF alone, ×${throttleRate}`, trin: p.kdf.median, unit: 'ms' },
    { figure: `  beyond the KDF, ×${throttleRate}`, trin: p.unlock.median - p.kdf.median, unit: 'ms' },
    { figure: `longest task of the unlocks, ×${throttleRate}`, trin: p.unlockMaxTaskMs, unit: 'ms' },
  ])
  const msPer1000 = unlockMsPer1000(plans)
  if (msPer1000 !== null) rows.push({ figure: 'unlock cost per 1,000 records', trin: msPer1000, unit: 'ms' })
  console.log(`\nTrin's unlock — median of ${runs} runs, CPU ×${throttleRate}\n`)
  printTable(rows)
  console.log(JSON.stringify(plans))
}

/** KiB of gzip of the files a page loaded (paths relative to the dist folder). */
function loadedKiB(dist: string, files: readonly string[]): number {
  return [...new Set(files)]
    .filter((f) => existsSync(`${dist}/${f}`))
    .reduce((s, f) => s + gzipKiB(`${dist}/${f}`), 0)
}

interface Row {
  readonly figure: string
  readonly trin: number | string
  readonly bare?: number | string
  readonly unit: string
}

function ratio(trin: number | string, bare: number | string | undefined): string {
  if (typeof trin !== 'number' || typeof bare !== 'number' || bare === 0) return ''
  return (trin / bare).toFixed(2)
}

function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) => [
    r.figure,
    `${typeof r.trin === 'number' ? r.trin.toLocaleString('en') : r.trin} ${typeof r.trin === 'number' ? r.unit : ''}`.trim(),
    r.bare === undefined
      ? ''
      : `${typeof r.bare === 'number' ? r.bare.toLocaleString('en') : r.bare} ${r.unit}`.trim(),
    ratio(r.trin, r.bare),
  ])
  const header = ['figure', 'Trin', 'bare stack', 'ratio']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const c of cells) console.log(line(c))
}

const round1 = (n: number) => Math.round(n * 10) / 10

export async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') build()
  const codes = localeList.map((l) => l.code)
  const bytes: Record<'trin' | 'bare', BuildBytes> = {
    trin: measureBuild(dists.trin, codes),
    bare: measureBuild(dists.bare, ['da', 'ar']),
  }

  const servers: Server[] = []
  for (const [key, port] of Object.entries(ports) as [keyof typeof ports, number][])
    servers.push(await serveDir(dists[key], port))
  try {
    if (unlockOnly) {
      await unlockFigures()
      return
    }
    const cold: Record<'trin' | 'bare', ColdStart[]> = { trin: [], bare: [] }
    const lang: Record<'trin' | 'bare', LanguageSwitch[]> = { trin: [], bare: [] }
    for (let run = 0; run < runs; run += 1) {
      log(`cold start and first click, run ${run + 1}/${runs}`)
      // Alternating, so a noisy neighbour hurts both apps alike.
      for (const app of [trinApp, bareApp]) cold[app.name].push(await coldStart(app))
      log(`language switch, run ${run + 1}/${runs}`)
      for (const app of ['trin', 'bare'] as const) lang[app].push(await languageSwitch(app))
    }
    const plans: Record<string, PlanFigures> = {}
    for (const size of sizes) {
      log(`plan of ${size} records`)
      plans[size] = await planFigures(size)
    }

    const coldStat = (app: 'trin' | 'bare', pick: (c: ColdStart) => number) => stat(cold[app].map(pick))
    const langStat = (app: 'trin' | 'bare', pick: (c: LanguageSwitch) => Timed) =>
      stat(lang[app].map((l) => pick(l).ms))
    const firstLoaded = {
      trin: round1(loadedKiB(dists.trin, cold.trin[0]?.loadedFiles ?? [])),
      bare: round1(loadedKiB(dists.bare, cold.bare[0]?.loadedFiles ?? [])),
    }
    const timings = {
      offlineColdStartFcp: { trin: coldStat('trin', (c) => c.fcpMs), bare: coldStat('bare', (c) => c.fcpMs) },
      offlineColdStartFirstScreen: {
        trin: coldStat('trin', (c) => c.firstScreenMs),
        bare: coldStat('bare', (c) => c.firstScreenMs),
      },
      firstClick: {
        trin: coldStat('trin', (c) => c.firstClick.ms),
        bare: coldStat('bare', (c) => c.firstClick.ms),
      },
      languageSwitchLoaded: {
        trin: langStat('trin', (l) => l.loaded),
        bare: langStat('bare', (l) => l.loaded),
      },
      languageSwitchNotLoaded: {
        trin: langStat('trin', (l) => l.notLoaded),
        bare: langStat('bare', (l) => l.notLoaded),
      },
    }
    const msPer1000 = unlockMsPer1000(plans)

    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        chromium: execFileSync('/usr/bin/chromium', ['--version']).toString().trim(),
        note: 'shared machine, other work running: noisy',
      },
      runs,
      cpuThrottling: throttleRate,
      bytes: {
        firstScreenStatic: {
          trin: round1(bytes.trin.firstScreenKiB),
          bare: round1(bytes.bare.firstScreenKiB),
        },
        firstScreenLoaded: firstLoaded,
        firstScreenFilesLoaded: { trin: cold.trin[0]?.loadedFiles, bare: cold.bare[0]?.loadedFiles },
        trin: bytes.trin,
        bare: bytes.bare,
      },
      timings,
      plans,
      unlockMsPer1000Records: msPer1000,
      notBuiltYet: ['share package export/import', 'network map', 'caseload'],
    }

    const file = `${root}bench/results.json`
    const previous = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : {}
    writeFileSync(file, `${JSON.stringify({ ...previous, bench: results }, null, 2)}\n`)

    const rows: Row[] = [
      {
        figure: 'first screen JS+CSS, gzip (index.html)',
        trin: round1(bytes.trin.firstScreenKiB),
        bare: round1(bytes.bare.firstScreenKiB),
        unit: 'KiB',
      },
      {
        figure: 'first screen JS+CSS, gzip (as loaded)',
        trin: firstLoaded.trin,
        bare: firstLoaded.bare,
        unit: 'KiB',
      },
      {
        figure: `offline cold start to first content, ×${throttleRate}`,
        trin: timings.offlineColdStartFcp.trin.median,
        bare: timings.offlineColdStartFcp.bare.median,
        unit: 'ms',
      },
      {
        figure: `offline cold start to first screen, ×${throttleRate}`,
        trin: timings.offlineColdStartFirstScreen.trin.median,
        bare: timings.offlineColdStartFirstScreen.bare.median,
        unit: 'ms',
      },
      {
        figure: `first click handled, ×${throttleRate}`,
        trin: timings.firstClick.trin.median,
        bare: timings.firstClick.bare.median,
        unit: 'ms',
      },
      {
        figure: `language switch, loaded, ×${throttleRate}`,
        trin: timings.languageSwitchLoaded.trin.median,
        bare: timings.languageSwitchLoaded.bare.median,
        unit: 'ms',
      },
      {
        figure: `language switch, not loaded, ×${throttleRate}`,
        trin: timings.languageSwitchNotLoaded.trin.median,
        bare: timings.languageSwitchNotLoaded.bare.median,
        unit: 'ms',
      },
    ]
    rows.push(
      ...rowsPerPlan(plans, (p, n) => [
        { figure: `unlock → Home, ${n} records, ×${throttleRate}`, trin: p.unlock.median, unit: 'ms' },
        { figure: `plan screen, ${n} records, ×${throttleRate}`, trin: p.plan.median, unit: 'ms' },
        { figure: `goal list, ${n} records, ×${throttleRate}`, trin: p.goalList.median, unit: 'ms' },
        { figure: `back to Home, ${n} records, ×${throttleRate}`, trin: p.home.median, unit: 'ms' },
        { figure: `longest task, ${n} records, ×${throttleRate}`, trin: p.maxTaskMs, unit: 'ms' },
        ...(p.backup
          ? [
              {
                figure: `backup export, ${n} records, ×${throttleRate}`,
                trin: p.backup.exportMs.median,
                unit: 'ms',
              },
              {
                figure: `backup import, ${n} records, ×${throttleRate}`,
                trin: p.backup.importMs.median,
                unit: 'ms',
              },
            ]
          : []),
      ]),
    )
    if (msPer1000 !== null)
      rows.push({ figure: 'unlock cost per 1,000 records', trin: msPer1000, unit: 'ms' })
    rows.push(
      {
        figure: 'locale chunk, largest, gzip',
        trin: round1(Math.max(...Object.values(bytes.trin.locales))),
        unit: 'KiB',
      },
      { figure: 'KDF worker, gzip', trin: round1(bytes.trin.kdfWorker?.kib ?? 0), unit: 'KiB' },
      {
        figure: `lazy chunk, largest (${bytes.trin.lazy[0]?.file ?? '-'})`,
        trin: round1(bytes.trin.lazy[0]?.kib ?? 0),
        unit: 'KiB',
      },
      { figure: 'share package export/import', trin: 'not built yet', unit: '' },
      { figure: 'network map, caseload', trin: 'not built yet', unit: '' },
    )
    console.log(`\nTrin vs the bare stack — median of ${runs} runs, CPU ×${throttleRate} where marked\n`)
    printTable(rows)
    console.log('\nLazy chunks (gzip KiB):')
    console.log(bytes.trin.lazy.map((c) => `  ${c.file.replace('assets/', '')} ${round1(c.kib)}`).join('\n'))
    console.log(`\nWritten to bench/results.json (${results.date})`)
  } finally {
    for (const server of servers) server.close()
  }
}
