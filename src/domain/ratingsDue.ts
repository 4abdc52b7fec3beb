/**
 * When a life-area rating is due (issue #13, item 2): every three months — once in the contact
 * period and at the end of each phase (seed 004, appendix 1: "med tre måneders mellemrum"). A
 * rating's stage names the period it looks back on: `contact` (the baseline, taken in the contact
 * period), `phase1`, `phase2`, `phase3` (taken as that phase ends).
 *
 * The dates come from the phase engine (`phases.ts`), so a pause moves them as it moves the
 * phase changes. The rules:
 * - The contact rating opens on the first day of the contact period (on day 1 when there is no
 *   contact period) and a phase's rating `WINDOW_DAYS` before the phase's last day, so it can be
 *   done at the phase's last visits. Each stays open until the next one opens; the last (end of
 *   phase 3) stays open after the course has ended, for the ending screen.
 * - A stage is settled for a respondent once a rating of that stage by them, done or declined,
 *   is dated inside the course it belongs to (a restart begins a new course; the contact period
 *   belongs to every course, as the phase engine keeps it).
 * - While the course is paused nothing is due: the clock stands still, and she may be in
 *   hospital. The rating comes back when the pause ends, at the dates the pause moved.
 */
import { addDays, type CivilDate } from './civilDate'
import type { CourseStatus } from './phases'
import type { courseStages } from '@/schemas'

/** The stage a rating belongs to: the contact period, or the end of phase 1, 2 or 3. */
export type RatingStage = (typeof courseStages)[number]

/** Who rates: the citizen and her worker rate the same dimensions, for a dialogue. */
export type RatingRespondent = 'citizen' | 'worker'

/** How many days before a phase's last day its rating opens (the last two weeks). */
export const WINDOW_DAYS = 14

/** When one stage's rating may be done. */
export interface RatingWindow {
  readonly stage: RatingStage
  /** The first day it is due. */
  readonly opens: CivilDate
  /** The last day it is due (the day before the next opens), or null for the last one. */
  readonly closes: CivilDate | null
  /** Ratings dated on or after this day count for this stage (day 1 of the course, or the contact start). */
  readonly countsFrom: CivilDate
  /** The dates depend on an open pause: the earliest they can be. */
  readonly provisional: boolean
}

/** The four rating windows of the course as it stands on `course.on`, in order. */
export function ratingWindows(course: CourseStatus): readonly RatingWindow[] {
  const contactOpens = course.contact.days > 0 ? course.contact.start : course.dayOne
  const phaseOpens = course.phases.map((phase) => addDays(phase.end, 1 - WINDOW_DAYS))
  const opens: readonly CivilDate[] = [contactOpens, ...phaseOpens]
  const stages: readonly RatingStage[] = ['contact', 'phase1', 'phase2', 'phase3']
  return stages.map((stage, index) => {
    const next = opens[index + 1]
    const phase = index === 0 ? null : course.phases[index - 1]
    return {
      stage,
      opens: opens[index] ?? contactOpens,
      closes: next === undefined ? null : addDays(next, -1),
      countsFrom: stage === 'contact' ? course.contact.start : course.dayOne,
      provisional: phase?.provisional ?? false,
    }
  })
}

/** A rating as the schedule needs it. */
export interface RatingTaken {
  readonly stage: RatingStage
  readonly respondent: RatingRespondent
  readonly date: CivilDate
}

/** Whether `respondent` has settled (done or declined) the window's rating. */
export function isSettled(
  window: RatingWindow,
  ratings: readonly RatingTaken[],
  respondent: RatingRespondent,
): boolean {
  return ratings.some(
    (rating) =>
      rating.stage === window.stage && rating.respondent === respondent && rating.date >= window.countsFrom,
  )
}

/** A rating due today. */
export interface RatingDue {
  readonly stage: RatingStage
  /** The day it became due. */
  readonly since: CivilDate
  /** The worker's rating of the same stage is still missing too. */
  readonly workerMissing: boolean
}

/** The window open on `today`, if any. */
export function openWindow(windows: readonly RatingWindow[], today: CivilDate): RatingWindow | null {
  return (
    windows.find((window) => window.opens <= today && (window.closes === null || today <= window.closes)) ??
    null
  )
}

/**
 * The rating Home shows as due on `course.on`, or null: none while paused, none before the
 * contact period, none once the citizen has done or declined the open stage's rating.
 */
export function ratingDue(course: CourseStatus, ratings: readonly RatingTaken[]): RatingDue | null {
  if (course.paused || course.stage === 'before') return null
  const window = openWindow(ratingWindows(course), course.on)
  if (window === null || isSettled(window, ratings, 'citizen')) return null
  return { stage: window.stage, since: window.opens, workerMissing: !isSettled(window, ratings, 'worker') }
}
