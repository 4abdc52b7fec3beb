import { describe, expect, it } from 'vitest'
import {
  combinedRemoval,
  earlierPhases,
  nextOrder,
  noteWrittenOn,
  notesOn,
  planningPhase,
  removalOf,
  removalUndo,
  withDone,
  type PlanTree,
  type Removal,
} from '@/domain/planning'
import { asHlc } from '@/domain/clock'
import type { Stage } from '@/domain/phases'
import { day, makeFocusArea, makeGoal, makeNote, makeSubGoal } from '../../factories/records'

describe('planningPhase', () => {
  it.each<{ stage: Stage | null; expected: 1 | 2 | 3 }>([
    { stage: null, expected: 1 },
    { stage: 'before', expected: 1 },
    { stage: 'contact', expected: 1 },
    { stage: 'phase1', expected: 1 },
    { stage: 'phase2', expected: 2 },
    { stage: 'phase3', expected: 3 },
    { stage: 'ended', expected: 3 },
  ])('$stage → phase $expected', ({ stage, expected }) => {
    expect(planningPhase(stage)).toBe(expected)
  })
})

describe('earlierPhases', () => {
  it.each([
    { phase: 1 as const, expected: [] },
    { phase: 2 as const, expected: [1] },
    { phase: 3 as const, expected: [1, 2] },
  ])('before phase $phase', ({ phase, expected }) => {
    expect(earlierPhases(phase)).toEqual(expected)
  })
})

describe('nextOrder', () => {
  it.each([
    { name: 'empty list', orders: [], expected: 0 },
    { name: 'packed', orders: [0, 1, 2], expected: 3 },
    { name: 'gaps and any order', orders: [10, 3, 7], expected: 11 },
  ])('$name', ({ orders, expected }) => {
    expect(nextOrder(orders.map((order) => ({ order })))).toBe(expected)
  })
})

describe('withDone', () => {
  const today = day('2026-11-23')
  it.each([
    {
      name: 'done today',
      before: makeSubGoal({ done: false }),
      done: true,
      expected: { done: true, doneAt: '2026-11-23' },
    },
    {
      name: 'done again keeps the first day',
      before: makeSubGoal({ done: true, doneAt: day('2026-11-01') }),
      done: true,
      expected: { done: true, doneAt: '2026-11-01' },
    },
    {
      name: 'undone drops the date',
      before: makeSubGoal({ done: true, doneAt: day('2026-11-01') }),
      done: false,
      expected: { done: false, doneAt: undefined },
    },
    {
      name: 'undone stays undone',
      before: makeSubGoal({ done: false }),
      done: false,
      expected: { done: false, doneAt: undefined },
    },
  ])('$name', ({ before, done, expected }) => {
    const after = withDone(before, done, today)
    expect({ done: after.done, doneAt: after.doneAt }).toEqual(expected)
    if (!done) expect('doneAt' in after).toBe(false)
    expect(after.title).toBe(before.title)
  })
})

describe('removalOf', () => {
  const area = makeFocusArea()
  const otherArea = makeFocusArea({ catalogKey: 'economy' })
  const goal = makeGoal({ focusAreaId: area.id })
  const goal2 = makeGoal({ focusAreaId: area.id })
  const deletedGoal = makeGoal({ focusAreaId: area.id, deleted: true })
  const otherGoal = makeGoal({ focusAreaId: otherArea.id })
  const step = makeSubGoal({ goalId: goal.id })
  const step2 = makeSubGoal({ goalId: goal2.id })
  const otherStep = makeSubGoal({ goalId: otherGoal.id })
  const activityId = crypto.randomUUID()
  const noteOnGoal = makeNote({ target: { kind: 'goal', id: goal.id } })
  const noteOnStep = makeNote({ target: { kind: 'subGoal', id: step.id } })
  const noteOnArea = makeNote({ target: { kind: 'focusArea', id: area.id } })
  const noteOnActivity = makeNote({ target: { kind: 'activity', id: activityId } })
  const noteOnOther = makeNote({ target: { kind: 'goal', id: otherGoal.id } })
  const tree: PlanTree = {
    focusAreas: [area, otherArea],
    goals: [goal, goal2, deletedGoal, otherGoal],
    subGoals: [step, step2, otherStep],
    notes: [noteOnGoal, noteOnStep, noteOnArea, noteOnActivity, noteOnOther],
  }
  const ids = (removal: ReturnType<typeof removalOf>) => ({
    focusAreas: removal.focusAreas.map((r) => r.id),
    goals: removal.goals.map((r) => r.id),
    subGoals: removal.subGoals.map((r) => r.id),
    notes: removal.notes.map((r) => r.id),
  })

  it.each([
    {
      name: 'an area takes its live goals, their steps and every note on them',
      target: { kind: 'focusArea' as const, id: area.id },
      expected: {
        focusAreas: [area.id],
        goals: [goal.id, goal2.id],
        subGoals: [step.id, step2.id],
        notes: [noteOnGoal.id, noteOnStep.id, noteOnArea.id],
      },
    },
    {
      name: 'a goal takes its steps and notes, not its siblings',
      target: { kind: 'goal' as const, id: goal.id },
      expected: {
        focusAreas: [],
        goals: [goal.id],
        subGoals: [step.id],
        notes: [noteOnGoal.id, noteOnStep.id],
      },
    },
    {
      name: 'a step takes its notes',
      target: { kind: 'subGoal' as const, id: step.id },
      expected: { focusAreas: [], goals: [], subGoals: [step.id], notes: [noteOnStep.id] },
    },
    {
      name: 'an activity takes only its notes (the activity itself is the caller’s)',
      target: { kind: 'activity' as const, id: activityId },
      expected: { focusAreas: [], goals: [], subGoals: [], notes: [noteOnActivity.id] },
    },
    {
      name: 'an unknown id removes nothing',
      target: { kind: 'goal' as const, id: crypto.randomUUID() },
      expected: { focusAreas: [], goals: [], subGoals: [], notes: [] },
    },
  ])('$name', ({ target, expected }) => {
    expect(ids(removalOf(target, tree))).toEqual(expected)
  })
})

describe('removalUndo', () => {
  const removal = (goals: number, subGoals: number): Removal => ({
    focusAreas: [makeFocusArea()],
    goals: Array.from({ length: goals }, () => makeGoal()),
    subGoals: Array.from({ length: subGoals }, () => makeSubGoal()),
    notes: [makeNote()],
  })

  it.each([
    ['an area alone', 'focusArea', removal(0, 0), { key: 'areaRemoved' }],
    ['an area with two goals', 'focusArea', removal(2, 5), { key: 'areaAndGoalsRemoved', plural: 2 }],
    ['a goal alone', 'goal', removal(1, 0), { key: 'goalRemoved' }],
    ['a goal with three steps', 'goal', removal(1, 3), { key: 'goalAndStepsRemoved', plural: 3 }],
    ['a step', 'subGoal', removal(0, 1), { key: 'stepRemoved' }],
    ['an activity', 'activity', removal(0, 0), { key: 'activityRemoved' }],
  ] as const)('%s', (_name, kind, given, expected) => {
    expect(removalUndo(kind, given)).toEqual(expected)
  })

  it('counts the goals of every removal made together', () => {
    const both = combinedRemoval([removal(1, 0), removal(2, 1)])
    expect(both.goals).toHaveLength(3)
    expect(both.focusAreas).toHaveLength(2)
    expect(removalUndo('focusArea', both)).toEqual({ key: 'areaAndGoalsRemoved', plural: 3 })
  })
})

describe('notesOn', () => {
  const goal = { kind: 'goal', id: crypto.randomUUID() } as const
  const stamp = (iso: string) => asHlc(`${iso}-0000-00000000000000a1`)

  it('lists the live notes on one thing, oldest first', () => {
    const second = makeNote({ target: goal, createdAt: stamp('2026-11-24T09:00:00.000Z') })
    const first = makeNote({ target: goal, createdAt: stamp('2026-11-20T09:00:00.000Z') })
    const deleted = makeNote({ target: goal, deleted: true })
    const otherKind = makeNote({ target: { kind: 'activity', id: goal.id } })
    const otherGoal = makeNote()
    expect(notesOn([second, deleted, otherKind, first, otherGoal], goal)).toEqual([first, second])
  })

  it.each([
    [
      'late evening in Copenhagen is still that day',
      '2026-11-23T22:30:00.000Z',
      'Europe/Copenhagen',
      '2026-11-23',
    ],
    [
      'just after midnight in Copenhagen is the next day',
      '2026-11-23T23:30:00.000Z',
      'Europe/Copenhagen',
      '2026-11-24',
    ],
    ['Nuuk is behind', '2026-11-24T01:00:00.000Z', 'America/Nuuk', '2026-11-23'],
  ])('writtenOn: %s', (_name, iso, zone, expected) => {
    expect(noteWrittenOn({ createdAt: stamp(iso) }, zone)).toBe(expected)
  })
})
