/**
 * Rules for editing the plan's tree (focus area → goal → sub-goal, activities, notes): which
 * phase the citizen plans for, where a new item goes in a list, marking a step done, and what
 * else goes when something is deleted.
 */
import { civilDateInZone, type CivilDate } from './civilDate'
import { parseHlc } from './clock'
import type { Ordered } from './goals'
import { phaseOfStage, type PhaseNumber, type Stage } from './phases'
import type { FocusArea, Goal, Note, SubGoal } from '@/schemas'

/**
 * The phase whose focus areas the citizen chooses now. Areas are chosen per phase; before the
 * course and in the contact period the citizen prepares phase 1 (the plan is made then), and
 * after the end the last phase's areas stay the current ones. `null` (no transition date
 * yet, so no course to compute) counts as the contact period.
 */
export function planningPhase(stage: Stage | null): PhaseNumber {
  if (stage === 'ended') return 3
  return (stage === null ? null : phaseOfStage(stage)) ?? 1
}

/** The phases before `phase`, earliest first: the ones whose choices are shown as history. */
export function earlierPhases(phase: PhaseNumber): PhaseNumber[] {
  return ([1, 2, 3] as const).filter((p) => p < phase)
}

/**
 * The `order` for an item added at the end of a list: one more than the largest, 0 for an
 * empty list. Deleted siblings may be passed too; counting them only leaves a gap.
 */
export function nextOrder(items: readonly Pick<Ordered, 'order'>[]): number {
  return items.reduce((largest, item) => Math.max(largest, item.order + 1), 0)
}

/**
 * A sub-goal marked done (on `today`, the citizen's own calendar day) or not done. Undoing
 * removes the done date, which the schema only allows on a done step. Marking a done step
 * done again keeps the day it was first done.
 */
export function withDone(subGoal: SubGoal, done: boolean, today: CivilDate): SubGoal {
  if (!done) {
    const undone: SubGoal = { ...subGoal, done: false }
    delete undone.doneAt
    return undone
  }
  return {
    ...subGoal,
    done: true,
    doneAt: subGoal.done && subGoal.doneAt !== undefined ? subGoal.doneAt : today,
  }
}

/** The live records a removal may touch. */
export interface PlanTree {
  readonly focusAreas: readonly FocusArea[]
  readonly goals: readonly Goal[]
  readonly subGoals: readonly SubGoal[]
  readonly notes: readonly Note[]
}

/** What is deleted: one focus area, goal, sub-goal or activity, by id. */
export interface RemovalTarget {
  readonly kind: 'focusArea' | 'goal' | 'subGoal' | 'activity'
  readonly id: string
}

/** Records to tombstone together, grouped by kind. */
export interface Removal {
  readonly focusAreas: readonly FocusArea[]
  readonly goals: readonly Goal[]
  readonly subGoals: readonly SubGoal[]
  readonly notes: readonly Note[]
}

/**
 * Everything that goes when `target` is deleted: the target itself (when it is a focus area,
 * goal or sub-goal found in `tree`), what hangs under it, and the notes on any of them.
 * Without this a deleted goal would leave steps behind that still show up as things to do.
 * Activities are not followed: an activity stands on its own and only loses its goal link.
 * Records already deleted are left out, so undo restores exactly what this removal changed.
 */
export function removalOf(target: RemovalTarget, tree: PlanTree): Removal {
  const live = <T extends { deleted: boolean }>(items: readonly T[]): T[] =>
    items.filter((item) => !item.deleted)
  const focusAreas =
    target.kind === 'focusArea' ? live(tree.focusAreas).filter((area) => area.id === target.id) : []
  const areaIds = new Set(focusAreas.map((area) => area.id))
  const goals = live(tree.goals).filter(
    (goal) => (target.kind === 'goal' && goal.id === target.id) || areaIds.has(goal.focusAreaId),
  )
  const goalIds = new Set(goals.map((goal) => goal.id))
  const subGoals = live(tree.subGoals).filter(
    (subGoal) => (target.kind === 'subGoal' && subGoal.id === target.id) || goalIds.has(subGoal.goalId),
  )
  const removedIds = new Set<string>([...areaIds, ...goalIds, ...subGoals.map((subGoal) => subGoal.id)])
  if (target.kind === 'activity') removedIds.add(target.id)
  const notes = live(tree.notes).filter((note) => removedIds.has(note.target.id))
  return { focusAreas, goals, subGoals, notes }
}

/** Several removals made together (un-choosing a catalogue area may remove more than one record of it), as one. */
export function combinedRemoval(removals: readonly Removal[]): Removal {
  return {
    focusAreas: removals.flatMap((removal) => removal.focusAreas),
    goals: removals.flatMap((removal) => removal.goals),
    subGoals: removals.flatMap((removal) => removal.subGoals),
    notes: removals.flatMap((removal) => removal.notes),
  }
}

/**
 * What the undo bar says after a removal: the thing alone, or with how many goals (of an
 * area) or steps (of a goal) went with it. Keys of the `plan.undo` messages.
 */
export type RemovalUndo =
  | { readonly key: 'areaRemoved' | 'goalRemoved' | 'stepRemoved' | 'activityRemoved' }
  | { readonly key: 'areaAndGoalsRemoved' | 'goalAndStepsRemoved'; readonly plural: number }

export function removalUndo(kind: RemovalTarget['kind'], removal: Removal): RemovalUndo {
  switch (kind) {
    case 'focusArea':
      return removal.goals.length > 0
        ? { key: 'areaAndGoalsRemoved', plural: removal.goals.length }
        : { key: 'areaRemoved' }
    case 'goal':
      return removal.subGoals.length > 0
        ? { key: 'goalAndStepsRemoved', plural: removal.subGoals.length }
        : { key: 'goalRemoved' }
    case 'subGoal':
      return { key: 'stepRemoved' }
    case 'activity':
      return { key: 'activityRemoved' }
  }
}

/** The live notes on one thing in the plan, oldest first (the order they were written in). */
export function notesOn(notes: readonly Note[], target: Note['target']): Note[] {
  return notes
    .filter((note) => !note.deleted && note.target.kind === target.kind && note.target.id === target.id)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
}

/** The day a note was written, on the wall clock of `timeZone` (its creation stamp's wall time). */
export function noteWrittenOn(note: Pick<Note, 'createdAt'>, timeZone: string): CivilDate {
  return civilDateInZone(new Date(parseHlc(note.createdAt).wallMs), timeZone)
}
