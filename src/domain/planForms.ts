/**
 * Checks of what the citizen types into the plan's forms (own focus area, goal, sub-goal,
 * note), before anything is saved. Each check returns either the values to store or, per
 * field, one problem code that the UI translates into a plain-language message.
 *
 * The limits are the record schemas' (schemas/base.ts); a test keeps them in step. Checking
 * here first means a person sees "the title is too long" beside the field rather than a
 * storage error.
 */
import { isCivilDate, type CivilDate } from './civilDate'
import { EARLIEST_COURSE_DATE, LATEST_COURSE_DATE } from './phases'
import type { GoalStatus } from '@/schemas'

/** What can be wrong with one field. */
export type FieldProblem =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'dateOutOfRange'
  | 'invalidTime'
  | 'timeNeedsDate'
  | 'repeatNeedsDate'
  | 'duplicate'
  | 'unknownGoal'

/** The values to save, or the problems per field (at least one). */
export type FormCheck<Value, Field extends string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly problems: Readonly<Partial<Record<Field, FieldProblem>>> }

/** Length limits of the record schemas, in UTF-16 code units as `String.length` counts. */
export const TEXT_LIMITS = { shortText: 200, longText: 4000, personName: 120 } as const

/** Builds a result from collected problems. */
export function formResult<Value, Field extends string>(
  problems: Partial<Record<Field, FieldProblem>>,
  value: () => Value,
): FormCheck<Value, Field> {
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, value: value() }
}

/** A required short text (a title): trimmed, then 1–`max` characters. */
export function requiredTextProblem(
  text: string,
  max: number,
): Extract<FieldProblem, 'required' | 'tooLong'> | null {
  const trimmed = text.trim()
  if (trimmed === '') return 'required'
  return trimmed.length > max ? 'tooLong' : null
}

/** An optional short text: empty is fine; otherwise at most `max` characters after trimming. */
export function optionalTextProblem(text: string, max: number): Extract<FieldProblem, 'tooLong'> | null {
  return text.trim().length > max ? 'tooLong' : null
}

/**
 * An optional date from a date field: empty, or a `YYYY-MM-DD` day that exists within the years
 * a plan can use (a day in 9999 would push repeats and reminders past the last day there is).
 */
export function optionalDateProblem(text: string): FieldProblem | null {
  if (text === '') return null
  if (!isCivilDate(text)) return 'invalidDate'
  return text < EARLIEST_COURSE_DATE || text > LATEST_COURSE_DATE ? 'dateOutOfRange' : null
}

/** Trimmed text, or undefined when nothing but spaces was typed. */
export function optionalText(text: string): string | undefined {
  const trimmed = text.trim()
  return trimmed === '' ? undefined : trimmed
}

/**
 * An area in the citizen's own words: a title that is not already one of their own areas
 * (compared without case and surrounding spaces, so "Bolig" and " bolig" are one area).
 */
export function checkOwnAreaTitle(
  title: string,
  existingTitles: readonly string[],
): FormCheck<string, 'title'> {
  const problem = requiredTextProblem(title, TEXT_LIMITS.shortText)
  const normalised = title.trim().toLocaleLowerCase()
  const duplicate = existingTitles.some((existing) => existing.trim().toLocaleLowerCase() === normalised)
  const problems: Partial<Record<'title', FieldProblem>> = {}
  if (problem !== null) problems.title = problem
  else if (duplicate) problems.title = 'duplicate'
  return formResult(problems, () => title.trim())
}

/** What the goal form holds. */
export interface GoalDraft {
  readonly title: string
  /** "Why this matters to me": optional, kept as written (line breaks included). */
  readonly why: string
  readonly status: GoalStatus
}

/** The goal fields to store. */
export interface GoalFields {
  readonly title: string
  readonly why?: string
  readonly status: GoalStatus
}

/** The goal form: a title in the citizen's own words, an optional "why", a status. */
export function checkGoalForm(draft: GoalDraft): FormCheck<GoalFields, 'title' | 'why'> {
  const problems: Partial<Record<'title' | 'why', FieldProblem>> = {}
  const title = requiredTextProblem(draft.title, TEXT_LIMITS.shortText)
  if (title !== null) problems.title = title
  if (draft.why.length > TEXT_LIMITS.longText) problems.why = 'tooLong'
  return formResult(problems, () => {
    const fields: GoalFields = { title: draft.title.trim(), status: draft.status }
    // Long text is stored as written, but a "why" of only spaces is no answer.
    return draft.why.trim() === '' ? fields : { ...fields, why: draft.why }
  })
}

/** What the sub-goal form holds. */
export interface SubGoalDraft {
  readonly title: string
  /** `YYYY-MM-DD` or empty. */
  readonly due: string
}

/** The sub-goal fields to store. */
export interface SubGoalFields {
  readonly title: string
  readonly due?: CivilDate
}

/** The sub-goal form: a small step with an optional date. */
export function checkSubGoalForm(draft: SubGoalDraft): FormCheck<SubGoalFields, 'title' | 'due'> {
  const problems: Partial<Record<'title' | 'due', FieldProblem>> = {}
  const title = requiredTextProblem(draft.title, TEXT_LIMITS.shortText)
  if (title !== null) problems.title = title
  const due = optionalDateProblem(draft.due)
  if (due !== null) problems.due = due
  return formResult(problems, () => {
    const fields: SubGoalFields = { title: draft.title.trim() }
    return isCivilDate(draft.due) ? { ...fields, due: draft.due } : fields
  })
}

/** A note: required, at most the long-text limit, stored as written. */
export function checkNoteForm(text: string): FormCheck<string, 'text'> {
  const problems: Partial<Record<'text', FieldProblem>> = {}
  if (text.trim() === '') problems.text = 'required'
  else if (text.length > TEXT_LIMITS.longText) problems.text = 'tooLong'
  return formResult(problems, () => text)
}

/** The goal changed to hold exactly the form's fields: a "why" left empty is removed. */
export function withGoalFields<G extends { why?: string | undefined; title: string; status: GoalStatus }>(
  goal: G,
  fields: GoalFields,
): G {
  const next: G = { ...goal, title: fields.title, status: fields.status }
  delete next.why
  return fields.why === undefined ? next : { ...next, why: fields.why }
}

/** The sub-goal changed to hold exactly the form's fields: a date left empty is removed. */
export function withSubGoalFields<S extends { due?: CivilDate | undefined; title: string }>(
  subGoal: S,
  fields: SubGoalFields,
): S {
  const next: S = { ...subGoal, title: fields.title }
  delete next.due
  return fields.due === undefined ? next : { ...next, due: fields.due }
}
