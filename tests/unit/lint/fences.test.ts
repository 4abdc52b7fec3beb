import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/*
 * Proves the layer fences of eslint.config.js bite: planted violations must fail lint with the
 * expected rule, a clean file must pass. Fixtures live in tests/unit/lint/fixtures/, which
 * `npm run lint` ignores; `fixtures/src/<path>` is linted as if it were `src/<path>`, so its
 * imports resolve from there (`../data/db` from `src/domain/` is the real database module).
 */
const root = path.resolve(import.meta.dirname, '../../..')
const fixtures = path.join(import.meta.dirname, 'fixtures')

let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    // The fixtures are not part of any TypeScript project: the fences need no type information.
    overrideConfig: [tseslint.configs.disableTypeChecked],
    ignore: false,
  })
})

/** The rules that fire, each once, for `text` linted as the file at `filePath` (relative to the root). */
async function rulesFor(text: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) })
  const messages = result?.messages ?? []
  // A parse error or an unresolved config would also be "a problem"; it must not pass as a fence.
  expect(messages.filter((m) => m.ruleId === null)).toEqual([])
  return [...new Set(messages.flatMap((m) => (m.ruleId === null ? [] : [m.ruleId])))].sort()
}

async function rulesForFixture(fixture: string): Promise<string[]> {
  const text = readFileSync(path.join(fixtures, fixture), 'utf8')
  return rulesFor(text, fixture)
}

describe('the layer fences', { timeout: 60_000 }, () => {
  it.each([
    ['src/domain/importsDataRelative.ts', ['import-x/no-restricted-paths']],
    ['src/domain/importsDataAlias.ts', ['import-x/no-restricted-paths']],
    ['src/stores/importsDexie.ts', ['no-restricted-imports']],
    ['src/schemas/importsVue.ts', ['no-restricted-imports']],
    ['src/schemas/importsDomainRule.ts', ['import-x/no-restricted-paths']],
    ['src/schemas/usesBrowserGlobal.ts', ['no-restricted-globals']],
    ['src/domain/usesBrowserGlobal.ts', ['no-restricted-globals']],
    ['src/domain/importsVue.ts', ['no-restricted-imports']],
    ['src/domain/importsLocales.ts', ['import-x/no-restricted-paths']],
    ['src/domain/importsSchemaValue.ts', ['@typescript-eslint/no-restricted-imports']],
    ['src/domain/importsSchemaType.ts', []],
    ['src/data/importsVue.ts', ['no-restricted-imports']],
    ['src/schemas/importsPackage.ts', ['no-restricted-imports']],
    ['src/domain/clean.ts', []],
  ])('%s reports %j', async (fixture, expected) => {
    expect(await rulesForFixture(fixture)).toEqual(expected)
  })

  it('stops a feature from importing another feature’s internals, by relative and alias path', async () => {
    // Generated from the live tree so the proof survives features being reshaped.
    const featuresDir = path.join(root, 'src/features')
    const [importer, other] = readdirSync(featuresDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
    if (importer === undefined || other === undefined) throw new Error('needs two features')
    const internal = readdirSync(path.join(featuresDir, other)).find(
      (file) => /\.(ts|vue)$/.test(file) && file !== 'index.ts',
    )
    if (internal === undefined) throw new Error(`no internal file in features/${other}`)
    const as = `src/features/${importer}/plantedImport.ts`
    for (const source of [`../${other}/${internal}`, `@/features/${other}/${internal}`]) {
      expect(await rulesFor(`import '${source}'\n`, as), source).toEqual(['import-x/no-restricted-paths'])
    }
  })

  it('reports a two-file import cycle', async () => {
    const first = path.join('tests/unit/lint/fixtures/cycle/first.ts')
    expect(await rulesFor(readFileSync(path.join(root, first), 'utf8'), first)).toEqual(['import-x/no-cycle'])
  })

  it('lets every layer import the layers below it', async () => {
    const allowed: [string, string][] = [
      ['src/schemas/plantedImport.ts', '@/domain/clock'],
      ['src/data/plantedImport.ts', 'dexie'],
      ['src/data/plantedImport.ts', '@/domain/phases'],
      ['src/stores/plantedImport.ts', '@/data/db'],
      ['src/stores/plantedImport.ts', '@/app/i18n'],
      ['src/components/plantedImport.ts', '@/stores/preferences'],
      ['src/pages/plantedImport.ts', '@/components/Tx.vue'],
      ['src/app/router.ts', '@/pages/StartPage.vue'],
    ]
    for (const [as, source] of allowed) {
      expect(await rulesFor(`import '${source}'\n`, as), `${as} → ${source}`).toEqual([])
    }
  })
})
