import { describe, expect, it } from 'vitest'
import { day, FACTORY_HLC, makeFocusArea, makeGoal, makePlan, makeSubGoal } from '../../factories/records'
import { addDays, type CivilDate } from '@/domain/civilDate'
import { planCourseOn, statusOf } from '@/domain/course'
import {
  canEndEarly,
  canReopen,
  courseEnding,
  endingSummary,
  planClock,
  withEndedEarly,
  withReopened,
  type CourseEnding,
} from '@/domain/ending'
import { planSchema, type FocusArea, type Pause, type Plan } from '@/schemas'
import type { PhaseNumber } from '@/domain/phases'

// Day 1 on 24 August 2026: the last day is 23 May 2027, so the course has ended on 24 May 2027.
const dayOne = day('2026-08-24')
const pause = (start: string, end: string | null): Pause => ({
  id: crypto.randomUUID(),
  start: day(start),
  end: end === null ? null : day(end),
  reason: 'hospital',
})

function endingOn(on: string, options: { endedOn?: string; pauses?: Pause[]; noDayOne?: boolean } = {}) {
  const plan = makePlan({
    transitionDate: options.noDayOne === true ? undefined : dayOne,
    pauses: options.pauses ?? [],
    ...(options.endedOn === undefined ? {} : { endedOn: day(options.endedOn) }),
  })
  if (options.noDayOne === true) delete plan.transitionDate
  return courseEnding(plan, statusOf(planCourseOn(plan, day(on))), day(on))
}

const running: CourseEnding = { ended: false }
const completed = (since: string): CourseEnding => ({
  ended: true,
  how: 'completed',
  since: day(since),
  shownDay: addDays(day(since), -1),
})
const early = (since: string): CourseEnding => ({
  ended: true,
  how: 'early',
  since: day(since),
  shownDay: day(since),
})

describe('courseEnding', () => {
  it.each<[string, string, Parameters<typeof endingOn>[1], CourseEnding]>([
    ['in phase 1', '2026-11-23', {}, running],
    ['on the last day', '2027-05-23', {}, running],
    ['the day after the last day', '2027-05-24', {}, completed('2027-05-24')],
    ['a year later', '2028-05-24', {}, completed('2027-05-24')],
    // A 20-day pause moves the end by 20 days.
    [
      'the old end day, after a pause',
      '2027-05-24',
      { pauses: [pause('2026-10-01', '2026-10-21')] },
      running,
    ],
    [
      'the end moved by the pause',
      '2027-06-13',
      { pauses: [pause('2026-10-01', '2026-10-21')] },
      completed('2027-06-13'),
    ],
    ['an open pause: never ended', '2027-06-30', { pauses: [pause('2027-05-01', null)] }, running],
    ['ended early, the day before', '2026-11-22', { endedOn: '2026-11-23' }, running],
    ['ended early, that day', '2026-11-23', { endedOn: '2026-11-23' }, early('2026-11-23')],
    ['ended early, later', '2027-01-05', { endedOn: '2026-11-23' }, early('2026-11-23')],
    ['ended early, after the natural end', '2027-06-01', { endedOn: '2027-05-30' }, completed('2027-05-24')],
    [
      'ended early during a pause',
      '2027-05-10',
      { endedOn: '2027-05-05', pauses: [pause('2027-05-01', null)] },
      early('2027-05-05'),
    ],
    [
      'ended before day 1 was known',
      '2026-09-01',
      { endedOn: '2026-09-01', noDayOne: true },
      early('2026-09-01'),
    ],
    ['no day 1, not ended', '2030-01-01', { noDayOne: true }, running],
  ])('%s (%s)', (_name, on, options, expected) => {
    expect(endingOn(on, options)).toEqual(expected)
  })
})

describe('ending early and reopening', () => {
  it('ends on the day given and reopens without a trace of the field', () => {
    const plan = makePlan()
    const ended = withEndedEarly(plan, day('2026-11-23'))
    expect(ended.endedOn).toBe('2026-11-23')
    expect(plan.endedOn).toBeUndefined()
    const reopened = withReopened(ended)
    expect('endedOn' in reopened).toBe(false)
    expect(reopened).toEqual(plan)
  })

  const paired = { workerDeviceId: 'ffffffffffffffff', pairedAt: FACTORY_HLC }

  it.each<[string, Plan['pairing'], Plan['pairing'], Plan['pairing']]>([
    // [case, pairing before, after ending early, after reopening]
    ['paired with a worker device', paired, null, null],
    ['never paired', null, null, null],
  ])('ending early unpairs, and reopening does not pair again: %s', (_name, before, ended, reopened) => {
    const plan = makePlan({ pairing: before })
    const endedPlan = withEndedEarly(plan, day('2026-11-23'))
    expect(endedPlan.pairing).toEqual(ended)
    expect(planSchema.safeParse(endedPlan).success).toBe(true)
    const reopenedPlan = withReopened(endedPlan)
    expect(reopenedPlan.pairing).toEqual(reopened)
    expect('endedOn' in reopenedPlan).toBe(false)
    // Everything else is as it was: only the day and the pairing changed.
    expect({ ...reopenedPlan, pairing: before }).toEqual(plan)
  })

  it.each<[string, CourseEnding, CivilDate | undefined, boolean, boolean]>([
    ['running', running, undefined, true, false],
    ['ended early', early('2026-11-23'), day('2026-11-23'), false, true],
    ['completed', completed('2027-05-24'), undefined, false, false],
    ['completed before the early day', completed('2027-05-24'), day('2027-05-30'), false, false],
  ])('%s: may end %s, may reopen', (_name, ending, endedOn, end, reopen) => {
    expect(canEndEarly(ending)).toBe(end)
    expect(canReopen(endedOn === undefined ? {} : { endedOn }, ending)).toBe(reopen)
  })
})

describe('plan.endedOn in the schema', () => {
  it('is optional, and a calendar date when present', () => {
    expect(planSchema.safeParse(makePlan()).success).toBe(true)
    expect(planSchema.safeParse(makePlan({ endedOn: day('2026-11-23') })).success).toBe(true)
    expect(planSchema.safeParse({ ...makePlan(), endedOn: '2026-02-30' }).success).toBe(false)
    expect(planSchema.safeParse({ ...makePlan(), endedOn: 'tomorrow' }).success).toBe(false)
  })
})

describe('planClock: the phase clock on the plan screen stops pressing after the end', () => {
  // Phase 2 begins on 24 November 2026, phase 3 on 24 February 2027; the last day is 23 May 2027.
  const areasIn = (...phases: PhaseNumber[][]) =>
    phases.map((inPhases) => makeFocusArea({ phases: inPhases }))
  const deletedIn3 = makeFocusArea({ phases: [3], deleted: true })
  const running = (phase: PhaseNumber, handoverFirst = false) => ({
    phase,
    ended: false,
    asksPhaseChange: true,
    handoverFirst,
  })
  const ended = (phase: PhaseNumber) => ({ phase, ended: true, asksPhaseChange: false, handoverFirst: false })

  it.each<[string, string, Partial<Plan> | null, FocusArea[], ReturnType<typeof running>]>([
    ['no plan', '2026-11-23', null, [], running(1)],
    ['the contact period', '2026-08-10', {}, [], running(1)],
    ['phase 1', '2026-11-23', {}, areasIn([1]), running(1)],
    // The clock moved on: phase 2 has begun without areas, so the plan may ask.
    ['phase 2, areas only from phase 1', '2026-12-01', {}, areasIn([1]), running(2)],
    ['phase 3: the handover comes first', '2027-03-01', {}, areasIn([1], [3]), running(3, true)],
    ['the last day', '2027-05-23', {}, areasIn([1, 2]), running(3, true)],
    // Completed: nothing asks about phase 3; the last areas she chose stay hers.
    ['completed, areas from phases 1 and 2', '2027-05-24', {}, areasIn([1], [1, 2]), ended(2)],
    ['completed, areas only from phase 1', '2027-06-30', {}, areasIn([1]), ended(1)],
    ['completed, areas in phase 3', '2027-05-24', {}, areasIn([1], [3]), ended(3)],
    ['completed, a deleted phase-3 area', '2027-05-24', {}, [...areasIn([2]), deletedIn3], ended(2)],
    ['completed, no areas at all', '2027-05-24', {}, [], ended(3)],
    // Ended early in phase 1; the dates have since reached phase 2 and 3.
    [
      'ended early in phase 1, in phase 2',
      '2027-01-10',
      { endedOn: day('2026-10-01') },
      areasIn([1]),
      ended(1),
    ],
    ['ended early in phase 1, no areas', '2027-03-10', { endedOn: day('2026-10-01') }, [], ended(1)],
    [
      'ended early in phase 1, an area kept for every phase',
      '2027-03-10',
      { endedOn: day('2026-10-01') },
      areasIn([1, 2, 3]),
      ended(1),
    ],
    [
      'ended early in phase 3: no handover "now"',
      '2027-03-05',
      { endedOn: day('2027-03-01') },
      areasIn([3]),
      ended(3),
    ],
    [
      'ended early on the day phase 2 began',
      '2026-12-05',
      { endedOn: day('2026-11-24') },
      areasIn([1]),
      ended(1),
    ],
    [
      'ended before day 1 was known',
      '2026-09-10',
      { endedOn: day('2026-09-01'), transitionDate: undefined },
      [],
      ended(1),
    ],
  ])('%s (%s)', (_name, on, fields, areas, expected) => {
    let plan: Plan | null = null
    if (fields !== null) {
      plan = makePlan(fields)
      if ('transitionDate' in fields && fields.transitionDate === undefined) delete plan.transitionDate
    }
    expect(planClock(plan, day(on), areas)).toEqual(expected)
  })
})

describe('endingSummary', () => {
  const home = makeGoal({ title: 'Own home', status: 'notStarted', order: 0 })
  const job = makeGoal({ title: 'A job', status: 'letGo', order: 1 })
  const calm = makeGoal({ title: 'Calm evenings', status: 'reached', order: 2 })
  const friends = makeGoal({ title: 'New friends', status: 'notStarted', order: 3 })
  const gone = makeGoal({ title: 'Deleted', status: 'reached', deleted: true })
  const steps = [
    makeSubGoal({ goalId: home.id, done: true }),
    makeSubGoal({ goalId: home.id, done: true }),
    makeSubGoal({ goalId: job.id, done: false }),
    makeSubGoal({ goalId: friends.id, done: true }),
    makeSubGoal({ goalId: friends.id, done: false }),
    makeSubGoal({ goalId: friends.id, done: true, deleted: true }),
    makeSubGoal({ goalId: gone.id, done: true }),
  ]

  it('counts goals by the status they show and the steps of live goals', () => {
    const summary = endingSummary([home, job, calm, friends, gone], steps)
    expect(summary.goals.map((goal) => [goal.title, goal.status, goal.stepsDone, goal.stepsTotal])).toEqual([
      // All steps done: reached, though she never set it.
      ['Own home', 'reached', 2, 2],
      // Let go is hers to say, whatever its steps.
      ['A job', 'letGo', 0, 1],
      ['Calm evenings', 'reached', 0, 0],
      ['New friends', 'onTheWay', 1, 2],
    ])
    expect(summary).toMatchObject({
      goalsReached: 2,
      goalsLetGo: 1,
      goalsOpen: 1,
      stepsDone: 3,
      stepsTotal: 5,
    })
  })

  it('an empty plan has nothing to count', () => {
    expect(endingSummary([], [])).toEqual({
      goals: [],
      goalsReached: 0,
      goalsLetGo: 0,
      goalsOpen: 0,
      stepsDone: 0,
      stepsTotal: 0,
    })
  })
})
