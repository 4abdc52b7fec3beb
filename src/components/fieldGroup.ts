/**
 * What every group of choices is asked with — BaseChoiceGroup's radios and BaseCheckboxGroup's
 * boxes, both drawn in BaseFieldGroup's fieldset.
 */
import type { MessageKey } from '@/app/i18n/keys'
import type { MessageValue } from '@/app/i18n/message'

export interface FieldGroupProps {
  /** The prefix of every id in the group (and the radios' name). */
  name: string
  /** Message key of the question. */
  legend: MessageKey
  legendArgs?: Record<string, MessageValue> | undefined
  /** The legend is for screen readers only: something on screen already asks the question. */
  legendHidden?: boolean
  /** Message key of a hint under the choices. */
  hint?: MessageKey | undefined
  /** Message key of the error, or null/undefined while there is none. */
  error?: MessageKey | null | undefined
  /** `plain` choices are rows; `card` choices are framed boxes. */
  look?: 'plain' | 'card'
  disabled?: boolean
}

/** The defaults of the optional props above. */
export const fieldGroupDefaults = {
  legendArgs: undefined,
  legendHidden: false,
  hint: undefined,
  error: null,
  look: 'plain',
  disabled: false,
} as const

/** Only the group's own props out of a component's props, for `v-bind` on BaseFieldGroup. */
export function fieldGroupOf(props: FieldGroupProps): FieldGroupProps {
  const { name, legend, legendArgs, legendHidden, hint, error, look, disabled } = props
  return { name, legend, legendArgs, legendHidden, hint, error, look, disabled }
}
