/**
 * What the "Where am I" home screen computes: the next few things to do, what changes at the
 * next stage of the course, and how far the current phase and the whole course have come.
 * "Time is visible" (DESIGN.md): nothing about the course's timing should come as a surprise.
 */
import { addDays, daysBetween, maxCivil, minCivil, type CivilDate } from './civilDate'
import { nextOccurrence, type Repeat } from './recurrence'
import { phaseOfStage, type CourseStatus, type DateSpan, type ScheduledPause, type Stage } from './phases'
import type { Activity, Goal, SubGoal } from '@/schemas'

/** One open sub-goal or activity on the home screen. */
export interface ThingToDo {
  readonly kind: 'subGoal' | 'activity'
  readonly id: string
  readonly title: string
  /** The due date; for a repeating activity its next occurrence from today. Null when undated. */
  readonly due: CivilDate | null
  /** Local wall-clock time `HH:MM` (activities only). */
  readonly time: string | null
  /** A one-off past its date and not done. A repeating activity is never overdue. */
  readonly overdue: boolean
  readonly dueToday: boolean
  /** The goal it serves; null for an activity that stands alone. */
  readonly goalId: string | null
  /** How the activity repeats; 'none' for sub-goals. */
  readonly repeat: Repeat
  /** Only orders undated items; sub-goals count as 'now' (see `nextThingsToDo`). */
  readonly priority: 'now' | 'later'
}

/** What `nextThingsToDo` looks at. */
export interface NextThingsInput {
  readonly subGoals: readonly SubGoal[]
  readonly activities: readonly Activity[]
  /** The goals the sub-goals belong to (deleted ones included is fine). */
  readonly goals: readonly Pick<Goal, 'id' | 'status' | 'deleted'>[]
  /** Today's date on the citizen's wall clock (`civilDateInZone`). */
  readonly today: CivilDate
  /** At most this many items; `Infinity` for all. */
  readonly limit: number
  /** Also list undated activities marked 'later' (last). Default false. */
  readonly includeLater?: boolean
}

/** The home-screen groups, numbered in the order they are listed. */
const GROUP = { overdue: 0, today: 1, upcoming: 2, undatedNow: 3, undatedLater: 4 } as const

function groupOf(thing: ThingToDo): number {
  if (thing.overdue) return GROUP.overdue
  if (thing.dueToday) return GROUP.today
  if (thing.due !== null) return GROUP.upcoming
  return thing.priority === 'now' ? GROUP.undatedNow : GROUP.undatedLater
}

function compareThings(a: ThingToDo, b: ThingToDo): number {
  const group = groupOf(a) - groupOf(b)
  if (group !== 0 || a.due === null || b.due === null) return group
  if (a.due !== b.due) return a.due < b.due ? -1 : 1
  // On one day, untimed (all-day) items come first, as in a calendar; then by time.
  if (a.time === b.time) return 0
  if (a.time === null) return -1
  if (b.time === null) return 1
  return a.time < b.time ? -1 : 1
}

/**
 * The open sub-goals and activities to show on the home screen, in this order:
 * 1. overdue, oldest first; 2. due today; 3. upcoming, by date and time; 4. undated with
 * priority 'now'; 5. undated with priority 'later', only with `includeLater`.
 * Within a day, all-day items come before timed ones; other ties keep the input order
 * (sub-goals before activities), so pass each list in display order.
 *
 * Left out: done or deleted items; sub-goals whose goal is deleted, 'reached' or 'letGo'
 * (the citizen has finished with that goal). A sub-goal whose goal is not in `goals` at all
 * is still listed: losing a to-do silently is worse than showing one too many. Activities do
 * not follow their goal's status; an activity stands on its own in the activity plan.
 *
 * Dates win over priority: a dated 'later' activity is listed by its date. Sub-goals have no
 * priority and count as 'now'. A repeating activity is listed at its next occurrence from
 * today (never overdue); a one-off with a past date that is not done is overdue.
 * @throws {RangeError} when `limit` is not a whole number of 0 or more, or `Infinity`.
 */
export function nextThingsToDo(input: NextThingsInput): ThingToDo[] {
  const { today, limit } = input
  if (!(limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit >= 0))) {
    throw new RangeError(`limit must be a whole number of 0 or more, or Infinity; got ${limit}`)
  }
  const goals = new Map(input.goals.map((goal) => [goal.id, goal]))
  const finishedGoal = (goalId: string): boolean => {
    const goal = goals.get(goalId)
    return goal !== undefined && (goal.deleted || goal.status === 'reached' || goal.status === 'letGo')
  }

  const things: ThingToDo[] = []
  for (const subGoal of input.subGoals) {
    if (subGoal.done || subGoal.deleted || finishedGoal(subGoal.goalId)) continue
    const due = subGoal.due ?? null
    things.push({
      kind: 'subGoal',
      id: subGoal.id,
      title: subGoal.title,
      due,
      time: null,
      overdue: due !== null && due < today,
      dueToday: due === today,
      goalId: subGoal.goalId,
      repeat: 'none',
      priority: 'now',
    })
  }
  for (const activity of input.activities) {
    if (activity.done || activity.deleted) continue
    const due = activity.repeat === 'none' ? (activity.date ?? null) : nextOccurrence(activity, today)
    things.push({
      kind: 'activity',
      id: activity.id,
      title: activity.title,
      due,
      time: activity.time ?? null,
      overdue: due !== null && due < today,
      dueToday: due === today,
      goalId: activity.goalId ?? null,
      repeat: activity.repeat,
      priority: activity.priority,
    })
  }

  const includeLater = input.includeLater ?? false
  // Array.prototype.sort is stable, which the input-order tie-break relies on.
  return things
    .filter((thing) => includeLater || groupOf(thing) !== GROUP.undatedLater)
    .sort(compareThings)
    .slice(0, limit)
}

/**
 * How contact with the CTI worker changes at a stage change, following the 4:2:1 rule
 * (CTI-BRIEF.md, "Falling intensity"): 'starts' into the contact period or phase 1 (the most
 * intensive phase), 'less' into phase 2 (about half), 'least' into phase 3 (half again),
 * 'ends' when the course ends. The citizen is told this at each change.
 */
export type ContactChange = 'starts' | 'less' | 'least' | 'ends'

const CONTACT_CHANGES = {
  contact: 'starts',
  phase1: 'starts',
  phase2: 'less',
  phase3: 'least',
  ended: 'ends',
} as const satisfies Record<Exclude<Stage, 'before'>, ContactChange>

/** The next stage change, as the home screen shows it. */
export interface NextChange {
  /** The stage that begins; never 'before', where a course starts, not a stage it changes to. */
  readonly stage: Exclude<Stage, 'before'>
  /** The day it begins. */
  readonly on: CivilDate
  /** Calendar days from the status's day to `on` (1 = tomorrow). */
  readonly daysUntil: number
  /** `on` depends on a pause that is still open: it is the earliest it can be. */
  readonly provisional: boolean
  readonly contactChange: ContactChange
}

/** The next stage change and what it means for contact, or null once the course has ended. */
export function whatChangesNext(status: CourseStatus): NextChange | null {
  const next = status.nextChange
  if (next === null) return null
  const stage = next.stage
  // 'before' is where a course starts, never a stage it changes to.
  if (stage === 'before') return null
  return {
    stage,
    on: next.on,
    daysUntil: daysBetween(status.on, next.on),
    provisional: next.provisional,
    contactChange: CONTACT_CHANGES[stage],
  }
}

/**
 * The day the home screen names for a change. The course "ends" on the day after its last
 * day, but people think of the last day itself, so for the end that day is shown.
 */
export function changeShownOn(change: Pick<NextChange, 'stage' | 'on'>): CivilDate {
  return change.stage === 'ended' ? addDays(change.on, -1) : change.on
}

/** The things Home lists now, and how many more wait behind "and N more". */
export interface ShownThings<T> {
  readonly shown: readonly T[]
  readonly more: number
}

/**
 * The first `limit` things, and how many are left out: Home never drops a to-do silently
 * (issue #10 item 11: easy read said nothing about items beyond three).
 */
export function shownThings<T>(things: readonly T[], limit: number): ShownThings<T> {
  const shown = things.slice(0, Math.max(0, limit))
  return { shown, more: things.length - shown.length }
}

/** How many next things the home screen lists: fewer at once in easy read. */
export function nextThingsLimit(easyRead: boolean): number {
  return easyRead ? 3 : 5
}

/** How far along the course is on the status's day, for a timeline. */
export interface PhaseProgress {
  readonly stage: Stage
  /**
   * Fraction (0..1) of the current stage's days gone, counting today: the contact period or
   * the current phase. Null before the contact period and after the end.
   */
  readonly phase: number | null
  /** Fraction (0..1) of the nine months gone: `dayOfCourse / courseDays`; 0 until day 1, 1 after the end. */
  readonly course: number
  /** Fill (0..1) of each of the three phases, for a three-part bar. */
  readonly phases: readonly [number, number, number]
  /** A pause is running: the bars stand still. */
  readonly paused: boolean
  /** Some phase date depends on an open pause (the fractions do not; see `phaseProgress`). */
  readonly provisional: boolean
}

/** Days of `span` up to and including `upTo` that are not inside a pause. */
function activeDays(span: DateSpan, upTo: CivilDate, pauses: readonly ScheduledPause[]): number {
  const last = minCivil(span.end, upTo)
  if (last < span.start) return 0
  const afterLast = addDays(last, 1)
  const paused = pauses.reduce((sum, pause) => {
    const overlap = daysBetween(maxCivil(pause.start, span.start), minCivil(pause.end, afterLast))
    return sum + Math.max(0, overlap)
  }, 0)
  return daysBetween(span.start, afterLast) - paused
}

function fractionOf(span: DateSpan, on: CivilDate, pauses: readonly ScheduledPause[]): number {
  const total = activeDays(span, span.end, pauses)
  return total === 0 ? 0 : activeDays(span, on, pauses) / total
}

/**
 * How much of the current stage and of the course has gone, for a timeline.
 *
 * Fractions count active days (days not inside a pause), not calendar days, and include
 * today, matching `dayOfCourse` ("day 45 of 273"). So during a pause every bar stands still,
 * as the phase clock does, and resumes where it stopped. Because a phase always has the same
 * number of active days, an open pause makes no fraction uncertain: only the calendar dates
 * are provisional ("at the earliest"), and `provisional` is passed on for the UI to say so.
 * After a restart the fractions belong to the new course.
 */
export function phaseProgress(status: CourseStatus): PhaseProgress {
  const { stage, on, pauses } = status
  const [phase1, phase2, phase3] = status.phases
  const phases = [
    fractionOf(phase1, on, pauses),
    fractionOf(phase2, on, pauses),
    fractionOf(phase3, on, pauses),
  ] as const
  let phase: number | null = null
  const current = status.phases.find((span) => span.phase === phaseOfStage(stage))
  if (current !== undefined) phase = fractionOf(current, on, pauses)
  else if (stage === 'contact' && status.contact.days > 0)
    phase = (daysBetween(status.contact.start, on) + 1) / status.contact.days

  let course = 0
  if (stage === 'ended') course = 1
  else if (status.dayOfCourse !== null) course = status.dayOfCourse / status.courseDays

  return { stage, phase, course, phases, paused: status.paused, provisional: status.provisional }
}
