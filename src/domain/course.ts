/**
 * A stored plan's course: the phase engine's input from the plan record, where the course
 * stands on a day as a result value (never a thrown error), the whole course laid out for a
 * timeline, the pause history, and whether a pause may start.
 */
import type { Pause, Plan } from '@/schemas'
import {
  isPhaseStage,
  validateCourse,
  courseOn,
  type CourseErrorCode,
  type CourseInput,
  type CourseStatus,
  type Stage,
} from './phases'
import { addDays, daysBetween, isCivilDate, type CivilDate } from './civilDate'

/**
 * The phase engine's input from a stored plan, or null while the day of the move is not
 * known yet. Stored pauses carry their reason and note; the engine needs only the dates.
 */
export function courseInputOf(plan: Plan): CourseInput | null {
  if (plan.transitionDate === undefined) return null
  return {
    contactStart: plan.contactStart,
    transitionDate: plan.transitionDate,
    pauses: plan.pauses.map((pause) => ({ start: pause.start, end: pause.end })),
    restarts: plan.restarts.map((restart) => restart.on),
  }
}

/**
 * Where the plan's course stands on a day, or why there is nothing to show: no plan yet, day 1
 * not known yet, or stored dates that break a rule of the method (from an import, say), with
 * the rule's code for the UI to explain.
 */
export type CourseOnDay =
  | { readonly ok: true; readonly course: CourseStatus }
  | { readonly ok: false; readonly reason: 'no-plan' | 'no-day-one' }
  | { readonly ok: false; readonly reason: 'broken-rule'; readonly code: CourseErrorCode }

/** The plan's course on `on` (see `CourseOnDay`). Never throws: a broken rule is a value. */
export function planCourseOn(plan: Plan | null, on: CivilDate): CourseOnDay {
  if (plan === null) return { ok: false, reason: 'no-plan' }
  const input = courseInputOf(plan)
  if (input === null) return { ok: false, reason: 'no-day-one' }
  const broken = validateCourse(input)
  if (broken !== null) return { ok: false, reason: 'broken-rule', code: broken.code }
  if (!isCivilDate(on)) return { ok: false, reason: 'broken-rule', code: 'invalid-date' }
  return { ok: true, course: courseOn(input, on) }
}

/** The course's status from a `CourseOnDay`, or null when there is none to show. */
export function statusOf(result: CourseOnDay): CourseStatus | null {
  return result.ok ? result.course : null
}

/** A pause as the timeline draws it: the stored pause with the days it covers so far. */
export interface TimelinePause {
  readonly id: string
  readonly reason: Pause['reason']
  readonly start: CivilDate
  /** The last paused day (inclusive); for an open pause, the day asked about. */
  readonly lastDay: CivilDate
  readonly days: number
  /** Still running: its length, and every date after it, are not known yet. */
  readonly open: boolean
}

/** One stage on the timeline: the contact period or a phase, with the pauses inside it. */
export interface TimelineStage {
  readonly stage: Extract<Stage, 'contact' | 'phase1' | 'phase2' | 'phase3'>
  readonly start: CivilDate
  readonly end: CivilDate
  readonly days: number
  /** The end depends on a pause still running. */
  readonly provisional: boolean
  readonly pauses: readonly TimelinePause[]
}

/** The whole course laid out in calendar days, for a proportional bar and a list. */
export interface CourseTimeline {
  readonly start: CivilDate
  /** The last day of the course. */
  readonly end: CivilDate
  /** Calendar days from `start` to `end`, both counted. */
  readonly totalDays: number
  readonly stages: readonly TimelineStage[]
  /** Where the day asked about falls, as a fraction 0..1 of `totalDays` (its middle); null outside the course. */
  readonly today: number | null
}

/**
 * Lays a course out for drawing: the contact period (left out when empty, or after a restart,
 * where it belongs to the old course) and the three phases, each holding the pauses that
 * start in it. A pause always lies inside the phase it starts in, because the phase engine
 * moves that phase's end by the pause's length. Positions are calendar days, not active
 * days, so a pause takes up room on the bar as it does in the calendar.
 */
export function courseTimeline(status: CourseStatus, storedPauses: readonly Pause[]): CourseTimeline {
  const byStart = new Map(storedPauses.map((pause) => [pause.start, pause]))
  const pauses = status.pauses.flatMap((scheduled): TimelinePause[] => {
    const stored = byStart.get(scheduled.start)
    if (stored === undefined) return []
    return [
      {
        id: stored.id,
        reason: stored.reason,
        start: scheduled.start,
        lastDay: addDays(scheduled.end, -1),
        days: scheduled.days,
        open: scheduled.open,
      },
    ]
  })
  const stages: TimelineStage[] = []
  const restarted = status.dayOne !== addDays(status.contact.end, 1)
  if (status.contact.days > 0 && !restarted) {
    stages.push({
      stage: 'contact',
      start: status.contact.start,
      end: status.contact.end,
      days: status.contact.days,
      provisional: false,
      pauses: [],
    })
  }
  for (const phase of status.phases) {
    stages.push({
      stage: `phase${phase.phase}`,
      start: phase.start,
      end: phase.end,
      days: daysBetween(phase.start, phase.end) + 1,
      provisional: phase.provisional,
      pauses: pauses.filter((pause) => pause.start >= phase.start && pause.start <= phase.end),
    })
  }
  const start = stages[0]?.start ?? status.dayOne
  const totalDays = daysBetween(start, status.courseEnd) + 1
  const inside = status.on >= start && status.on <= status.courseEnd
  return {
    start,
    end: status.courseEnd,
    totalDays,
    stages,
    today: inside ? (daysBetween(start, status.on) + 0.5) / totalDays : null,
  }
}

/** Where a stretch of days (a stage, a pause) lies on the timeline's bar, as fractions 0..1 of the whole. */
export interface TimelineSpan {
  /** How far into the course the stretch starts. */
  readonly start: number
  /** How much of the course it covers. */
  readonly size: number
}

/** The place of a stage or a pause on a proportional bar of `timeline`, in calendar days. */
export function timelineSpan(
  timeline: Pick<CourseTimeline, 'start' | 'totalDays'>,
  stretch: { readonly start: CivilDate; readonly days: number },
): TimelineSpan {
  return {
    start: daysBetween(timeline.start, stretch.start) / timeline.totalDays,
    size: stretch.days / timeline.totalDays,
  }
}

/** The pause still running, if any (validation allows at most one, and only the latest). */
export function openPause(plan: Plan): Pause | null {
  return plan.pauses.find((pause) => pause.end === null) ?? null
}

/**
 * Whether a new pause may start: a pause belongs to a running course, from day 1 until the
 * course has ended, and only one runs at a time.
 */
export function canPause(status: CourseStatus | null, plan: Plan): boolean {
  return status !== null && isPhaseStage(status.stage) && openPause(plan) === null
}

/** A pause in the course's history: its last day and length once it has ended. */
export interface PauseHistoryEntry extends Pause {
  /** The last paused day (inclusive); null while the pause runs. */
  readonly lastDay: CivilDate | null
  /** Paused days; null while the pause runs. */
  readonly days: number | null
}

/** Every pause of the plan, oldest first, with its last day and length. */
export function pauseHistory(plan: Pick<Plan, 'pauses'>): PauseHistoryEntry[] {
  return [...plan.pauses]
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .map((pause) => ({
      ...pause,
      lastDay: pause.end === null ? null : addDays(pause.end, -1),
      days: pause.end === null ? null : daysBetween(pause.start, pause.end),
    }))
}

/** Every restart of the plan, oldest first. */
export function restartHistory(plan: Pick<Plan, 'restarts'>): Plan['restarts'] {
  return [...plan.restarts].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
}
