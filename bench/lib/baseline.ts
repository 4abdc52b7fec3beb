/**
 * A "before" for `npm run bench -- --baseline <rev>` (or BENCH_BASELINE=<rev>): that revision is
 * checked out in a temporary git worktree under the system's temp folder, given this tree's
 * node_modules through a symlink (no `npm ci`: the same libraries, nothing downloaded), and built
 * twice as it built itself — the shipped build and its bench build with the seeding hook — so the
 * same run measures it beside the current tree and the bare stack.
 *
 * The revision needs its own bench hook (`vite build --mode bench`, bench/app-hook.ts): the
 * oldest such revision is 7ebd5c7 (2026-12-06, the commit that brought the benchmark). A hook
 * from before `kdfMs` existed leaves the KDF figures empty.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Baseline {
  /** The revision as given and its short hash. */
  readonly rev: string
  readonly commit: string
  readonly dists: { readonly trin: string; readonly trinBench: string }
  /** Removes the temporary worktree. */
  remove(): void
}

/** A production build in `dir` with Vite's command line (`args`, e.g. `['build', '--mode', 'bench']`). */
export function viteBuild(dir: string, args: readonly string[], log: (message: string) => void): void {
  log(`vite ${args.join(' ')} (in ${dir})`)
  execFileSync(
    process.execPath,
    [join(dir, 'node_modules/vite/bin/vite.js'), ...args, '--logLevel', 'error'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      // Vite's module runner, which loaded the bench script, set NODE_ENV=development in this
      // process; inherited, it made every build a development build (unminified, Vue's dev
      // checks, 173 instead of 122 KiB): measured, then, was not what ships.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
}

/** The revision to measure as "before": `--baseline <rev>` on the command line, else BENCH_BASELINE. */
export function baselineRev(argv: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const at = argv.indexOf('--baseline')
  const given = at >= 0 ? argv[at + 1] : env.BENCH_BASELINE
  if (given === undefined || given === '') return undefined
  if (given.startsWith('-')) throw new Error('--baseline needs a git revision')
  return given
}

/** Checks `rev` out beside `root` and builds it; `log` reports each step. */
export function buildBaseline(root: string, rev: string, log: (message: string) => void): Baseline {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim()
  const commit = git('rev-parse', '--short', `${rev}^{commit}`)
  const parent = mkdtempSync(join(tmpdir(), 'trin-bench-baseline-'))
  const dir = join(parent, commit)
  log(`baseline ${rev} (${commit}): git worktree in ${dir}`)
  git('worktree', 'add', '--detach', dir, commit)
  const remove = () => {
    git('worktree', 'remove', '--force', dir)
    rmSync(parent, { recursive: true, force: true })
  }
  try {
    symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'))
    for (const args of [['build'], ['build', '--mode', 'bench']]) viteBuild(dir, args, log)
  } catch (error) {
    remove()
    throw error
  }
  return { rev, commit, dists: { trin: join(dir, 'dist'), trinBench: join(dir, 'dist-bench') }, remove }
}
