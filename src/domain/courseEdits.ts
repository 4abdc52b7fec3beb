/**
 * Changes to the plan record as pure functions (the record in, a new record out), and the
 * checks the course forms run before saving one: the dates, a pause starting or ending, the
 * worker. Every check answers with the field at fault and a problem code the UI translates.
 */
import type { Pause, Plan, PlanWorker, TargetGroup } from '@/schemas'
import {
  EARLIEST_COURSE_DATE,
  LATEST_COURSE_DATE,
  validateCourse,
  type CourseError,
  type CourseErrorCode,
} from './phases'
import { addDays, isCivilDate, maxCivil, type CivilDate } from './civilDate'
import { courseInputOf } from './course'
import { TEXT_LIMITS } from './planForms'

/** The first course rule the plan breaks, or null (also null while day 1 is unknown: nothing to check). */
export function courseProblem(plan: Plan): CourseError | null {
  const input = courseInputOf(plan)
  return input === null ? null : validateCourse(input)
}

/** A date typed into a form: empty, a real calendar date, or something else. */
export function readDate(value: string): CivilDate | null | 'invalid' {
  const trimmed = value.trim()
  if (trimmed === '') return null
  return isCivilDate(trimmed) ? trimmed : 'invalid'
}

/**
 * The contact period's first day when the citizen does not know it: today, or the day of the
 * move if that has already passed (then the course simply has no contact period on record).
 */
export function defaultContactStart(transitionDate: CivilDate | null, today: CivilDate): CivilDate {
  return transitionDate !== null && transitionDate < today ? transitionDate : today
}

export function withDates(plan: Plan, contactStart: CivilDate, transitionDate: CivilDate | null): Plan {
  const next: Plan = { ...plan, contactStart }
  if (transitionDate === null) delete next.transitionDate
  else next.transitionDate = transitionDate
  return next
}

/** The plan with another transition; the citizen's own words are kept for "other" only. */
export function withTransition(plan: Plan, targetGroup: TargetGroup, otherText: string): Plan {
  const next: Plan = { ...plan, targetGroup }
  const other = otherText.trim()
  if (targetGroup === 'other' && other !== '') next.targetGroupOther = other
  else delete next.targetGroupOther
  return next
}

export function withWorker(plan: Plan, worker: PlanWorker | null): Plan {
  const next: Plan = { ...plan }
  if (worker === null) delete next.worker
  else next.worker = worker
  return next
}

/** The plan with a new pause that is still running (`end` null). */
export function withPauseStarted(plan: Plan, pause: Omit<Pause, 'end'>): Plan {
  return { ...plan, pauses: [...plan.pauses, { ...pause, end: null }] }
}

/** The plan with a running pause ended: the clock runs again on `end`. */
export function withPauseEnded(plan: Plan, pauseId: string, end: CivilDate): Plan {
  return { ...plan, pauses: plan.pauses.map((pause) => (pause.id === pauseId ? { ...pause, end } : pause)) }
}

/** The plan without a pause recorded by mistake: every date it moved moves back. */
export function withoutPause(plan: Plan, pauseId: string): Plan {
  return { ...plan, pauses: plan.pauses.filter((pause) => pause.id !== pauseId) }
}

/** What can be wrong with the course dates a form gives: a rule of the method, or day 1 missing. */
export type DatesProblem = CourseErrorCode | 'day-one-needed'

/** Course dates as a form gives them: both checked, or the field at fault with a problem code. */
export type DatesCheck =
  | { readonly ok: true; readonly contactStart: CivilDate; readonly transitionDate: CivilDate | null }
  | { readonly ok: false; readonly field: 'contactStart' | 'transitionDate'; readonly problem: DatesProblem }

/**
 * Checks the two course dates typed into a form against the phase engine's rules, with the
 * plan's pauses and restarts (none in onboarding). An empty contact start means "I don't
 * know" (see `defaultContactStart`); an empty day 1 means "not known yet", which a course
 * with pauses or restarts cannot be.
 */
export function checkDates(
  contactText: string,
  transitionText: string,
  today: CivilDate,
  plan: Pick<Plan, 'pauses' | 'restarts'> = { pauses: [], restarts: [] },
): DatesCheck {
  const transitionDate = readDate(transitionText)
  if (transitionDate === 'invalid') return { ok: false, field: 'transitionDate', problem: 'invalid-date' }
  const contact = readDate(contactText)
  if (contact === 'invalid') return { ok: false, field: 'contactStart', problem: 'invalid-date' }
  if (transitionDate === null && (plan.pauses.length > 0 || plan.restarts.length > 0)) {
    return { ok: false, field: 'transitionDate', problem: 'day-one-needed' }
  }
  const contactStart = contact ?? defaultContactStart(transitionDate, today)
  if (transitionDate !== null) {
    const error = validateCourse({
      contactStart,
      transitionDate,
      pauses: plan.pauses.map((pause) => ({ start: pause.start, end: pause.end })),
      restarts: plan.restarts.map((restart) => restart.on),
    })
    if (error !== null) {
      return {
        ok: false,
        field:
          error.code === 'contact-after-transition' ||
          (error.code === 'date-out-of-range' &&
            error.pauseIndex === null &&
            error.restartIndex === null &&
            (contactStart < EARLIEST_COURSE_DATE || contactStart > LATEST_COURSE_DATE))
            ? 'contactStart'
            : 'transitionDate',
        problem: error.code,
      }
    }
  }
  return { ok: true, contactStart, transitionDate }
}

/** What can be wrong with a pause's date: missing, or a rule of the method it would break. */
export type PauseDateProblem = CourseErrorCode | 'date-needed'

/** A pause as the pause form gives it. */
export interface PauseStartDraft {
  readonly id: string
  readonly startText: string
  readonly reason: Pause['reason'] | null
  readonly noteText: string
}

/** The plan with the pause started, or what is wrong per field (at least one). */
export type PauseStartCheck =
  | { readonly ok: true; readonly plan: Plan }
  | {
      readonly ok: false
      readonly problems: { readonly start: PauseDateProblem | null; readonly reason: 'reason-needed' | null }
    }

/**
 * Checks a new pause: a real start day and a reason, then the rules of the method on the plan
 * with the pause added (a pause cannot start before day 1, overlap another, …).
 */
export function checkPauseStart(plan: Plan, draft: PauseStartDraft): PauseStartCheck {
  const start = readDate(draft.startText)
  const startProblem: PauseDateProblem | null =
    start === null ? 'date-needed' : start === 'invalid' ? 'invalid-date' : null
  const reasonProblem = draft.reason === null ? 'reason-needed' : null
  if (start === null || start === 'invalid' || draft.reason === null)
    return { ok: false, problems: { start: startProblem, reason: reasonProblem } }
  const note = draft.noteText.trim()
  const next = withPauseStarted(plan, {
    id: draft.id,
    start,
    reason: draft.reason,
    ...(note === '' ? {} : { note }),
  })
  const broken = courseProblem(next)
  if (broken !== null) return { ok: false, problems: { start: broken.code, reason: null } }
  return { ok: true, plan: next }
}

/** The plan with the running pause ended, or what is wrong with the end day. */
export type PauseEndCheck =
  { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly problem: PauseDateProblem }

/** Checks the day a running pause ends: a real day that keeps the course within its rules. */
export function checkPauseEnd(plan: Plan, pauseId: string, endText: string): PauseEndCheck {
  const end = readDate(endText)
  if (end === null) return { ok: false, problem: 'date-needed' }
  if (end === 'invalid') return { ok: false, problem: 'invalid-date' }
  const next = withPauseEnded(plan, pauseId, end)
  const broken = courseProblem(next)
  return broken === null ? { ok: true, plan: next } : { ok: false, problem: broken.code }
}

/** The end day the resume form suggests: a pause lasts at least a day, so today or the day after it began. */
export function suggestedPauseEnd(pause: Pick<Pause, 'start'>, today: CivilDate): CivilDate {
  return maxCivil(today, addDays(pause.start, 1))
}

/** What day 1 is for each transition (CTI-BRIEF.md, "Who uses it"). */
export type DayOneKind = 'move' | 'support' | 'work' | 'other'

const DAY_ONE = {
  homelessness: 'move',
  shelter: 'move',
  psychiatry: 'move',
  aftercare: 'move',
  greenlanders: 'support',
  employment: 'work',
  other: 'other',
} as const satisfies Record<TargetGroup, DayOneKind>

/**
 * What day 1 is: the day of the move for most, the day housing support starts for
 * Greenlanders moving into it, the first day of work for those moving into work.
 */
export function dayOneKind(group: TargetGroup | null): DayOneKind {
  return group === null ? 'other' : DAY_ONE[group]
}

/** The longest phone number the plan keeps, and the characters it may hold (as `schemas/base.ts`). */
export const PHONE_LIMIT = 40
const PHONE_CHARACTERS = /^[0-9+()\-./#* ]+$/

/** What can be wrong with the worker's name and phone. */
export type WorkerProblem = 'nameNeeded' | 'nameTooLong' | 'phoneInvalid'

/** The worker's name and phone as typed: a worker, no worker (both empty), or the field at fault. */
export type WorkerCheck =
  | { readonly ok: true; readonly worker: PlanWorker | null }
  | { readonly ok: false; readonly field: 'name' | 'phone'; readonly problem: WorkerProblem }

/**
 * Checks the two worker fields with the plan schema's limits (a test keeps them equal): a
 * phone needs a name; a phone holds digits and separators only, so it is safe in a `tel:` link.
 */
export function checkWorker(nameText: string, phoneText: string): WorkerCheck {
  const name = nameText.trim()
  const number = phoneText.trim()
  if (name === '' && number === '') return { ok: true, worker: null }
  if (name === '') return { ok: false, field: 'name', problem: 'nameNeeded' }
  if (name.length > TEXT_LIMITS.personName) return { ok: false, field: 'name', problem: 'nameTooLong' }
  if (number === '') return { ok: true, worker: { name } }
  if (number.length > PHONE_LIMIT || !PHONE_CHARACTERS.test(number))
    return { ok: false, field: 'phone', problem: 'phoneInvalid' }
  return { ok: true, worker: { name, phone: number } }
}
