// Checks locales/ against Danish: every key in every locale, no empty values, the same
// placeholders, messages vue-i18n's compiler accepts, the right number of plural variants.
// Errors fail (exit code 1); warnings (possibly untranslated text in a draft locale) are printed.
// The same check runs in the unit tests (tests/unit/locales/completeness.test.ts).
// Usage: npm run check:locales [-- dir]   (dir: where the JSON files are, default locales/;
// the list always comes from locales/index.ts)
import { readdirSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { runnerImport } from 'vite'

const root = new URL('../', import.meta.url)

// Node 20 cannot run TypeScript; Vite's module runner loads the checker and the locale list
// without loading vite.config.ts and its build plugins, which the check does not need.
async function importTs(path) {
  const { module } = await runnerImport(fileURLToPath(new URL(path, root)), {
    configFile: false,
    logLevel: 'silent',
  })
  return module
}

const [{ checkLocaleProject, formatProblem }, { localeList, sourceLocale }] = await Promise.all([
  importTs('scripts/lib/locale-check.ts'),
  importTs('locales/index.ts'),
])

const dirArgument = process.argv[2]
const localesDir = dirArgument ? pathToFileURL(`${resolve(dirArgument)}/`) : new URL('locales/', root)
const messages = {}
const unreadable = []
for (const file of readdirSync(localesDir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  try {
    messages[basename(file, '.json')] = JSON.parse(readFileSync(new URL(file, localesDir), 'utf8'))
  } catch (error) {
    unreadable.push(
      `error  locales/${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

const problems = checkLocaleProject({ locales: localeList, sourceCode: sourceLocale, messages })
const errors = problems.filter((p) => p.severity === 'error')
const warnings = problems.filter((p) => p.severity === 'warning')
for (const line of [...unreadable, ...errors.map(formatProblem), ...warnings.map(formatProblem)])
  console.log(line)

const separator = problems.length === 0 && unreadable.length === 0 ? '' : '\n'
console.log(
  `${separator}check:locales: ${localeList.length} locales, ${errors.length + unreadable.length} errors, ${warnings.length} warnings`,
)
if (errors.length > 0 || unreadable.length > 0) process.exit(1)
