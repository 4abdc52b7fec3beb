/**
 * Quick exit (DESIGN.md, security model): the keyboard shortcut and the choice of where to go.
 *
 * The shortcut is Shift pressed three times within five seconds, on its own. A press counts when
 * Shift goes down with no other key held and no Ctrl/Alt/Meta, and comes up again before any
 * other key goes down; so typing capitals (Shift+A), holding Shift, or Shift with another key
 * never counts, and any other key starts the count again. It fires on the third release, so a
 * third Shift that turns out to be Shift+A does not exit.
 */

/** Presses of Shift alone that trigger the exit. */
export const SHIFT_PRESSES = 3
/** The presses must all fall within this window, from the first press down to the last release. */
export const SHIFT_WINDOW_MS = 5000

/** One keyboard event, as the rule needs it. */
export interface KeyEventFacts {
  readonly type: 'down' | 'up'
  /** `KeyboardEvent.key`. */
  readonly key: string
  /** Epoch ms (or any monotonic ms). */
  readonly at: number
  /** An auto-repeat from holding the key down. */
  readonly repeat: boolean
  /** Ctrl, Alt or Meta is held. */
  readonly modifier: boolean
  /** Some key other than Shift is held down. */
  readonly otherKeyHeld: boolean
}

export interface ShiftSequence {
  /** When each counted press went down, oldest first. */
  readonly presses: readonly number[]
  /** When the Shift press now held went down, if it still counts. */
  readonly pendingSince: number | null
}

export const emptyShiftSequence: ShiftSequence = Object.freeze({
  presses: Object.freeze([]),
  pendingSince: null,
})

/** The sequence after one more key event, and whether it completes the quick-exit shortcut. */
export function afterKeyEvent(
  sequence: ShiftSequence,
  event: KeyEventFacts,
): { readonly sequence: ShiftSequence; readonly exit: boolean } {
  const unchanged = { sequence, exit: false }
  if (event.key !== 'Shift') {
    return event.type === 'down' ? { sequence: emptyShiftSequence, exit: false } : unchanged
  }
  if (event.type === 'down') {
    if (event.repeat) return unchanged
    if (event.modifier || event.otherKeyHeld) return { sequence: emptyShiftSequence, exit: false }
    return { sequence: { presses: sequence.presses, pendingSince: event.at }, exit: false }
  }
  if (sequence.pendingSince === null) return unchanged
  const presses = [...sequence.presses, sequence.pendingSince].filter(
    (at) => event.at - at <= SHIFT_WINDOW_MS,
  )
  if (presses.length >= SHIFT_PRESSES) return { sequence: emptyShiftSequence, exit: true }
  return { sequence: { presses, pendingSince: null }, exit: false }
}

/** Why an address cannot be the quick-exit target. */
export type ExitTargetProblem = 'empty' | 'invalid' | 'not-https' | 'credentials' | 'too-long'

/** Longest address accepted (it is kept in plain storage and must stay small). */
export const MAX_EXIT_TARGET_LENGTH = 500

/**
 * Checks an ordinary website typed as the quick-exit target: an absolute https address without a
 * user name or password. Returns the normalised address, or the problem.
 */
export function checkExitTarget(
  input: string,
): { readonly ok: true; readonly url: string } | { readonly ok: false; readonly problem: ExitTargetProblem } {
  const trimmed = input.trim()
  if (trimmed === '') return { ok: false, problem: 'empty' }
  if (trimmed.length > MAX_EXIT_TARGET_LENGTH) return { ok: false, problem: 'too-long' }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    // "dr.dk" without a scheme is what most people type.
    try {
      url = new URL(`https://${trimmed}`)
    } catch {
      return { ok: false, problem: 'invalid' }
    }
    if (!url.hostname.includes('.')) return { ok: false, problem: 'invalid' }
  }
  if (url.protocol !== 'https:')
    return { ok: false, problem: url.protocol === 'http:' ? 'not-https' : 'invalid' }
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' }
  if (!url.hostname.includes('.')) return { ok: false, problem: 'invalid' }
  return { ok: true, url: url.href }
}

/**
 * Ordinary outside sites quick exit can leave for, like GOV.UK's "Exit this page": common pages
 * many people in Denmark open every day, so the tab and its Back button show nothing unusual.
 */
export const EXIT_SITES = [
  { id: 'weather', url: 'https://www.dmi.dk/' },
  { id: 'news', url: 'https://www.dr.dk/nyheder' },
  { id: 'recipes', url: 'https://www.valdemarsro.dk/' },
] as const

/** One of the offered outside sites. */
export type ExitSiteId = (typeof EXIT_SITES)[number]['id']

/** The offered site at this address, or null for any other address. */
export function exitSiteAt(url: string | null): ExitSiteId | null {
  return EXIT_SITES.find((site) => site.url === url)?.id ?? null
}

/** Where one quick exit goes. */
export type ExitDestination = { readonly kind: 'site'; readonly url: string } | { readonly kind: 'built-in' }

/**
 * The chosen outside site when the device is online; the built-in page when the citizen chose it
 * (`target` null) or when offline, where an outside site would only show the browser's "no
 * connection" page under that site's address.
 */
export function exitDestination(target: string | null, online: boolean): ExitDestination {
  return target !== null && online ? { kind: 'site', url: target } : { kind: 'built-in' }
}
