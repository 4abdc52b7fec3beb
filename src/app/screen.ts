import type { RouteComponent, RouteRecordRaw } from 'vue-router'
import type { MessageNamespace } from '@/app/i18n/namespaces'

/**
 * One screen's route: its path, its name, its page (loaded lazily: pass `() => import(…)` so Vite
 * makes it a chunk of its own) and the message namespaces it needs besides `core`
 * (`meta.messages`, loaded before it shows; src/app/i18n/namespaces.ts).
 */
export function screen(
  path: string,
  name: string,
  component: RouteComponent | (() => Promise<RouteComponent | { default: RouteComponent }>),
  ...messages: MessageNamespace[]
): RouteRecordRaw {
  return messages.length === 0 ? { path, name, component } : { path, name, component, meta: { messages } }
}
