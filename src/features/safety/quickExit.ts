/**
 * Quick exit: blank the screen at once, drop every key and decrypted value, remember that the
 * visit ended this way, and replace the page with the chosen outside site (online) or the
 * built-in neutral page (offline, or chosen). `location.replace` swaps the
 * current history entry, so Back does not return to this page; with the router's memory
 * history the app has added no entries of its own (DESIGN.md, security model).
 */
import { useEventListener, type ListenerTarget } from '@/composables/useEventListener'
import { afterKeyEvent, emptyShiftSequence, exitDestination, type ShiftSequence } from '@/domain/quickExit'
import { useVaultStore } from '@/stores/vault'
import { useSafetySettings } from '@/stores/safetySettings'

/**
 * The bundled neutral page (public/opskrift.html, an ordinary recipe): precached, so it opens
 * offline too. Its address names a recipe, not the app, in case someone looks at the address bar.
 */
export const NEUTRAL_PAGE = '/opskrift.html'

/** Class on <html> that hides the whole page (see QuickExitButton.vue's global style). */
export const BLANK_CLASS = 'trin-blank'

/** Hides everything on the page in this very task: the next frame the browser paints is blank. */
export function blankPage(): void {
  document.documentElement.classList.add(BLANK_CLASS)
}

/** Shows the page again (a page restored from the back/forward cache, once the lock screen is in place). */
export function unblankPage(): void {
  document.documentElement.classList.remove(BLANK_CLASS)
}

/** What a quick exit does, in order; injectable so tests can watch it without leaving the page. */
export interface QuickExitSteps {
  readonly blank: () => void
  readonly close: () => void
  readonly remember: () => void
  readonly leave: (url: string) => void
}

/**
 * Runs the exit. Each step is attempted even if an earlier one throws: leaving must happen
 * whatever else fails.
 */
export function runQuickExit(target: string | null, steps: QuickExitSteps): void {
  for (const step of [steps.blank, steps.close, steps.remember]) {
    try {
      step()
    } catch {
      // keep going: the page must be left
    }
  }
  steps.leave(target ?? NEUTRAL_PAGE)
}

/** The quick exit for this app: `exit()` leaves at once. */
export function useQuickExit(options: { leave?: (url: string) => void; online?: () => boolean } = {}) {
  const vault = useVaultStore()
  const settings = useSafetySettings()
  const leave =
    options.leave ??
    ((url: string) => {
      window.location.replace(url)
    })
  const online = options.online ?? (() => navigator.onLine)
  function exit(): void {
    // Offline, an outside site would show the browser's error page: the built-in page instead.
    const destination = exitDestination(settings.exitTarget, online())
    runQuickExit(destination.kind === 'site' ? destination.url : null, {
      blank: blankPage,
      close: () => {
        vault.close()
      },
      remember: () => {
        settings.markExited()
      },
      leave,
    })
  }
  return { exit }
}

/**
 * Listens for Shift pressed three times on its own within five seconds (see
 * `@/domain/quickExit`) anywhere on the page, form fields included, and calls `onExit`.
 */
export function useShiftTriple(onExit: () => void, target: ListenerTarget = window): void {
  let sequence: ShiftSequence = emptyShiftSequence
  const held = new Set<string>()

  function onKey(event: KeyboardEvent): void {
    if (event.isComposing) return
    const type = event.type === 'keydown' ? 'down' : 'up'
    const id = event.code === '' ? event.key : event.code
    const otherKeyHeld = [...held].some((key) => key !== id)
    if (event.key !== 'Shift') {
      if (type === 'down') held.add(id)
      else held.delete(id)
    }
    const result = afterKeyEvent(sequence, {
      type,
      key: event.key,
      at: Date.now(),
      repeat: event.repeat,
      modifier: event.ctrlKey || event.altKey || event.metaKey,
      otherKeyHeld,
    })
    sequence = result.sequence
    if (result.exit) onExit()
  }
  function forget(): void {
    // A key released while the window had no focus never reports its keyup.
    held.clear()
    sequence = emptyShiftSequence
  }

  useEventListener(target, 'keydown', onKey, { capture: true })
  useEventListener(target, 'keyup', onKey, { capture: true })
  useEventListener(target, 'blur', forget)
}
