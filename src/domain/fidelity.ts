/**
 * Fidelity reminders on the worker's phone (issue #15 item 5): what the method asks of a course,
 * said gently to the worker as a checklist she may hide — never a verdict on her or the citizen
 * (principle 13: the worker is a sparring partner). Each reminder is a typed value `{ key, facts }`;
 * the screen words it.
 *
 * The rules, per citizen, from the worker's copy of what she shares, the worker's own visit log
 * and today. A rule that lacks what it needs says nothing: no reminder is ever a guess.
 * - **About three focus areas per phase** (seed 002, section 7.4: "cirka tre fokusområder"):
 *   more than `FOCUS_AREAS_GUIDE` of her shared focus areas are marked for the current phase.
 *   Needs the course (her plan record). Shared areas are a lower bound of hers, so more than
 *   three shared is more than three.
 * - **Meetings with her network in phase 1** (seed 004, phase 1: "særligt fokus på at etablere
 *   et støttenetværk"): in phase 1, past its first `NETWORK_GRACE_DAYS` active days, not paused,
 *   and no visit of mode `network` in the log dated in phase 1. Needs the course.
 * - **Contact falling from phase to phase** (CTI-BRIEF "Falling intensity", `intensity.ts`): in
 *   phase 2 or 3, once the current phase has run `COMPARE_AFTER_DAYS` active days, the logged
 *   minutes per week are not below the previous phase's. A crisis may call for more for a while,
 *   so the rule waits, stays quiet while paused, and the message says so. Needs the course and
 *   logged time in the previous phase.
 * - **Ratings every three months**: the rating due by `ratingDue`, the rule her Home and the
 *   caseload card use (`caseloadCard`); only when she shares her ratings.
 * - **The handover agreed a month before the end** (`handover.ts`, `handoverNudge`): from one
 *   calendar month before the last day while open things lack an owner. Needs the course and
 *   her shared handover lines (`caseloadCard`).
 * - **The caseload's size** (`caseloadReminder`, over all pairings): more than `CASELOAD_GUIDE`
 *   active citizens. Seed 000 (section 5): "På hjemløseområdet anbefaler Socialstyrelsen et
 *   caseload på ca. 10 borgere pr. CTI-medarbejder"; seed 004 (4.2.3): "cirka 8-10 kvinder i
 *   forløb ad gangen", fewer when many are in phase 1.
 *
 * Visits belong to a phase by their date, as the course stands now (a pause or restart recorded
 * later moves them where they belong); the stage the log stored at the time is not read.
 *
 * **Dismissal**: `dismissalId` names a reminder by its key and the facts that do not change with
 * the passing days (the phase, the course's dates, her counts) — hidden, it stays hidden until
 * those facts change (a new phase, another number of focus areas, a rating of a later stage).
 *
 * Pure: records, visits and today come in as arguments.
 */
import { addDays, compareCivil, daysBetween, maxCivil, minCivil, type CivilDate } from './civilDate'
import { caseloadCard } from './caseload'
import { planCourseOn } from './course'
import { handoverNudge } from './handover'
import { plannedIntensity } from './intensity'
import { phaseOfStage, type CourseStatus, type DateSpan, type PhaseNumber } from './phases'
import type { RatingStage } from './ratingsDue'
import { liveOfKind, type ShareableRecord } from './sharing'
import { workerPairingStatus } from './workerPairing'

/**
 * A visit of the worker's own log, as these rules need it (the visit log's `workerVisit`
 * record: `citizen` is the workerPairing id).
 */
export interface FidelityVisit {
  readonly citizen: string
  readonly date: CivilDate
  readonly minutes: number
  readonly mode: 'home' | 'phone' | 'network' | 'authority'
  readonly place?: string
  readonly stage: 'contact' | 'phase1' | 'phase2' | 'phase3' | null
}

/** About three focus areas at a time (seed 002, section 7.4). */
export const FOCUS_AREAS_GUIDE = 3
/** Phase 1's first weeks, in active days, before a missing network meeting is mentioned. */
export const NETWORK_GRACE_DAYS = 28
/** Active days a phase runs before its contact is compared with the previous phase's. */
export const COMPARE_AFTER_DAYS = 28
/** About ten citizens per full-time worker (seed 000 section 5; seed 004 4.2.3: 8–10). */
export const CASELOAD_GUIDE = 10
/** Most dismissals kept per pairing; the oldest go first. */
export const MAX_DISMISSED = 50

/** One reminder about one citizen's course. */
export type FidelityReminder =
  | {
      readonly key: 'focusAreas'
      readonly facts: { readonly phase: PhaseNumber; readonly phaseStart: CivilDate; readonly count: number }
    }
  | { readonly key: 'networkMeeting'; readonly facts: { readonly phaseStart: CivilDate } }
  | {
      readonly key: 'contactFalling'
      readonly facts: {
        readonly phase: 2 | 3
        readonly phaseStart: CivilDate
        /** Logged minutes per week in this phase so far, rounded. */
        readonly perWeek: number
        /** Logged minutes per week in the previous phase, rounded. */
        readonly previousPerWeek: number
        /** What 4:2:1 makes of the previous phase's minutes per week, rounded. */
        readonly plannedPerWeek: number
      }
    }
  | {
      readonly key: 'rating'
      readonly facts: {
        readonly stage: RatingStage
        readonly since: CivilDate
        readonly workerMissing: boolean
      }
    }
  | {
      readonly key: 'handover'
      readonly facts: { readonly lastDay: CivilDate; readonly unowned: number; readonly daysLeft: number }
    }

/** The reminder about the worker's caseload as a whole. */
export interface CaseloadReminder {
  readonly key: 'caseloadSize'
  readonly facts: { readonly count: number; readonly guide: number }
}

/** Active (unpaused) days of `span`, both ends inclusive. */
function activeDays(span: DateSpan, course: CourseStatus): number {
  const all = daysBetween(span.start, span.end) + 1
  const paused = course.pauses.reduce((sum, pause) => {
    // A pause's end is the day the clock runs again (exclusive).
    const from = maxCivil(pause.start, span.start)
    const to = minCivil(addDays(pause.end, -1), span.end)
    return sum + Math.max(0, daysBetween(from, to) + 1)
  }, 0)
  return Math.max(0, all - paused)
}

function phaseSpan(course: CourseStatus, phase: PhaseNumber): DateSpan {
  const [one, two, three] = course.phases
  return phase === 1 ? one : phase === 2 ? two : three
}

function within(date: CivilDate, span: DateSpan): boolean {
  return compareCivil(date, span.start) >= 0 && compareCivil(date, span.end) <= 0
}

function minutesIn(visits: readonly FidelityVisit[], span: DateSpan): number {
  return visits.reduce((sum, visit) => (within(visit.date, span) ? sum + visit.minutes : sum), 0)
}

function focusAreasReminder(records: readonly ShareableRecord[], course: CourseStatus): FidelityReminder[] {
  const phase = phaseOfStage(course.stage)
  if (phase === null) return []
  const count = liveOfKind(records, 'focusArea').filter((area) => area.phases.includes(phase)).length
  if (count <= FOCUS_AREAS_GUIDE) return []
  const phaseStart = phaseSpan(course, phase).start
  return [{ key: 'focusAreas', facts: { phase, phaseStart, count } }]
}

function networkReminder(visits: readonly FidelityVisit[], course: CourseStatus): FidelityReminder[] {
  if (course.stage !== 'phase1' || course.paused) return []
  if (course.dayOfCourse === null || course.dayOfCourse <= NETWORK_GRACE_DAYS) return []
  const phaseOne = { start: course.phases[0].start, end: course.on }
  const met = visits.some((visit) => visit.mode === 'network' && within(visit.date, phaseOne))
  return met ? [] : [{ key: 'networkMeeting', facts: { phaseStart: phaseOne.start } }]
}

function contactReminder(visits: readonly FidelityVisit[], course: CourseStatus): FidelityReminder[] {
  if (course.paused || (course.stage !== 'phase2' && course.stage !== 'phase3')) return []
  const phase = course.stage === 'phase2' ? 2 : 3
  const current = { start: phaseSpan(course, phase).start, end: course.on }
  const previous = phaseSpan(course, phase === 2 ? 1 : 2)
  const currentDays = activeDays(current, course)
  const previousDays = activeDays(previous, course)
  if (currentDays < COMPARE_AFTER_DAYS || previousDays === 0) return []
  const previousMinutes = minutesIn(visits, previous)
  if (previousMinutes === 0) return []
  const perWeek = (minutesIn(visits, current) * 7) / currentDays
  const previousPerWeek = (previousMinutes * 7) / previousDays
  // "Not below": a phase that costs as much as the one before. Gentle on purpose: 4:2:1 would
  // halve it, and anything between is left alone.
  if (perWeek < previousPerWeek) return []
  const ratio =
    plannedIntensity(course.stage).weight / plannedIntensity(phase === 2 ? 'phase1' : 'phase2').weight
  return [
    {
      key: 'contactFalling',
      facts: {
        phase,
        phaseStart: current.start,
        perWeek: Math.round(perWeek),
        previousPerWeek: Math.round(previousPerWeek),
        plannedPerWeek: Math.round(previousPerWeek * ratio),
      },
    },
  ]
}

/**
 * The reminders about one citizen's course on `today`, from her shared copy and the worker's
 * visits with her, in the screen's order: the rating, the handover, the focus areas, the
 * network, the contact. Empty when her plan record is not shared or its dates cannot be read.
 */
export function fidelityReminders(
  records: readonly ShareableRecord[],
  visits: readonly FidelityVisit[],
  today: CivilDate,
): FidelityReminder[] {
  const plan = liveOfKind(records, 'plan')[0]
  if (plan === undefined) return []
  const result = planCourseOn(plan, today)
  if (!result.ok) return []
  const { course } = result
  const card = caseloadCard(records, today)
  const reminders: FidelityReminder[] = []
  if (card.ratingDue.shared && card.ratingDue.value !== null) {
    const { stage, since, workerMissing } = card.ratingDue.value
    reminders.push({ key: 'rating', facts: { stage, since, workerMissing } })
  }
  if (card.handover.shared) {
    const nudge = handoverNudge(today, course.courseEnd, card.handover.value.unowned)
    if (nudge.show)
      reminders.push({
        key: 'handover',
        facts: { lastDay: course.courseEnd, unowned: nudge.unowned, daysLeft: nudge.daysLeft },
      })
  }
  reminders.push(
    ...focusAreasReminder(records, course),
    ...networkReminder(visits, course),
    ...contactReminder(visits, course),
  )
  return reminders
}

/**
 * The reminder about the caseload's size, or null: more than `CASELOAD_GUIDE` pairings still
 * active on `today` (an ended pairing is no longer a course the worker carries).
 */
export function caseloadReminder(
  pairings: readonly { readonly endsOn: CivilDate | null }[],
  today: CivilDate,
): CaseloadReminder | null {
  const count = pairings.filter((pairing) => workerPairingStatus(pairing, today).active).length
  return count > CASELOAD_GUIDE ? { key: 'caseloadSize', facts: { count, guide: CASELOAD_GUIDE } } : null
}

/**
 * The name a hidden reminder is kept by: its key and the facts that do not change day by day.
 * The same reminder with other such facts has another name, so it shows again.
 */
export function dismissalId(reminder: FidelityReminder | CaseloadReminder): string {
  switch (reminder.key) {
    case 'focusAreas':
      return `focusAreas:${reminder.facts.phaseStart}:${reminder.facts.phase}:${reminder.facts.count}`
    case 'networkMeeting':
      return `networkMeeting:${reminder.facts.phaseStart}`
    case 'contactFalling':
      return `contactFalling:${reminder.facts.phaseStart}:${reminder.facts.phase}`
    case 'rating':
      return `rating:${reminder.facts.stage}:${reminder.facts.since}`
    case 'handover':
      return `handover:${reminder.facts.lastDay}:${reminder.facts.unowned}`
    case 'caseloadSize':
      return `caseloadSize:${reminder.facts.count}`
  }
}

/** The reminders not hidden. */
export function shownReminders<R extends FidelityReminder | CaseloadReminder>(
  reminders: readonly R[],
  dismissed: readonly string[] | undefined,
): R[] {
  const hidden = new Set(dismissed ?? [])
  return reminders.filter((reminder) => !hidden.has(dismissalId(reminder)))
}

/** The dismissals after hiding `id`: each once, the newest last, at most `MAX_DISMISSED`. */
export function withDismissal(dismissed: readonly string[] | undefined, id: string): string[] {
  return [...(dismissed ?? []).filter((kept) => kept !== id), id].slice(-MAX_DISMISSED)
}
