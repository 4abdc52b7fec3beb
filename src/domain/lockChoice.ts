/**
 * The rules behind the lock screens and forms: which protection onboarding suggests, and what a
 * typed passphrase or PIN lacks. The data layer enforces the same minimums; these give the
 * person a message before anything is derived.
 */

/** "No lock" (stops casual reading only) or a passphrase (protects a copied phone too). */
export type LockChoice = 'none' | 'passphrase'

/**
 * The choice onboarding selects first. DESIGN.md: "no lock … default off for the shelter target
 * group" — a woman leaving violence gets the passphrase suggested; every other group starts from
 * "no lock" and can choose the passphrase with one tap.
 */
export function suggestedLock(targetGroup: string | null): LockChoice {
  return targetGroup === 'shelter' ? 'passphrase' : 'none'
}

/** Length as a person counts it: code points after NFC (an emoji is one). */
export function passphraseLength(passphrase: string): number {
  return Array.from(passphrase.normalize('NFC')).length
}

/** What stops a new passphrase from being used. */
export type PassphraseProblem = 'empty' | 'too-short' | 'mismatch'

/** The first problem with a new passphrase and its repetition, or null. `minLength` comes from the data layer. */
export function newPassphraseProblem(
  passphrase: string,
  repeat: string,
  minLength: number,
): PassphraseProblem | null {
  if (passphrase.length === 0) return 'empty'
  if (passphraseLength(passphrase) < minLength) return 'too-short'
  if (passphrase.normalize('NFC') !== repeat.normalize('NFC')) return 'mismatch'
  return null
}

/** Advice for a passphrase that is allowed but easy to guess offline. */
export type PassphraseAdvice = 'use-words' | 'repeated'

/** Passphrases of this many code points or more, or of three words or more, get no advice. */
export const ADVISED_LENGTH = 16

/**
 * Advice (never a block): a copied phone can be attacked offline, where only the passphrase's
 * length and unpredictability count. Three or four ordinary words are easier to remember and
 * harder to guess than a short word with digits.
 */
export function passphraseAdvice(passphrase: string): PassphraseAdvice | null {
  const characters = Array.from(passphrase.normalize('NFC'))
  if (characters.length > 0 && new Set(characters).size <= 2) return 'repeated'
  const words = passphrase
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '')
  if (characters.length >= ADVISED_LENGTH || words.length >= 3) return null
  return 'use-words'
}

/** A PIN re-opens the app after an auto-lock only: 4–12 digits. */
export const PIN_FORMAT = /^[0-9]{4,12}$/

/** Whether a typed PIN has the accepted form. */
export function isPinFormat(pin: string): boolean {
  return PIN_FORMAT.test(pin)
}

/**
 * Whether a typed confirmation matches the word the screen asks for (erase everything): case,
 * surrounding spaces and accents do not matter, every letter does. Accents are folded because
 * the word guards against an accident, not an attacker, and a phone's keyboard may lack the
 * language's letters (USUŃ typed as USUN, ȘTERGE as STERGE, SİL as SIL, Arabic without harakat).
 */
export function confirmationMatches(typed: string, word: string, locale: string): boolean {
  const normal = (text: string) =>
    text.trim().toLocaleUpperCase(locale).normalize('NFD').replace(/\p{M}/gu, '')
  return word.trim() !== '' && normal(typed) === normal(word)
}
