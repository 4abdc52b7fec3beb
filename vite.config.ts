import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { messageChunks, messagePartFile } from './scripts/lib/message-chunks.ts'
import { localeList, sourceLocale } from './locales/index.ts'

/**
 * The Content-Security-Policy of the built app. No 'unsafe-eval' anywhere: messages are
 * precompiled and zod runs jitless. 'wasm-unsafe-eval' is for the WebAssembly key derivation.
 * Only applied to the production build: Vite's dev server injects inline scripts.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function cspMetaTag(): Plugin {
  return {
    name: 'trin-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
          injectTo: 'head-prepend',
        },
      ]
    },
  }
}

/**
 * `vite build --mode bench` only: appends a dynamic import of the bench hook to the app's entry.
 * Never applied to the shipped build, which `scripts/check-dist.mjs` proves by looking for the
 * hook's name in it.
 */
function benchHook(): Plugin {
  return {
    name: 'trin-bench-hook',
    apply: (_config, env) => env.mode === 'bench',
    transform(code, id) {
      if (!id.endsWith('/src/main.ts')) return null
      return `${code}
void import('../bench/app-hook.ts')
`
    },
  }
}

/**
 * Preloads the Danish messages' core with the entry: every first visit starts in Danish (the
 * source language, and the fallback), and without this the browser learns of the chunk only
 * after the entry has run. Other languages and namespaces still load on demand (and all are
 * precached for offline).
 */
function preloadFirstLocale(): Plugin {
  return {
    name: 'trin-preload-first-locale',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) =>
            output.type === 'chunk' &&
            (output.facadeModuleId ?? '').endsWith(`/locales/${messagePartFile(sourceLocale, 'core')}`),
        )
        if (!chunk) return []
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ]
      },
    },
  }
}

interface ModuleGraph {
  getModuleInfo(id: string): { readonly importedIds: readonly string[]; readonly isEntry: boolean } | null
}

// Reset at every build's start (trin-first-screen-reset below), in case one process builds twice.
let firstScreen: Set<string> | null = null
/**
 * The app's own modules that src/main.ts imports statically, directly or not (what the first
 * screen cannot do without), other than main.ts itself. Found once per build.
 */
function firstScreenModules(graph: ModuleGraph): Set<string> {
  if (firstScreen) return firstScreen
  const main = fileURLToPath(new URL('./src/main.ts', import.meta.url))
  const seen = new Set<string>()
  const queue = [main]
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue
    seen.add(id)
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []))
  }
  seen.delete(main)
  firstScreen = new Set([...seen].filter((id) => !id.includes('/node_modules/')))
  return firstScreen
}

let homeGroups: { early: Set<string>; home: Set<string> } | null = null
/** What loads on a first visit or a lock screen besides the first screen: the onboarding, and help now's panel and the visit banner (fetched when idle). */
const EARLY_PIECES = [
  'src/pages/OnboardingPage.vue',
  'src/features/helpNow/HelpNowSheet.vue',
  'src/features/visit/VisitBanner.vue',
]
/**
 * Home with a plan (src/pages/StartHome.vue) in two chunks instead of about fifty: `early`, what it
 * shares with what a first screen loads anyway (EARLY_PIECES: the course's rules, the plan's
 * fields, her contacts), and `home`, the rest. Loaded lazily, those files came one level of
 * imports at a time through the service worker, five levels deep (≈ 600 ms at ×4 CPU after an
 * unlock; README, Speed). A first visit loads `early` only. Other screens that share a module
 * import it from these chunks.
 */
function homeChunks(graph: ModuleGraph): { early: Set<string>; home: Set<string> } {
  if (homeGroups) return homeGroups
  const first = firstScreenModules(graph)
  const closure = (...files: string[]): Set<string> => {
    const seen = new Set<string>()
    const queue = files.map((file) => fileURLToPath(new URL(`./${file}`, import.meta.url)))
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (seen.has(id) || first.has(id)) continue
      seen.add(id)
      queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []))
    }
    return seen
  }
  const early = closure(...EARLY_PIECES)
  const home = closure('src/pages/StartHome.vue')
  homeGroups = { early: new Set([...home].filter((id) => early.has(id))), home }
  return homeGroups
}

export default defineConfig(({ mode }) => ({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    // Every component is `<script setup>`: Vue's Options API code is dead weight on the first screen.
    __VUE_OPTIONS_API__: false,
  },
  plugins: [
    vue(),
    // One chunk per language and namespace (src/app/i18n/namespaces.ts), precompiled below.
    messageChunks({
      localesDir: fileURLToPath(new URL('./locales', import.meta.url)),
      codes: localeList.map((l) => l.code),
    }),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./locales/*.json', import.meta.url))],
      // Messages are compiled to functions at build time: no runtime compiler, no eval.
      dropMessageCompiler: true,
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      strictMessage: true,
      escapeHtml: false,
    }),
    VitePWA({
      // Registered from our own bundle (src/app/modules/pwa.ts): an inline script would break the CSP.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        id: '/',
        name: 'Trin',
        short_name: 'Trin',
        description: 'Trin',
        lang: 'da',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f4ef',
        theme_color: '#2f5d62',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every asset, every language's every namespace included, so the app works offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm,woff2}'],
        // …but the QR decoder's WebAssembly (about 450 KiB gzip): only a worker's phone scans.
        // It is kept once fetched, and a worker's device fetches it ahead (qrDetector.ts).
        globIgnores: ['**/zxing_reader-*.wasm'],
        runtimeCaching: [
          {
            urlPattern: /\/assets\/zxing_reader-[\w-]+\.wasm$/,
            handler: 'CacheFirst',
            options: { cacheName: 'trin-qr-decoder', expiration: { maxEntries: 2 } },
          },
        ],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once; a new version waits until the user chooses to reload.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
    {
      name: 'trin-first-screen-reset',
      apply: 'build',
      buildStart: () => {
        firstScreen = null
        homeGroups = null
      },
    },
    cspMetaTag(),
    preloadFirstLocale(),
    benchHook(),
  ],
  build: {
    // The bench build goes beside the shipped one, never over it.
    outDir: mode === 'bench' ? 'dist-bench' : 'dist',
    target: 'es2022',
    // Every browser Trin supports knows modulepreload (Safari since 17); where one does not,
    // the imports still load, only later. The polyfill would ride on every first screen.
    // index.html preloads the first screen's files; a lazy screen's import names only its
    // stylesheets (which must load before it shows): its scripts' imports come as the browser
    // reads them, from the precache. The list of every chunk's file name no longer rides in the
    // first screen (1.4 KiB gzip), and opening a screen no longer adds dozens of <link> elements
    // in one task (README, Speed). The one exception is the onboarding: on a first visit it
    // comes over the network before the service worker has anything, and fetching its imports
    // beside it rather than after it saves a round trip before the first screen shows.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'html' || /(^|\/)OnboardingPage-[\w-]+\.js$/.test(file)
          ? deps
          : deps.filter((dep) => dep.endsWith('.css')),
    },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The first screen in two files instead of a dozen small shared chunks: one gzip
          // stream compresses better, and a cheap phone makes fewer requests (issue #11). The
          // libraries change rarely, so they keep their own file and cache.
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify|dexie|zod)[\\/]/,
              priority: 10,
            },
            {
              name: (id, context) => (firstScreenModules(context).has(id) ? 'start' : null),
              debugName: 'start',
              priority: 5,
            },
            // Before `home`, which takes the rest of Home's modules.
            {
              name: (id, context) => (homeChunks(context).early.has(id) ? 'early' : null),
              debugName: 'early',
              priority: 4,
            },
            {
              name: (id, context) => (homeChunks(context).home.has(id) ? 'home' : null),
              debugName: 'home',
              priority: 3,
            },
          ],
        },
      },
    },
    sourcemap: false,
    // Budget check lives in scripts/check-dist.mjs.
    chunkSizeWarningLimit: 400,
  },
  // `npm start` serves the build with the same policy as a header, which can also forbid framing
  // (a meta tag cannot), and with headers that keep the app from leaking anything in requests.
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: {
      'Content-Security-Policy': `${contentSecurityPolicy}; frame-ancestors 'none'`,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Permissions-Policy': 'geolocation=(), microphone=(), payment=(), usb=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
    },
  },
  server: { host: '127.0.0.1' },
}))
