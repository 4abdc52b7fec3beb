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
 * `npm run bench -- --baseline <rev>` (or BENCH_BASELINE=<rev>) builds that revision in a
 * temporary worktree (bench/lib/baseline.ts) and measures it in the same run, alternating with
 * the current tree, as the "before" column.
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
import { baselineRev, buildBaseline, viteBuild, type Baseline } from './lib/baseline'
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
/** The revision measured as "before", if any. */
const baselineAt = baselineRev(process.argv, process.env)

/**
 * Ports of the shipped build, the bench build (with the seeding hook) and the bare stack;
 * BENCH_PORTS (e.g. "4203,4213,4223") moves them where a shared machine has them free.
 */
const ports = benchPorts()
const url = (port: number) => `http://127.0.0.1:${port}/`

const dists: Record<keyof typeof ports, string> = {
  trin: `${root}dist`,
  trinBench: `${root}dist-bench`,
  bare: `${root}bench/reference/dist`,
  // Set once the baseline is built (main).
  baseline: '',
  baselineBench: '',
}

/** Trin now, Trin at the baseline revision, the bare stack. */
type AppName = 'trin' | 'baseline' | 'bare'
/** The Trin builds measured: the current tree, and the baseline when one is given. */
const trinBuilds = (): ('trin' | 'baseline')[] => (baselineAt === undefined ? ['trin'] : ['trin', 'baseline'])
/** Where a Trin build's bench build (with the seeding hook) is served. */
const benchUrl = (app: 'trin' | 'baseline') => url(app === 'trin' ? ports.trinBench : ports.baselineBench)

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
  viteBuild(root, ['build'], log)
  viteBuild(root, ['build', '--mode', 'bench'], log)
  viteBuild(root, ['build', '--config', 'bench/reference/vite.config.ts'], log)
}

/** What an app's first screen and first click look like, for the cold-start scenario. */
interface AppUnderTest {
  readonly name: AppName
  readonly port: number
  readonly dist: string
  readonly firstScreen: Ready
  readonly firstClick: { readonly selector: string; readonly ready: Ready }
}

const trinApp = (name: 'trin' | 'baseline'): AppUnderTest => ({
  name,
  port: name === 'trin' ? ports.trin : ports.baseline,
  dist: dists[name],
  // A first visit opens on the onboarding's language screen.
  firstScreen: { selector: '[data-step="language"]' },
  firstClick: { selector: '[data-locale="da"]', ready: { selector: '[data-step="about"]' } },
})
const bareApp: AppUnderTest = {
  name: 'bare',
  port: ports.bare,
  dist: dists.bare,
  firstScreen: { selector: '#home-heading' },
  firstClick: { selector: '[data-test="next"]', ready: { selector: '[data-page="about"]' } },
}

interface ColdStart {
  /**
   * A first visit (nothing stored, no service worker yet, from the local server), ×4: until the
   * first screen's own element is there.
   */
  readonly firstVisitMs: number
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
  let firstVisitMs: number
  try {
    await install.throttle(throttleRate)
    await install.page.goto(url(app.port))
    firstVisitMs = await waitReady(install.page, app.firstScreen)
    collecting = false
    // The install after it is not timed: at full speed.
    await install.throttle(1)
    await waitForOfflineReady(install.page)
  } catch (error) {
    await install.close()
    throw error
  }
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
    return { firstVisitMs, fcpMs, firstScreenMs, firstClick, loadedFiles }
  } finally {
    await cold.close()
  }
}

/**
 * A cold start, with the install before it tried again (up to three times): on a loaded machine
 * the service worker may take longer to precache than the e2e helper waits. The install is not
 * timed, so a retry changes no figure.
 */
async function installedColdStart(app: AppUnderTest): Promise<ColdStart> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await coldStart(app)
    } catch (error) {
      if (attempt >= 3) throw error
      log(`  ${app.name}: ${error instanceof Error ? error.message : String(error)}; again`)
    }
  }
}

interface LanguageSwitch {
  readonly notLoaded: Timed
  readonly loaded: Timed
}

/** Home (Trin: a course made through the onboarding), then da → ar (not loaded) → da (loaded). */
async function languageSwitch(app: AppName): Promise<LanguageSwitch> {
  const session = await openBenchSession()
  try {
    const { page } = session
    let screen: Ready
    if (app !== 'bare') {
      await startCourse(page, {}, benchUrl(app))
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
  /** The network screen with its map, from the plan screen. */
  readonly network: Stat
  readonly goalList: Stat
  readonly home: Stat
  /** Longest task over all screens and runs. */
  readonly maxTaskMs: number
  readonly backup?: { readonly exportMs: Stat; readonly importMs: Stat; readonly kib: number }
}

async function planFigures(size: number, app: 'trin' | 'baseline'): Promise<PlanFigures> {
  const session = await openBenchSession()
  try {
    const { page } = session
    await startCourse(page, { passphrase }, benchUrl(app))
    await page.waitForFunction(() => window.__trinBench !== undefined)
    log(`  seeding ${size} records`)
    const records = await page.evaluate((n) => window.__trinBench?.seed(n) ?? 0, size)
    const samples = {
      unlock: [] as number[],
      kdf: [] as number[],
      plan: [] as number[],
      network: [] as number[],
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
      // An older revision's hook may not time the KDF (bench/lib/baseline.ts): no figure then.
      const kdfMs = await page.evaluate(
        (secret) => (window.__trinBench?.kdfMs === undefined ? null : window.__trinBench.kdfMs(secret)),
        passphrase,
      )
      if (kdfMs !== null) samples.kdf.push(kdfMs)
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
        'network',
        await timed(page, () => page.locator('[data-test="plan-network"]').click(), {
          selector: '[data-test="network-map"]',
        }),
      )
      await page.locator('[data-nav="plan"]').click()
      await waitReady(page, { selector: '[data-test="area-card"]' })
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
      network: stat(samples.network),
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

/** Each measured Trin build's plan figures, by build and plan size. */
type PlansByBuild = Partial<Record<'trin' | 'baseline', Record<string, PlanFigures>>>

/**
 * Rows for each plan size measured, in the order of BENCH_SIZES: `of` picks a figure (or
 * null for none) from a plan, for the current tree and, beside it, the baseline.
 */
function rowsPerPlan(
  plans: PlansByBuild,
  rows: readonly { figure: (records: string) => string; of: (plan: PlanFigures) => number | null }[],
): Row[] {
  return sizes.flatMap((size) => {
    const now = plans.trin?.[size]
    if (now === undefined) return []
    const before = plans.baseline?.[size]
    return rows.flatMap(({ figure, of }): Row[] => {
      const trin = of(now)
      if (trin === null) return []
      const was = before === undefined ? null : of(before)
      return [
        {
          figure: figure(size.toLocaleString('en')),
          trin,
          ...(was === null ? {} : { before: was }),
          unit: 'ms',
        },
      ]
    })
  })
}

/** Plans of every size for each Trin build, alternating the builds per size. */
async function measurePlans(): Promise<PlansByBuild> {
  const plans: PlansByBuild = {}
  for (const size of sizes)
    for (const app of trinBuilds()) {
      log(`${app}: plan of ${size} records${unlockOnly ? ', unlock only' : ''}`)
      plans[app] = { ...plans[app], [size]: await planFigures(size, app) }
    }
  return plans
}

const kdfOf = (p: PlanFigures): number | null => (p.kdf.samples.length === 0 ? null : p.kdf.median)

/** The unlock rows: each plan size, the KDF alone, beyond it, the longest task. */
const unlockRows = [
  {
    figure: (n: string) => `unlock → Home, ${n} records, ×${throttleRate}`,
    of: (p: PlanFigures) => p.unlock.median,
  },
  { figure: () => `  of which the KDF alone, ×${throttleRate}`, of: kdfOf },
  {
    figure: () => `  beyond the KDF, ×${throttleRate}`,
    of: (p: PlanFigures) => {
      const kdf = kdfOf(p)
      return kdf === null ? null : p.unlock.median - kdf
    },
  },
  {
    figure: () => `  longest task of the unlocks, ×${throttleRate}`,
    of: (p: PlanFigures) => p.unlockMaxTaskMs,
  },
]

/** The unlock cost per 1,000 records, now and before. */
function perThousandRow(plans: PlansByBuild): Row[] {
  const now = plans.trin === undefined ? null : unlockMsPer1000(plans.trin)
  if (now === null) return []
  const before = plans.baseline === undefined ? null : unlockMsPer1000(plans.baseline)
  return [
    {
      figure: 'unlock cost per 1,000 records',
      trin: now,
      ...(before === null ? {} : { before }),
      unit: 'ms',
    },
  ]
}

/** BENCH_ONLY=unlock: the unlock figures of each plan size, printed, not written to results.json. */
async function unlockFigures(): Promise<void> {
  const plans = await measurePlans()
  console.log(`\nTrin's unlock — median of ${runs} runs, CPU ×${throttleRate}\n`)
  printTable([...rowsPerPlan(plans, unlockRows), ...perThousandRow(plans)])
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
  /** The baseline revision's figure, when one is measured. */
  readonly before?: number | string
  readonly bare?: number | string
  readonly unit: string
}

function ratio(trin: number | string | undefined, bare: number | string | undefined): string {
  if (typeof trin !== 'number' || typeof bare !== 'number' || bare === 0) return ''
  return (trin / bare).toFixed(2)
}

function cell(value: number | string | undefined, unit: string): string {
  if (value === undefined) return ''
  return typeof value === 'number' ? `${value.toLocaleString('en')} ${unit}`.trim() : value
}

function printTable(rows: readonly Row[]): void {
  const withBefore = baselineAt !== undefined
  const header = withBefore
    ? ['figure', `before (${baselineAt})`, 'Trin', 'bare stack', 'ratio before', 'ratio']
    : ['figure', 'Trin', 'bare stack', 'ratio']
  const cells = rows.map((r) =>
    withBefore
      ? [
          r.figure,
          cell(r.before, r.unit),
          cell(r.trin, r.unit),
          cell(r.bare, r.unit),
          ratio(r.before, r.bare),
          ratio(r.trin, r.bare),
        ]
      : [r.figure, cell(r.trin, r.unit), cell(r.bare, r.unit), ratio(r.trin, r.bare)],
  )
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const c of cells) console.log(line(c))
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** A figure of Trin now, the baseline (if measured) and the bare stack, as a table row. */
function triple(figure: string, values: Partial<Record<AppName, number>>, unit: string): Row {
  return {
    figure,
    trin: values.trin ?? '',
    ...(values.baseline === undefined ? {} : { before: values.baseline }),
    ...(values.bare === undefined ? {} : { bare: values.bare }),
    unit,
  }
}

export async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') build()
  let baseline: Baseline | undefined
  if (baselineAt !== undefined) {
    baseline = buildBaseline(root, baselineAt, log)
    dists.baseline = baseline.dists.trin
    dists.baselineBench = baseline.dists.trinBench
  }
  const codes = localeList.map((l) => l.code)
  const bytes: Partial<Record<AppName, BuildBytes>> = {
    trin: measureBuild(dists.trin, codes),
    bare: measureBuild(dists.bare, ['da', 'ar']),
    ...(baseline ? { baseline: measureBuild(dists.baseline, codes) } : {}),
  }

  const servers: Server[] = []
  for (const [key, port] of Object.entries(ports) as [keyof typeof ports, number][])
    if (dists[key] !== '') servers.push(await serveDir(dists[key], port))
  try {
    if (unlockOnly) {
      await unlockFigures()
      return
    }
    const apps: AppName[] = [...trinBuilds(), 'bare']
    const cold: Partial<Record<AppName, ColdStart[]>> = {}
    const lang: Partial<Record<AppName, LanguageSwitch[]>> = {}
    for (let run = 0; run < runs; run += 1) {
      log(`cold start and first click, run ${run + 1}/${runs}`)
      // Alternating, so a noisy neighbour hurts every app alike.
      for (const app of apps) {
        log(`  ${app}`)
        cold[app] = [...(cold[app] ?? []), await installedColdStart(app === 'bare' ? bareApp : trinApp(app))]
      }
      log(`language switch, run ${run + 1}/${runs}`)
      for (const app of apps) lang[app] = [...(lang[app] ?? []), await languageSwitch(app)]
    }
    const plans = await measurePlans()

    /** The median of a figure for every app measured. */
    const each = <T>(of: Partial<Record<AppName, T[]>>, pick: (t: T) => number) =>
      Object.fromEntries(
        apps.flatMap((app) => (of[app] === undefined ? [] : [[app, stat(of[app].map(pick))]])),
      ) as Partial<Record<AppName, Stat>>
    const medians = (stats: Partial<Record<AppName, Stat>>) =>
      Object.fromEntries(Object.entries(stats).map(([app, s]) => [app, s.median])) as Partial<
        Record<AppName, number>
      >
    const firstLoaded = Object.fromEntries(
      apps.map((app) => [app, round1(loadedKiB(dists[app], cold[app]?.[0]?.loadedFiles ?? []))]),
    ) as Partial<Record<AppName, number>>
    const timings = {
      firstVisitFirstScreen: each(cold, (c) => c.firstVisitMs),
      offlineColdStartFcp: each(cold, (c) => c.fcpMs),
      offlineColdStartFirstScreen: each(cold, (c) => c.firstScreenMs),
      firstClick: each(cold, (c) => c.firstClick.ms),
      languageSwitchLoaded: each(lang, (l) => l.loaded.ms),
      languageSwitchNotLoaded: each(lang, (l) => l.notLoaded.ms),
    }
    const firstScreenStatic = Object.fromEntries(
      Object.entries(bytes).map(([app, b]) => [app, round1(b.firstScreenKiB)]),
    ) as Partial<Record<AppName, number>>

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
      baseline: baseline ? { rev: baseline.rev, commit: baseline.commit } : null,
      bytes: {
        firstScreenStatic,
        firstScreenLoaded: firstLoaded,
        firstScreenFilesLoaded: Object.fromEntries(apps.map((app) => [app, cold[app]?.[0]?.loadedFiles])),
        ...bytes,
      },
      timings,
      plans: plans.trin,
      ...(plans.baseline ? { baselinePlans: plans.baseline } : {}),
      unlockMsPer1000Records: plans.trin ? unlockMsPer1000(plans.trin) : null,
      notBuiltYet: ['share package export/import', 'caseload'],
    }

    const file = `${root}bench/results.json`
    const previous = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : {}
    writeFileSync(file, `${JSON.stringify({ ...previous, bench: results }, null, 2)}\n`)

    const x = `×${throttleRate}`
    const rows: Row[] = [
      triple('first screen JS+CSS, gzip (index.html)', firstScreenStatic, 'KiB'),
      triple('first screen JS+CSS, gzip (as loaded)', firstLoaded, 'KiB'),
      triple(`first visit to first screen, ${x}`, medians(timings.firstVisitFirstScreen), 'ms'),
      triple(`offline cold start to first content, ${x}`, medians(timings.offlineColdStartFcp), 'ms'),
      triple(`offline cold start to first screen, ${x}`, medians(timings.offlineColdStartFirstScreen), 'ms'),
      triple(`first click handled, ${x}`, medians(timings.firstClick), 'ms'),
      triple(`language switch, loaded, ${x}`, medians(timings.languageSwitchLoaded), 'ms'),
      triple(`language switch, not loaded, ${x}`, medians(timings.languageSwitchNotLoaded), 'ms'),
      ...rowsPerPlan(plans, [
        ...unlockRows,
        { figure: (n) => `plan screen, ${n} records, ${x}`, of: (p) => p.plan.median },
        {
          figure: (n) => `network map, ${n} records, ${x}`,
          of: (p) => (p.network.samples.length === 0 ? null : p.network.median),
        },
        { figure: (n) => `goal list, ${n} records, ${x}`, of: (p) => p.goalList.median },
        { figure: (n) => `back to Home, ${n} records, ${x}`, of: (p) => p.home.median },
        { figure: (n) => `longest task, ${n} records, ${x}`, of: (p) => p.maxTaskMs },
        { figure: (n) => `backup export, ${n} records, ${x}`, of: (p) => p.backup?.exportMs.median ?? null },
        { figure: (n) => `backup import, ${n} records, ${x}`, of: (p) => p.backup?.importMs.median ?? null },
      ]),
      ...perThousandRow(plans),
    ]
    const largest = (b: BuildBytes | undefined) =>
      b === undefined ? undefined : round1(Math.max(...Object.values(b.locales)))
    rows.push(
      triple(
        'locale chunk, largest, gzip',
        { trin: largest(bytes.trin), ...(bytes.baseline ? { baseline: largest(bytes.baseline) } : {}) },
        'KiB',
      ),
      triple(
        'KDF worker, gzip',
        {
          trin: round1(bytes.trin?.kdfWorker?.kib ?? 0),
          ...(bytes.baseline ? { baseline: round1(bytes.baseline.kdfWorker?.kib ?? 0) } : {}),
        },
        'KiB',
      ),
      {
        figure: `lazy chunk, largest (${bytes.trin?.lazy[0]?.file ?? '-'})`,
        trin: round1(bytes.trin?.lazy[0]?.kib ?? 0),
        unit: 'KiB',
      },
      { figure: 'share package export/import, caseload', trin: 'not built yet', unit: '' },
    )
    console.log(`\nTrin vs the bare stack — median of ${runs} runs, CPU ×${throttleRate} where marked\n`)
    printTable(rows)
    console.log('\nLazy chunks (gzip KiB):')
    console.log(
      (bytes.trin?.lazy ?? []).map((c) => `  ${c.file.replace('assets/', '')} ${round1(c.kib)}`).join('\n'),
    )
    console.log(`\nWritten to bench/results.json (${results.date})`)
  } finally {
    for (const server of servers) server.close()
    baseline?.remove()
  }
}
