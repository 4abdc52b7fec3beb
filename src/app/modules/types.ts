import type { App } from 'vue'
import type { Router } from 'vue-router'

/** A small installer run by main.ts: one per concern (i18n, pinia, router, pwa). */
export type AppModule = (ctx: { app: App; router: Router }) => void | Promise<void>
