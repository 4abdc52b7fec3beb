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
import type { FocusArea, Goal, GoalStatus, HandoverItem, SubGoal } from '@/schemas'
import { addMonths, compareCivil, daysBetween, type CivilDate } from './civilDate'
import { goalProgress, goalStatusShown, sortByOrder } from './goals'
import { neutralMeetingEvent, type IcsActivityInput, type NeutralEventOptions } from './ics'
import {
  formResult,
  optionalDateProblem,
  requiredTextProblem,
  TEXT_LIMITS,
  type FieldProblem,
  type FormCheck,
} from './planForms'

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
 * over the goal takes over what is left of it. The other way round, a goal with open steps that
 * all have an owner is covered too (a goal without open steps needs an owner of its own). A line about a goal or step that is no longer
 * open (reached, deleted) is not asked about again.
 */
export function unownedThings(open: readonly OpenThing[], lines: readonly HandoverLine[]): Unowned[] {
  const owned = new Set(
    lines.flatMap((line) => (line.owner !== null && line.about.kind !== 'need' ? [line.about.id] : [])),
  )
  const stepOwned = (thing: OpenThing) =>
    owned.has(thing.id) || (thing.kind === 'subGoal' && owned.has(thing.goalId))
  const things = open.filter((thing) => {
    if (thing.kind === 'subGoal') return !stepOwned(thing)
    if (owned.has(thing.id)) return false
    // A goal whose open steps all have someone is covered: its steps are what is left of it.
    const steps = open.filter((step) => step.kind === 'subGoal' && step.goalId === thing.id)
    return steps.length === 0 || steps.some((step) => !stepOwned(step))
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

// ---------------------------------------------------------------------------------------------
// The plan's open things, as the handover screen lists them

/** A goal as these rules need it. */
export interface GoalForHandover {
  readonly id: string
  readonly focusAreaId: string
  readonly status: GoalStatus
  readonly order: number
}

/** A step (sub-goal) as these rules need it. */
export interface StepForHandover {
  readonly id: string
  readonly goalId: string
  readonly done: boolean
  readonly deleted: boolean
  readonly order: number
}

/** One open goal with its open steps, in the plan's order: a group on the handover screen. */
export interface HandoverGroup {
  readonly goalId: string
  readonly stepIds: readonly string[]
}

/**
 * The open goals of the plan with their open steps, in the plan's order (areas, then goals, then
 * steps). A goal is open unless it is reached or let go as the plan shows it (`goalStatusShown`:
 * all steps done reads as reached); a step is open until done. A goal whose area is gone is left
 * out, and so are the steps of a goal that is not open: letting a goal go lets its steps go.
 */
export function handoverGroups(
  areaOrder: readonly string[],
  goals: readonly GoalForHandover[],
  steps: readonly StepForHandover[],
): HandoverGroup[] {
  const areaIndex = new Map(areaOrder.map((id, index) => [id, index]))
  return sortByOrder(goals)
    .filter((goal) => areaIndex.has(goal.focusAreaId))
    .filter((goal) => {
      const shown = goalStatusShown(goal.status, goalProgress(goal, steps))
      return shown !== 'reached' && shown !== 'letGo'
    })
    .sort((a, b) => (areaIndex.get(a.focusAreaId) ?? 0) - (areaIndex.get(b.focusAreaId) ?? 0))
    .map((goal) => ({
      goalId: goal.id,
      stepIds: sortByOrder(
        steps.filter((step) => step.goalId === goal.id && !step.deleted && !step.done),
      ).map((step) => step.id),
    }))
}

/** The groups as the flat list of open things `unownedThings` reads. */
export function openThingsOf(groups: readonly HandoverGroup[]): OpenThing[] {
  return groups.flatMap((group): OpenThing[] => [
    { kind: 'goal', id: group.goalId },
    ...group.stepIds.map((id): OpenThing => ({ kind: 'subGoal', id, goalId: group.goalId })),
  ])
}

/**
 * The line about a goal or step, if she has started one. Two devices can each have started one
 * (a merge keeps both): the one with an owner wins, then the later one, so an owner once given
 * never disappears from the screen.
 */
export function lineAbout<L extends HandoverLine & { readonly updatedAt: string }>(
  lines: readonly L[],
  subject: { readonly kind: 'goal' | 'subGoal'; readonly id: string },
): L | undefined {
  const about = lines.filter((line) => line.about.kind === subject.kind && line.about.id === subject.id)
  return about.sort(
    (a, b) => Number(b.owner !== null) - Number(a.owner !== null) || (b.updatedAt > a.updatedAt ? 1 : -1),
  )[0]
}

/** The plan's tree as `linesInPlanOrder` reads it. */
export interface PlanTreeOrder {
  readonly focusAreas: readonly Pick<FocusArea, 'id' | 'order' | 'deleted'>[]
  readonly goals: readonly Pick<Goal, 'id' | 'focusAreaId' | 'order' | 'deleted'>[]
  readonly subGoals: readonly Pick<SubGoal, 'id' | 'goalId' | 'order' | 'deleted'>[]
}

/**
 * Handover lines in the order the plan shows its things, as the ending screen and the summary
 * list them: area by area, each goal followed by its steps; then the support needs, oldest
 * first; last, lines about something no longer in the plan. Lines about the same thing keep the
 * older first. (Stored records come in no particular order.)
 */
export function linesInPlanOrder<L extends Pick<HandoverItem, 'about' | 'createdAt'>>(
  lines: readonly L[],
  tree: PlanTreeOrder,
): L[] {
  const live = <T extends { readonly deleted: boolean }>(items: readonly T[]) =>
    items.filter((item) => !item.deleted)
  const rank = new Map<string, number>()
  for (const area of sortByOrder(live(tree.focusAreas)))
    for (const goal of sortByOrder(live(tree.goals).filter((goal) => goal.focusAreaId === area.id))) {
      rank.set(goal.id, rank.size)
      for (const step of sortByOrder(live(tree.subGoals).filter((step) => step.goalId === goal.id)))
        rank.set(step.id, rank.size)
    }
  // Things of the plan first (by rank), then needs, then lines whose thing has gone.
  const key = (line: L): number =>
    line.about.kind === 'need' ? rank.size : (rank.get(line.about.id) ?? rank.size + 1)
  return [...lines].sort(
    (a, b) => key(a) - key(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0),
  )
}

// ---------------------------------------------------------------------------------------------
// One line's form

/** Who takes over, as the form asks it: no one yet, or one of the three kinds of owner. */
export const ownerChoices = ['none', 'contact', 'self', 'service'] as const
export type OwnerChoice = (typeof ownerChoices)[number]

/** What the line form holds while she types. */
export interface HandoverLineDraft {
  readonly owner: OwnerChoice
  readonly contactId: string
  readonly serviceName: string
  readonly from: string
  readonly status: HandoverStatus
  readonly notes: string
}

/** The fields of a handover line the form may have a problem with. */
export type HandoverLineField = 'contactId' | 'serviceName' | 'from' | 'notes'

/** The checked values of a line form. */
export interface HandoverLineFields {
  readonly owner: HandoverOwner | null
  readonly from: CivilDate | undefined
  readonly status: HandoverStatus
  readonly notes: string | undefined
}

/** The form's draft of a stored line (or of none yet). */
export function draftOfLine(
  line:
    | (Pick<HandoverLine, 'owner' | 'status'> & { readonly from?: string; readonly notes?: string })
    | undefined,
): HandoverLineDraft {
  const owner = line?.owner ?? null
  return {
    owner: owner === null ? 'none' : owner.kind,
    contactId: owner?.kind === 'contact' ? owner.contactId : '',
    serviceName: owner?.kind === 'service' ? owner.name : '',
    from: line?.from ?? '',
    status: line?.status ?? 'notDiscussed',
    notes: line?.notes ?? '',
  }
}

/** Checks a line form: a chosen contact, a service's name, a real date, notes that fit. */
export function checkHandoverLine(
  draft: HandoverLineDraft,
): FormCheck<HandoverLineFields, HandoverLineField> {
  const problems: Partial<Record<HandoverLineField, FieldProblem>> = {}
  if (draft.owner === 'contact' && draft.contactId === '') problems.contactId = 'required'
  if (draft.owner === 'service') {
    const problem = requiredTextProblem(draft.serviceName, TEXT_LIMITS.shortText)
    if (problem !== null) problems.serviceName = problem
  }
  const dateProblem = optionalDateProblem(draft.from)
  if (dateProblem !== null) problems.from = dateProblem
  if (draft.notes.length > TEXT_LIMITS.longText) problems.notes = 'tooLong'
  return formResult(problems, () => ({
    owner: ownerOf(draft),
    from: draft.from === '' ? undefined : (draft.from as CivilDate),
    status: draft.status,
    notes: draft.notes.trim() === '' ? undefined : draft.notes,
  }))
}

function ownerOf(draft: HandoverLineDraft): HandoverOwner | null {
  switch (draft.owner) {
    case 'none':
      return null
    case 'self':
      return { kind: 'self' }
    case 'contact':
      return { kind: 'contact', contactId: draft.contactId }
    case 'service':
      return { kind: 'service', name: draft.serviceName.trim() }
  }
}

/** A support need in her own words: 1–200 characters. */
export function checkNeedText(text: string): FormCheck<string, 'text'> {
  const problem = requiredTextProblem(text, TEXT_LIMITS.shortText)
  return formResult(problem === null ? {} : { text: problem }, () => text.trim())
}

// ---------------------------------------------------------------------------------------------
// The long-term plan and the final network meeting

/** What the long-term plan's form holds while she types. */
export interface HandoverPlanDraft {
  readonly longTerm: string
  readonly meetingDate: string
  readonly meetingTime: string
  /** Contact ids of the people invited. */
  readonly invited: readonly string[]
  readonly agenda: string
}

export type HandoverPlanField = 'longTerm' | 'meetingDate' | 'meetingTime' | 'agenda'

/** The stored long-term plan and meeting (the plan's `handover` field). */
export interface HandoverPlanFields {
  readonly longTerm?: string
  readonly meeting?: {
    readonly date?: CivilDate
    readonly time?: string
    /** Mutable, as the plan schema's array is: the checked value is stored as it is. */
    invited: string[]
    readonly agenda?: string
  }
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/

/** The form's draft of the stored fields. */
export function draftOfHandoverPlan(stored: HandoverPlanFields | undefined): HandoverPlanDraft {
  return {
    longTerm: stored?.longTerm ?? '',
    meetingDate: stored?.meeting?.date ?? '',
    meetingTime: stored?.meeting?.time ?? '',
    invited: stored?.meeting?.invited ?? [],
    agenda: stored?.meeting?.agenda ?? '',
  }
}

/**
 * Checks the long-term plan and meeting form. A time needs a date; invited people are kept only
 * when they may be invited (`allowedInvitees`: the outward contacts, never a private one), so a
 * contact made private since cannot stay on the list.
 */
export function checkHandoverPlan(
  draft: HandoverPlanDraft,
  allowedInvitees: ReadonlySet<string>,
): FormCheck<HandoverPlanFields, HandoverPlanField> {
  const problems: Partial<Record<HandoverPlanField, FieldProblem>> = {}
  if (draft.longTerm.length > TEXT_LIMITS.longText) problems.longTerm = 'tooLong'
  if (draft.agenda.length > TEXT_LIMITS.longText) problems.agenda = 'tooLong'
  const dateProblem = optionalDateProblem(draft.meetingDate)
  if (dateProblem !== null) problems.meetingDate = dateProblem
  if (draft.meetingTime !== '' && !TIME_OF_DAY.test(draft.meetingTime)) problems.meetingTime = 'invalidTime'
  else if (draft.meetingTime !== '' && draft.meetingDate === '') problems.meetingTime = 'timeNeedsDate'
  return formResult(problems, () => {
    const invited = [...new Set(draft.invited)].filter((id) => allowedInvitees.has(id))
    const longTerm = draft.longTerm.trim() === '' ? undefined : draft.longTerm
    const agenda = draft.agenda.trim() === '' ? undefined : draft.agenda
    const hasMeeting = draft.meetingDate !== '' || invited.length > 0 || agenda !== undefined
    return {
      ...(longTerm === undefined ? {} : { longTerm }),
      ...(hasMeeting
        ? {
            meeting: {
              ...(draft.meetingDate === '' ? {} : { date: draft.meetingDate as CivilDate }),
              ...(draft.meetingTime === '' ? {} : { time: draft.meetingTime }),
              invited,
              ...(agenda === undefined ? {} : { agenda }),
            },
          }
        : {}),
    }
  })
}

/**
 * The final network meeting as a calendar event, or null without a date. Neutral like the
 * activities' files (`activityToIcs`): the calendar shows only the neutral title, no place, no
 * names, no agenda — a calendar is often synced or shown on a lock screen. Two hours long.
 */
export function meetingCalendarEvent(
  meeting: HandoverPlanFields['meeting'],
  options: NeutralEventOptions,
): IcsActivityInput | null {
  if (meeting?.date === undefined) return null
  return neutralMeetingEvent({ date: meeting.date, time: meeting.time }, 120, options)
}
