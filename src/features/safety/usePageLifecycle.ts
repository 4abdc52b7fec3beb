/**
 * The back/forward cache keeps a page alive after the person navigates away, and shows it again —
 * as it was — on Back. So before the page goes into the cache it is blanked and closed (no key,
 * no decrypted value survives in it), and when it comes back it shows the lock screen first and
 * only then becomes visible.
 */
import { nextTick, onScopeDispose } from 'vue'
import { useVaultStore } from '@/stores/vault'
import { blankPage, unblankPage } from './quickExit'

export function usePageLifecycle(): void {
  const vault = useVaultStore()

  function onPageHide(event: PageTransitionEvent): void {
    if (!event.persisted) return
    blankPage()
    vault.close()
  }

  async function onPageShow(event: PageTransitionEvent): Promise<void> {
    if (!event.persisted) return
    blankPage()
    vault.close()
    await vault.refreshLockState().catch(() => undefined)
    await nextTick()
    unblankPage()
  }

  const show = (event: PageTransitionEvent): void => {
    void onPageShow(event)
  }
  window.addEventListener('pagehide', onPageHide)
  window.addEventListener('pageshow', show)
  onScopeDispose(() => {
    window.removeEventListener('pagehide', onPageHide)
    window.removeEventListener('pageshow', show)
  })
}
