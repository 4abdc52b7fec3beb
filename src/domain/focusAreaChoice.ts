/**
 * Choosing focus areas for a phase: what the picker offers, and what choosing or un-choosing
 * an area changes in the stored records.
 *
 * One record per area, with the phases it is worked on in (`FocusArea.phases`). Choosing an
 * area in phase 2 that was worked on in phase 1 adds 2 to the same record, so its goals carry
 * over; un-choosing it in phase 2 takes 2 away and leaves phase 1's choice as history. Only an
 * area left with no phase at all is deleted, together with what hangs under it (see
 * `removalOf` in planning.ts), and the UI offers an undo.
 */
import {
  areasForPhase,
  catalogueFor,
  earlierPhasesWithAreas,
  iconFor,
  iconNames,
  OWN_AREA_ICON,
  type IconName,
} from './focusAreas'
import { goalProgress, goalStatusShown, sortByOrder } from './goals'
import type { PhaseNumber } from './phases'
import { nextOrder } from './planning'
import type { FocusArea, FocusAreaCatalogKey, Goal, SubGoal, TargetGroup } from '@/schemas'

/** One line of the picker. */
export interface AreaOption<A extends FocusArea = FocusArea> {
  /** Stable key for lists and element ids: the catalogue key, or the own area's record id. */
  readonly key: string
  /** Null for an area in the citizen's own words. */
  readonly catalogKey: FocusAreaCatalogKey | null
  /** The live record behind the option, if the area was ever chosen; null if never. */
  readonly area: A | null
  /** Chosen for the phase asked about. */
  readonly chosen: boolean
  readonly icon: IconName
}

/** What the picker shows, in order. */
export interface PickerOptions<A extends FocusArea = FocusArea> {
  /** The target group's catalogue, then any other catalogue area the citizen has used. */
  readonly offered: readonly AreaOption<A>[]
  /** The rest of the catalogue (the catalogue is an offer, never a limit). */
  readonly more: readonly AreaOption<A>[]
  /** Areas in the citizen's own words, in display order. */
  readonly own: readonly AreaOption<A>[]
}

/** The fields of a new focus-area record (the store adds identity and stamps). */
export interface NewAreaFields {
  readonly catalogKey?: FocusAreaCatalogKey
  readonly title?: string
  readonly icon: IconName
  readonly phases: PhaseNumber[]
  readonly order: number
}

/** What one choice changes. */
export type AreaChange<A extends FocusArea = FocusArea> =
  | { readonly kind: 'create'; readonly fields: NewAreaFields }
  | { readonly kind: 'update'; readonly area: A }
  | { readonly kind: 'remove'; readonly area: A }
  | { readonly kind: 'none' }

/** Whether `name` is a bundled focus-area icon. */
export function isAreaIcon(name: string | undefined): name is IconName {
  return (iconNames as readonly (string | undefined)[]).includes(name)
}

/** The icon to show for an area: the catalogue's, else the stored one if it is known, else the flag. */
export function areaIcon(area: Pick<FocusArea, 'catalogKey' | 'icon'>): IconName {
  if (area.catalogKey !== undefined) return iconFor(area.catalogKey)
  return isAreaIcon(area.icon) ? area.icon : OWN_AREA_ICON
}

function live<A extends FocusArea>(areas: readonly A[]): A[] {
  return sortByOrder(areas.filter((area) => !area.deleted))
}

function catalogOption<A extends FocusArea>(
  key: FocusAreaCatalogKey,
  areas: readonly A[],
  phase: PhaseNumber,
): AreaOption<A> {
  // Two records for one key can exist after a merge; the one in this phase represents both.
  const records = areas.filter((area) => area.catalogKey === key)
  const inPhase = records.find((area) => area.phases.includes(phase))
  return {
    key,
    catalogKey: key,
    area: inPhase ?? records[0] ?? null,
    chosen: inPhase !== undefined,
    icon: iconFor(key),
  }
}

/** The picker's lines for `phase`: which areas are offered first, which are further down, which are the citizen's own. */
export function pickerOptions<A extends FocusArea>(
  targetGroup: TargetGroup,
  areas: readonly A[],
  phase: PhaseNumber,
): PickerOptions<A> {
  const current = live(areas)
  const catalogue = catalogueFor(targetGroup)
  const used = catalogueFor('other').filter(
    (key) => !catalogue.includes(key) && current.some((area) => area.catalogKey === key),
  )
  const offeredKeys = [...catalogue, ...used]
  return {
    offered: offeredKeys.map((key) => catalogOption(key, current, phase)),
    more: catalogueFor('other')
      .filter((key) => !offeredKeys.includes(key))
      .map((key) => catalogOption(key, current, phase)),
    own: current
      .filter((area) => area.catalogKey === undefined)
      .map((area) => ({
        key: area.id,
        catalogKey: null,
        area,
        chosen: area.phases.includes(phase),
        icon: areaIcon(area),
      })),
  }
}

function withPhase<A extends FocusArea>(area: A, phase: PhaseNumber): A {
  return { ...area, phases: [...area.phases, phase].sort((a, b) => a - b) }
}

/** Choosing a catalogue area for `phase`: the phase added to its record, or a new record at the end of the list. */
export function chooseCatalogArea<A extends FocusArea>(
  areas: readonly A[],
  key: FocusAreaCatalogKey,
  phase: PhaseNumber,
): AreaChange<A> {
  const current = live(areas)
  const option = catalogOption(key, current, phase)
  if (option.chosen) return { kind: 'none' }
  if (option.area !== null) return { kind: 'update', area: withPhase(option.area, phase) }
  return {
    kind: 'create',
    fields: { catalogKey: key, icon: iconFor(key), phases: [phase], order: nextOrder(current) },
  }
}

/** Choosing an existing area (typically one in the citizen's own words) for `phase`. */
export function chooseArea<A extends FocusArea>(area: A, phase: PhaseNumber): AreaChange<A> {
  return area.phases.includes(phase) ? { kind: 'none' } : { kind: 'update', area: withPhase(area, phase) }
}

/** A new area in the citizen's own words, chosen for `phase`, at the end of the list. Check the title first (planForms.ts). */
export function newOwnArea(title: string, areas: readonly FocusArea[], phase: PhaseNumber): NewAreaFields {
  return { title: title.trim(), icon: OWN_AREA_ICON, phases: [phase], order: nextOrder(live(areas)) }
}

/**
 * Un-choosing an area for `phase`: the phase taken off its record, or, when it was the
 * area's only phase, the record removed (the caller removes what hangs under it too).
 */
export function unchooseArea<A extends FocusArea>(area: A, phase: PhaseNumber): AreaChange<A> {
  if (!area.phases.includes(phase)) return { kind: 'none' }
  const phases = area.phases.filter((p) => p !== phase)
  return phases.length === 0 ? { kind: 'remove', area } : { kind: 'update', area: { ...area, phases } }
}

/** Un-choosing a catalogue area for `phase`: every live record of that key chosen in the phase (normally one). */
export function unchooseCatalogArea<A extends FocusArea>(
  areas: readonly A[],
  key: FocusAreaCatalogKey,
  phase: PhaseNumber,
): AreaChange<A>[] {
  return live(areas)
    .filter((area) => area.catalogKey === key && area.phases.includes(phase))
    .map((area) => unchooseArea(area, phase))
}

/**
 * At a phase change the new phase has no areas yet, so without a question "My plan" looked
 * empty and her open goals hid under "Earlier phases" (issue #10 item 7). The question: the
 * phase whose areas she worked on last, those areas, and the goals in them still open.
 */
export interface PhaseChangeQuestion<A extends FocusArea = FocusArea, G extends Goal = Goal> {
  /** The latest earlier phase with areas. */
  readonly from: PhaseNumber
  /** The phase that has begun and has no areas yet. */
  readonly to: PhaseNumber
  /** The areas of `from`, in display order. */
  readonly areas: readonly A[]
  /** Goals in those areas that are neither reached nor let go (as shown: steps count), in display order. */
  readonly openGoals: readonly G[]
}

/**
 * The phase-change question for `phase`, or null when there is nothing to ask: the phase
 * already has areas, or no earlier phase had any (a plan begun in this phase).
 */
export function phaseChangeQuestion<A extends FocusArea, G extends Goal>(
  areas: readonly A[],
  goals: readonly G[],
  subGoals: readonly SubGoal[],
  phase: PhaseNumber,
): PhaseChangeQuestion<A, G> | null {
  if (areasForPhase(areas, phase).length > 0) return null
  const from = earlierPhasesWithAreas(areas, phase).at(-1)
  if (from === undefined) return null
  const fromAreas = areasForPhase(areas, from)
  const openGoals = fromAreas.flatMap((area) =>
    sortByOrder(goals.filter((goal) => goal.focusAreaId === area.id && !goal.deleted)).filter((goal) => {
      const status = goalStatusShown(goal.status, goalProgress(goal, subGoals))
      return status === 'notStarted' || status === 'onTheWay'
    }),
  )
  return { from, to: phase, areas: fromAreas, openGoals }
}

/**
 * What becomes of an open goal in an area she does not keep: carried into a kept area (its
 * steps come with it, they hang under the goal), marked reached, or left in the earlier phase,
 * where the plan still shows it under "Earlier phases".
 */
export type GoalFate =
  { readonly kind: 'carry'; readonly into: string } | { readonly kind: 'done' } | { readonly kind: 'leave' }

/** Her answer: the areas she keeps for the new phase, and the fate of open goals in the others. */
export interface PhaseChangeAnswer {
  readonly keep: ReadonlySet<string>
  /** By goal id; a goal without an entry is left where it is. */
  readonly fates: ReadonlyMap<string, GoalFate>
}

/** Her answer for one open goal, as asked: carry it, mark it reached, or leave it. */
export type GoalFateChoice = GoalFate['kind']

/** The open goals to ask about: those in an area she does not keep (a kept area's goals come along). */
export function goalsToAsk<G extends Goal>(
  question: PhaseChangeQuestion<FocusArea, G>,
  keep: ReadonlySet<string>,
): readonly G[] {
  return question.openGoals.filter((goal) => !keep.has(goal.focusAreaId))
}

/**
 * What her answer for one goal means. A carry goes into the kept area she picked, else into the
 * first kept area; with no area coming along (or a pick no longer kept) the goal stays where it is.
 */
export function goalFateOf(
  question: PhaseChangeQuestion,
  keep: ReadonlySet<string>,
  chosen: GoalFateChoice | undefined,
  into: string | undefined,
): GoalFate {
  if (chosen === 'done') return { kind: 'done' }
  const target = into ?? question.areas.find((area) => keep.has(area.id))?.id
  if (chosen === 'carry' && target !== undefined && keep.has(target)) return { kind: 'carry', into: target }
  return { kind: 'leave' }
}

/**
 * The fates to offer for an open goal of an area left behind, in the order shown: carrying it
 * into the next phase needs at least one area that comes along.
 */
export function fateChoices(question: PhaseChangeQuestion, keep: ReadonlySet<string>): GoalFateChoice[] {
  const anyKept = question.areas.some((area) => keep.has(area.id))
  return anyKept ? ['carry', 'done', 'leave'] : ['done', 'leave']
}

/** "Keep working on the same focus areas": every area comes along, and with it every goal and step. */
export function keepSameAreas(question: PhaseChangeQuestion): PhaseChangeAnswer {
  return { keep: new Set(question.areas.map((area) => area.id)), fates: new Map() }
}

/** The records to save, all at once, for an answer. */
export interface PhaseChangeWrites<A extends FocusArea, G extends Goal> {
  readonly areas: readonly A[]
  readonly goals: readonly G[]
}

/**
 * The changed records for `answer`: each kept area gets the new phase (its goals and steps
 * come along with it); a carried goal moves to the end of its new area; a goal marked done
 * becomes 'reached'. A carry into an area that is not kept is refused rather than guessed:
 * the goal would vanish from the new phase's plan.
 * @param allGoals every goal of the plan, to place a carried goal after its new siblings.
 * @throws {RangeError} when a carry names an area that is not kept.
 */
export function phaseChangeWrites<A extends FocusArea, G extends Goal>(
  question: PhaseChangeQuestion<A, G>,
  answer: PhaseChangeAnswer,
  allGoals: readonly G[],
): PhaseChangeWrites<A, G> {
  const kept = question.areas.filter((area) => answer.keep.has(area.id))
  const keptIds = new Set(kept.map((area) => area.id))
  const nextOrderIn = new Map(
    kept.map((area) => [
      area.id,
      nextOrder(allGoals.filter((goal) => goal.focusAreaId === area.id && !goal.deleted)),
    ]),
  )
  const goals: G[] = []
  for (const goal of question.openGoals) {
    if (keptIds.has(goal.focusAreaId)) continue
    const fate = answer.fates.get(goal.id) ?? { kind: 'leave' }
    if (fate.kind === 'done') goals.push({ ...goal, status: 'reached' })
    if (fate.kind === 'carry') {
      const order = nextOrderIn.get(fate.into)
      if (order === undefined) throw new RangeError(`Goal ${goal.id} cannot go to an area that is not kept`)
      nextOrderIn.set(fate.into, order + 1)
      goals.push({ ...goal, focusAreaId: fate.into, order })
    }
  }
  return { areas: kept.map((area) => withPhase(area, question.to)), goals }
}
