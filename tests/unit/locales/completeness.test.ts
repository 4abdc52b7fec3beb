// @vitest-environment node
// The real locales/: the same check as `npm run check:locales`, so `npm run test:unit` fails
// on an incomplete or broken translation too. New JSON files are picked up by the glob.
import { expect, it } from 'vitest'
import { localeList, sourceLocale } from '../../../locales'
import { checkLocaleProject, formatProblem } from '../../../scripts/lib/locale-check'

const files = import.meta.glob<unknown>('../../../locales/*.json', { eager: true, import: 'default' })
const messages = Object.fromEntries(
  Object.entries(files).map(([path, content]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), content]),
)
const problems = checkLocaleProject({ locales: localeList, sourceCode: sourceLocale, messages })

it('finds the source locale and at least one translation', () => {
  expect(Object.keys(messages)).toContain(sourceLocale)
  expect(Object.keys(messages).length).toBeGreaterThan(1)
})

it('finds no errors in locales/', () => {
  const warnings = problems.filter((p) => p.severity === 'warning')
  // Possibly untranslated text in a draft locale is worth seeing, not worth failing for.
  if (warnings.length > 0) console.warn(warnings.map(formatProblem).join('\n'))
  expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([])
})
