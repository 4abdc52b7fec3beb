/**
 * The handover plan's rules ("overdragelsesplan", CTI-BRIEF.md phase 3 and principle 12): for
 * every open goal, step or support need, who takes over — someone from the network, the citizen
 * herself, or a service — from when, and how far that has come.
 *
 * Socialstyrelsen's (now Social- og Boligstyrelsen's) description of CTI phase 3 asks that
 * continued support is agreed at least one month before the course ends (the rule as issue #12
 * cites it; the seed documents do not state it, and the method pages reachable when this was
 * written — social.dk, "Critical Time Intervention (CTI)", 2023 — describe phase 3 as the
 * handover without the month, so check it against the current CTI manual when it is next
 * revised). So from one calendar month before the last day — pauses included, as the phase
 * engine computes it — Home nudges until every open item has an owner.
 */
import { addMonths, compareCivil, daysBetween, type CivilDate } from './civilDate'

/** How far the handover of one item has come. */
export const handoverStatuses = ['notDiscussed', 'agreed', 'inPlace'] as const
export type HandoverStatus = (typeof handoverStatuses)[number]

/** Who takes over. */
export type HandoverOwner =
  | { readonly kind: 'contact'; readonly contactId: string }
  | { readonly kind: 'self' }
  | { readonly kind: 'service'; readonly name: string }

/** What a line of the handover plan is about: a goal or step of the plan, or a need in her words. */
export type HandoverSubject =
  | { readonly kind: 'goal'; readonly id: string }
  | { readonly kind: 'subGoal'; readonly id: string }
  | { readonly kind: 'need' }

/** A line of the handover plan, as these rules need it. */
export interface HandoverLine {
  readonly id: string
  readonly about: HandoverSubject
  readonly owner: HandoverOwner | null
  readonly status: HandoverStatus
}

/** An open goal or step of the plan (reached, let-go and done ones need no one to take over). */
export type OpenThing =
  | { readonly kind: 'goal'; readonly id: string }
  | { readonly kind: 'subGoal'; readonly id: string; readonly goalId: string }

/** Something that still needs someone to take it over: an open thing, or a need line without an owner. */
export type Unowned = OpenThing | { readonly kind: 'need'; readonly lineId: string }

/** The first day Home asks about the handover: one calendar month before the course's last day. */
export function handoverNudgeStart(lastDay: CivilDate): CivilDate {
  return addMonths(lastDay, -1)
}

/**
 * What still has no one to take it over. A goal with an owner covers its steps: whoever takes
 * over the goal takes over what is left of it. A line about a goal or step that is no longer
 * open (reached, deleted) is not asked about again.
 */
export function unownedThings(open: readonly OpenThing[], lines: readonly HandoverLine[]): Unowned[] {
  const owned = new Set(
    lines.flatMap((line) => (line.owner !== null && line.about.kind !== 'need' ? [line.about.id] : [])),
  )
  const things = open.filter((thing) => {
    if (owned.has(thing.id)) return false
    return !(thing.kind === 'subGoal' && owned.has(thing.goalId))
  })
  const needs = lines.flatMap((line) =>
    line.about.kind === 'need' && line.owner === null ? [{ kind: 'need' as const, lineId: line.id }] : [],
  )
  return [...things, ...needs]
}

/** Whether Home asks about the handover today, and about how much. */
export type HandoverNudge =
  { readonly show: false } | { readonly show: true; readonly unowned: number; readonly daysLeft: number }

/**
 * Home's handover nudge: from `handoverNudgeStart` to the course's last day, while anything open
 * lacks an owner. Not before (the plan is still being worked on) and not after the end (the
 * ending screen shows the handover plan instead).
 */
export function handoverNudge(today: CivilDate, lastDay: CivilDate, unowned: number): HandoverNudge {
  const inWindow = compareCivil(today, handoverNudgeStart(lastDay)) >= 0 && compareCivil(today, lastDay) <= 0
  if (!inWindow || unowned === 0) return { show: false }
  return { show: true, unowned, daysLeft: daysBetween(today, lastDay) }
}
