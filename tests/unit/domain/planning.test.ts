import { describe, expect, it } from 'vitest'
import {
  earlierPhases,
  nextOrder,
  planningPhase,
  removalOf,
  withDone,
  type PlanTree,
} from '@/domain/planning'
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
