import type { MessageKey } from '@/app/i18n/keys'
import { ref, useTemplateRef, type Ref } from 'vue'

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
