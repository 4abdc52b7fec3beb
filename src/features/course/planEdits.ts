/**
 * Changes to the plan record as pure functions (the record in, a new record out), and the
 * checks a form runs before saving one: the phase engine's `validateCourse`, whose error
 * codes each form shows as a translated message beside the field at fault.
 */
import { validateCourse, type CourseError, type CourseErrorCode } from '@/domain/phases'
import { isCivilDate, type CivilDate } from '@/domain/civilDate'
import { StorageError } from '@/data/errors'
import type { Pause, Plan, PlanWorker, TargetGroup } from '@/schemas'
import { courseInputOf } from '@/features/plan/course'

/** The message shown for each way course dates can break the phase engine's rules. */
export const courseErrorMessages = {
  'invalid-date': 'course.error.invalidDate',
  'contact-after-transition': 'course.error.contactAfterTransition',
  'restart-before-transition': 'course.error.restartBeforeTransition',
  'pause-before-start': 'course.error.pauseBeforeStart',
  'pause-end-before-start': 'course.error.pauseEndBeforeStart',
  'pause-empty': 'course.error.pauseEmpty',
  'pauses-overlap': 'course.error.pausesOverlap',
  'open-pause-not-last': 'course.error.openPauseNotLast',
  'pause-spans-restart': 'course.error.pauseSpansRestart',
  'pause-after-end': 'course.error.pauseAfterEnd',
} as const satisfies Record<CourseErrorCode, string>

/** A message key for a failed save: storage full, or anything else (the input stays on screen). */
export type SaveProblem = 'course.saveFailedQuota' | 'course.saveFailed'

export function saveProblemOf(caught: unknown): SaveProblem {
  return caught instanceof StorageError && caught.code === 'quota'
    ? 'course.saveFailedQuota'
    : 'course.saveFailed'
}

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

/** The pause still running, if any (validation allows at most one, and only the latest). */
export function openPause(plan: Plan): Pause | null {
  return plan.pauses.find((pause) => pause.end === null) ?? null
}

/** Course dates as a form gives them: both checked, or the field at fault with a message key. */
export type DatesCheck =
  | { readonly ok: true; readonly contactStart: CivilDate; readonly transitionDate: CivilDate | null }
  | { readonly ok: false; readonly field: 'contactStart' | 'transitionDate'; readonly message: string }

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
  if (transitionDate === 'invalid')
    return { ok: false, field: 'transitionDate', message: courseErrorMessages['invalid-date'] }
  const contact = readDate(contactText)
  if (contact === 'invalid')
    return { ok: false, field: 'contactStart', message: courseErrorMessages['invalid-date'] }
  if (transitionDate === null && (plan.pauses.length > 0 || plan.restarts.length > 0)) {
    return { ok: false, field: 'transitionDate', message: 'course.error.dayOneNeeded' }
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
        field: error.code === 'contact-after-transition' ? 'contactStart' : 'transitionDate',
        message: courseErrorMessages[error.code],
      }
    }
  }
  return { ok: true, contactStart, transitionDate }
}
