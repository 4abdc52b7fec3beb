/**
 * Calendar dates without a time or a zone ("civil" dates), as `YYYY-MM-DD` strings.
 *
 * A CTI course is counted in calendar days and months. Doing that arithmetic on local-time
 * `Date`s lets a daylight-saving change turn a day into 23 or 25 hours and shift a result by
 * one day, so every function here works on whole days counted from 1970-01-01 in UTC, where
 * no day has a daylight-saving change. The only place a time zone enters is
 * `civilDateInZone`, which answers "what date is it there now".
 */

/** A `YYYY-MM-DD` date that exists in the (proleptic) Gregorian calendar, years 0000–9999. */
export type CivilDate = string & { readonly __brand: 'CivilDate' }

/** Thrown when a string is not a calendar date that exists, or arithmetic leaves years 0000–9999. */
export class CivilDateError extends Error {
  override readonly name = 'CivilDateError'
  readonly code = 'invalid-date'

  constructor(
    /** The offending value, for the developer; never shown to the user as is. */
    readonly input: unknown,
    message = `Not a calendar date (YYYY-MM-DD): ${typeof input === 'string' ? JSON.stringify(input) : String(input)}`,
  ) {
    super(message)
  }
}

const MS_PER_DAY = 86_400_000
/** The Gregorian calendar repeats exactly every 400 years, which is this many days. */
const DAYS_PER_400_YEARS = 146_097
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Days in `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29
  return MONTH_DAYS[month - 1] ?? Number.NaN
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

/**
 * Whether `value` is a `YYYY-MM-DD` string naming a day that exists (2024-02-29 yes,
 * 2025-02-29 no). Narrows to `CivilDate`.
 */
export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== 'string') return false
  const match = PATTERN.exec(value)
  if (match === null) return false
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/**
 * Parses a `YYYY-MM-DD` string into a `CivilDate`.
 * @throws {CivilDateError} when the string is malformed or names a day that does not exist.
 */
export function parseCivilDate(value: string): CivilDate {
  if (!isCivilDate(value)) throw new CivilDateError(value)
  return value
}

/** Builds a date from parts, refusing parts outside the supported range. */
function fromParts(year: number, month: number, day: number): CivilDate {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new CivilDateError(year, `Date arithmetic left the years 0000–9999 (year ${year})`)
  }
  return parseCivilDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)
}

function partsOf(date: CivilDate): readonly [year: number, month: number, day: number] {
  if (!isCivilDate(date)) throw new CivilDateError(date)
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
}

/** Whole days from 1970-01-01 to `date` (negative before it). */
export function toEpochDay(date: CivilDate): number {
  const [year, month, day] = partsOf(date)
  // Date.UTC reads years 0–99 as 1900–1999; shifting by a whole 400-year cycle avoids that.
  if (year < 100) return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS
  return Date.UTC(year, month - 1, day) / MS_PER_DAY
}

/**
 * The date `epochDay` whole days after 1970-01-01.
 * @throws {CivilDateError} when the result falls outside the years 0000–9999.
 */
export function fromEpochDay(epochDay: number): CivilDate {
  if (!Number.isInteger(epochDay))
    throw new CivilDateError(epochDay, `Not a whole number of days: ${epochDay}`)
  const utc = new Date(epochDay * MS_PER_DAY)
  return fromParts(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate())
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromEpochDay(toEpochDay(date) + days)
}

/**
 * `date` moved by `months` calendar months, clamped to the end of a shorter month:
 * 2025-01-31 + 1 → 2025-02-28, 2024-01-31 + 1 → 2024-02-29, 2025-08-31 + 3 → 2025-11-30.
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new CivilDateError(months, `Not a whole number of months: ${months}`)
  const [year, month, day] = partsOf(date)
  const monthIndex = year * 12 + (month - 1) + months
  const newYear = Math.floor(monthIndex / 12)
  const newMonth = monthIndex - newYear * 12 + 1
  return fromParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)))
}

/** `to − from` in whole calendar days: 1 for consecutive days, negative when `to` is earlier. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return toEpochDay(to) - toEpochDay(from)
}

/** −1, 0 or 1 as `a` is before, the same day as, or after `b`; usable with `Array.sort`. */
export function compareCivil(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  // Fixed-width YYYY-MM-DD strings sort in calendar order.
  if (a < b) return -1
  return a > b ? 1 : 0
}

/** The earliest of the given dates. */
export function minCivil(first: CivilDate, ...rest: readonly CivilDate[]): CivilDate {
  return rest.reduce((earliest, date) => (date < earliest ? date : earliest), first)
}

/** The latest of the given dates. */
export function maxCivil(first: CivilDate, ...rest: readonly CivilDate[]): CivilDate {
  return rest.reduce((latest, date) => (date > latest ? date : latest), first)
}

// Building an Intl.DateTimeFormat is slow compared with using one, and "today" is asked often.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/**
 * The calendar date at `instant` on a wall clock in `timeZone` (an IANA name such as
 * `Europe/Copenhagen`): 2025-03-29T23:30Z is 2025-03-30 in Copenhagen (00:30 local) but
 * 2025-03-29 in New York. Use it once, at the edge, to turn "now" into today's date.
 * @throws {RangeError} for an unknown time zone or an invalid `Date`.
 */
export function civilDateInZone(instant: Date, timeZone: string): CivilDate {
  const parts = formatterFor(timeZone).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value)
  return fromParts(part('year'), part('month'), part('day'))
}

/**
 * The calendar date at `instant` on this device's own wall clock (its default time zone, the
 * one `Intl.DateTimeFormat().resolvedOptions().timeZone` names), read from the `Date`'s local
 * fields. The same date as `civilDateInZone(instant, thatZone)`, without touching `Intl`: the
 * first `Intl` call of a page loads the locale data, about 150 ms on a cheap phone, and the
 * first screen asks for today before it shows a single formatted date (issue #11).
 * @throws {CivilDateError} for an invalid `Date`.
 */
export function civilDateOnDevice(instant: Date): CivilDate {
  return fromParts(instant.getFullYear(), instant.getMonth() + 1, instant.getDate())
}
