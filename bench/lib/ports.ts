/**
 * The ports `npm run bench` and `npm run lighthouse` serve on: the shipped build, the bench
 * build (with the seeding hook) and the bare stack. 4216, 4217 and 4218 unless BENCH_PORTS
 * names three others ("4203,4213,4223"), for a machine where those are taken. A baseline
 * (bench/lib/baseline.ts) serves its two builds 10 above the first two.
 */
export function benchPorts(env: NodeJS.ProcessEnv = process.env): {
  readonly trin: number
  readonly trinBench: number
  readonly bare: number
  readonly baseline: number
  readonly baselineBench: number
} {
  const given = (env.BENCH_PORTS ?? '4216,4217,4218').split(',').map(Number)
  const [trin, trinBench, bare] = given
  if (
    given.length !== 3 ||
    trin === undefined ||
    trinBench === undefined ||
    bare === undefined ||
    given.some((p) => !Number.isInteger(p) || p <= 0)
  )
    throw new Error(`BENCH_PORTS must be three ports, e.g. "4203,4213,4223", not "${env.BENCH_PORTS ?? ''}"`)
  return { trin, trinBench, bare, baseline: trin + 10, baselineBench: trinBench + 10 }
}
