import type { MessageKey } from '@/app/i18n/keys'
import type { FieldProblem } from '@/domain/planForms'
import { nextTick, ref, useTemplateRef, type Ref } from 'vue'

/** A field or choice that can take focus (BaseField, a group of choices). */
export interface Focusable {
  focus: () => void
}

/** What a form check says: fine, or the first field with a problem and its message key. */
export type FieldCheck<F extends string> =
  { readonly ok: true } | { readonly ok: false; readonly field: F; readonly message: MessageKey }

/**
 * The messages beside a form's fields, and focus on the first field with a problem (WCAG 3.3.1).
 * `refs` names, per field, the template ref of its component; call from a component's setup.
 */
export function useFieldErrors<F extends string>(refs: Record<F, string>) {
  const names = Object.keys(refs) as F[]
  const empty = (): Record<F, MessageKey | null> =>
    Object.fromEntries(names.map((name) => [name, null])) as Record<F, MessageKey | null>
  const errors = ref(empty()) as Ref<Record<F, MessageKey | null>>
  const fields = Object.fromEntries(
    names.map((name) => [name, useTemplateRef<Focusable>(refs[name])]),
  ) as Record<F, Readonly<Ref<Focusable | null>>>

  /** Clears the messages, then shows the check's problem, if any. Resolves true when the check passed. */
  function accept<C extends FieldCheck<F>>(checked: C): checked is Extract<C, { readonly ok: true }> {
    errors.value = empty()
    if (checked.ok) return true
    errors.value[checked.field] = checked.message
    fields[checked.field].value?.focus()
    return false
  }

  return { errors, fields, accept }
}

/** What a plan form's check says: the values to save, or a problem per field (at least one). */
export type FieldProblemsCheck<F extends string, P extends string> =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problems: Readonly<Partial<Record<F, P>>> }

/** The message of a plan form's field problem. */
export const planProblem = (problem: FieldProblem): MessageKey => `plan.problem.${problem}`

/**
 * The problems a plan form's check found, per field (`error` gives a field its message, by
 * `messageOf`), and focus on the first field with one (WCAG 3.3.1). `order` is the order the
 * fields are looked at; `idOf` names a field's control.
 */
export function useFieldProblems<F extends string, P extends string>(
  order: readonly F[],
  idOf: (field: F) => string,
  messageOf: (problem: P) => MessageKey,
) {
  const problems = ref({}) as Ref<Partial<Record<F, P>>>
  const error = (field: F): MessageKey | undefined => {
    const problem = problems.value[field]
    return problem === undefined ? undefined : messageOf(problem)
  }

  /** Shows the check's problems (none when it passed). Focus moves once the messages are drawn. */
  function accept<C extends FieldProblemsCheck<F, P>>(
    checked: C,
  ): checked is Extract<C, { readonly ok: true }> {
    problems.value = checked.ok ? {} : { ...checked.problems }
    if (checked.ok) return true
    void nextTick(() => {
      const first = order.find((field) => problems.value[field] !== undefined)
      if (first !== undefined) document.getElementById(idOf(first))?.focus()
    })
    return false
  }

  return { problems, error, accept }
}
