import { describe, expect, it } from 'vitest'
import { parseCivilDate } from '@/domain/civilDate'
import {
  changeShownOn,
  nextThingsLimit,
  nextThingsToDo,
  phaseProgress,
  shownThings,
  whatChangesNext,
  type NextChange,
  type PhaseProgress,
  type ThingToDo,
} from '@/domain/home'
import { courseOn, type CourseInput } from '@/domain/phases'
import type { Activity, SubGoal } from '@/schemas'
import { day, makeActivity, makeGoal, makeSubGoal } from '../../factories/records'

const d = parseCivilDate

describe('nextThingsToDo', () => {
  // Today is Monday 23 November 2026. Titles name the items so the expected lists read easily.
  const today = d('2026-11-23')
  const open = makeGoal({ status: 'onTheWay' })
  const reached = makeGoal({ status: 'reached' })
  const letGo = makeGoal({ status: 'letGo' })
  const deletedGoal = makeGoal({ status: 'onTheWay', deleted: true })
  const goals = [open, reached, letGo, deletedGoal]

  const sub = (title: string, due: string | null, overrides: Partial<SubGoal> = {}): SubGoal =>
    makeSubGoal({ title, goalId: open.id, due: due === null ? undefined : day(due), ...overrides })
  const act = (title: string, date: string | null, overrides: Partial<Activity> = {}): Activity =>
    makeActivity({
      title,
      date: date === null ? undefined : day(date),
      time: undefined,
      repeat: 'none',
      priority: 'now',
      ...overrides,
    })

  const subGoals = [
    sub('s1 overdue', '2026-11-20'),
    sub('s2 today', '2026-11-23'),
    sub('s3 next month', '2026-12-01'),
    sub('s4 undated', null),
    sub('s5 goal reached', '2026-11-10', { goalId: reached.id }),
    sub('s6 goal let go', '2026-11-24', { goalId: letGo.id }),
    sub('s7 goal deleted', '2026-11-24', { goalId: deletedGoal.id }),
    sub('s8 done', '2026-11-20', { done: true, doneAt: day('2026-11-19') }),
    sub('s9 deleted', '2026-11-20', { deleted: true }),
    sub('s10 goal unknown', '2026-11-25', { goalId: 'a4d2c5b0-0000-4000-8000-000000000000' }),
  ]
  const activities = [
    act('a1 overdue one-off', '2026-11-18', { time: '09:00' }),
    act('a2 today 14:00', '2026-11-23', { time: '14:00' }),
    act('a3 today all day', '2026-11-23'),
    act('a4 weekly on Mondays 09:30', '2026-11-02', { time: '09:30', repeat: 'weekly' }),
    act('a5 monthly on the 31st', '2026-01-31', { repeat: 'monthly' }),
    act('a6 daily 10:00 since October', '2026-10-01', { time: '10:00', repeat: 'daily' }),
    act('a7 undated now', null),
    act('a8 undated later', null, { priority: 'later' }),
    act('a9 dated later', '2026-11-24', { priority: 'later' }),
    act('a10 done', '2026-11-18', { done: true }),
    act('a11 deleted', '2026-11-24', { deleted: true }),
    act('a12 weekly without a date, later', null, { repeat: 'weekly', priority: 'later' }),
    act('a13 tomorrow 08:00', '2026-11-24', { time: '08:00' }),
  ]
  const titles = (things: readonly ThingToDo[]) => things.map((thing) => thing.title.split(' ')[0])

  it.each([
    {
      name: 'overdue, today, upcoming, undated now',
      includeLater: undefined,
      limit: Number.POSITIVE_INFINITY,
      expected: ['a1', 's1', 's2', 'a3', 'a4', 'a6', 'a2', 'a9', 'a13', 's10', 'a5', 's3', 's4', 'a7'],
    },
    {
      name: 'with the later ones at the end',
      includeLater: true,
      limit: Number.POSITIVE_INFINITY,
      expected: [
        'a1',
        's1',
        's2',
        'a3',
        'a4',
        'a6',
        'a2',
        'a9',
        'a13',
        's10',
        'a5',
        's3',
        's4',
        'a7',
        'a8',
        'a12',
      ],
    },
    { name: 'cut at the limit', includeLater: false, limit: 3, expected: ['a1', 's1', 's2'] },
    { name: 'a limit of 0', includeLater: true, limit: 0, expected: [] },
  ])('$name', ({ includeLater, limit, expected }) => {
    expect(titles(nextThingsToDo({ subGoals, activities, goals, today, limit, includeLater }))).toEqual(
      expected,
    )
  })

  it('lists nothing when there is nothing open', () => {
    expect(nextThingsToDo({ subGoals: [], activities: [], goals: [], today, limit: 5 })).toEqual([])
  })

  const all = nextThingsToDo({
    subGoals,
    activities,
    goals,
    today,
    limit: Number.POSITIVE_INFINITY,
    includeLater: true,
  })
  const byTitle = (prefix: string) => all.find((thing) => thing.title.split(' ')[0] === prefix)

  it.each<[prefix: string, expected: Omit<ThingToDo, 'id' | 'title' | 'goalId'>]>([
    [
      'a1',
      {
        kind: 'activity',
        due: d('2026-11-18'),
        time: '09:00',
        overdue: true,
        dueToday: false,
        repeat: 'none',
        priority: 'now',
      },
    ],
    [
      's1',
      {
        kind: 'subGoal',
        due: d('2026-11-20'),
        time: null,
        overdue: true,
        dueToday: false,
        repeat: 'none',
        priority: 'now',
      },
    ],
    [
      's2',
      {
        kind: 'subGoal',
        due: d('2026-11-23'),
        time: null,
        overdue: false,
        dueToday: true,
        repeat: 'none',
        priority: 'now',
      },
    ],
    // A weekly activity that began three weeks ago is due today, not overdue.
    [
      'a4',
      {
        kind: 'activity',
        due: d('2026-11-23'),
        time: '09:30',
        overdue: false,
        dueToday: true,
        repeat: 'weekly',
        priority: 'now',
      },
    ],
    // Monthly on the 31st: next is 30 November.
    [
      'a5',
      {
        kind: 'activity',
        due: d('2026-11-30'),
        time: null,
        overdue: false,
        dueToday: false,
        repeat: 'monthly',
        priority: 'now',
      },
    ],
    [
      'a9',
      {
        kind: 'activity',
        due: d('2026-11-24'),
        time: null,
        overdue: false,
        dueToday: false,
        repeat: 'none',
        priority: 'later',
      },
    ],
    [
      's4',
      {
        kind: 'subGoal',
        due: null,
        time: null,
        overdue: false,
        dueToday: false,
        repeat: 'none',
        priority: 'now',
      },
    ],
    [
      'a12',
      {
        kind: 'activity',
        due: null,
        time: null,
        overdue: false,
        dueToday: false,
        repeat: 'weekly',
        priority: 'later',
      },
    ],
  ])('%s is shown as expected', (prefix, expected) => {
    const thing = byTitle(prefix)
    expect(thing).toMatchObject(expected)
  })

  it.each([
    ['s1', open.id],
    ['s10', 'a4d2c5b0-0000-4000-8000-000000000000'],
  ])('%s names its goal', (prefix, goalId) => {
    expect(byTitle(prefix)?.goalId).toBe(goalId)
  })

  it('an activity without a goal has goalId null', () => {
    const alone = act('alone', '2026-11-24', { goalId: undefined })
    expect(
      nextThingsToDo({ subGoals: [], activities: [alone], goals: [], today, limit: 1 })[0]?.goalId,
    ).toBeNull()
  })

  it.each([-1, 1.5, Number.NaN])('refuses the limit %s', (limit) => {
    expect(() => nextThingsToDo({ subGoals, activities, goals, today, limit })).toThrow(RangeError)
  })
})

// The JAN31 course of phases.test.ts: contact from 6 Jan 2025, day 1 on 31 Jan; phase 2 on
// 30 Apr, phase 3 on 31 Jul, ended on 31 Oct. Phases 1–3 have 89, 92 and 92 days (273).
function course(
  contactStart: string,
  transitionDate: string,
  pauses: readonly (readonly [string, string | null])[] = [],
  restarts: readonly string[] = [],
): CourseInput {
  return {
    contactStart: d(contactStart),
    transitionDate: d(transitionDate),
    pauses: pauses.map(([start, end]) => ({ start: d(start), end: end === null ? null : d(end) })),
    restarts: restarts.map(d),
  }
}
const JAN31 = course('2025-01-06', '2025-01-31')
// A 7-day pause in March, then a pause open since 1 June.
const OPEN = course('2025-01-06', '2025-01-31', [
  ['2025-03-01', '2025-03-08'],
  ['2025-06-01', null],
])

describe('whatChangesNext', () => {
  it.each<[name: string, input: CourseInput, on: string, expected: NextChange | null]>([
    [
      'before the contact period: contact starts',
      JAN31,
      '2025-01-05',
      { stage: 'contact', on: d('2025-01-06'), daysUntil: 1, provisional: false, contactChange: 'starts' },
    ],
    [
      'in the contact period: phase 1 starts',
      JAN31,
      '2025-01-20',
      { stage: 'phase1', on: d('2025-01-31'), daysUntil: 11, provisional: false, contactChange: 'starts' },
    ],
    [
      'no contact period: phase 1 starts',
      course('2025-01-31', '2025-01-31'),
      '2025-01-30',
      { stage: 'phase1', on: d('2025-01-31'), daysUntil: 1, provisional: false, contactChange: 'starts' },
    ],
    [
      'in phase 1: contact halves',
      JAN31,
      '2025-03-01',
      { stage: 'phase2', on: d('2025-04-30'), daysUntil: 60, provisional: false, contactChange: 'less' },
    ],
    [
      'last day of phase 1',
      JAN31,
      '2025-04-29',
      { stage: 'phase2', on: d('2025-04-30'), daysUntil: 1, provisional: false, contactChange: 'less' },
    ],
    [
      'in phase 2: contact halves again',
      JAN31,
      '2025-07-30',
      { stage: 'phase3', on: d('2025-07-31'), daysUntil: 1, provisional: false, contactChange: 'least' },
    ],
    [
      'in phase 3: the course ends',
      JAN31,
      '2025-10-01',
      { stage: 'ended', on: d('2025-10-31'), daysUntil: 30, provisional: false, contactChange: 'ends' },
    ],
    [
      'during an open pause: at the earliest',
      OPEN,
      '2025-06-10',
      { stage: 'phase3', on: d('2025-08-17'), daysUntil: 68, provisional: true, contactChange: 'least' },
    ],
    ['after the end: nothing', JAN31, '2025-10-31', null],
  ])('%s', (_name, input, on, expected) => {
    expect(whatChangesNext(courseOn(input, d(on)))).toEqual(expected)
  })
})

describe('phaseProgress', () => {
  const RESTARTED = course(
    '2025-01-06',
    '2025-01-31',
    [
      ['2025-03-01', '2025-03-08'],
      ['2025-07-01', '2025-07-11'],
    ],
    ['2025-06-15'],
  )
  const PAUSED = course('2025-01-06', '2025-01-31', [['2025-02-10', '2025-02-20']])

  it.each<[name: string, input: CourseInput, on: string, expected: PhaseProgress]>([
    [
      'before the contact period',
      JAN31,
      '2025-01-05',
      { stage: 'before', phase: null, course: 0, phases: [0, 0, 0], paused: false, provisional: false },
    ],
    // The contact period 6–30 January has 25 days.
    [
      'first day of contact',
      JAN31,
      '2025-01-06',
      { stage: 'contact', phase: 1 / 25, course: 0, phases: [0, 0, 0], paused: false, provisional: false },
    ],
    [
      'day 1',
      JAN31,
      '2025-01-31',
      {
        stage: 'phase1',
        phase: 1 / 89,
        course: 1 / 273,
        phases: [1 / 89, 0, 0],
        paused: false,
        provisional: false,
      },
    ],
    [
      'last day of phase 1',
      JAN31,
      '2025-04-29',
      { stage: 'phase1', phase: 1, course: 89 / 273, phases: [1, 0, 0], paused: false, provisional: false },
    ],
    [
      'first day of phase 2',
      JAN31,
      '2025-04-30',
      {
        stage: 'phase2',
        phase: 1 / 92,
        course: 90 / 273,
        phases: [1, 1 / 92, 0],
        paused: false,
        provisional: false,
      },
    ],
    [
      'last day of the course',
      JAN31,
      '2025-10-30',
      { stage: 'phase3', phase: 1, course: 1, phases: [1, 1, 1], paused: false, provisional: false },
    ],
    [
      'after the end',
      JAN31,
      '2025-10-31',
      { stage: 'ended', phase: null, course: 1, phases: [1, 1, 1], paused: false, provisional: false },
    ],
    // Paused 10–19 Feb: on the 15th ten active days have gone (31 Jan – 9 Feb), and stay ten.
    [
      'inside a pause the bars stand still',
      PAUSED,
      '2025-02-15',
      {
        stage: 'phase1',
        phase: 10 / 89,
        course: 10 / 273,
        phases: [10 / 89, 0, 0],
        paused: true,
        provisional: false,
      },
    ],
    [
      'the day the clock runs again',
      PAUSED,
      '2025-02-20',
      {
        stage: 'phase1',
        phase: 11 / 89,
        course: 11 / 273,
        phases: [11 / 89, 0, 0],
        paused: false,
        provisional: false,
      },
    ],
    // Phase 2 began 7 May; 7–31 May are 25 active days, 1–10 June are paused.
    [
      'an open pause: fractions are exact, dates provisional',
      OPEN,
      '2025-06-10',
      {
        stage: 'phase2',
        phase: 25 / 92,
        course: 114 / 273,
        phases: [1, 25 / 92, 0],
        paused: true,
        provisional: true,
      },
    ],
    // Restarted 15 June: phase 1 of the new course has 92 days (15 Jun – 14 Sep); 15–30 June
    // are 16 active days, 1–5 July paused. The new course has 273 days.
    [
      'after a restart, the new course',
      RESTARTED,
      '2025-07-05',
      {
        stage: 'phase1',
        phase: 16 / 92,
        course: 16 / 273,
        phases: [16 / 92, 0, 0],
        paused: true,
        provisional: false,
      },
    ],
  ])('%s', (_name, input, on, expected) => {
    expect(phaseProgress(courseOn(input, d(on)))).toEqual(expected)
  })
})

describe('changeShownOn', () => {
  it.each([
    ['a new phase: the day it begins', 'phase2', '2027-01-14', '2027-01-14'],
    ['day 1: the day itself', 'phase1', '2026-10-14', '2026-10-14'],
    ['the end: the last day of the course, not the day after', 'ended', '2027-07-14', '2027-07-13'],
  ] as const)('%s', (_name, stage, on, expected) => {
    expect(changeShownOn({ stage, on: d(on) })).toBe(expected)
  })
})

describe('nextThingsLimit', () => {
  it.each([
    [false, 5],
    [true, 3],
  ])('easy read %s → %i', (easyRead, limit) => {
    expect(nextThingsLimit(easyRead)).toBe(limit)
  })
})

describe('shownThings', () => {
  it.each<[string, number, number, string[], number]>([
    ['easy read: three shown, two more', 5, 3, ['a', 'b', 'c'], 2],
    ['fewer than the limit: nothing more', 2, 3, ['a', 'b'], 0],
    ['exactly the limit', 3, 3, ['a', 'b', 'c'], 0],
    ['nothing to do', 0, 5, [], 0],
    ['no limit', 5, Number.POSITIVE_INFINITY, ['a', 'b', 'c', 'd', 'e'], 0],
  ])('%s', (_name, count, limit, shown, more) => {
    const things = ['a', 'b', 'c', 'd', 'e'].slice(0, count)
    expect(shownThings(things, limit)).toEqual({ shown, more })
  })
})
