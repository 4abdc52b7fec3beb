/**
 * What a build weighs, read from its files (deterministic, no browser): the first screen as the
 * built index.html declares it, the locale chunks, the KDF worker and every lazy chunk.
 *
 * "First screen" here is what index.html makes the browser fetch before the app can run: the
 * entry script, every `modulepreload` (Vite lists the entry's whole static import graph there)
 * and the stylesheets. Locale and route chunks the first screen then asks for are lazy chunks
 * with their own budgets (a locale chunk preloaded from index.html included); the benchmark also
 * reports what the browser really loaded.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Gzip size in KiB (level 9, as a server's static gzip would be). */
export function gzipKiB(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

export interface ChunkSize {
  readonly file: string
  readonly kib: number
}

export interface BuildBytes {
  /** Files index.html loads before the app runs (entry, modulepreloads, stylesheets). */
  readonly firstScreen: readonly ChunkSize[]
  readonly firstScreenKiB: number
  /**
   * Every chunk of messages, by locale code and namespace (`uk.plan`): each language comes in
   * parts (src/app/i18n/namespaces.ts), each part its own chunk.
   */
  readonly locales: Record<string, number>
  /** The KDF worker chunk, if the build has one. */
  readonly kdfWorker: ChunkSize | null
  /** Every other JS chunk (loaded on demand), largest first. */
  readonly lazy: readonly ChunkSize[]
}

/** The file names (relative to `dist`) index.html references under assets/. */
export function firstScreenFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '')
}

/**
 * The part of a language a chunk holds (`uk.plan`), or null when it holds no messages. Rollup
 * names a chunk after its module: `uk.plan-<hash>.js` for one namespace of a language
 * (scripts/lib/message-chunks.ts); `uk-<hash>.js`, a whole language, in the bare stack.
 */
export function localePart(fileName: string, localeCodes: readonly string[]): string | null {
  const match = /^([a-z]{2,3}(?:\.[a-z]+)?)-[\w-]+\.js$/.exec(basename(fileName))
  const part = match?.[1]
  return part !== undefined && localeCodes.includes(part.split('.')[0] ?? '') ? part : null
}

/** Sizes of a build. `localeCodes` names the locale chunks (`localePart`). */
export function measureBuild(dist: string, localeCodes: readonly string[]): BuildBytes {
  const isLocale = (rel: string) => localePart(rel, localeCodes) !== null
  // A preloaded locale chunk is still a locale (its own budget), not part of the first screen's code.
  const first = new Set(firstScreenFiles(dist).filter((rel) => !isLocale(rel)))
  const size = (rel: string): ChunkSize => ({ file: rel, kib: gzipKiB(join(dist, rel)) })
  const firstScreen = [...first].map(size)
  const scripts = walk(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${basename(f)}`)
    .filter((rel) => !first.has(rel))
  const locales: Record<string, number> = {}
  let kdfWorker: ChunkSize | null = null
  const lazy: ChunkSize[] = []
  for (const rel of scripts) {
    const name = basename(rel)
    const locale = localePart(name, localeCodes)
    if (locale !== null) locales[locale] = size(rel).kib
    else if (name.startsWith('kdf.worker')) kdfWorker = size(rel)
    else lazy.push(size(rel))
  }
  return {
    firstScreen,
    firstScreenKiB: firstScreen.reduce((sum, c) => sum + c.kib, 0),
    locales,
    kdfWorker,
    lazy: lazy.sort((a, b) => b.kib - a.kib),
  }
}

/** Byte budgets in KiB of gzip (issue #11). */
export interface Budgets {
  /** Everything index.html loads before the app runs. */
  readonly firstScreen: number
  /** Each chunk of messages: a language's core, or one of its namespaces. */
  readonly eachLocale: number
  readonly kdfWorker: number
  /** Any other chunk loaded on demand. */
  readonly anyLazyChunk: number
}

/** The budgets' failures for a build, one line each; empty when every budget holds. */
export function checkBudgets(bytes: BuildBytes, budgets: Budgets): string[] {
  const failures: string[] = []
  const over = (what: string, kib: number, budget: number) => {
    if (kib > budget) failures.push(`${what}: ${kib.toFixed(1)} KiB gzip, budget ${budget} KiB`)
  }
  over('first screen JS+CSS', bytes.firstScreenKiB, budgets.firstScreen)
  for (const [code, kib] of Object.entries(bytes.locales)) over(`locale ${code}`, kib, budgets.eachLocale)
  if (bytes.kdfWorker) over(`KDF worker (${bytes.kdfWorker.file})`, bytes.kdfWorker.kib, budgets.kdfWorker)
  for (const chunk of bytes.lazy) over(`lazy chunk ${chunk.file}`, chunk.kib, budgets.anyLazyChunk)
  return failures
}
