/**
 * The worker's visit log (issue #15 item 4): the stage a visit falls in, the time used per
 * phase, the 4:2:1 guide to compare it with, the order of the list, and the checks of the form.
 *
 * **The stage** of a visit is her course stage on the visit's day, from the plan record she
 * shares (the phase engine, `planCourseOn`; never phase arithmetic of its own). It is computed
 * when the visit is logged and stored in the visit, so the log keeps its meaning after her shared
 * plan is erased at the end of access. Before day 1 of the contact period, after the course's
 * end, without a shared plan or with a plan whose dates break a rule, it is null: the worker
 * may then choose it by hand (the form's select), since nothing in her copy says otherwise.
 *
 * **The guide** (`intensityWeights`, 4:2:1, "halving at each phase change") is about how
 * contact falls from phase to phase, not about a budget: nothing in the method fixes the hours
 * of phase 1. So the guide of a phase is set by the time the worker really used in phase 1:
 * phase 1's guide is its own time, phase 2's is half of it, phase 3's a quarter
 * (`phase1 × weight(n) / weight(1)`). Only phases her course has reached get a guide (a phase
 * not begun has none, not a zero); while phase 1 has no time logged there is no guide at all,
 * rather than a made-up one. A phase still running is marked so: its guide is for the whole
 * phase, and time so far naturally falls short of it. The contact period and visits of unknown
 * stage are counted apart and never enter the guide.
 *
 * The chart informs, it never scolds: a crisis calls for more time for a while (the method's
 * "temporary increases in a crisis"), so more than the guide is never called wrong here.
 *
 * Pure: records, visits and today come in as arguments.
 */
import { isCivilDate, type CivilDate } from './civilDate'
import { planCourseOn } from './course'
import { intensityWeights } from './intensity'
import { EARLIEST_COURSE_DATE, phaseOfStage, type PhaseNumber } from './phases'
import type { Direction } from './chartGeometry'
import type { ShareableRecord } from './sharing'
import { TEXT_LIMITS, optionalText } from './planForms'
import type { CourseStage, Plan, WorkerVisit, WorkerVisitMode } from '@/schemas'

/** Most minutes one visit can take: a whole day (the schema's `MAX_VISIT_MINUTES`; a test keeps them in step). */
export const VISIT_MINUTES_MAX = 1440

/** The stages a visit can be logged in (the schema's `courseStages`; a test keeps them in step). */
const VISIT_STAGES: readonly string[] = ['contact', 'phase1', 'phase2', 'phase3'] satisfies CourseStage[]

/** The live plan record of a worker's copy, if she shares it. */
function sharedPlan(records: readonly ShareableRecord[]): Plan | null {
  return records.find((record): record is Plan => record.kind === 'plan' && !record.deleted) ?? null
}

/**
 * Her course stage on `date` from the plan in the worker's copy, or null when the copy cannot
 * say (no shared plan, no day 1 yet, broken dates, before the course or after its end).
 */
export function stageOnDate(records: readonly ShareableRecord[], date: CivilDate): CourseStage | null {
  const result = planCourseOn(sharedPlan(records), date)
  if (!result.ok) return null
  const stage = result.course.stage
  return isCourseStage(stage) ? stage : null
}

function isCourseStage(stage: string): stage is CourseStage {
  return VISIT_STAGES.includes(stage)
}

/** How far her course has come on a day. */
export interface CourseReach {
  /** The phases reached (0–3). */
  readonly reached: 0 | PhaseNumber
  /** The phase running on the day, or null when none is or her copy cannot say. */
  readonly running: PhaseNumber | null
}

/**
 * How far her course has come on `today`: from her shared plan when the copy has one; otherwise
 * the highest phase of a logged visit (what the worker knows), with no phase known to be running.
 */
export function courseReach(
  records: readonly ShareableRecord[],
  visits: readonly Pick<WorkerVisit, 'stage'>[],
  today: CivilDate,
): CourseReach {
  const result = planCourseOn(sharedPlan(records), today)
  if (result.ok) {
    const stage = result.course.stage
    if (stage === 'ended') return { reached: 3, running: null }
    const phase = phaseOfStage(stage)
    return { reached: phase ?? 0, running: phase }
  }
  let highest: 0 | PhaseNumber = 0
  for (const visit of visits) {
    const phase = visit.stage === null ? null : phaseOfStage(visit.stage)
    if (phase !== null && phase > highest) highest = phase
  }
  return { reached: highest, running: null }
}

/** Visits newest first: by day, then the one logged last first. */
export function visitsNewestFirst<V extends Pick<WorkerVisit, 'date' | 'createdAt' | 'id'>>(
  visits: readonly V[],
): V[] {
  return [...visits].sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? 1 : -1
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
  })
}

/**
 * The last visit with her for the caseload (issue #15 item 2): the newest one on or before
 * `today` (a visit dated ahead, from a phone whose clock ran ahead, is not "the last" yet), its
 * day and how it happened; null when none is logged.
 */
export function lastVisit(
  visits: readonly Pick<WorkerVisit, 'date' | 'mode' | 'createdAt' | 'id'>[],
  today: CivilDate,
): { readonly date: CivilDate; readonly mode: WorkerVisitMode } | null {
  const last = visitsNewestFirst(visits.filter((visit) => visit.date <= today))[0]
  return last === undefined ? null : { date: last.date, mode: last.mode }
}

/** Minutes used by stage; `unknown` holds visits whose stage is not known. */
export interface TimeByStage {
  readonly contact: number
  readonly phase1: number
  readonly phase2: number
  readonly phase3: number
  readonly unknown: number
  /** Every minute logged. */
  readonly total: number
}

/** Adds up the minutes of `visits` by their stage. */
export function timeByStage(visits: readonly Pick<WorkerVisit, 'minutes' | 'stage'>[]): TimeByStage {
  const sums = { contact: 0, phase1: 0, phase2: 0, phase3: 0, unknown: 0 }
  for (const visit of visits) sums[visit.stage ?? 'unknown'] += visit.minutes
  return { ...sums, total: sums.contact + sums.phase1 + sums.phase2 + sums.phase3 + sums.unknown }
}

/** One phase of the 4:2:1 comparison. */
export interface PhaseTime {
  readonly phase: PhaseNumber
  /** Minutes logged in the phase. */
  readonly used: number
  /** Minutes the 4:2:1 guide suggests for the whole phase, or null where there is none (see the module comment). */
  readonly guide: number | null
  /** Her course has reached this phase. */
  readonly reached: boolean
  /** The phase is running now: time so far is not the whole phase's. */
  readonly running: boolean
}

/** Time used in each phase beside the 4:2:1 guide, from phase 1's real time (module comment). */
export function phaseTimes(time: TimeByStage, reach: CourseReach): PhaseTime[] {
  const anchor = time.phase1
  return ([1, 2, 3] as const).map((phase) => {
    const isReached = phase <= reach.reached
    const guide =
      isReached && anchor > 0 ? Math.round((anchor * intensityWeights[phase]) / intensityWeights[1]) : null
    return {
      phase,
      used: time[`phase${phase}`],
      guide,
      reached: isReached,
      running: phase === reach.running,
    }
  })
}

/** Whole hours and the minutes left over, for saying a time in words ("2 t 30 min"). */
export function hoursAndMinutes(minutes: number): { readonly hours: number; readonly minutes: number } {
  const whole = Math.max(0, Math.round(minutes))
  return { hours: Math.floor(whole / 60), minutes: whole % 60 }
}

// ---------------------------------------------------------------------------------------------
// The chart

/** One bar of the chart, in SVG coordinates (y downwards). */
export interface ChartBar {
  readonly phase: PhaseNumber
  readonly series: 'used' | 'guide'
  readonly minutes: number
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  /** Where the bar's value is written: centred above it. */
  readonly labelX: number
  readonly labelY: number
}

/** The chart's layout: a group of bars per phase along the reading direction. */
export interface PhaseChartLayout {
  readonly bars: readonly ChartBar[]
  /** Where each phase's name is written, centred under its group. */
  readonly groups: readonly { readonly phase: PhaseNumber; readonly x: number }[]
}

/**
 * Lays out the bars: per phase the time used and, beside it, the guide (where there is one),
 * phase 1 first in reading direction (at the right in Arabic, Persian and Urdu), heights to one
 * scale whose top is the largest value. The plot runs from 0,0 to `width`,`height`; labels above
 * a bar need `labelRoom` free at the top.
 */
export function phaseChartLayout(
  phases: readonly PhaseTime[],
  direction: Direction,
  width: number,
  height: number,
  labelRoom = 18,
): PhaseChartLayout {
  const top = Math.max(1, ...phases.flatMap((phase) => [phase.used, phase.guide ?? 0]))
  const scale = (height - labelRoom) / top
  const groupWidth = width / phases.length
  const barWidth = groupWidth * 0.34
  const gap = groupWidth * 0.04
  const mirror = (x: number, w: number) => (direction === 'ltr' ? x : width - x - w)
  const bars: ChartBar[] = []
  const groups = phases.map((phase, index) => {
    const groupStart = index * groupWidth
    const centre = groupStart + groupWidth / 2
    const entries: { series: ChartBar['series']; minutes: number; x: number }[] = [
      { series: 'used', minutes: phase.used, x: centre - gap / 2 - barWidth },
    ]
    if (phase.guide !== null) entries.push({ series: 'guide', minutes: phase.guide, x: centre + gap / 2 })
    else entries[0] = { series: 'used', minutes: phase.used, x: centre - barWidth / 2 }
    for (const entry of entries) {
      const barHeight = entry.minutes * scale
      const x = mirror(entry.x, barWidth)
      bars.push({
        phase: phase.phase,
        series: entry.series,
        minutes: entry.minutes,
        x,
        y: height - barHeight,
        width: barWidth,
        height: barHeight,
        labelX: x + barWidth / 2,
        labelY: height - barHeight - 4,
      })
    }
    return { phase: phase.phase, x: mirror(centre, 0) }
  })
  return { bars, groups }
}

// ---------------------------------------------------------------------------------------------
// The form

/** What the visit form holds: plain strings from the fields. */
export interface VisitDraft {
  /** `YYYY-MM-DD` or ''. */
  readonly date: string
  /** Whole minutes as typed. */
  readonly minutes: string
  readonly mode: WorkerVisitMode | null
  readonly place: string
  /** The stage chosen by hand ('' for not known); used only when her copy cannot say. */
  readonly stage: CourseStage | ''
}

/** The form's fields that can have a problem. */
export type VisitField = 'date' | 'minutes' | 'mode' | 'place'

/** What can be wrong with one of the form's fields. */
export type VisitProblem =
  'required' | 'invalidDate' | 'dateInFuture' | 'dateTooEarly' | 'wholeMinutes' | 'minutesRange' | 'tooLong'

/** The visit's fields to store (the store adds the citizen, identity and stamps). */
export interface VisitFields {
  readonly date: CivilDate
  readonly minutes: number
  readonly mode: WorkerVisitMode
  readonly place?: string
  readonly stage: CourseStage | null
}

/** The values to save, or the problems per field (at least one). */
export type VisitFormCheck =
  | { readonly ok: true; readonly value: VisitFields }
  | { readonly ok: false; readonly problems: Readonly<Partial<Record<VisitField, VisitProblem>>> }

/** An empty form for a visit on `today`. */
export function emptyVisitDraft(today: CivilDate): VisitDraft {
  return { date: today, minutes: '', mode: null, place: '', stage: '' }
}

/** The form filled from a saved visit. */
export function draftOfVisit(visit: WorkerVisit): VisitDraft {
  return {
    date: visit.date,
    minutes: String(visit.minutes),
    mode: visit.mode,
    place: visit.place ?? '',
    stage: visit.stage ?? '',
  }
}

const WHOLE_NUMBER = /^\d+$/

/**
 * Checks the form on `today`: a day that exists and is not in the future, whole minutes from 1
 * to a day's 1440, a kind of contact, a place of at most 200 characters. The stage is her copy's
 * for the day (`stageOf`), or, where it cannot say, the one chosen by hand.
 */
export function checkVisitForm(
  draft: VisitDraft,
  today: CivilDate,
  stageOf: (date: CivilDate) => CourseStage | null,
): VisitFormCheck {
  const problems: Partial<Record<VisitField, VisitProblem>> = {}
  const date = draft.date.trim()
  if (date === '') problems.date = 'required'
  else if (!isCivilDate(date)) problems.date = 'invalidDate'
  else if (date > today) problems.date = 'dateInFuture'
  else if (date < EARLIEST_COURSE_DATE) problems.date = 'dateTooEarly'

  const minutesText = draft.minutes.trim()
  const minutes = Number(minutesText)
  if (minutesText === '') problems.minutes = 'required'
  else if (!WHOLE_NUMBER.test(minutesText)) problems.minutes = 'wholeMinutes'
  else if (minutes < 1 || minutes > VISIT_MINUTES_MAX) problems.minutes = 'minutesRange'

  if (draft.mode === null) problems.mode = 'required'
  if (draft.place.trim().length > TEXT_LIMITS.shortText) problems.place = 'tooLong'

  if (Object.keys(problems).length > 0 || draft.mode === null || !isCivilDate(date))
    return { ok: false, problems }
  const stage = stageOf(date) ?? (draft.stage === '' ? null : draft.stage)
  const place = optionalText(draft.place)
  const fields: VisitFields = { date, minutes, mode: draft.mode, stage }
  return { ok: true, value: place === undefined ? fields : { ...fields, place } }
}

/**
 * The saved visit changed to hold exactly `fields`: a place the form left empty is removed.
 * Built from the record's identity fields plus the form's, so no stale optional field survives.
 */
export function withVisitFields(visit: WorkerVisit, fields: VisitFields): WorkerVisit {
  const { id, kind, createdAt, updatedAt, author, deleted, shared, citizen } = visit
  return { id, kind, createdAt, updatedAt, author, deleted, shared, citizen, ...fields }
}
