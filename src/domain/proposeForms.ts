/**
 * Checks of what the worker types into a proposal (issue #15 item 3, the worker's side), before
 * the proposal is made: the fields a proposal may change, checked by her own forms' rules
 * (`planForms.ts`, `activityForm.ts`), so a proposal she accepts always makes a valid record.
 * Each check returns the fields to propose (`wanted` for an edit, compared with the copy by
 * `editProposal`; `fields` for a new record) or one problem per form field.
 */
import { checkActivityForm, draftOfActivity, emptyActivityDraft } from './activityForm'
import {
  formResult,
  optionalTextProblem,
  requiredTextProblem,
  TEXT_LIMITS,
  type FieldProblem,
  type FormCheck,
} from './planForms'
import type { FieldValue } from './proposals'
import type { Activity, Proposal, SubGoal, TrinRecord } from '@/schemas'

/** The fields of a proposal form; `comment` is the worker's word to her. */
export type ProposeField = 'title' | 'date' | 'time' | 'place' | 'text' | 'comment'

/** What the worker typed (every field a string, empty for none). */
export interface ProposeDraft {
  readonly title: string
  readonly done: boolean
  readonly date: string
  readonly time: string
  readonly place: string
  readonly text: string
  readonly comment: string
}

/** The fields to propose and the comment (trimmed; undefined when empty). */
export interface ProposeValue {
  readonly fields: Readonly<Record<string, FieldValue>>
  readonly comment: string | undefined
}

/** The draft a form starts from: the copy's values of the record, or empty. */
export function proposeDraftOf(record?: SubGoal | Activity): ProposeDraft {
  const empty = { title: '', done: false, date: '', time: '', place: '', text: '', comment: '' }
  if (record === undefined) return empty
  if (record.kind === 'subGoal') return { ...empty, title: record.title, done: record.done }
  return {
    ...empty,
    title: record.title,
    date: record.date ?? '',
    time: record.time ?? '',
    place: record.place ?? '',
  }
}

type Problems = Partial<Record<ProposeField, FieldProblem>>

function commentOf(draft: ProposeDraft, problems: Problems): string | undefined {
  const problem = optionalTextProblem(draft.comment, TEXT_LIMITS.longText)
  if (problem !== null) problems.comment = problem
  return draft.comment.trim() || undefined
}

/** A change of a sub-goal: title and done (undoing "done" clears the day it was done). */
export function checkSubGoalProposal(draft: ProposeDraft): FormCheck<ProposeValue, ProposeField> {
  const problems: Problems = {}
  const title = requiredTextProblem(draft.title, TEXT_LIMITS.shortText)
  if (title !== null) problems.title = title
  const comment = commentOf(draft, problems)
  return formResult(problems, () => ({
    fields: { title: draft.title.trim(), done: draft.done, ...(draft.done ? {} : { doneAt: null }) },
    comment,
  }))
}

/**
 * A change of an activity: title, date, time and place, checked with the rest of the record as
 * her form would (a time needs a date; so does a repeat she set).
 */
export function checkActivityProposal(
  activity: Activity,
  draft: ProposeDraft,
): FormCheck<ProposeValue, ProposeField> {
  const goalIds = new Set(activity.goalId === undefined ? [] : [activity.goalId])
  const full = {
    ...draftOfActivity(activity, goalIds),
    title: draft.title,
    date: draft.date,
    time: draft.time,
    place: draft.place,
  }
  const checked = checkActivityForm(full, goalIds)
  const problems: Problems = {}
  if (!checked.ok) {
    for (const field of ['title', 'date', 'time', 'place'] as const) {
      const problem = checked.problems[field]
      if (problem !== undefined) problems[field] = problem
    }
    if (checked.problems.repeat !== undefined) problems.date = checked.problems.repeat
  }
  const comment = commentOf(draft, problems)
  if (!checked.ok) return { ok: false, problems }
  return formResult(problems, () => ({
    fields: {
      title: checked.value.title,
      date: checked.value.date ?? null,
      time: checked.value.time ?? null,
      place: checked.value.place ?? null,
    },
    comment,
  }))
}

/** A new activity for one of her goals: a title and, if the worker knows it, a date. */
export function checkNewActivityProposal(
  goalId: string,
  draft: ProposeDraft,
): FormCheck<ProposeValue, ProposeField> {
  const checked = checkActivityForm(
    { ...emptyActivityDraft(goalId), title: draft.title, date: draft.date },
    new Set([goalId]),
  )
  const problems: Problems = {}
  if (!checked.ok) {
    if (checked.problems.title !== undefined) problems.title = checked.problems.title
    if (checked.problems.date !== undefined) problems.date = checked.problems.date
  }
  const comment = commentOf(draft, problems)
  if (!checked.ok) return { ok: false, problems }
  return formResult(problems, () => ({ fields: { ...checked.value }, comment }))
}

/** A note to her about one of her goals. */
export function checkNoteProposal(
  goalId: string,
  draft: ProposeDraft,
): FormCheck<ProposeValue, ProposeField> {
  const problems: Problems = {}
  const text = requiredTextProblem(draft.text, TEXT_LIMITS.longText)
  if (text !== null) problems.text = text
  return formResult(problems, () => ({
    fields: { text: draft.text.trim(), target: { kind: 'goal', id: goalId } },
    comment: undefined,
  }))
}

/** What a proposal is, as the worker's list names it. */
export type ProposalWhat = 'editSubGoal' | 'editActivity' | 'newActivity' | 'newNote' | 'newRating' | 'other'

/** How the worker's list shows a proposal: what it is, and her record's title (or the note's text). */
export function describeProposal(
  proposal: Proposal,
  records: readonly TrinRecord[],
): { readonly what: ProposalWhat; readonly title: string } {
  const changes = proposal.changes
  const text = (value: FieldValue | undefined): string => (typeof value === 'string' ? value : '')
  const target = records.find((record) => record.id === proposal.target.id)
  const targetTitle =
    target !== undefined && 'title' in target && typeof target.title === 'string' ? target.title : ''
  const isNew = proposal.baseUpdatedAt === null
  const kind = proposal.target.kind
  if (!isNew && kind === 'subGoal') return { what: 'editSubGoal', title: targetTitle || text(changes.title) }
  if (!isNew && kind === 'activity')
    return { what: 'editActivity', title: targetTitle || text(changes.title) }
  if (isNew && kind === 'activity') return { what: 'newActivity', title: text(changes.title) }
  if (isNew && kind === 'note') return { what: 'newNote', title: text(changes.text) }
  if (isNew && kind === 'rating') return { what: 'newRating', title: '' }
  return { what: 'other', title: targetTitle }
}
