/**
 * What one citizen's card on the worker's "Mine borgere" shows (issue #15 item 2): where her
 * course stands, whether a rating is due, how ready the handover is, and when her last package
 * was made — computed only from what she shares (the worker's copy) and today.
 *
 * Honesty first: each fact is `notShared` when her copy lacks what it needs, never a guess.
 * - **Course** needs her plan record (shared with the course section): the stage and days left
 *   come from the phase engine (`planCourseOn`), as on her own Home.
 * - **Rating due** needs the course and her ratings: the open window comes from `ratingDue`,
 *   the rule her Home uses. Whether she has done it can only be told from ratings she shares,
 *   so without any shared rating the fact is `notShared` (a private rating may settle it).
 * - **Handover** needs her handover lines: with none shared, `notShared`; otherwise the open
 *   goals and steps she shares without someone to take over, plus her needs without an owner
 *   (`unownedThings`, the rule of her handover screen).
 *
 * Pure: records and today come in as arguments.
 */
import type { CivilDate } from './civilDate'
import { planCourseOn } from './course'
import { sortByOrder } from './goals'
import { handoverGroups, openThingsOf, unownedThings } from './handover'
import type { Stage } from './phases'
import { ratingDue, type RatingDue } from './ratingsDue'
import { liveOfKind, type ShareableRecord } from './sharing'
import type { FocusArea, Goal, HandoverItem, Plan, Rating, SubGoal } from '@/schemas'

/** A fact of the card: known from what she shares, or not shared. */
export type CaseloadFact<T> = { readonly shared: true; readonly value: T } | { readonly shared: false }

/** Where her course stands today. */
export type CaseloadCourse =
  | { readonly kind: 'noDayOne' }
  | { readonly kind: 'unreadable' }
  | {
      readonly kind: 'known'
      readonly stage: Stage
      readonly paused: boolean
      /** Calendar days to the course's last day, counting today; null once it has ended. */
      readonly daysLeft: number | null
      /** The course's last day. */
      readonly lastDay: CivilDate
      /** The dates depend on a pause still running: they are the earliest they can be. */
      readonly provisional: boolean
    }

/** How ready the handover is, of what she shares. */
export interface CaseloadHandover {
  /** Open goals, steps and needs without someone to take over. */
  readonly unowned: number
  /** Her shared handover lines. */
  readonly lines: number
}

/** The caseload card of one citizen. */
export interface CaseloadCard {
  readonly course: CaseloadFact<CaseloadCourse>
  /** The rating due today, or null when none is. */
  readonly ratingDue: CaseloadFact<RatingDue | null>
  readonly handover: CaseloadFact<CaseloadHandover>
}

function courseFact(plan: Plan | undefined, today: CivilDate): CaseloadFact<CaseloadCourse> {
  if (plan === undefined) return { shared: false }
  const result = planCourseOn(plan, today)
  if (!result.ok)
    return { shared: true, value: { kind: result.reason === 'no-day-one' ? 'noDayOne' : 'unreadable' } }
  const { course } = result
  return {
    shared: true,
    value: {
      kind: 'known',
      stage: course.stage,
      paused: course.paused,
      daysLeft: course.daysLeftInCourse,
      lastDay: course.courseEnd,
      provisional: course.provisional,
    },
  }
}

function ratingFact(plan: Plan | undefined, ratings: readonly Rating[], today: CivilDate) {
  if (plan === undefined) return { shared: false } as const
  const result = planCourseOn(plan, today)
  if (!result.ok) return { shared: true, value: null } as const
  const due = ratingDue(result.course, ratings)
  // Nothing due by the calendar (or settled by a shared rating) is known; an open rating is
  // known only when she shares her ratings, since a private one may have settled it.
  if (due === null) return { shared: true, value: null } as const
  const sharesRatings = ratings.some((rating) => rating.respondent === 'citizen')
  return sharesRatings ? ({ shared: true, value: due } as const) : ({ shared: false } as const)
}

function handoverFact(
  areas: readonly FocusArea[],
  goals: readonly Goal[],
  steps: readonly SubGoal[],
  lines: readonly HandoverItem[],
): CaseloadFact<CaseloadHandover> {
  if (lines.length === 0) return { shared: false }
  const groups = handoverGroups(
    sortByOrder(areas).map((area) => area.id),
    goals,
    steps,
  )
  return {
    shared: true,
    value: { unowned: unownedThings(openThingsOf(groups), lines).length, lines: lines.length },
  }
}

/** The caseload card of one citizen's copy on `today`. */
export function caseloadCard(records: readonly ShareableRecord[], today: CivilDate): CaseloadCard {
  const plan = liveOfKind(records, 'plan')[0]
  return {
    course: courseFact(plan, today),
    ratingDue: ratingFact(plan, liveOfKind(records, 'rating'), today),
    handover: handoverFact(
      liveOfKind(records, 'focusArea'),
      liveOfKind(records, 'goal'),
      liveOfKind(records, 'subGoal'),
      liveOfKind(records, 'handoverItem'),
    ),
  }
}
