/**
 * The CTI phase engine: where a course stands on a given day, computed from the stored facts
 * (contact start, transition date, pauses, restarts) and never stored itself (DESIGN.md).
 *
 * The rules (CTI-BRIEF.md, "The course"):
 * - Day 1 is the transition (the move, the discharge). Each phase lasts three calendar months,
 *   measured from day 1 rather than chained phase to phase, so a day-1 of 31 January gives
 *   phase 2 on 30 April and phase 3 on 31 July, not on 30 July.
 * - A pause stops the clock: every boundary after the start of a pause moves later by the
 *   pause's length. A pause still open is counted as lasting until the day asked about, so
 *   every date it moves is only "at the earliest" (`provisional`).
 * - A restart begins the course again from scratch on its date; what happened before it
 *   belongs to the old course.
 */
import { addDays, addMonths, daysBetween, isCivilDate, maxCivil, minCivil, type CivilDate } from './civilDate'

/** Every stage of a course, in the order a course passes through them. */
export const stageOrder = ['before', 'contact', 'phase1', 'phase2', 'phase3', 'ended'] as const

/** Where a course stands on a day, by calendar position (a paused course keeps its stage). */
export type Stage = (typeof stageOrder)[number]

/** One of the three CTI phases. */
export type PhaseNumber = 1 | 2 | 3

/** A stretch of days; both ends inclusive. */
export interface DateSpan {
  readonly start: CivilDate
  readonly end: CivilDate
}

/** A pause as recorded. */
export interface PauseInput {
  /** The first day the clock stands still. */
  readonly start: CivilDate
  /** The day the clock runs again (exclusive), or null while the pause lasts. */
  readonly end: CivilDate | null
}

/** The stored facts a course is computed from. */
export interface CourseInput {
  /** First day of the contact period, before the move. */
  readonly contactStart: CivilDate
  /** Day 1 of phase 1: the move or discharge. */
  readonly transitionDate: CivilDate
  /** Pauses in any order; at most the latest may still be open. */
  readonly pauses: readonly PauseInput[]
  /** Days the course began again from scratch, in any order. */
  readonly restarts?: readonly CivilDate[]
}

/** One phase's dates. */
export interface PhaseSpan extends DateSpan {
  readonly phase: PhaseNumber
  /** The end (and so perhaps the start) depends on an open pause: it is the earliest it can be. */
  readonly provisional: boolean
  /** The start depends on an open pause; implies `provisional`. */
  readonly startProvisional: boolean
}

/** A pause as it counts on the day asked about. */
export interface ScheduledPause {
  readonly start: CivilDate
  /** The day the clock runs again; for an open pause the day after the day asked about, at the earliest. */
  readonly end: CivilDate
  /** Still open: `end` is assumed, not recorded. */
  readonly open: boolean
  /** Calendar days the clock stands still (`end − start`). */
  readonly days: number
}

/** The dates of a course as known on one day. */
export interface PhaseSchedule {
  /** Day 1 of the course that counts on that day: the transition date or the latest restart. */
  readonly dayOne: CivilDate
  /**
   * The contact period before the original transition; a restart has none of its own.
   * When `contactStart` is the transition date the period is empty: `days` is 0 and `end`
   * is the day before `start`.
   */
  readonly contact: DateSpan & { readonly days: number }
  readonly phases: readonly [PhaseSpan, PhaseSpan, PhaseSpan]
  /** The last day of phase 3 (inclusive). */
  readonly courseEnd: CivilDate
  /** Active (unpaused) days in the whole course: nine calendar months from day 1, 273–276. */
  readonly courseDays: number
  /** The pauses of this course, sorted, with open ones given their assumed end. */
  readonly pauses: readonly ScheduledPause[]
  /** Some date depends on an open pause. */
  readonly provisional: boolean
}

/** The next time the stage changes. */
export interface StageChange {
  readonly stage: Stage
  readonly on: CivilDate
  /** The date depends on an open pause: it is the earliest it can be. */
  readonly provisional: boolean
}

/** Where a course stands on one day: what the citizen and the worker see. */
export interface CourseStatus extends PhaseSchedule {
  /** The day asked about. */
  readonly on: CivilDate
  /** The stage by calendar position; during a pause, the stage that is paused. */
  readonly stage: Stage
  /** `on` falls inside a pause. */
  readonly paused: boolean
  /** The pause `on` falls inside, as recorded (`end` null while open). */
  readonly activePause: PauseInput | null
  /**
   * Active days from day 1 (= 1) up to and including `on`. On a paused day it stays at the
   * number of active days before the pause (0 if the course was paused from day 1).
   * Null before day 1 and after the course ended.
   */
  readonly dayOfCourse: number | null
  /**
   * Calendar days from `on` to the end of the current phase, counting today (the last day
   * gives 1). In the contact period: days until day 1. Null in 'before' and 'ended'.
   */
  readonly daysLeftInPhase: number | null
  /** Calendar days from `on` to `courseEnd`, counting today; null once the course has ended. */
  readonly daysLeftInCourse: number | null
  /** The next stage and the day it begins; null once the course has ended. */
  readonly nextChange: StageChange | null
}

/** Why course input was refused. The UI translates by `code`; `message` is for developers. */
export type CourseErrorCode =
  | 'invalid-date'
  | 'contact-after-transition'
  | 'restart-before-transition'
  | 'pause-before-start'
  | 'pause-end-before-start'
  | 'pause-empty'
  | 'pauses-overlap'
  | 'open-pause-not-last'
  | 'pause-spans-restart'
  | 'pause-after-end'
  | 'date-out-of-range'

/** Course input that breaks a rule; points at the pause or restart at fault when there is one. */
export class CourseError extends Error {
  override readonly name = 'CourseError'

  constructor(
    readonly code: CourseErrorCode,
    message: string,
    /** Index into `CourseInput.pauses` of the pause at fault, if any. */
    readonly pauseIndex: number | null = null,
    /** Index into `CourseInput.restarts` of the restart at fault, if any. */
    readonly restartIndex: number | null = null,
  ) {
    super(message)
  }
}

/** The CTI phase (1–3) a stage stands for, or null for the stages outside the phases. */
export function phaseOfStage(stage: Stage): PhaseNumber | null {
  switch (stage) {
    case 'phase1':
      return 1
    case 'phase2':
      return 2
    case 'phase3':
      return 3
    default:
      return null
  }
}

/** Whether `stage` is one of the three phases (the course is running, perhaps paused). */
export function isPhaseStage(stage: Stage): stage is 'phase1' | 'phase2' | 'phase3' {
  return phaseOfStage(stage) !== null
}

const MONTHS_PER_PHASE = 3

interface IndexedPause {
  readonly start: CivilDate
  readonly end: CivilDate | null
  readonly index: number
}

function byStart(a: IndexedPause, b: IndexedPause): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.index - b.index
}

/** Day 1 of the course a day belongs to: the latest of the transition and the restarts on or before it. */
function dayOneFor(transitionDate: CivilDate, restarts: readonly CivilDate[], day: CivilDate): CivilDate {
  return maxCivil(transitionDate, ...restarts.filter((restart) => restart <= day))
}

/** The first restart after `dayOne`, where the course starting on `dayOne` stops counting pauses. */
function nextRestartAfter(dayOne: CivilDate, restarts: readonly CivilDate[]): CivilDate | null {
  const later = restarts.filter((restart) => restart > dayOne)
  const [first, ...rest] = later
  return first === undefined ? null : minCivil(first, ...rest)
}

/** A nominal boundary moved later by every pause that starts before it (pauses sorted by start). */
function pushedBoundary(
  nominal: CivilDate,
  pauses: readonly ScheduledPause[],
): { date: CivilDate; provisional: boolean } {
  let date = nominal
  let provisional = false
  for (const pause of pauses) {
    if (pause.start < date) {
      date = addDays(date, pause.days)
      provisional ||= pause.open
    }
  }
  return { date, provisional }
}

/**
 * The earliest and latest days a course date may be. A course runs nine months plus its pauses;
 * a day one in the year 9999 would run the date arithmetic past the last day there is, and a
 * typo such as 0202 for 2026 is not a course either. Far enough apart for any real life.
 */
export const EARLIEST_COURSE_DATE = '1900-01-01' as CivilDate
export const LATEST_COURSE_DATE = '2199-12-31' as CivilDate

function outOfRange(date: CivilDate): boolean {
  return date < EARLIEST_COURSE_DATE || date > LATEST_COURSE_DATE
}

/**
 * The first rule `input` breaks, or null when it is a valid course. Meant for forms; the
 * same check guards `courseOn` and `phaseSchedule`. Checks run in a fixed order, so one
 * input always gives the same error:
 * invalid-date → date-out-of-range → contact-after-transition → restart-before-transition → per pause
 * (pause-end-before-start, pause-empty, pause-before-start) → open-pause-not-last →
 * pauses-overlap → pause-spans-restart → pause-after-end.
 */
export function validateCourse(input: CourseInput): CourseError | null {
  const restarts = input.restarts ?? []
  if (!isCivilDate(input.contactStart))
    return new CourseError('invalid-date', 'contactStart is not a calendar date')
  if (!isCivilDate(input.transitionDate))
    return new CourseError('invalid-date', 'transitionDate is not a calendar date')
  for (const [index, pause] of input.pauses.entries()) {
    if (!isCivilDate(pause.start) || (pause.end !== null && !isCivilDate(pause.end))) {
      return new CourseError('invalid-date', `pauses[${index}] has a date that is not a calendar date`, index)
    }
  }
  for (const [index, restart] of restarts.entries()) {
    if (!isCivilDate(restart))
      return new CourseError('invalid-date', `restarts[${index}] is not a calendar date`, null, index)
  }

  if (outOfRange(input.contactStart) || outOfRange(input.transitionDate))
    return new CourseError('date-out-of-range', 'A course date is too far back or too far ahead')
  for (const [index, pause] of input.pauses.entries()) {
    if (outOfRange(pause.start) || (pause.end !== null && outOfRange(pause.end)))
      return new CourseError('date-out-of-range', `pauses[${index}] has a date too far back or ahead`, index)
  }
  for (const [index, restart] of restarts.entries()) {
    if (outOfRange(restart))
      return new CourseError('date-out-of-range', `restarts[${index}] is too far back or ahead`, null, index)
  }

  if (input.contactStart > input.transitionDate) {
    return new CourseError('contact-after-transition', 'The contact period starts after the transition date')
  }
  for (const [index, restart] of restarts.entries()) {
    if (restart < input.transitionDate) {
      return new CourseError(
        'restart-before-transition',
        `restarts[${index}] is before the transition date`,
        null,
        index,
      )
    }
  }

  for (const [index, pause] of input.pauses.entries()) {
    if (pause.end !== null && pause.end < pause.start) {
      return new CourseError('pause-end-before-start', `pauses[${index}] ends before it starts`, index)
    }
    if (pause.end === pause.start) {
      return new CourseError(
        'pause-empty',
        `pauses[${index}] ends the day it starts, so it pauses nothing (end is exclusive)`,
        index,
      )
    }
    if (pause.start < input.transitionDate) {
      return new CourseError('pause-before-start', `pauses[${index}] starts before day 1`, index)
    }
  }

  const sorted = input.pauses.map((pause, index): IndexedPause => ({ ...pause, index })).sort(byStart)
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]
    const current = sorted[i]
    if (previous === undefined || current === undefined) continue
    if (previous.end === null) {
      return new CourseError(
        'open-pause-not-last',
        `pauses[${previous.index}] is still open but a later pause exists`,
        previous.index,
      )
    }
    if (current.start < previous.end) {
      return new CourseError(
        'pauses-overlap',
        `pauses[${current.index}] overlaps pauses[${previous.index}]`,
        current.index,
      )
    }
  }

  for (const pause of sorted) {
    for (const [restartIndex, restart] of restarts.entries()) {
      if (pause.start < restart && (pause.end === null || pause.end > restart)) {
        return new CourseError(
          'pause-spans-restart',
          `pauses[${pause.index}] is still running on restarts[${restartIndex}]; end it on or before the restart`,
          pause.index,
          restartIndex,
        )
      }
    }
  }

  // A pause must start while its course still runs, or it moves nothing and means nothing.
  // Each course (the original and every restart) is checked with the pauses that belong to it;
  // an open pause is last, so its unknown length never matters here.
  for (const dayOne of [input.transitionDate, ...restarts]) {
    const until = nextRestartAfter(dayOne, restarts)
    let firstDayAfter = addMonths(dayOne, 3 * MONTHS_PER_PHASE)
    for (const pause of sorted) {
      if (pause.start < dayOne || (until !== null && pause.start >= until)) continue
      if (pause.start >= firstDayAfter) {
        return new CourseError(
          'pause-after-end',
          `pauses[${pause.index}] starts after the course has ended`,
          pause.index,
        )
      }
      if (pause.end !== null) firstDayAfter = addDays(firstDayAfter, daysBetween(pause.start, pause.end))
    }
  }
  return null
}

function assertValid(input: CourseInput, on: CivilDate): void {
  const error = validateCourse(input)
  if (error !== null) throw error
  if (!isCivilDate(on)) throw new CourseError('invalid-date', 'The day asked about is not a calendar date')
}

/**
 * The dates of the course as known on `on`: which course counts (restarts on or before
 * `on`), the phases with pauses applied, and which dates are provisional because a pause is
 * still open on `on`.
 * @throws {CourseError} when `input` is not a valid course (see `validateCourse`) or `on` is not a date.
 */
export function phaseSchedule(input: CourseInput, on: CivilDate): PhaseSchedule {
  assertValid(input, on)
  const restarts = input.restarts ?? []
  const dayOne = dayOneFor(input.transitionDate, restarts, on)
  const until = nextRestartAfter(dayOne, restarts)

  const pauses = input.pauses
    .map((pause, index): IndexedPause => ({ ...pause, index }))
    .filter((pause) => pause.start >= dayOne && (until === null || pause.start < until))
    .sort(byStart)
    .map((pause): ScheduledPause => {
      // An open pause has lasted at least until `on`, and at least one day.
      const end = pause.end ?? maxCivil(addDays(on, 1), addDays(pause.start, 1))
      return { start: pause.start, end, open: pause.end === null, days: daysBetween(pause.start, end) }
    })

  const phase2 = pushedBoundary(addMonths(dayOne, MONTHS_PER_PHASE), pauses)
  const phase3 = pushedBoundary(addMonths(dayOne, 2 * MONTHS_PER_PHASE), pauses)
  const after = pushedBoundary(addMonths(dayOne, 3 * MONTHS_PER_PHASE), pauses)

  const phases = [
    {
      phase: 1,
      start: dayOne,
      end: addDays(phase2.date, -1),
      provisional: phase2.provisional,
      startProvisional: false,
    },
    {
      phase: 2,
      start: phase2.date,
      end: addDays(phase3.date, -1),
      provisional: phase3.provisional,
      startProvisional: phase2.provisional,
    },
    {
      phase: 3,
      start: phase3.date,
      end: addDays(after.date, -1),
      provisional: after.provisional,
      startProvisional: phase3.provisional,
    },
  ] as const satisfies readonly [PhaseSpan, PhaseSpan, PhaseSpan]

  return {
    dayOne,
    contact: {
      start: input.contactStart,
      end: addDays(input.transitionDate, -1),
      days: daysBetween(input.contactStart, input.transitionDate),
    },
    phases,
    courseEnd: phases[2].end,
    courseDays: daysBetween(dayOne, addMonths(dayOne, 3 * MONTHS_PER_PHASE)),
    pauses,
    provisional: after.provisional,
  }
}

/** Each stage and the day it begins, in order; an empty contact period is left out. */
function stageStarts(schedule: PhaseSchedule): readonly StageChange[] {
  const [phase1, phase2, phase3] = schedule.phases
  const starts: StageChange[] = []
  if (schedule.contact.days > 0)
    starts.push({ stage: 'contact', on: schedule.contact.start, provisional: false })
  starts.push(
    { stage: 'phase1', on: phase1.start, provisional: false },
    { stage: 'phase2', on: phase2.start, provisional: phase2.startProvisional },
    { stage: 'phase3', on: phase3.start, provisional: phase3.startProvisional },
    { stage: 'ended', on: addDays(schedule.courseEnd, 1), provisional: phase3.provisional },
  )
  return starts
}

/**
 * Where the course stands on `on`: stage, pause, day number, days left, the dates of every
 * phase and the next change. `on` is a civil date; get today's with `civilDateInZone`.
 * @throws {CourseError} when `input` is not a valid course (see `validateCourse`) or `on` is not a date.
 * @example
 * courseOn({ contactStart: d('2025-01-06'), transitionDate: d('2025-01-31'), pauses: [] }, d('2025-04-30'))
 * // → stage 'phase2', dayOfCourse 90, nextChange { stage: 'phase3', on: '2025-07-31' }, …
 */
export function courseOn(input: CourseInput, on: CivilDate): CourseStatus {
  const schedule = phaseSchedule(input, on)
  const starts = stageStarts(schedule)
  const stage = starts.filter((change) => change.on <= on).at(-1)?.stage ?? 'before'
  const nextChange = starts.find((change) => change.on > on) ?? null

  const pause = schedule.pauses.find((p) => p.start <= on && on < p.end) ?? null
  const inCourse = on >= schedule.dayOne && on <= schedule.courseEnd
  const tomorrow = addDays(on, 1)
  const pausedDaysSoFar = schedule.pauses
    .filter((p) => p.start <= on)
    .reduce((sum, p) => sum + daysBetween(p.start, minCivil(p.end, tomorrow)), 0)

  const phaseSpan = schedule.phases.find((span) => span.phase === phaseOfStage(stage))
  let daysLeftInPhase: number | null = null
  if (stage === 'contact') daysLeftInPhase = daysBetween(on, schedule.dayOne)
  else if (phaseSpan !== undefined) daysLeftInPhase = daysBetween(on, phaseSpan.end) + 1

  return {
    ...schedule,
    on,
    stage,
    paused: pause !== null,
    activePause: pause === null ? null : { start: pause.start, end: pause.open ? null : pause.end },
    dayOfCourse: inCourse ? daysBetween(schedule.dayOne, on) + 1 - pausedDaysSoFar : null,
    daysLeftInPhase,
    daysLeftInCourse: on <= schedule.courseEnd ? daysBetween(on, schedule.courseEnd) + 1 : null,
    nextChange,
  }
}
