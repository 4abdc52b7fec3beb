/**
 * The end of the course (issue #12 item 6; CTI-BRIEF.md, "End": a formal, positive ending where
 * what was achieved is presented). A course ends the day after its last day as the phase engine
 * computes it, pauses included, or on the day the citizen ended it early (`plan.endedOn`),
 * whichever comes first. After the end the plan stays hers: nothing is locked or removed, only
 * the phase clock stops pressing.
 */
import type { FocusArea, Goal, GoalStatus, Plan, SubGoal } from '@/schemas'
import { addDays, compareCivil, minCivil, type CivilDate } from './civilDate'
import type { CourseStatus, PhaseNumber } from './phases'
import { planCourseOn, statusOf } from './course'
import { areasByPhase } from './focusAreas'
import { goalProgress, goalStatusShown } from './goals'
import { planningPhase } from './planning'

/** Whether the course has ended on a day, how, and from which day. */
export type CourseEnding =
  | { readonly ended: false }
  | {
      readonly ended: true
      /** 'early': she ended it before its last day; 'completed': the nine months (and pauses) ran out. */
      readonly how: 'early' | 'completed'
      /** The first day the course is over. */
      readonly since: CivilDate
      /** The day the ending names: her course's last day (completed) or the day she ended it (early). */
      readonly shownDay: CivilDate
    }

/**
 * Whether the course has ended on `on`. `status` is where the phase engine puts the course on
 * that day (null without day 1, or with dates that break a rule: then only an early end counts).
 * An early end recorded after the natural end changes nothing: the course had already ended.
 */
export function courseEnding(
  plan: Pick<Plan, 'endedOn'>,
  status: Pick<CourseStatus, 'stage' | 'courseEnd' | 'provisional'> | null,
  on: CivilDate,
): CourseEnding {
  // While a pause is open the end date is "at the earliest": the course cannot have ended.
  const natural = status === null || status.provisional ? null : addDays(status.courseEnd, 1)
  const early = plan.endedOn ?? null
  const candidates = [natural, early].filter((day): day is CivilDate => day !== null)
  const [first, ...rest] = candidates
  if (first === undefined) return { ended: false }
  const since = minCivil(first, ...rest)
  if (compareCivil(on, since) < 0) return { ended: false }
  return since === natural
    ? { ended: true, how: 'completed', since, shownDay: addDays(since, -1) }
    : { ended: true, how: 'early', since, shownDay: since }
}

/**
 * Whether she may end the course early on `on`: there is a plan whose course has not ended yet.
 * (A course without day 1 may be ended too: she may decide before the move not to go on.)
 */
export function canEndEarly(ending: CourseEnding): boolean {
  return !ending.ended
}

/** Whether she may reopen the course: she ended it early (a completed course is reopened by its dates). */
export function canReopen(plan: Pick<Plan, 'endedOn'>, ending: CourseEnding): boolean {
  return ending.ended && ending.how === 'early' && plan.endedOn !== undefined
}

/**
 * The plan ended early on `on`. The worker's device is unpaired with it (`pairing: null`): the
 * course with the worker is over, so her device no longer answers to theirs. The pairing is
 * dropped, not kept aside, so nothing can bring it back without a new pairing at a visit.
 */
export function withEndedEarly(plan: Plan, on: CivilDate): Plan {
  return { ...plan, endedOn: on, pairing: null }
}

/**
 * The plan reopened: the early end forgotten, the course runs by its dates again. The pairing
 * ending it dropped stays dropped: reopening is hers alone, and pairing again takes a new visit.
 */
export function withReopened(plan: Plan): Plan {
  const next: Plan = { ...plan }
  delete next.endedOn
  return next
}

/** What the plan screen shows and asks on a day, as far as the phase clock decides it. */
export interface PlanClock {
  /** The phase whose focus areas the plan shows (and the area picker edits). */
  readonly phase: PhaseNumber
  /** The course has ended: the plan says so, calmly. */
  readonly ended: boolean
  /** The plan may ask about a phase that has begun ("keep the same areas, or choose again"). */
  readonly asksPhaseChange: boolean
  /** The handover plan comes first, as what the phase is about (phase 3, while it runs). */
  readonly handoverFirst: boolean
}

/**
 * The phase clock on the plan screen on `on`. While the course runs: the phase it is in (see
 * `planningPhase`), a phase that has begun may be asked about, and phase 3 puts the handover
 * first. Once it has ended (`courseEnding`: completed, or ended early) the clock stops pressing:
 * no phase-change question, no handover "now", and the areas she last chose stay the current
 * ones — the latest phase with areas, up to the phase the course was in on its last running day
 * (with none chosen, that phase). Nothing asks her to choose areas for a phase the clock reached
 * after the end.
 */
export function planClock(
  plan: Plan | null,
  on: CivilDate,
  areas: readonly Pick<FocusArea, 'id' | 'order' | 'phases' | 'deleted'>[],
): PlanClock {
  const status = statusOf(planCourseOn(plan, on))
  const ending: CourseEnding = plan === null ? { ended: false } : courseEnding(plan, status, on)
  if (!ending.ended) {
    const stage = status?.stage ?? null
    return {
      phase: planningPhase(stage),
      ended: false,
      asksPhaseChange: true,
      handoverFirst: stage === 'phase3',
    }
  }
  const lastRunning = statusOf(planCourseOn(plan, addDays(ending.since, -1)))?.stage ?? null
  const endPhase = planningPhase(lastRunning)
  const byPhase = areasByPhase(areas)
  const lastChosen = ([3, 2, 1] as const).find((phase) => phase <= endPhase && byPhase[phase].length > 0)
  return { phase: lastChosen ?? endPhase, ended: true, asksPhaseChange: false, handoverFirst: false }
}

/** A goal as the ending presents it. */
export interface EndingGoal {
  readonly id: string
  readonly title: string
  /** The status it shows (`goalStatusShown`: it follows its steps unless she set it). */
  readonly status: GoalStatus
  readonly stepsDone: number
  readonly stepsTotal: number
}

/** What was achieved: the goals by their shown status and the steps done. */
export interface EndingSummary {
  readonly goals: readonly EndingGoal[]
  readonly goalsReached: number
  readonly goalsLetGo: number
  /** Not started or on the way. */
  readonly goalsOpen: number
  readonly stepsDone: number
  readonly stepsTotal: number
}

/**
 * What the ending screen presents, from the live goals and their steps: each goal with the status
 * it shows and its steps, and the counts. Deleted goals, and steps of deleted or unknown goals,
 * are not counted. Goals come in the order given (pass them as the plan shows them).
 */
export function endingSummary(
  goals: readonly Pick<Goal, 'id' | 'title' | 'status' | 'deleted'>[],
  subGoals: readonly Pick<SubGoal, 'goalId' | 'deleted' | 'done'>[],
): EndingSummary {
  const live = goals.filter((goal) => !goal.deleted)
  const liveIds = new Set(live.map((goal) => goal.id))
  const steps = subGoals.filter((step) => !step.deleted && liveIds.has(step.goalId))
  const shown = live.map((goal): EndingGoal => {
    const progress = goalProgress(goal, steps)
    return {
      id: goal.id,
      title: goal.title,
      status: goalStatusShown(goal.status, progress),
      stepsDone: progress.done,
      stepsTotal: progress.total,
    }
  })
  const count = (status: GoalStatus) => shown.filter((goal) => goal.status === status).length
  return {
    goals: shown,
    goalsReached: count('reached'),
    goalsLetGo: count('letGo'),
    goalsOpen: count('notStarted') + count('onTheWay'),
    stepsDone: steps.filter((step) => step.done).length,
    stepsTotal: steps.length,
  }
}
