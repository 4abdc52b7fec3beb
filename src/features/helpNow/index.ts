import { defineAsyncComponent } from 'vue'
// What the app shell (and later the network screens) may use of help now.
export { default as HelpNowButton } from './HelpNowButton.vue'
// The shell's help now (the panel and her crisis contacts) loads when she first opens it, or
// when the first screen is idle (`preloadHelpNow`): the button is on the first screen, the
// panel is not (issue #11's budget). The service worker precaches it with every other chunk,
// so it opens offline, on the lock screen too.
const loadSheet = () => import('./HelpNowSheet.vue')
export const HelpNowSheet = defineAsyncComponent(loadSheet)
/** Fetches help now ahead of the first tap, once the first screen has shown. */
export function preloadHelpNow(): void {
  const load = () => {
    void loadSheet()
  }
  // Safari before 18.2 has no requestIdleCallback.
  const idle = (window as Partial<Pick<Window, 'requestIdleCallback'>>).requestIdleCallback
  if (idle === undefined) window.setTimeout(load, 1000)
  else idle.call(window, load)
}
export { HELP_NOW_PANEL_ID, useHelpNow, useHelpNowGroup } from './useHelpNow'
export type { HelpNowContact } from './types'
export type { CrisisContact } from './useCrisisContacts'
