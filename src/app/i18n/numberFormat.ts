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
