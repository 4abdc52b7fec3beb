import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import './tests/support/node-polyfills.ts'

// End-to-end tests: real Debian Chromium (playwright-core) against the built app served by
// `vite preview` on 127.0.0.1. `npm test` builds dist/ first.
export default defineConfig({
  // Some tests drive the app's own modules in Node (the QR transfer encodes its frames with
  // src/data/transport), which import each other through the `@` alias.
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // Two files at a time, each in its own fresh Chromium profile against the one preview
    // server: the serial run had grown past 15 minutes on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    // A journey walks a dozen screens, each with an axe pass: on 2 shared cores that can take
    // over a minute. The limit catches hangs; speed is measured by `npm run bench`, not here.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    retry: 0,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
  },
})
