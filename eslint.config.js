// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'
import prettierConfig from 'eslint-config-prettier'

/** Layer fences: the architecture holds by itself (see README, "Architecture"). */
const noDexieOutsideData = {
  paths: [{ name: 'dexie', message: 'Only src/data/ may use Dexie; go through a repository.' }],
  patterns: [{ group: ['dexie/*'], message: 'Only src/data/ may use Dexie.' }],
}
const domainFence = {
  paths: [
    { name: 'vue', message: 'src/domain/ is pure TypeScript: no Vue.' },
    { name: 'pinia', message: 'src/domain/ is pure TypeScript: no Pinia.' },
    { name: 'vue-i18n', message: 'src/domain/ is pure TypeScript: no vue-i18n.' },
    { name: 'vue-router', message: 'src/domain/ is pure TypeScript: no router.' },
    { name: 'dexie', message: 'src/domain/ is pure TypeScript: no storage.' },
  ],
  patterns: [
    {
      group: [
        '@vue/*',
        'dexie/*',
        '@/data/*',
        '@/stores/*',
        '@/features/*',
        '@/components/*',
        '@/pages/*',
        '@/app/*',
        '*.vue',
      ],
      message: 'src/domain/ may not depend on outer layers.',
    },
  ],
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'dev-dist/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
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
      'no-restricted-imports': ['error', noDexieOutsideData],
    },
  },
  { files: ['src/data/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', domainFence],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB'],
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
