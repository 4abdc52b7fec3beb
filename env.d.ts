/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
declare module 'virtual:trin-messages' {
  /**
   * Per language code and message namespace (src/app/i18n/namespaces.ts), its precompiled
   * messages (scripts/lib/message-chunks.ts).
   */
  export const messageParts: Readonly<
    Record<string, Readonly<Record<string, () => Promise<{ default: Record<string, unknown> }>>>>
  >
}
