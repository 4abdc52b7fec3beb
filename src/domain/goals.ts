/**
 * Goals and their steps: progress as a count of steps, and the display order of siblings
 * (focus areas, goals, sub-goals), which the citizen sets by moving items up and down.
 *
 * Progress is "2 of 5 steps", never a percentage or a grade: the plan is the citizen's own, and
 * a goal let go is a choice, not a failing mark.
 */
import type { Goal, GoalStatus, SubGoal } from '@/schemas'

/** How many of a goal's steps (sub-goals) are done. */
export interface GoalProgress {
  readonly done: number
  readonly total: number
}

type Step = Pick<SubGoal, 'goalId' | 'deleted' | 'done'>

/** Every goal's progress, by goal id, from one pass over the sub-goals (deleted ones not counted). */
export function progressByGoal(subGoals: readonly Step[]): ReadonlyMap<string, GoalProgress> {
  const index = new Map<string, { done: number; total: number }>()
  for (const step of subGoals) {
    if (step.deleted) continue
    const progress = index.get(step.goalId) ?? { done: 0, total: 0 }
    progress.total += 1
    if (step.done) progress.done += 1
    index.set(step.goalId, progress)
  }
  return index
}

// A plan screen asks for the progress of every goal against the same list of the plan's
// sub-goals: index that list once (O(steps)) instead of filtering it once per goal
// (O(goals × steps), seconds at 10,000 records on a cheap phone). Lists are never mutated
// once handed out (the records store replaces them), so the list itself is the cache key.
const indexes = new WeakMap<readonly Step[], ReadonlyMap<string, GoalProgress>>()

/**
 * The steps of `goal` that are done, out of all its steps. Deleted sub-goals and sub-goals of
 * other goals are not counted, so the caller may pass every sub-goal of the plan.
 */
export function goalProgress(goal: Pick<Goal, 'id'>, subGoals: readonly Step[]): GoalProgress {
  let index = indexes.get(subGoals)
  if (index === undefined) {
    index = progressByGoal(subGoals)
    indexes.set(subGoals, index)
  }
  return index.get(goal.id) ?? { done: 0, total: 0 }
}

/** Where the steps alone put a goal: none done, some done, all done. No steps: not started. */
export function statusFromSteps(progress: GoalProgress): GoalStatus {
  if (progress.done === 0) return 'notStarted'
  return progress.done >= progress.total ? 'reached' : 'onTheWay'
}

/**
 * The status a goal shows: it follows its steps unless the citizen set it herself. A new goal
 * is 'notStarted' until she chooses otherwise, so a stored 'notStarted' is read as "not set"
 * and the steps decide ("Not started" beside "1 of 3 steps done" was a contradiction,
 * issue #10 item 11). 'onTheWay', 'reached' and 'letGo' are only ever stored by her choice
 * and always win — letting a goal go is hers to say, whatever its steps.
 */
export function goalStatusShown(status: GoalStatus, progress: GoalProgress): GoalStatus {
  return status === 'notStarted' ? statusFromSteps(progress) : status
}

/** Anything with an id and a display order among its siblings. */
export interface Ordered {
  readonly id: string
  readonly order: number
}

/**
 * `items` sorted by `order`. Two devices can give two items the same `order` (each moved one
 * while apart, then they merged); ties are broken by `id` so every device shows the same list.
 */
export function sortByOrder<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** One item whose `order` must be saved. */
export interface OrderChange {
  readonly id: string
  readonly order: number
}

/** The list after a move. */
export interface Reordered<T extends Ordered> {
  /** The items in their new display order, with new `order` values where they changed. */
  readonly items: readonly T[]
  /** Only the items whose `order` changed, in display order: what must be written. */
  readonly changes: readonly OrderChange[]
}

/**
 * Moves the item at `fromIndex` to `toIndex` and works out new `order` values (whole numbers,
 * 0 or more, strictly increasing down the list) that change as few items as possible.
 *
 * Why minimal: every changed record is a write and a field that can conflict in a merge with
 * the worker's copy, so moving one goal should usually touch one record. When the existing
 * values leave a gap, only the moved item changes; when they are packed (0, 1, 2, …) some
 * neighbours must shift too, because `order` cannot go below 0. Values that are out of order
 * or duplicated (after a merge) are repaired in the same step, so a move with
 * `fromIndex === toIndex` can still report changes.
 *
 * How: keep the largest set of items whose current values already fit the new list (strictly
 * increasing, with room for the items between them), then spread the others evenly inside the
 * gaps they fall in, leaving room for later moves. Between equally small answers, the one
 * whose largest value is smallest wins, so moving an item up a packed list shifts the items
 * it passes rather than everything below it. O(n²), fine for the lists of a plan.
 *
 * @param items the list in display order (as `sortByOrder` gives it); deleted items left out.
 * @throws {RangeError} when an index is not a position in the list.
 * @example reorder([a0, b1, c2, d3], 0, 3).changes // → [{ id: a, order: 4 }]
 */
export function reorder<T extends Ordered>(
  items: readonly T[],
  fromIndex: number,
  toIndex: number,
): Reordered<T> {
  for (const index of [fromIndex, toIndex]) {
    if (!Number.isInteger(index) || index < 0 || index >= items.length) {
      throw new RangeError(`Index ${index} is not a position in a list of ${items.length}`)
    }
  }
  const moved = [...items]
  const [item] = moved.splice(fromIndex, 1)
  if (item !== undefined) moved.splice(toIndex, 0, item)

  const values = newOrderValues(moved.map((entry) => entry.order))
  const changes: OrderChange[] = []
  const result = moved.map((entry, position) => {
    const order = values[position] ?? entry.order
    if (order === entry.order) return entry
    changes.push({ id: entry.id, order })
    return { ...entry, order }
  })
  return { items: result, changes }
}

/**
 * Strictly increasing whole numbers ≥ 0 for the given sequence of current values, keeping as
 * many current values as possible.
 */
function newOrderValues(current: readonly number[]): number[] {
  const n = current.length
  const value = (position: number): number => current[position] ?? Number.NaN
  // A value can stay at `position` only if it is a whole number with room for the items above it.
  const keepable = (position: number): boolean =>
    Number.isInteger(value(position)) && value(position) >= position

  // kept[p]: most items that can keep their value among positions 0..p when p keeps its own.
  // Two kept positions p < q fit together when the values between them leave room for q − p − 1
  // items: value(q) − value(p) ≥ q − p.
  const kept: number[] = []
  const previous: number[] = []
  for (let q = 0; q < n; q++) {
    kept[q] = keepable(q) ? 1 : 0
    previous[q] = -1
    if (!keepable(q)) continue
    for (let p = 0; p < q; p++) {
      const candidate = (kept[p] ?? 0) + 1
      if ((kept[p] ?? 0) > 0 && value(q) - value(p) >= q - p && candidate > (kept[q] ?? 0)) {
        kept[q] = candidate
        previous[q] = p
      }
    }
  }

  // The last kept position of the best chain. Among chains of the same length, the one whose
  // list ends on the smallest value (last kept value + the items counted up after it) keeps the
  // numbers compact and leaves items below the moved range alone.
  const end = (q: number): number => value(q) + (n - 1 - q)
  let last = -1
  for (let q = 0; q < n; q++) {
    const better =
      last === -1
        ? (kept[q] ?? 0) > 0
        : (kept[q] ?? 0) > (kept[last] ?? 0) || ((kept[q] ?? 0) === (kept[last] ?? 0) && end(q) < end(last))
    if (better) last = q
  }
  const anchors = new Set<number>()
  for (let p = last; p !== -1; p = previous[p] ?? -1) anchors.add(p)

  const result = current.map((v, position) => (anchors.has(position) ? v : Number.NaN))
  // Fill each run of non-anchors: evenly between two anchors, or counting up after the last.
  let lowPosition = -1
  let lowValue = -1
  for (let position = 0; position <= n; position++) {
    if (position < n && !anchors.has(position)) continue
    const count = position - lowPosition - 1
    if (position === n) {
      for (let i = 1; i <= count; i++) result[lowPosition + i] = lowValue + i
    } else {
      const highValue = value(position)
      // Integer arithmetic before the division, so the floor is exact.
      for (let i = 1; i <= count; i++)
        result[lowPosition + i] = lowValue + Math.floor(((highValue - lowValue) * i) / (count + 1))
      lowValue = highValue
    }
    lowPosition = position
  }
  return result
}

/** How many live goals each focus area has, by area id (areas without goals are absent). */
export function goalCountsByArea(
  goals: readonly Pick<Goal, 'focusAreaId' | 'deleted'>[],
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const goal of goals) {
    if (goal.deleted) continue
    counts.set(goal.focusAreaId, (counts.get(goal.focusAreaId) ?? 0) + 1)
  }
  return counts
}
