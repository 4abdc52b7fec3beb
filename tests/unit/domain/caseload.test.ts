import { describe, expect, it } from 'vitest'
import { caseloadCard } from '@/domain/caseload'
import { packageMadeOn } from '@/domain/workerPairing'
import type { ShareableRecord } from '@/domain/sharing'
import {
  day,
  makeFocusArea,
  makeGoal,
  makeHandoverItem,
  makePlan,
  makeRating,
  makeSubGoal,
} from '../../factories/records'

// Day 1 on 24 August 2026: phase 2 from 24 November, the last day 23 May 2027; the rating at
// the end of phase 1 opened on 10 November and stays open until 9 February.
const plan = makePlan({ shared: true })
const TODAY = day('2026-12-07')
const area = makeFocusArea({ shared: true })
const goal = makeGoal({ shared: true, focusAreaId: area.id })
const step = makeSubGoal({ shared: true, goalId: goal.id })
const contactRating = makeRating({ shared: true, stage: 'contact', date: day('2026-08-10') })
const phase1Rating = makeRating({ shared: true, stage: 'phase1', date: day('2026-11-15') })
const workerRating = makeRating({
  shared: true,
  respondent: 'worker',
  stage: 'phase1',
  date: day('2026-11-15'),
})

describe('caseloadCard: the course', () => {
  it.each([
    ['no plan shared', [], TODAY, { shared: false }],
    [
      'phase 2 on 7 December',
      [plan],
      TODAY,
      {
        shared: true,
        value: {
          kind: 'known',
          stage: 'phase2',
          paused: false,
          daysLeft: 168,
          lastDay: '2027-05-23',
          provisional: false,
        },
      },
    ],
    ['the last day', [plan], day('2027-05-23'), { shared: true, value: { stage: 'phase3', daysLeft: 1 } }],
    ['ended', [plan], day('2027-05-24'), { shared: true, value: { stage: 'ended', daysLeft: null } }],
    [
      'in the contact period',
      [plan],
      day('2026-08-10'),
      { shared: true, value: { stage: 'contact', daysLeft: 287 } },
    ],
    [
      'paused since 1 December, the end at the earliest',
      [
        makePlan({
          shared: true,
          pauses: [{ id: crypto.randomUUID(), start: day('2026-12-01'), end: null, reason: 'hospital' }],
        }),
      ],
      TODAY,
      {
        shared: true,
        value: {
          stage: 'phase2',
          paused: true,
          provisional: true,
          lastDay: '2027-05-30',
        },
      },
    ],
    [
      'no day 1 yet',
      [makePlan({ shared: true, transitionDate: undefined })],
      TODAY,
      { shared: true, value: { kind: 'noDayOne' } },
    ],
    ['a deleted plan is no plan', [makePlan({ shared: true, deleted: true })], TODAY, { shared: false }],
  ] as const)('%s', (_name, records, today, expected) => {
    expect(caseloadCard(records as readonly ShareableRecord[], today).course).toMatchObject(expected)
  })
})

describe('caseloadCard: the rating due', () => {
  it.each([
    ['no plan shared, ratings shared', [contactRating], TODAY, { shared: false }],
    ['open, but no rating of hers shared', [plan], TODAY, { shared: false }],
    ['open, only the worker’s shared', [plan, workerRating], TODAY, { shared: false }],
    [
      'open, her ratings shared, this one not done',
      [plan, contactRating],
      TODAY,
      { shared: true, value: { stage: 'phase1', since: '2026-11-10', workerMissing: true } },
    ],
    [
      'open, the worker’s done',
      [plan, contactRating, workerRating],
      TODAY,
      { shared: true, value: { stage: 'phase1', since: '2026-11-10', workerMissing: false } },
    ],
    ['done by her', [plan, contactRating, phase1Rating], TODAY, { shared: true, value: null }],
    ['none open before the contact period', [plan], day('2026-07-01'), { shared: true, value: null }],
    [
      'no day 1: nothing is due',
      [makePlan({ shared: true, transitionDate: undefined })],
      TODAY,
      { shared: true, value: null },
    ],
  ] as const)('%s', (_name, records, today, expected) => {
    expect(caseloadCard(records as readonly ShareableRecord[], today).ratingDue).toEqual(expected)
  })
})

describe('caseloadCard: the handover', () => {
  const owned = makeHandoverItem({ shared: true, about: { kind: 'goal', id: goal.id } })
  const unownedNeed = makeHandoverItem({ shared: true, owner: null })
  const stepOwned = makeHandoverItem({ shared: true, about: { kind: 'subGoal', id: step.id } })
  it.each([
    ['no handover line shared', [area, goal, step], { shared: false }],
    [
      'the goal has someone: its step too',
      [area, goal, step, owned],
      { shared: true, value: { unowned: 0, lines: 1 } },
    ],
    [
      'only the step has someone: the goal is covered by it',
      [area, goal, step, stepOwned],
      { shared: true, value: { unowned: 0, lines: 1 } },
    ],
    [
      'a need without an owner, the goal without a line',
      [area, goal, step, unownedNeed],
      { shared: true, value: { unowned: 3, lines: 1 } },
    ],
    ['a deleted line is none', [area, goal, { ...owned, deleted: true }], { shared: false }],
  ] as const)('%s', (_name, records, expected) => {
    expect(caseloadCard(records as readonly ShareableRecord[], TODAY).handover).toEqual(expected)
  })
})

describe('packageMadeOn', () => {
  it.each([
    [
      'late evening in UTC is the next day in Copenhagen',
      '2026-12-06T23:30:00.000Z',
      'Europe/Copenhagen',
      '2026-12-07',
      '2026-12-07',
    ],
    ['the same day', '2026-12-07T10:00:00.000Z', 'Europe/Copenhagen', '2026-12-07', '2026-12-07'],
    [
      'her clock ahead: never after today',
      '2026-12-09T10:00:00.000Z',
      'Europe/Copenhagen',
      '2026-12-07',
      '2026-12-07',
    ],
    ['a day behind in New York', '2026-12-07T03:00:00.000Z', 'America/New_York', '2026-12-07', '2026-12-06'],
  ])('%s', (_name, wall, zone, today, expected) => {
    expect(packageMadeOn(`${wall}-0000-00000000000000b2`, zone, day(today))).toBe(expected)
  })
})
