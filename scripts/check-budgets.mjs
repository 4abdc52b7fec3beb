// Byte budgets of the production build (issue #11), part of npm test after the build.
// Usage: node scripts/check-budgets.mjs [dist]   (default dist/)
//
// "First screen" is what the built index.html makes the browser load before the app runs:
// the entry script, every modulepreload (Vite lists the entry's whole static import graph
// there, so this is exactly what the entry imports statically) and the stylesheets. Read
// from the files, not measured in a browser, so the check is deterministic and needs no
// Chromium; the first locale and the first route's chunk come after, under their own
// budgets, and `npm run bench` reports what the browser really loaded.
import process from 'node:process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = new URL('../', import.meta.url)

/**
 * KiB of gzip. Targets from issue #11; where a budget is above its target, the target is not
 * yet met and the budget is the measured size, so nothing grows while the work goes on.
 */
export const budgets = {
  // target 125 KiB, missed by 0.4: 124.2 KiB on 2026-12-06 with help now's panel fetched when
  // the first screen is idle (148.3 before zod/mini, the start screen without the phase
  // engine, the first screen in two files; README, Speed), then 125.4 once the lock screen's
  // forms were built from the shared BaseField/BaseCheckbox and the plan schema grew the
  // handover plan and `endedOn` (both parse every stored plan on the first screen).
  firstScreen: 125.5,
  // target 16 KB, not yet met: with the network and help now the Ukrainian messages compile
  // to 19.4 KiB (2026-12-06). One file per language cannot stay under 16 KB as features
  // arrive; the way down is loading each screen's messages with its chunk (README, Speed).
  // 21.9 KiB with the handover plan, the ending, the summary and then-and-now (2026-12-06):
  // the split is now due (issue #11 stays open until it is done).
  eachLocale: 22,
  kdfWorker: 15,
  anyLazyChunk: 100,
}

const dist = resolve(process.argv[2] ?? 'dist')
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: run npm run build first`)
  process.exit(1)
}

const [{ measureBuild, checkBudgets }, { localeList }] = await Promise.all(
  ['scripts/lib/build-bytes.ts', 'locales/index.ts'].map(async (path) => {
    const { module } = await runnerImport(fileURLToPath(new URL(path, root)), {
      configFile: false,
      logLevel: 'silent',
    })
    return module
  }),
)

const bytes = measureBuild(
  dist,
  localeList.map((l) => l.code),
)
const largest = (values) => Math.max(0, ...values)
console.log(
  `first screen JS+CSS: ${bytes.firstScreenKiB.toFixed(1)} KiB gzip (budget ${budgets.firstScreen})`,
)
console.log(
  `largest locale: ${largest(Object.values(bytes.locales)).toFixed(1)} KiB (budget ${budgets.eachLocale})`,
)
console.log(`KDF worker: ${(bytes.kdfWorker?.kib ?? 0).toFixed(1)} KiB (budget ${budgets.kdfWorker})`)
console.log(
  `largest lazy chunk: ${largest(bytes.lazy.map((c) => c.kib)).toFixed(1)} KiB (budget ${budgets.anyLazyChunk})`,
)
const failures = checkBudgets(bytes, budgets)
if (failures.length > 0) {
  for (const failure of failures) console.error(`✗ over budget: ${failure}`)
  process.exit(1)
}
console.log('byte budgets kept')
