/** Passphrase and PIN fields carry hints so that no password manager offers to save them. */
import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import LockPassphraseForm from '@/features/safety/LockPassphraseForm.vue'
import NewPassphraseFields from '@/features/safety/NewPassphraseFields.vue'
import PinSettings from '@/features/safety/PinSettings.vue'
import { mountInApp } from '../support/mount'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function expectNoSaveHints(w: VueWrapper): void {
  const inputs = w.findAll<HTMLInputElement>('input:not([type="checkbox"])')
  expect(inputs.length).toBeGreaterThan(0)
  for (const input of inputs) {
    const element = input.element
    expect(element.type).toBe('password')
    expect(element.getAttribute('autocomplete')).toBe('one-time-code')
    expect(element.hasAttribute('name')).toBe(false)
    expect(element.dataset).toMatchObject({
      '1pIgnore': 'true',
      lpignore: 'true',
      bwignore: 'true',
      formType: 'other',
    })
  }
}

describe('passphrase fields', () => {
  it('on the lock screen', async () => {
    wrapper = await mountInApp(LockPassphraseForm, { route: '/settings', props: {} })
    await wrapper.get('#unlock-with-pin').setValue(true)
    expectNoSaveHints(wrapper)
  })

  it('when choosing a new passphrase', async () => {
    wrapper = await mountInApp(NewPassphraseFields, {
      route: '/settings',
      props: { idPrefix: 'test', modelValue: '' },
    })
    expectNoSaveHints(wrapper)
  })

  it('when setting a PIN', async () => {
    wrapper = await mountInApp(PinSettings, { route: '/settings', props: {} })
    expect(wrapper.find('[data-test="pin-set-form"]').exists()).toBe(true)
    expectNoSaveHints(wrapper)
  })
})
