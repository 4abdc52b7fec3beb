/**
 * One `Intl.NumberFormat` per locale, made once: building a formatter costs far more than
 * formatting with it, and a plan screen writes hundreds of numbers (steps done, counts).
 */
const formatters = new Map<string, Intl.NumberFormat>()

/** The locale's plain number formatter (its own digits and grouping), cached. */
export function numberFormat(locale: string): Intl.NumberFormat {
  let formatter = formatters.get(locale)
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale)
    formatters.set(locale, formatter)
  }
  return formatter
}

/**
 * The languages that write numbers in the digits 0–9 in every browser (CLDR's default numbering
 * system `latn`, tested against Intl in tests/unit/app/numberFormat.test.ts). Arabic, Persian and
 * Urdu are left out: their digits vary by browser and system (Persian writes ۰–۹).
 */
export const LATIN_DIGITS: ReadonlySet<string> = new Set(['da', 'en', 'kl', 'uk', 'tr', 'so', 'pl', 'ro'])

/**
 * `value` written as `locale` writes numbers. A whole number from 0 to 999 in a language of
 * `LATIN_DIGITS` is its digits as they are (no grouping, no sign), so it needs no `Intl`: the
 * first `Intl` object a page makes loads the locale data, about 150 ms on a cheap phone, and the
 * onboarding's first screen says "step 1 of 7" (issue #11). Everything else goes through Intl.
 */
export function formatNumber(value: number, locale: string): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000 && LATIN_DIGITS.has(locale)) return String(value)
  return numberFormat(locale).format(value)
}
