import { afterEach, describe, expect, it } from 'vitest'
import { h, nextTick, ref } from 'vue'
import BaseButton from '@/components/BaseButton.vue'
import BaseFormActions from '@/components/BaseFormActions.vue'
import da from '../../../locales/da.json'
import { Host, mountInApp, unmountAll } from '../support/mount'
import type { MessageKey } from '@/app/i18n/keys'

afterEach(unmountAll)

describe('BaseButton', () => {
  it('shows its message, passes attributes on, and is disabled and busy only while its work runs', async () => {
    const busy = ref(false)
    let clicks = 0
    const wrapper = await mountInApp(Host, {
      props: {
        content: () =>
          h(BaseButton, {
            label: 'goals.save',
            busy: busy.value,
            'data-test': 'save',
            onClick: () => (clicks += 1),
          }),
      },
    })
    const button = wrapper.get('[data-test="save"]')
    expect(button.text()).toBe(da.goals.save)
    expect(button.attributes('type')).toBe('button')
    expect(button.attributes('aria-busy')).toBeUndefined()
    await button.trigger('click')
    expect(clicks).toBe(1)

    busy.value = true
    await nextTick()
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.attributes('aria-busy')).toBe('true')
    await button.trigger('click')
    expect(clicks).toBe(1)
  })
})

describe('BaseFormActions', () => {
  it('is a submit button, then an alert for a failure and a status line that is always there', async () => {
    const problem = ref<MessageKey | null>(null)
    const status = ref<MessageKey | null>(null)
    const wrapper = await mountInApp(Host, {
      props: {
        content: () =>
          h('form', [
            h(BaseFormActions, {
              label: 'goals.save',
              problem: problem.value,
              status: status.value,
              problemTest: 'save-problem',
              'data-test': 'submit',
            }),
          ]),
      },
    })
    expect(wrapper.get('[data-test="submit"]').attributes('type')).toBe('submit')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    // A live region must exist before it speaks.
    expect(wrapper.get('[role="status"]').text()).toBe('')

    problem.value = 'plan.saveFailed'
    await nextTick()
    expect(wrapper.get('[data-test="save-problem"]').attributes('role')).toBe('alert')
    expect(wrapper.get('[data-test="save-problem"]').text()).toBe(da.plan.saveFailed)

    problem.value = null
    status.value = 'plan.saved'
    await nextTick()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toBe(da.plan.saved)
  })
})
