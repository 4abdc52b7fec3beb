import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { messageChunks } from './scripts/lib/message-chunks.ts'
import { localeList } from './locales/index.ts'
import './tests/support/node-polyfills.ts'

/**
 * Unit tests that touch a browser storage API (localStorage, sessionStorage) and therefore
 * need a DOM; every other test under tests/unit runs in plain Node, which is much faster than
 * creating a DOM per file. IndexedDB comes from fake-indexeddb in both projects (tests/setup.ts).
 */
const unitTestsNeedingDom = [
  'tests/unit/data/erase.test.ts',
  'tests/unit/stores/deviceSettings.test.ts',
  // The owed renewal is kept in the device settings (localStorage).
  'tests/unit/stores/workerErasureRenewal.test.ts',
]

// Unit and component tests. End-to-end tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  // Messages come in parts as in the app (virtual:trin-messages), but plain JSON: no precompiling here.
  plugins: [
    vue(),
    messageChunks({
      localesDir: fileURLToPath(new URL('./locales', import.meta.url)),
      codes: localeList.map((l) => l.code),
    }),
  ],
  // The same vue-i18n feature flags as the app build (the i18n plugin sets them there).
  define: {
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    setupFiles: ['tests/support/node-polyfills.ts', 'tests/setup.ts'],
    restoreMocks: true,
    // The JSON report feeds the summary line .ci/run prints (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: unitTestsNeedingDom,
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts', ...unitTestsNeedingDom],
          environment: 'happy-dom',
          setupFiles: ['tests/support/all-messages.ts'],
          // A hang catcher, not a speed test: a file's first mount transforms the lazy screens it
          // reaches, which on two busy cores (CI beside other jobs) takes longer than 5 s.
          testTimeout: 20_000,
        },
      },
    ],
  },
})
