import { afterEach, describe, expect, it } from 'vitest'
import { h, nextTick, ref, type Ref } from 'vue'
import BaseField from '@/components/BaseField.vue'
import BaseCheckbox from '@/components/BaseCheckbox.vue'
import da from '../../../locales/da.json'
import { Host, mountInApp, unmountAll } from '../support/mount'
import type { MessageKey } from '@/app/i18n/keys'

afterEach(unmountAll)

type FieldType = 'text' | 'url' | 'date' | 'time' | 'tel' | 'textarea' | 'select'
const fieldTypes: readonly FieldType[] = ['text', 'url', 'date', 'time', 'tel', 'textarea', 'select']

/** One BaseField bound to `value`; `error` can change while it is shown. */
function mountField(
  value: Ref<string>,
  props: { type?: FieldType; hint?: MessageKey; required?: boolean; autocomplete?: string } = {},
  error: Ref<MessageKey | null> = ref(null),
) {
  return mountInApp(Host, {
    props: {
      content: () =>
        h(
          BaseField,
          {
            id: 'goal-title',
            label: 'goals.field.title',
            modelValue: value.value,
            'onUpdate:modelValue': (next: string) => (value.value = next),
            error: error.value,
            'data-test': 'the-control',
            ...props,
          },
          () => [h('option', { value: 'a' }, 'A'), h('option', { value: 'b' }, 'B')],
        ),
    },
  })
}

describe('BaseField', () => {
  it('labels its control and keeps it in step with the model', async () => {
    const value = ref('Min lejlighed')
    const wrapper = await mountField(value)
    const input = wrapper.get<HTMLInputElement>('#goal-title')
    expect(wrapper.get('label[for="goal-title"]').text()).toBe(da.goals.field.title)
    expect(input.element.value).toBe('Min lejlighed')
    // Attributes from the caller land on the control, not on the wrapper around it.
    expect(input.attributes('data-test')).toBe('the-control')
    await input.setValue('Et arbejde')
    expect(value.value).toBe('Et arbejde')
  })

  it('ties the hint and, once there is one, the announced error to the control', async () => {
    const error = ref<MessageKey | null>(null)
    const wrapper = await mountField(ref(''), { hint: 'goals.field.titleHelp' }, error)
    const input = wrapper.get('#goal-title')
    expect(input.attributes('aria-describedby')).toBe('goal-title-help')
    expect(wrapper.get('#goal-title-help').text()).toBe(da.goals.field.titleHelp)
    expect(input.attributes('aria-invalid')).toBeUndefined()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)

    error.value = 'plan.problem.required'
    await nextTick()
    expect(input.attributes('aria-describedby')).toBe('goal-title-help goal-title-error')
    expect(input.attributes('aria-invalid')).toBe('true')
    const alert = wrapper.get('#goal-title-error')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toBe(da.plan.problem.required)

    error.value = null
    await nextTick()
    expect(input.attributes('aria-describedby')).toBe('goal-title-help')
    expect(wrapper.find('#goal-title-error').exists()).toBe(false)
  })

  it('has no aria-describedby when there is neither hint nor error', async () => {
    const wrapper = await mountField(ref(''))
    expect(wrapper.get('#goal-title').attributes('aria-describedby')).toBeUndefined()
  })

  it('marks a required field in words inside its label, and as required for the browser', async () => {
    const wrapper = await mountField(ref(''), { required: true })
    expect(wrapper.get('label').text()).toBe(`${da.goals.field.title} (${da.field.required})`)
    expect(wrapper.get('#goal-title').attributes('required')).toBeDefined()
    const optional = await mountField(ref(''))
    expect(optional.get('label').text()).toBe(da.goals.field.title)
    expect(optional.get('#goal-title').attributes('required')).toBeUndefined()
  })

  it.each(fieldTypes)(
    'renders a %s control with autocomplete="off", so the browser saves no plan text',
    async (type) => {
      const wrapper = await mountField(ref(type === 'select' ? 'a' : ''), { type })
      const controls = wrapper.findAll('input, textarea, select')
      expect(controls).toHaveLength(1)
      for (const control of controls) expect(control.attributes('autocomplete')).toBe('off')
      const tag = type === 'textarea' || type === 'select' ? type : 'input'
      expect(controls[0]?.element.tagName.toLowerCase()).toBe(tag)
    },
  )

  it('offers the select options from its slot and reports the chosen one', async () => {
    const value = ref('a')
    const wrapper = await mountField(value, { type: 'select' })
    await wrapper.get('select').setValue('b')
    expect(value.value).toBe('b')
  })

  it('lets a caller name another autocomplete only on purpose', async () => {
    const wrapper = await mountField(ref(''), { type: 'tel', autocomplete: 'tel' })
    expect(wrapper.get('#goal-title').attributes('autocomplete')).toBe('tel')
  })
})

describe('BaseCheckbox', () => {
  it('labels its box, keeps the hint in the label, and announces an error tied to the box', async () => {
    const checked = ref(false)
    const error = ref<MessageKey | null>(null)
    const wrapper = await mountInApp(Host, {
      props: {
        content: () =>
          h(BaseCheckbox, {
            id: 'easy-read',
            label: 'settings.display.easyRead',
            hint: 'settings.display.easyReadHelp',
            modelValue: checked.value,
            'onUpdate:modelValue': (next: boolean) => (checked.value = next),
            error: error.value,
          }),
      },
    })
    const box = wrapper.get<HTMLInputElement>('#easy-read')
    expect(wrapper.get('label[for="easy-read"]').text()).toBe(
      `${da.settings.display.easyRead}${da.settings.display.easyReadHelp}`,
    )
    expect(box.attributes('aria-describedby')).toBeUndefined()
    await box.setValue(true)
    expect(checked.value).toBe(true)

    error.value = 'plan.problem.required'
    await nextTick()
    expect(box.attributes('aria-invalid')).toBe('true')
    expect(box.attributes('aria-describedby')).toBe('easy-read-error')
    expect(wrapper.get('#easy-read-error').attributes('role')).toBe('alert')
  })
})
