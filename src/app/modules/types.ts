import type { App } from 'vue'
import type { Router } from 'vue-router'

/**
 * A small installer run by main.ts: one per concern (i18n, pinia, router). The service worker
 * is registered by features/update/UpdatePrompt.vue, which also offers a new version.
 */
export type AppModule = (ctx: { app: App; router: Router }) => void | Promise<void>
