import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import OnboardingLockStep from '@/features/onboarding/OnboardingLockStep.vue'
import OnboardingSafetyStep from '@/features/onboarding/OnboardingSafetyStep.vue'
import { provideDraft } from '@/features/onboarding/draft'
import type { TargetGroup } from '@/schemas'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import da from '../../../locales/da.json'
import { mountInApp, eventually, unmountAll } from '../support/mount'
import { PASSPHRASE, freshVaultOptions } from '../support/fixtures'

let options: VaultStoreOptions
let nexts = 0

beforeEach(() => {
  setActivePinia(createPinia())
  options = freshVaultOptions()
  nexts = 0
})

afterEach(() => {
  unmountAll()
  useVaultStore().close()
})

/** The lock step inside a stand-in onboarding page that provides the draft. */
function stepHost(targetGroup: TargetGroup) {
  return defineComponent({
    setup() {
      const draft = provideDraft()
      draft.targetGroup = targetGroup
      return () =>
        h(OnboardingLockStep, {
          onNext: () => {
            nexts += 1
          },
        })
    },
  })
}

async function mountStep(targetGroup: TargetGroup): Promise<VueWrapper> {
  return mountInApp(stepHost(targetGroup), {
    route: '/settings',
    before: () => useVaultStore().open(options),
  })
}

describe('onboarding: the lock choice', () => {
  it('suggests the passphrase to a woman leaving a shelter, and explains both choices honestly', async () => {
    const wrapper = await mountStep('shelter')
    expect((wrapper.get('#lock-choice-passphrase').element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.get('label[for="lock-choice-passphrase"]').text()).toContain(da.lock.choice.suggested)
    expect(wrapper.text()).toContain(da.lock.choice.noneHelp)
    expect(wrapper.text()).toContain('Den, der kopierer telefonens data, kan læse alt.')
    expect(wrapper.find('[data-test="lock-set-form"]').exists()).toBe(true)
  })

  it('starts from "no lock" for other groups: going on is one tap, and no passphrase is set', async () => {
    const wrapper = await mountStep('homelessness')
    expect((wrapper.get('#lock-choice-none').element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.text()).not.toContain(da.lock.choice.suggested)
    await wrapper.get('form').trigger('submit')
    expect(nexts).toBe(1)
    expect(useVaultStore().lockMethod).toBe('device')
  })

  it('refuses a short or mistyped passphrase beside its field, and locks with a good one', async () => {
    const wrapper = await mountStep('shelter')
    await wrapper.get('#onboarding-lock-new').setValue('short')
    await wrapper.get('#onboarding-lock-repeat').setValue('short')
    await wrapper.get('[data-test="lock-set-form"]').trigger('submit')
    expect(wrapper.get('#onboarding-lock-new-error').text()).toBe('Adgangssætningen skal have mindst 8 tegn.')

    await wrapper.get('#onboarding-lock-new').setValue(PASSPHRASE)
    await wrapper.get('#onboarding-lock-repeat').setValue(`${PASSPHRASE}!`)
    await wrapper.get('[data-test="lock-set-form"]').trigger('submit')
    expect(wrapper.get('#onboarding-lock-repeat-error').text()).toBe(da.lock.new.mismatch)
    expect(nexts).toBe(0)

    await wrapper.get('#onboarding-lock-repeat').setValue(PASSPHRASE)
    await wrapper.get('[data-test="lock-set-form"]').trigger('submit')
    await eventually(() => {
      expect(nexts).toBe(1)
    })
    const vault = useVaultStore()
    expect(vault.lockMethod).toBe('argon2id')
    expect(vault.status).toBe('open')
    // After a reload only the passphrase opens it.
    vault.close()
    await vault.open(options)
    expect(vault.status).toBe('locked')
  })

  it('gives advice (never a block) on a passphrase that is easy to guess', async () => {
    const wrapper = await mountStep('shelter')
    await wrapper.get('#onboarding-lock-new').setValue('Sommer2024')
    await flushPromises()
    expect(wrapper.get('[data-test="passphrase-advice"]').text()).toBe(da.lock.new.advice['use-words'])
    await wrapper.get('#onboarding-lock-new').setValue('tre almindelige ord')
    await flushPromises()
    expect(wrapper.find('[data-test="passphrase-advice"]').exists()).toBe(false)
  })

  it('going back to the step after locking says the plan is locked and goes on', async () => {
    const first = useVaultStore()
    await first.open(options)
    await first.setPassphrase(PASSPHRASE)
    first.close()
    const wrapper = await mountInApp(stepHost('shelter'), {
      route: '/settings',
      before: async () => {
        await useVaultStore().unlock(PASSPHRASE, options)
      },
    })
    expect(wrapper.get('[data-test="lock-step-locked"]').text()).toBe(da.lock.choice.alreadyLocked)
    await wrapper.get('form').trigger('submit')
    expect(nexts).toBe(1)
  })
})

describe('onboarding: safety for women leaving a shelter', () => {
  it('explains quick exit, the history that is not erased, private windows and a watched phone', async () => {
    const wrapper = await mountInApp(OnboardingSafetyStep, { route: '/settings' })
    const text = wrapper.text()
    for (const key of ['quickExit', 'shift', 'history', 'privateWindow', 'monitored', 'help'] as const) {
      expect(text).toContain(da.safety.onboarding[key])
    }
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('next')).toHaveLength(1)
  })
})
