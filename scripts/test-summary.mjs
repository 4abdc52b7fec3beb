// Prints one closing line per test run from Vitest's JSON reports, in the plain form CI reads:
// "unit: N passed, N failed, N skipped". A missing report (the run never happened) is a failure.
import { existsSync, readFileSync } from 'node:fs'

let failed = false
for (const [name, file] of [
  ['unit', 'test-results/unit.json'],
  ['e2e', 'test-results/e2e.json'],
]) {
  if (!existsSync(file)) {
    console.log(`${name}: 0 passed, 1 failed (no report: the run did not happen)`)
    failed = true
    continue
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const passed = report.numPassedTests ?? 0
  const failures =
    (report.numFailedTests ?? 0) + (report.success === false && report.numFailedTests === 0 ? 1 : 0)
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  if (failures > 0 || passed === 0) failed = true
  console.log(`${name}: ${passed} passed, ${failures} failed, ${skipped} skipped`)
}
process.exit(failed ? 1 : 0)
