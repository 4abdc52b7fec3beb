/**
 * Which message keys a screen can show, read from the source (no build): the modules a file
 * reaches through its imports, static and dynamic, and the message keys written in them. It
 * proves that each route's `meta.messages` and `core` (src/app/i18n/namespaces.ts) hold every
 * message its screen can show (tests/unit/app/messageNamespaces.test.ts).
 *
 * Deliberately generous: a key in a comment counts, a dynamic import counts (a lazy component
 * shows on the same screen), and so does a key built from a template literal (every key under
 * its fixed start). Named imports from a feature's index.ts follow only the names imported, as
 * the bundle does, or Home would seem to show every screen of the network.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

export interface UsageOptions {
  /** The repository's root (`@/` is its src/). */
  readonly root: string
  /** Files whose dynamic imports are not followed (the router: each page is its own screen). */
  readonly lazyBoundaries?: readonly string[]
}

const importPattern =
  /(?:import|export)\s+(?:type\s+)?(?:(\{[^}]*\})|[\w$]+(?:\s*,\s*(\{[^}]*\}))?|\*\s+as\s+[\w$]+|\*)?\s*(?:from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function resolveImport(root: string, from: string, spec: string): string | null {
  let base: string
  if (spec.startsWith('@/')) base = join(root, 'src', spec.slice(2))
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return null
}

/**
 * The value names in `{ a, b as c, type d }`: as the target exports them (a, b) for an import,
 * or as they are made public (a, c) for a re-export. Types are skipped.
 */
function braceNames(braces: string, side: 'source' | 'public'): string[] {
  return braces
    .slice(1, -1)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('type '))
    .map((part) => {
      const [name = '', alias] = part.split(/\s+as\s+/)
      return side === 'public' ? (alias ?? name) : name
    })
}

interface Edge {
  readonly file: string
  /** The names imported, or null for everything (a namespace, default or side-effect import). */
  readonly names: readonly string[] | null
}

function edges(root: string, file: string, names: readonly string[] | null, boundaries: ReadonlySet<string>) {
  const source = readFileSync(file, 'utf8')
  const found: Edge[] = []
  const isIndex = file.endsWith('/index.ts')
  for (const match of source.matchAll(importPattern)) {
    const [statement = '', braces, defaultBraces, staticSpec, dynamicSpec] = match
    if (statement.startsWith('import type') || statement.startsWith('export type')) continue
    const spec = staticSpec ?? dynamicSpec ?? ''
    if (dynamicSpec !== undefined && boundaries.has(file)) continue
    const target = resolveImport(root, file, spec)
    if (target === null) continue
    const list = braces ?? defaultBraces
    // In an index file, a re-export is followed only when one of its names was imported.
    if (isIndex && names !== null && statement.startsWith('export')) {
      const exported = list === undefined ? null : braceNames(list, 'public')
      if (exported !== null && !exported.some((name) => names.includes(name))) continue
    }
    const takesEverything = list === undefined || /^import\s+[\w$]+/.test(statement)
    found.push({ file: target, names: takesEverything ? null : braceNames(list, 'source') })
  }
  return found
}

/** Every file `entry` reaches (itself included). */
export function reachableFiles(entry: string, options: UsageOptions): Set<string> {
  const boundaries = new Set((options.lazyBoundaries ?? []).map((f) => resolve(options.root, f)))
  // An index file may be reached more than once with different names: keep the names seen.
  const namesSeen = new Map<string, Set<string> | null>()
  const queue: Edge[] = [{ file: resolve(options.root, entry), names: null }]
  for (let edge = queue.pop(); edge !== undefined; edge = queue.pop()) {
    const seen = namesSeen.get(edge.file)
    if (seen === null) continue
    const fresh = edge.names === null ? null : edge.names.filter((name) => !seen?.has(name))
    if (seen !== undefined && fresh !== null && fresh.length === 0) continue
    namesSeen.set(edge.file, fresh === null ? null : new Set([...(seen ?? []), ...fresh]))
    queue.push(...edges(options.root, edge.file, fresh, boundaries))
  }
  return new Set(namesSeen.keys())
}

/** Every message key in `keys` a file names: exactly, or under a template literal's fixed start. */
export function keysNamedIn(source: string, keys: readonly string[]): string[] {
  const groups = new Set(keys.map((key) => key.split('.')[0]))
  const named = new Set<string>()
  for (const match of source.matchAll(/['"`]([A-Za-z]\w*(?:\.\w+)*\.?)(\$\{)?/g)) {
    const [, text = '', template] = match
    if (!groups.has(text.split('.')[0]) || !text.includes('.')) continue
    const start = template === undefined && !text.endsWith('.') ? null : text
    for (const key of keys) {
      if (start === null ? key === text || key.startsWith(`${text}.`) : key.startsWith(start)) named.add(key)
    }
  }
  return [...named]
}

/** The message keys (of `keys`) every file `entry` reaches names. */
export function keysReachable(
  entry: string,
  keys: readonly string[],
  options: UsageOptions,
): Map<string, string[]> {
  const byFile = new Map<string, string[]>()
  for (const file of reachableFiles(entry, options)) {
    const named = keysNamedIn(readFileSync(file, 'utf8'), keys)
    if (named.length > 0) byFile.set(file, named)
  }
  return byFile
}
