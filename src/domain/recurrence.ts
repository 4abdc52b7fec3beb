/**
 * When a planned activity happens: its first date and how it repeats (none, daily, weekly,
 * monthly). Repeats have no end date in the activity plan; a repeating activity goes on until
 * the citizen marks it done or deletes it, which callers check (this module is date arithmetic
 * only and ignores `done` and `deleted`).
 *
 * Occurrence n is always computed from the first date (the anchor), never from the previous
 * occurrence. For monthly repeats that is what keeps the anchor day: 31 January gives
 * 28 February, then 31 March — chaining month to month would drift to the 28th for good.
 */
import { addDays, addMonths, daysBetween, type CivilDate } from './civilDate'
import type { Activity } from '@/schemas'

/** How often an activity repeats. */
export type Repeat = Activity['repeat']

/** The fields of an activity that decide when it happens. */
export type Recurring = Pick<Activity, 'date' | 'repeat'>

/** Month number counted from year 0, so two dates' months can be subtracted. */
function monthIndex(date: CivilDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
}

/** Occurrence `index` (0 = the anchor itself) of a repeating activity anchored on `anchor`. */
function occurrenceAt(anchor: CivilDate, repeat: Exclude<Repeat, 'none'>, index: number): CivilDate {
  switch (repeat) {
    case 'daily':
      return addDays(anchor, index)
    case 'weekly':
      return addDays(anchor, 7 * index)
    case 'monthly':
      // addMonths clamps to the end of a short month but counts from the anchor's day.
      return addMonths(anchor, index)
  }
}

/** The index of the first occurrence on or after `day` (0 when `day` is on or before the anchor). */
function firstIndexOnOrAfter(anchor: CivilDate, repeat: Exclude<Repeat, 'none'>, day: CivilDate): number {
  if (day <= anchor) return 0
  switch (repeat) {
    case 'daily':
      return daysBetween(anchor, day)
    case 'weekly':
      return Math.ceil(daysBetween(anchor, day) / 7)
    case 'monthly': {
      // The occurrence in `day`'s own month is on or after `day`, or the next month's is.
      const sameMonth = monthIndex(day) - monthIndex(anchor)
      return occurrenceAt(anchor, repeat, sameMonth) >= day ? sameMonth : sameMonth + 1
    }
  }
}

/**
 * The first day on or after `onOrAfter` on which the activity happens, or null when it has no
 * date or is a one-off that lies before `onOrAfter`.
 * @example nextOccurrence({ date: d('2026-01-31'), repeat: 'monthly' }, d('2026-02-01')) // → '2026-02-28'
 * @example nextOccurrence({ date: d('2026-01-31'), repeat: 'monthly' }, d('2026-03-01')) // → '2026-03-31'
 */
export function nextOccurrence(activity: Recurring, onOrAfter: CivilDate): CivilDate | null {
  const anchor = activity.date
  if (anchor === undefined) return null
  if (activity.repeat === 'none') return anchor >= onOrAfter ? anchor : null
  return occurrenceAt(anchor, activity.repeat, firstIndexOnOrAfter(anchor, activity.repeat, onOrAfter))
}

/**
 * The days from `from` to `to` (both included) on which the activity happens, earliest first,
 * at most `limit` of them. The limit keeps a daily repeat over a long span from building a
 * huge list; ask again from the day after the last one for more.
 * @throws {RangeError} when `limit` is not a whole number of 0 or more.
 */
export function occurrencesBetween(
  activity: Recurring,
  from: CivilDate,
  to: CivilDate,
  limit: number,
): CivilDate[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a whole number of 0 or more, got ${limit}`)
  const anchor = activity.date
  if (anchor === undefined || limit === 0 || to < from) return []
  if (activity.repeat === 'none') return anchor >= from && anchor <= to ? [anchor] : []

  const found: CivilDate[] = []
  for (let index = firstIndexOnOrAfter(anchor, activity.repeat, from); found.length < limit; index++) {
    const day = occurrenceAt(anchor, activity.repeat, index)
    if (day > to) break
    found.push(day)
  }
  return found
}
