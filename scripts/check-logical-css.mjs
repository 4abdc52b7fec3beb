// Fails on physical left/right styling in the app's styles (src/**/*.vue <style> blocks and
// src/**/*.css), which would not mirror for right-to-left languages. The rules, and the
// `/* physical-ok: reason */` escape hatch, are described in scripts/lib/logical-css.ts.
// Errors fail (exit code 1); warnings (horizontal translations) are printed.
// The same check runs in the unit tests (tests/unit/styles/logical-css.test.ts).
// Usage: npm run check:css [-- dir …]   (default: src)
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = fileURLToPath(new URL('../', import.meta.url))

// Node 20 cannot run TypeScript; Vite's module runner loads the checker.
const { module: checker } = await runnerImport(`${root}scripts/lib/logical-css.ts`, {
  configFile: false,
  logLevel: 'silent',
})

const dirs = process.argv.slice(2)
let files = 0
const violations = []
for (const dir of dirs.length > 0 ? dirs : ['src']) {
  const result = checker.checkStylesIn(dir, process.cwd())
  files += result.files
  violations.push(...result.violations)
}
const errors = violations.filter((v) => v.severity === 'error')
const warnings = violations.filter((v) => v.severity === 'warning')
for (const violation of [...errors, ...warnings]) console.log(checker.formatViolation(violation))
console.log(
  `${violations.length > 0 ? '\n' : ''}check:css: ${files} files, ${errors.length} errors, ${warnings.length} warnings`,
)
if (errors.length > 0) process.exit(1)
