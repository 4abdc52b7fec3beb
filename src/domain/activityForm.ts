/**
 * The activity form: what it holds, the checks before saving, how a saved activity is
 * changed by it, and the calendar event made from an activity.
 *
 * Rules, and why:
 * - A time needs a date, and so does a repeat: "every week at 10:00" has to start somewhere.
 * - Who helps is a person reference (schemas/base.ts `personRef`): today a free name; once the
 *   support network exists, a contact. The form keeps a contact reference it cannot show yet
 *   untouched, so a later contact picker slots in without changing stored data.
 * - Clearing a field clears it in the record: the saved activity holds exactly the form.
 */
import { isCivilDate, type CivilDate } from './civilDate'
import { fittingReminder, type CalendarReminder, type IcsActivityInput } from './ics'
import {
  formResult,
  optionalDateProblem,
  optionalText,
  optionalTextProblem,
  requiredTextProblem,
  TEXT_LIMITS,
  type FieldProblem,
  type FormCheck,
} from './planForms'
import type { Activity, PersonRef } from '@/schemas'

/** Who helps, as the form holds it. */
export type HelperDraft =
  { readonly kind: 'name'; readonly name: string } | { readonly kind: 'contact'; readonly contactId: string }

/** What the activity form holds: plain strings from the fields. */
export interface ActivityDraft {
  readonly title: string
  /** The goal's id, or '' for none. */
  readonly goalId: string
  /** `YYYY-MM-DD` or ''. */
  readonly date: string
  /** `HH:MM` or ''. */
  readonly time: string
  readonly repeat: Activity['repeat']
  readonly place: string
  readonly helper: HelperDraft
  readonly priority: Activity['priority']
  readonly done: boolean
}

/** The form's fields that can have a problem. */
export type ActivityField = 'title' | 'goalId' | 'date' | 'time' | 'repeat' | 'place' | 'helper'

/** The activity fields the form decides (the store adds identity and stamps). */
export interface ActivityFields {
  readonly title: string
  readonly goalId?: string
  readonly date?: Activity['date']
  readonly time?: string
  readonly repeat: Activity['repeat']
  readonly place?: string
  readonly helper?: PersonRef
  readonly priority: Activity['priority']
  readonly done: boolean
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/

/** An empty form: one-off, needed now, not done. */
export function emptyActivityDraft(goalId = ''): ActivityDraft {
  return {
    title: '',
    goalId,
    date: '',
    time: '',
    repeat: 'none',
    place: '',
    helper: { kind: 'name', name: '' },
    priority: 'now',
    done: false,
  }
}

/**
 * The form filled from a saved activity. A goal that is no longer among `liveGoalIds` (it was
 * deleted) is left out, so the form cannot show a choice that does not exist.
 */
export function draftOfActivity(activity: Activity, liveGoalIds: ReadonlySet<string>): ActivityDraft {
  const helper = activity.helper
  return {
    title: activity.title,
    goalId: activity.goalId !== undefined && liveGoalIds.has(activity.goalId) ? activity.goalId : '',
    date: activity.date ?? '',
    time: activity.time ?? '',
    repeat: activity.repeat,
    place: activity.place ?? '',
    helper:
      helper === undefined
        ? { kind: 'name', name: '' }
        : 'contactId' in helper
          ? { kind: 'contact', contactId: helper.contactId }
          : { kind: 'name', name: helper.name },
    priority: activity.priority,
    done: activity.done,
  }
}

function helperOf(draft: HelperDraft): PersonRef | undefined {
  if (draft.kind === 'contact') return { contactId: draft.contactId }
  const name = optionalText(draft.name)
  return name === undefined ? undefined : { name }
}

/**
 * Checks the form. `liveGoalIds` are the goals that can be chosen; a goal id outside them is
 * refused ('unknownGoal'), e.g. when the goal was deleted while the form was open.
 */
export function checkActivityForm(
  draft: ActivityDraft,
  liveGoalIds: ReadonlySet<string>,
): FormCheck<ActivityFields, ActivityField> {
  const problems: Partial<Record<ActivityField, FieldProblem>> = {}
  const set = (field: ActivityField, problem: FieldProblem | null): void => {
    if (problem !== null) problems[field] = problem
  }
  set('title', requiredTextProblem(draft.title, TEXT_LIMITS.shortText))
  set('goalId', draft.goalId === '' || liveGoalIds.has(draft.goalId) ? null : 'unknownGoal')
  set('date', optionalDateProblem(draft.date))
  if (draft.time !== '' && !TIME_OF_DAY.test(draft.time)) set('time', 'invalidTime')
  else if (draft.time !== '' && draft.date === '') set('time', 'timeNeedsDate')
  if (draft.repeat !== 'none' && draft.date === '') set('repeat', 'repeatNeedsDate')
  set('place', optionalTextProblem(draft.place, TEXT_LIMITS.shortText))
  if (draft.helper.kind === 'name')
    set('helper', optionalTextProblem(draft.helper.name, TEXT_LIMITS.personName))

  return formResult(problems, () => {
    const fields: { -readonly [K in keyof ActivityFields]: ActivityFields[K] } = {
      title: draft.title.trim(),
      repeat: draft.repeat,
      priority: draft.priority,
      done: draft.done,
    }
    if (draft.goalId !== '') fields.goalId = draft.goalId
    if (isCivilDate(draft.date)) fields.date = draft.date
    if (draft.time !== '') fields.time = draft.time
    const place = optionalText(draft.place)
    if (place !== undefined) fields.place = place
    const helper = helperOf(draft.helper)
    if (helper !== undefined) fields.helper = helper
    return fields
  })
}

/**
 * The saved activity changed to hold exactly `fields`: a field the form left empty is removed.
 * Built from the record's own identity fields plus the form's, so no stale optional field can
 * survive a spread; a new schema field must be added here (the type checker asks for a required one).
 */
export function withActivityFields(activity: Activity, fields: ActivityFields): Activity {
  const { id, kind, createdAt, updatedAt, author, deleted, shared } = activity
  return { id, kind, createdAt, updatedAt, author, deleted, shared, ...fields }
}

/** How the calendar event is made. */
export interface CalendarOptions {
  /** Show the activity's own title and place; otherwise only the neutral title. */
  readonly showDetails: boolean
  /** The neutral title in the citizen's language ("Aftale", "Appointment"). */
  readonly neutralTitle: string
  /** The reminder chosen; one an all-day activity cannot have becomes the evening before. */
  readonly reminder: CalendarReminder
  /** The course's last day, where a repeat that must list its dates ends; null when unknown. */
  readonly courseEnd: CivilDate | null
  readonly now: Date
  readonly productName: string
}

/**
 * The calendar event for an activity, or null when it has no date (a calendar needs a day).
 * By default it says only the neutral title: a calendar is often synced, shared or shown on a
 * lock screen, and the place can tell as much as the title ("the shelter"). The citizen can
 * choose, per download, to show the title and place.
 */
export function calendarEventOf(activity: Activity, options: CalendarOptions): IcsActivityInput | null {
  if (activity.date === undefined) return null
  return {
    uid: activity.id,
    title: options.showDetails ? activity.title : options.neutralTitle,
    date: activity.date,
    time: activity.time,
    repeat: activity.repeat,
    repeatUntil: options.courseEnd ?? undefined,
    reminder: fittingReminder(options.reminder, activity.time !== undefined),
    location: options.showDetails ? activity.place : undefined,
    now: options.now,
    productName: options.productName,
  }
}
