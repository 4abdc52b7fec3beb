// `npm run bench`, `npm run lighthouse` and `npm run bench -- profile`: load bench/bench.ts,
// bench/lighthouse.ts or bench/profile.ts through
// Vite's module runner (Node 20 cannot run TypeScript) with the app's `@` alias, and run it.
// See those files.
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = new URL('../', import.meta.url)
const named = { lighthouse: 'lighthouse', profile: 'profile' }
const script = named[process.argv[2]] ?? 'bench'
// The e2e page models (reused here) find the app under test through TRIN_PORT: the bench build
// for the benchmark, the shipped build for Lighthouse (BENCH_PORTS: bench/lib/ports.ts).
const [shipped, benchBuild] = (process.env.BENCH_PORTS ?? '4216,4217').split(',')
process.env.TRIN_PORT ??= script === 'lighthouse' ? shipped : benchBuild

const { module } = await runnerImport(fileURLToPath(new URL(`bench/${script}.ts`, root)), {
  configFile: false,
  logLevel: 'silent',
  resolve: { alias: { '@': fileURLToPath(new URL('src', root)) } },
})
await module.main()
