/**
 * The activity plan as a list: what needs attention now, what comes later in the course, and
 * what is done; each in the order a person would look at it.
 */
import type { CivilDate } from './civilDate'
import { nextOccurrence } from './recurrence'
import type { Activity } from '@/schemas'

/** One activity as the plan lists it. */
export interface PlannedActivity<A extends Activity = Activity> {
  readonly activity: A
  /**
   * The day it is listed by: a one-off's own date (even when past), a repeating activity's next
   * occurrence from today. Null when it has no date.
   */
  readonly on: CivilDate | null
  /** A one-off, not done, whose date has passed. A repeating activity is never overdue. */
  readonly overdue: boolean
}

/** The activity plan in three lists. */
export interface ActivityPlan<A extends Activity = Activity> {
  /** Priority 'now', not done. */
  readonly now: readonly PlannedActivity<A>[]
  /** Priority 'later' (later in the course), not done. */
  readonly later: readonly PlannedActivity<A>[]
  /** Done, whatever the priority. */
  readonly done: readonly PlannedActivity<A>[]
}

function planned<A extends Activity>(activity: A, today: CivilDate): PlannedActivity<A> {
  const on = activity.repeat === 'none' ? (activity.date ?? null) : nextOccurrence(activity, today)
  return { activity, on, overdue: activity.repeat === 'none' && !activity.done && on !== null && on < today }
}

/**
 * Earliest first (so what is overdue comes first), all-day before timed on one day, undated
 * last. Ties keep the order they were created in (HLC stamps sort as strings), then the id, so
 * every device shows the same list.
 */
function compare(a: PlannedActivity, b: PlannedActivity): number {
  if (a.on !== b.on) {
    if (a.on === null) return 1
    if (b.on === null) return -1
    return a.on < b.on ? -1 : 1
  }
  const timeA = a.activity.time ?? ''
  const timeB = b.activity.time ?? ''
  if (timeA !== timeB) return timeA < timeB ? -1 : 1
  if (a.activity.createdAt !== b.activity.createdAt)
    return a.activity.createdAt < b.activity.createdAt ? -1 : 1
  return a.activity.id < b.activity.id ? -1 : a.activity.id > b.activity.id ? 1 : 0
}

/** The live activities grouped into now, later and done, each sorted (see `compare`). Deleted ones are left out. */
export function activityPlan<A extends Activity>(
  activities: readonly A[],
  today: CivilDate,
): ActivityPlan<A> {
  const all = activities
    .filter((activity) => !activity.deleted)
    .map((activity) => planned(activity, today))
    .sort(compare)
  return {
    now: all.filter((entry) => !entry.activity.done && entry.activity.priority === 'now'),
    later: all.filter((entry) => !entry.activity.done && entry.activity.priority === 'later'),
    done: all.filter((entry) => entry.activity.done),
  }
}
