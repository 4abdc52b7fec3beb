/**
 * Covers the whole page whenever it is hidden. Phones show a picture of every open app in the
 * app switcher, taken when the app goes to the background; without a cover that picture is the
 * plan, readable by anyone who swipes through the switcher, even after the vault locked.
 *
 * The class goes on <html> in the same task as the event (not through Vue's next render), so the
 * next frame the browser draws — the one it snapshots — is the cover. Browsers differ in when
 * they take that picture: Chromium on Android fires `visibilitychange` before it; where a
 * browser snapshots earlier, only the OS's own "secure window" flag would help, which a web page
 * cannot set. The cover is removed when the page is visible again, by which time a lock-on-hide
 * has already put the lock screen in place.
 */
import { useEventListener } from '@/composables/useEventListener'

/** Class on <html> that shows the cover (styles in App.vue). */
export const COVER_CLASS = 'trin-covered'

function coverPage(): void {
  document.documentElement.classList.add(COVER_CLASS)
}

function uncoverPage(): void {
  document.documentElement.classList.remove(COVER_CLASS)
}

export function usePrivacyCover(): void {
  function onVisibility(): void {
    if (document.visibilityState === 'hidden') coverPage()
    else uncoverPage()
  }
  function onPageShow(): void {
    if (document.visibilityState === 'visible') uncoverPage()
  }
  // Registered first thing and in the capture phase, so the cover is up before other listeners
  // (auto-lock) run their work.
  useEventListener(document, 'visibilitychange', onVisibility, { capture: true })
  useEventListener(window, 'pagehide', coverPage, { capture: true })
  useEventListener(window, 'pageshow', onPageShow)
}
