import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkBudgets, measureBuild, type Budgets } from '../../../scripts/lib/build-bytes'

const budgets: Budgets = { firstScreen: 125, eachLocale: 16, kdfWorker: 15, anyLazyChunk: 100 }
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Random bytes in base64 barely compress: about `kib` KiB gzipped. */
function incompressible(kib: number): string {
  return `export const x = "${randomBytes(Math.round(kib * 1024)).toString('base64')}"\n`
}

/**
 * A built-app fixture: index.html with an entry, a preload and a stylesheet, plus lazy chunks:
 * Danish messages in two parts (its core, preloaded, and one namespace), as the build makes them.
 */
function fixture(sizes: {
  entry: number
  locale: number
  part: number
  worker: number
  lazy: number
}): string {
  const dist = mkdtempSync(join(tmpdir(), 'trin-budget-'))
  dirs.push(dist)
  mkdirSync(join(dist, 'assets'))
  writeFileSync(
    join(dist, 'index.html'),
    '<script type="module" crossorigin src="/assets/index-a1.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/records-b2.js">' +
      '<link rel="stylesheet" crossorigin href="/assets/index-c3.css">' +
      '<link rel="modulepreload" crossorigin href="/assets/da.core-d4.js">',
  )
  writeFileSync(join(dist, 'assets/index-a1.js'), incompressible(sizes.entry / 2))
  writeFileSync(join(dist, 'assets/records-b2.js'), incompressible(sizes.entry / 2))
  writeFileSync(join(dist, 'assets/index-c3.css'), 'body{margin:0}')
  writeFileSync(join(dist, 'assets/da.core-d4.js'), incompressible(sizes.locale))
  writeFileSync(join(dist, 'assets/da.plan-g7.js'), incompressible(sizes.part))
  writeFileSync(join(dist, 'assets/kdf.worker-e5.js'), incompressible(sizes.worker))
  writeFileSync(join(dist, 'assets/GoalPage-f6.js'), incompressible(sizes.lazy))
  return dist
}

const within = { entry: 100, locale: 12, part: 8, worker: 10, lazy: 50 }

describe('the byte budgets', () => {
  it('sorts a build into first screen, message parts, KDF worker and lazy chunks', () => {
    const bytes = measureBuild(fixture(within), ['da', 'ar'])
    expect(bytes.firstScreen.map((c) => c.file).sort()).toEqual([
      'assets/index-a1.js',
      'assets/index-c3.css',
      'assets/records-b2.js',
    ])
    expect(bytes.firstScreenKiB).toBeGreaterThan(95)
    // The preloaded core counts as messages, not as first-screen code.
    expect(Object.keys(bytes.locales).sort()).toEqual(['da.core', 'da.plan'])
    expect(bytes.kdfWorker?.file).toBe('assets/kdf.worker-e5.js')
    expect(bytes.lazy.map((c) => c.file)).toEqual(['assets/GoalPage-f6.js'])
  })

  it('passes a build within every budget', () => {
    expect(checkBudgets(measureBuild(fixture(within), ['da']), budgets)).toEqual([])
  })

  it.each([
    ['first screen', { ...within, entry: 140 }, /^first screen JS\+CSS/],
    ['locale core', { ...within, locale: 18 }, /^locale da\.core/],
    ['locale namespace', { ...within, part: 17 }, /^locale da\.plan/],
    ['KDF worker', { ...within, worker: 22 }, /^KDF worker/],
    ['lazy chunk', { ...within, lazy: 110 }, /^lazy chunk assets\/GoalPage/],
  ])('fails an inflated %s', (_name, sizes, failure) => {
    const failures = checkBudgets(measureBuild(fixture(sizes), ['da']), budgets)
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(failure)
  })

  it('makes scripts/check-budgets.mjs exit non-zero on an inflated build, zero on a fitting one', () => {
    const run = (dist: string) => {
      try {
        execFileSync(process.execPath, ['scripts/check-budgets.mjs', dist], { stdio: 'pipe' })
        return 0
      } catch (error) {
        return (error as { status: number }).status
      }
    }
    expect(run(fixture({ ...within, worker: 40 }))).toBe(1)
    expect(run(fixture(within))).toBe(0)
  }, 30_000)
})
