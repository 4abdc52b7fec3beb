/**
 * Formats a civil date (YYYY-MM-DD) for people, in the given locale. The date is read and
 * written in UTC so that no time zone or daylight-saving change can move it by a day.
 */
export function formatCivilDate(
  date: string,
  locale: string,
  style: 'long' | 'medium' | 'full' = 'long',
): string {
  const [year, month, day] = date.split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return date
  const instant = new Date(Date.UTC(year, month - 1, day))
  return new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: style, timeZone: 'UTC' }).format(instant)
}

/** Where a browser has no date formats for a language, Danish ones: the country's, never English. */
export const DATE_FALLBACK_LOCALE = 'da'

const dateLocales = new Map<string, string>()

/** Whether this browser's `Intl` really formats dates in `locale` (not listed yet resolved to its default). */
export function intlKnowsDates(locale: string): boolean {
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return false
  const resolved = new Intl.DateTimeFormat(locale).resolvedOptions().locale
  return resolved.split('-')[0] === locale.split('-')[0]
}

/** `locale` where `knows` it, otherwise Danish. */
export function chooseDateLocale(locale: string, knows: (locale: string) => boolean): string {
  return knows(locale) ? locale : DATE_FALLBACK_LOCALE
}

/**
 * The locale to format dates in for `locale`: itself where this browser's `Intl` knows it,
 * otherwise Danish. Kalaallisut is missing from some browsers' `Intl`, which then silently
 * formats in US English ("September 14, 2027") — the one language nobody in Trin chose.
 */
export function dateLocale(locale: string): string {
  let chosen = dateLocales.get(locale)
  if (chosen === undefined) {
    chosen = chooseDateLocale(locale, intlKnowsDates)
    dateLocales.set(locale, chosen)
  }
  return chosen
}
