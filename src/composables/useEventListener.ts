import { onScopeDispose } from 'vue'

/** Something that takes event listeners: window, document, an element, or a test's stand-in. */
export type ListenerTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

/**
 * Listens to `type` on `target` for as long as the calling scope (component, effect scope)
 * lives, and stops with it, with the same options (a capture listener must be removed as one).
 */
export function useEventListener(
  target: ListenerTarget,
  type: string,
  /** Any listener: its event type is the caller's to know (a keydown listener takes KeyboardEvent). */
  listener: (event: never) => void,
  options?: AddEventListenerOptions,
): void {
  const handler = listener as EventListener
  target.addEventListener(type, handler, options)
  onScopeDispose(() => {
    target.removeEventListener(type, handler, options)
  })
}
