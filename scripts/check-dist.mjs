// Checks the production build: no eval-like code in the app's bundles (it could not run under
// our CSP anyway, and its presence means a runtime compiler slipped in), the manifest and
// service worker are there, and the bundle stays within its size budget.
// Usage: node scripts/check-dist.mjs   (after `npm run build`)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Budgets in KiB of gzip. Raise them only with a reason in the commit message. */
export const budgets = {
  initialJs: 150,
  initialCss: 10,
  anyLazyChunk: 60,
  // Everything one visit downloads so the app works offline: every language's every namespace.
  // 600 → 625 (2026-12-07): sharing (issue #14) added screens and messages in 11 languages.
  // 625 → 655 (2026-12-07): the worker's device (issue #14 item 6): its screens, the QR
  // scanner's ponyfill and messages in 11 languages. The QR decoder's WebAssembly (about
  // 450 KiB gzip) is not precached: only a worker's phone scans; its service worker keeps the
  // file once fetched, and a worker's device fetches it ahead (src/features/qr/qrDetector.ts).
  // 655 → 720 (2026-12-07): the three parts of issue #14 measured together (703.6): item-by-item
  // share switches, pairing and sending, visit mode and the worker's screens, about 90 KiB of it
  // their messages in 11 languages. Every language stays precached: an interpreter switches
  // language mid-conversation, offline.
  // 720 → 785 (2026-12-07): worker mode (issue #15, measured 779.1): proposals on both phones,
  // the visit log and its chart, fidelity reminders, the end of access — screens and their
  // messages in 11 languages.
  // 785 → 790 (2026-12-07, measured 788.9): the worker's own rating form, the removal that keeps
  // the visit log, the last visit on the caseload card, their messages in 11 languages.
  // 790 → 792 (2026-12-07, measured 791.0): the first screen back under its 125 KiB target
  // (125.65 → 123.4, issue #11) by moving the worker's record schemas and the lock screen's
  // read-aloud into chunks of their own, loaded when needed: 2.2 KiB left the first screen and
  // the precache grew 2.1 KiB, what two more files compressed apart cost (README, Speed).
  // 792 → 793 (2026-12-07, measured 792.1): the onboarding imports the worker's quiet choice from
  // its own file, so a first visit no longer loads every worker screen (76 → 45 files before the
  // language screen); the chunks that split apart compress 1.3 KiB worse in the precache.
  // 793 → 780 (2026-12-07, measured 773.8): Home in two chunks (`early`, `home`) instead of about
  // fifty small files compresses 18 KiB better; the budget follows it down.
  precacheTotal: 780,
}

const dist = process.argv[2] ?? 'dist'
const failures = []
const gz = (file) => gzipSync(readFileSync(file)).length / 1024

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run npm run build first')
  process.exit(1)
}

const files = walk(dist)
const scripts = files.filter((f) => f.endsWith('.js'))
const evalPattern = /new Function|\beval\(/
for (const file of scripts) {
  const code = readFileSync(file, 'utf8')
  if (evalPattern.test(code)) failures.push(`${file} contains eval or new Function`)
  // The benchmark's seeding hook exists only in `vite build --mode bench` (bench/app-hook.ts).
  if (code.includes('__trinBench')) failures.push(`${file} contains the bench-only hook`)
}

for (const required of [
  'manifest.webmanifest',
  'sw.js',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/maskable-512.png',
]) {
  if (!existsSync(join(dist, required))) failures.push(`dist/${required} is missing`)
}

const html = readFileSync(join(dist, 'index.html'), 'utf8')
if (!html.includes('http-equiv="Content-Security-Policy"'))
  failures.push('index.html has no Content-Security-Policy meta tag')
// The Danish messages' core loads with the entry, not after it has run (vite.config.ts, preloadFirstLocale).
if (!/<link rel="modulepreload"[^>]*href="\/assets\/da\.core-[^"]+\.js"/.test(html))
  failures.push('index.html does not preload the Danish messages')
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html))
  failures.push('index.html has an inline script (blocked by the CSP)')

const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => join(dist, m[1]))
// The preloaded Danish messages have their own budget (scripts/check-budgets.mjs, each locale).
const initialJs = referenced
  .filter((f) => f.endsWith('.js') && !/\/assets\/da\.core-[^/]+\.js$/.test(f))
  .reduce((sum, f) => sum + gz(f), 0)
const initialCss = referenced.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gz(f), 0)
const lazy = scripts.filter((f) => f.includes('/assets/') && !referenced.includes(f))
const largestLazy = lazy.map((f) => ({ f, size: gz(f) })).sort((a, b) => b.size - a.size)[0]
const precacheTotal = files
  .filter(
    (f) =>
      /\.(js|css|html|svg|png|webmanifest|wasm|woff2)$/.test(f) &&
      !/\/(sw|workbox-[^/]+)\.js$/.test(f) &&
      // Not precached (vite.config.ts, globIgnores): kept by the service worker once fetched.
      !/\/zxing_reader-[^/]+\.wasm$/.test(f),
  )
  .reduce((sum, f) => sum + gz(f), 0)

const report = [
  ['initial JS', initialJs, budgets.initialJs],
  ['initial CSS', initialCss, budgets.initialCss],
  [`largest lazy chunk (${largestLazy?.f ?? 'none'})`, largestLazy?.size ?? 0, budgets.anyLazyChunk],
  ['everything precached', precacheTotal, budgets.precacheTotal],
]
for (const [name, size, budget] of report) {
  const line = `${name}: ${size.toFixed(1)} KiB gzip (budget ${budget})`
  console.log(line)
  if (size > budget) failures.push(`over budget: ${line}`)
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ ${failure}`)
  process.exit(1)
}
console.log(`dist check passed: ${scripts.length} scripts scanned, no eval, budgets kept`)
