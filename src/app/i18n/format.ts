/**
 * Formats a civil date (YYYY-MM-DD) for people, in the given locale. The date is read and
 * written in UTC so that no time zone or daylight-saving change can move it by a day.
 */
export function formatCivilDate(date: string, locale: string, style: 'long' | 'medium' = 'long'): string {
  const [year, month, day] = date.split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return date
  const instant = new Date(Date.UTC(year, month - 1, day))
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(instant)
}
