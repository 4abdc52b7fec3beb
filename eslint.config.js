// @ts-check
import { readdirSync } from 'node:fs'
import path from 'node:path'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'
import prettierConfig from 'eslint-config-prettier'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const root = import.meta.dirname

/*
 * Layer fences: the architecture holds by itself (README, "Architecture"; proved by
 * tests/unit/lint/fences.test.ts). Layers from the bottom up; a file may import its own layer
 * and the layers below it, never one above. `import-x/no-restricted-paths` checks the file an
 * import resolves to, so relative (`../data/db`) and alias (`@/data/db`) imports are caught
 * alike. Packages are fenced by name with `no-restricted-imports` below.
 */
const domainPrimitives = [
  'src/domain/civilDate.ts',
  'src/domain/clock.ts',
  'src/domain/networkKinds.ts',
  'src/domain/focusAreaKeys.ts',
]
const layers = [
  { name: 'domain primitives', files: domainPrimitives },
  { name: 'src/schemas', files: ['src/schemas'] },
  { name: 'src/domain', files: ['src/domain'] },
  { name: 'src/data', files: ['src/data'] },
  // The language runtime (vue-i18n instance, lazy locale loading) sits below the stores: the
  // preferences store loads interpreter mode's second language through it.
  { name: 'src/app/i18n', files: ['src/app/i18n'] },
  { name: 'src/stores', files: ['src/stores'] },
  // navigation.ts is plain data (the primary navigation) that a feature renders.
  { name: 'src/composables', files: ['src/composables', 'src/app/navigation.ts'] },
  { name: 'src/components', files: ['src/components'] },
  { name: 'src/features', files: ['src/features'] },
  { name: 'src/pages', files: ['src/pages'] },
  {
    name: 'the app shell',
    files: [
      'src/app/router.ts',
      'src/app/screen.ts',
      'src/app/workerRoutes.ts',
      'src/app/unlockAhead.ts',
      'src/app/modules',
      'src/App.vue',
      'src/main.ts',
    ],
  },
]
const order = layers.map((l) => l.name).join(' ← ')

/** One zone per (layer, higher layer): `from` may not mix globs and plain paths, so keep them single. */
const layerZones = layers.flatMap((layer, index) =>
  layers.slice(index + 1).flatMap((higher) =>
    higher.files.map((from) => ({
      target: layer.files,
      from,
      // `src/domain` (the rules) contains the primitives, which every layer may import.
      ...(from === 'src/domain'
        ? {
            from: 'src/domain/**',
            except: [path.join(root, 'src/domain/{civilDate,clock,networkKinds,focusAreaKeys}.ts')],
          }
        : {}),
      message: `${layer.name} may not import ${higher.name}, a layer above it (${order}).`,
    })),
  ),
)

/** The locale list and messages are for the UI side: nothing at or below src/data needs them. */
const localeZone = {
  target: ['src/domain', 'src/schemas', 'src/data'],
  from: 'locales',
  message: 'Languages belong to the UI layers (src/app/i18n and above).',
}

/** A feature uses another feature only through that feature's entry file, `index.ts`. */
const features = readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const featureZones = features.map((feature) => ({
  target: `src/features/${feature}`,
  from: `src/features/!(${feature})/**`,
  except: [path.join(root, 'src/features/*/index.ts')],
  message: `Import another feature only through its index.ts (src/features/<name>/index.ts).`,
}))

const restrictedPaths = ['error', { basePath: root, zones: [...layerZones, localeZone, ...featureZones] }]

/** Packages, by layer. Every layer but src/data: no Dexie. */
const dexie = {
  paths: [{ name: 'dexie', message: 'Only src/data/ may use Dexie; go through a repository.' }],
  patterns: [{ group: ['dexie/*'], message: 'Only src/data/ may use Dexie.' }],
}
const noUi = (layer) =>
  ['vue', 'pinia', 'vue-i18n', 'vue-router'].map((name) => ({
    name,
    message: `${layer} is below the UI: no ${name}.`,
  }))
const pureFence = (layer) => ({
  paths: [...dexie.paths, ...noUi(layer)],
  patterns: [
    ...dexie.patterns,
    { group: ['@vue/*', '*.vue'], message: `${layer} is pure TypeScript: no Vue.` },
  ],
})
/** Schemas describe records with zod and nothing else. */
const schemasFence = {
  paths: pureFence('src/schemas').paths,
  patterns: [
    ...pureFence('src/schemas').patterns,
    {
      regex: '^(?!zod(/|$)|\\.|@/)',
      message: 'src/schemas may import only zod and the domain primitives.',
    },
  ],
}
const dataFence = {
  paths: noUi('src/data'),
  patterns: [{ group: ['@vue/*', '*.vue'], message: 'src/data has no UI.' }],
}

/** No browser globals where code must run anywhere (tests in Node, a worker, a future server). */
const browserGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'crypto',
  'fetch',
].map((name) => ({ name, message: `Pure code takes ${name} as a parameter instead of reaching for it.` }))

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'bench/reference/dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'dev-dist/**',
      '.scratch/**',
      // Planted violations; tests/unit/lint/fences.test.ts lints them as if they lived in src/.
      'tests/unit/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: root,
        extraFileExtensions: ['.vue'],
      },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'no-restricted-imports': ['error', dexie],
    },
  },
  {
    // The cycle fixtures of the fence test are checked by the same block (npm run lint ignores them).
    files: ['src/**/*.{ts,vue}', 'tests/unit/lint/fixtures/cycle/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') }),
      ],
      // Which imported files no-cycle reads (with the Vue parser, which also parses TypeScript).
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-restricted-paths': restrictedPaths,
      // Packages cannot import back into src/, so cycles are searched inside the tree only.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  { files: ['src/data/**/*.ts'], rules: { 'no-restricted-imports': ['error', dataFence] } },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureFence('src/domain')],
      'no-restricted-globals': ['error', ...browserGlobals],
      // The schemas sit above the domain's rules: the domain may describe records by their types,
      // never run a schema (parsing is the boundary's job, in src/data and the features).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/schemas', '@/schemas/*', '../schemas', '../schemas/*'],
              allowTypeImports: true,
              message: 'src/domain may import schema types only (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', schemasFence],
      'no-restricted-globals': ['error', ...browserGlobals],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': 'off' },
  },
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
  // Layout is Prettier's alone (`prettier --check` runs in `npm run lint`); no ESLint layout rules.
  prettierConfig,
)
