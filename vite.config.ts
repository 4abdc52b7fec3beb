import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { VitePWA } from 'vite-plugin-pwa'

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

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  plugins: [
    vue(),
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
        // Every asset, lazily loaded locale chunks included, so the app works offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,wasm,woff2}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once; a new version waits until the user chooses to reload.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
    cspMetaTag(),
  ],
  build: {
    target: 'es2022',
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
})
