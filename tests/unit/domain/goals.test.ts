import { describe, expect, it } from 'vitest'
import {
  goalCountsByArea,
  goalProgress,
  goalStatusShown,
  progressByGoal,
  reorder,
  sortByOrder,
  statusFromSteps,
  type Ordered,
} from '@/domain/goals'
import type { GoalStatus } from '@/schemas'
import { makeGoal, makeSubGoal } from '../../factories/records'

describe('goalProgress', () => {
  const goal = makeGoal()
  const other = makeGoal()
  const step = (done: boolean, deleted = false, goalId = goal.id) => makeSubGoal({ goalId, done, deleted })

  it.each([
    { name: 'no steps yet', subGoals: [], expected: { done: 0, total: 0 } },
    {
      name: 'two of five',
      subGoals: [step(true), step(false), step(true), step(false), step(false)],
      expected: { done: 2, total: 5 },
    },
    { name: 'all done', subGoals: [step(true), step(true)], expected: { done: 2, total: 2 } },
    {
      name: 'deleted steps do not count',
      subGoals: [step(true), step(true, true), step(false, true), step(false)],
      expected: { done: 1, total: 2 },
    },
    {
      name: 'steps of other goals do not count',
      subGoals: [step(true, false, other.id), step(false, false, other.id), step(false)],
      expected: { done: 0, total: 1 },
    },
  ])('$name', ({ subGoals, expected }) => {
    expect(goalProgress(goal, subGoals)).toEqual(expected)
  })

  it("gives each goal its own count from one shared list of the plan's steps", () => {
    const subGoals = [step(true), step(false, false, other.id), step(true, false, other.id), step(false)]
    expect(goalProgress(goal, subGoals)).toEqual({ done: 1, total: 2 })
    expect(goalProgress(other, subGoals)).toEqual({ done: 1, total: 2 })
    expect(goalProgress(makeGoal(), subGoals)).toEqual({ done: 0, total: 0 })
  })
})

describe('progressByGoal', () => {
  it('counts every goal in one pass, deleted steps left out', () => {
    const [a, b] = [makeGoal(), makeGoal()]
    const index = progressByGoal([
      makeSubGoal({ goalId: a.id, done: true }),
      makeSubGoal({ goalId: a.id, done: false, deleted: true }),
      makeSubGoal({ goalId: b.id, done: false }),
    ])
    expect(Object.fromEntries(index)).toEqual({
      [a.id]: { done: 1, total: 1 },
      [b.id]: { done: 0, total: 1 },
    })
  })
})

/** `'a0 b10'` → items `{ id: 'a', order: 0 }, { id: 'b', order: 10 }`. */
function list(text: string): Ordered[] {
  return text === ''
    ? []
    : text.split(' ').map((entry) => ({ id: entry.slice(0, 1), order: Number(entry.slice(1)) }))
}

function show(items: readonly Ordered[]): string {
  return items.map((item) => `${item.id}${item.order}`).join(' ')
}

describe('sortByOrder', () => {
  it.each([
    { name: 'by order', items: 'c2 a0 b1', expected: 'a0 b1 c2' },
    { name: 'equal orders (after a merge) by id', items: 'c2 a0 d2 b2', expected: 'a0 b2 c2 d2' },
    { name: 'gaps are kept', items: 'b30 a10', expected: 'a10 b30' },
    { name: 'empty', items: '', expected: '' },
  ])('$name', ({ items, expected }) => {
    expect(show(sortByOrder(list(items)))).toBe(expected)
  })

  it('does not sort the list it is given', () => {
    const items = list('b1 a0')
    sortByOrder(items)
    expect(show(items)).toBe('b1 a0')
  })
})

describe('reorder', () => {
  // Each expected list was worked out by hand: the fewest items change; gaps are filled evenly
  // (rounded down); among equally few, the list ending on the smaller number wins.
  it.each([
    {
      name: 'packed, first to last: only the moved item',
      items: 'a0 b1 c2 d3',
      from: 0,
      to: 3,
      expected: 'b1 c2 d3 a4',
      changes: 'a4',
    },
    {
      name: 'packed, last to first: order cannot go below 0, so three shift',
      items: 'a0 b1 c2 d3',
      from: 3,
      to: 0,
      expected: 'd3 a4 b5 c6',
      changes: 'a4 b5 c6',
    },
    {
      name: 'packed, down two: the moved item and one after',
      items: 'a0 b1 c2 d3 e4',
      from: 1,
      to: 3,
      expected: 'a0 c2 d3 b4 e5',
      changes: 'b4 e5',
    },
    {
      name: 'packed, up two: the items passed shift, the rest stays',
      items: 'a0 b1 c2 d3 e4',
      from: 3,
      to: 1,
      expected: 'a0 d1 b2 c3 e4',
      changes: 'd1 b2 c3',
    },
    {
      name: 'gaps: the moved item lands in the middle of one',
      items: 'a0 b10 c20 d30',
      from: 3,
      to: 1,
      expected: 'a0 d5 b10 c20',
      changes: 'd5',
    },
    {
      name: 'gaps: to the end counts on from the last',
      items: 'a0 b10 c20 d30',
      from: 0,
      to: 3,
      expected: 'b10 c20 d30 a31',
      changes: 'a31',
    },
    {
      name: 'gaps: up to the top, the item passed moves instead',
      items: 'a0 b10 c20 d30',
      from: 1,
      to: 0,
      expected: 'b10 a15 c20 d30',
      changes: 'a15',
    },
    {
      name: 'an odd gap rounds down',
      items: 'a0 b1 c2 d3 e10',
      from: 0,
      to: 3,
      expected: 'b1 c2 d3 a6 e10',
      changes: 'a6',
    },
    {
      name: 'a large number is kept when it fits',
      items: 'a0 b1 c2 d3 e20',
      from: 4,
      to: 1,
      expected: 'a0 e20 b21 c22 d23',
      changes: 'b21 c22 d23',
    },
    {
      name: 'no move: nothing changes',
      items: 'a0 b1 c2',
      from: 1,
      to: 1,
      expected: 'a0 b1 c2',
      changes: '',
    },
    { name: 'one item', items: 'a5', from: 0, to: 0, expected: 'a5', changes: '' },
    {
      name: 'duplicates from a merge are repaired',
      items: 'a0 b0 c0',
      from: 0,
      to: 0,
      expected: 'a0 b1 c2',
      changes: 'b1 c2',
    },
    {
      name: 'duplicates inside a gap are spread out',
      items: 'a0 b4 c4 d4 e10',
      from: 0,
      to: 0,
      expected: 'a0 b4 c6 d8 e10',
      changes: 'c6 d8',
    },
  ])('$name', ({ items, from, to, expected, changes }) => {
    const result = reorder(list(items), from, to)
    expect(show(result.items)).toBe(expected)
    expect(show(result.changes)).toBe(changes)
  })

  it('keeps unchanged items as they were and copies the changed ones', () => {
    const items = list('a0 b1 c2 d3')
    const result = reorder(items, 0, 3)
    expect(result.items[0]).toBe(items[1])
    expect(result.items[3]).not.toBe(items[0])
    expect(show(items)).toBe('a0 b1 c2 d3')
  })

  it('keeps the other fields of a changed item', () => {
    const goal = makeGoal({ order: 0, title: 'Own home' })
    const next = makeGoal({ order: 1 })
    const [, moved] = reorder([goal, next], 0, 1).items
    expect(moved).toEqual({ ...goal, order: 2 })
  })

  it('changes the fewest items possible and leaves valid orders, for every small list and move', () => {
    // Exhaustive over lists of up to five items with orders 0–4 (duplicates and disorder
    // included). The fewest changes are found by brute force over which items could keep
    // their value: kept values must increase with room for the items between them, and the
    // first kept one needs room above it (order cannot go below 0).
    const fewestChanges = (values: readonly number[]): number => {
      let best = values.length
      for (let mask = 0; mask < 1 << values.length; mask++) {
        const kept = values
          .map((value, position) => ({ value, position }))
          .filter((_, position) => (mask >> position) & 1)
        const fits = kept.every((k, i) => {
          const before = kept[i - 1]
          return before === undefined
            ? k.value >= k.position
            : k.value - before.value >= k.position - before.position
        })
        if (fits) best = Math.min(best, values.length - kept.length)
      }
      return best
    }
    let checked = 0
    const failures: string[] = []
    for (let length = 1; length <= 5; length++) {
      for (let code = 0; code < 5 ** length; code++) {
        const items = Array.from({ length }, (_, i) => ({
          id: `i${i}`,
          order: Math.floor(code / 5 ** i) % 5,
        }))
        for (let from = 0; from < length; from++) {
          for (let to = 0; to < length; to++) {
            const moved = [...items]
            moved.splice(to, 0, ...moved.splice(from, 1))
            const result = reorder(items, from, to)
            const orders = result.items.map((item) => item.order)
            const sameIds = result.items.every((item, i) => item.id === moved[i]?.id)
            const valid = orders.every(
              (order, i) =>
                Number.isInteger(order) && order >= 0 && (i === 0 || order > (orders[i - 1] ?? -1)),
            )
            const fewest = result.changes.length === fewestChanges(moved.map((item) => item.order))
            if (!sameIds || !valid || !fewest)
              failures.push(`${show(items)} ${from}→${to}: ${show(result.items)}`)
            checked++
          }
        }
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBe(89_355)
  })

  it.each([
    [-1, 0],
    [0, 4],
    [4, 0],
    [0.5, 1],
  ])('refuses the positions %s → %s in a list of four', (from, to) => {
    expect(() => reorder(list('a0 b1 c2 d3'), from, to)).toThrow(RangeError)
  })
})

describe('goalCountsByArea', () => {
  it('counts the live goals of each area', () => {
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()]
    const counts = goalCountsByArea([
      makeGoal({ focusAreaId: a }),
      makeGoal({ focusAreaId: a }),
      makeGoal({ focusAreaId: b }),
      makeGoal({ focusAreaId: b, deleted: true }),
    ])
    expect([...counts]).toEqual([
      [a, 2],
      [b, 1],
    ])
    expect(goalCountsByArea([]).size).toBe(0)
  })
})

describe('statusFromSteps', () => {
  it.each<[number, number, GoalStatus]>([
    [0, 0, 'notStarted'],
    [0, 3, 'notStarted'],
    [1, 3, 'onTheWay'],
    [2, 3, 'onTheWay'],
    [3, 3, 'reached'],
  ])('%i of %i steps done → %s', (done, total, expected) => {
    expect(statusFromSteps({ done, total })).toBe(expected)
  })
})

describe('goalStatusShown', () => {
  it.each<[string, GoalStatus, number, number, GoalStatus]>([
    ['not set, no steps', 'notStarted', 0, 0, 'notStarted'],
    ['not set, 1 of 3 done follows the steps', 'notStarted', 1, 3, 'onTheWay'],
    ['not set, all done follows the steps', 'notStarted', 3, 3, 'reached'],
    ['she set "on the way" with nothing done', 'onTheWay', 0, 3, 'onTheWay'],
    ['she set "on the way", all done: hers wins', 'onTheWay', 3, 3, 'onTheWay'],
    ['she let it go halfway', 'letGo', 1, 2, 'letGo'],
    ['she reached it without ticking steps', 'reached', 0, 2, 'reached'],
  ])('%s', (_name, status, done, total, expected) => {
    expect(goalStatusShown(status, { done, total })).toBe(expected)
  })
})
