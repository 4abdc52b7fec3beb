import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import LockSettings from '@/features/safety/LockSettings.vue'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import type { Goal } from '@/schemas'
import da from '../../../locales/da.json'
import { makeGoal } from '../../factories/records'
import { mountInApp, eventually } from '../support/mount'
import { PASSPHRASE, freshVaultOptions, lockedDatabase } from '../support/fixtures'

const NEW_PASSPHRASE = 'green door under the stairs'
let wrapper: VueWrapper | undefined
let options: VaultStoreOptions

beforeEach(() => {
  options = freshVaultOptions()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
})

async function settle(check: () => void): Promise<void> {
  await eventually(async () => {
    await flushPromises()
    check()
  })
}

async function mountUnlocked(): Promise<VueWrapper> {
  await lockedDatabase(options)
  return mountInApp(LockSettings, {
    route: '/settings',
    before: () => useVaultStore().unlock(PASSPHRASE, options),
  })
}

/** Whether `passphrase` opens the stored plan after a reload (a fresh vault store). */
async function opensWith(passphrase: string): Promise<boolean> {
  const vault = useVaultStore()
  vault.close()
  return vault.unlock(passphrase, options).then(
    () => true,
    () => false,
  )
}

describe('lock settings', () => {
  it('sets a passphrase where there is none: records re-encrypted under it, and said so', async () => {
    wrapper = await mountInApp(LockSettings, {
      route: '/settings',
      before: async () => {
        await useVaultStore().open(options)
        await useRecordsStore().save(makeGoal({ title: 'Find a doctor' }))
      },
    })
    expect(wrapper.get('[data-test="lock-method"]').text()).toBe(da.lock.settings.none)
    expect(wrapper.text()).toContain(da.lock.choice.passphraseHelp)
    await wrapper.get('#lock-set-new').setValue(PASSPHRASE)
    await wrapper.get('#lock-set-repeat').setValue(PASSPHRASE)
    await wrapper.get('[data-test="lock-set-form"]').trigger('submit')
    await settle(() => {
      expect(wrapper?.get('[data-outcome]').text()).toBe(da.lock.set.done)
    })
    expect(wrapper.get('[data-test="lock-method"]').text()).toBe(da.lock.settings.passphrase)
    expect(await opensWith('wrong passphrase')).toBe(false)
    expect(await opensWith(PASSPHRASE)).toBe(true)
    await settle(() => {
      expect(
        useRecordsStore()
          .byKind('goal')
          .map((goal: Goal) => goal.title),
      ).toEqual(['Find a doctor'])
    })
  })

  it('changes the passphrase only with the current one; a wrong current one changes nothing', async () => {
    wrapper = await mountUnlocked()
    await wrapper.get('details summary').trigger('click')
    await wrapper.get('#lock-change-current').setValue('not the passphrase')
    await wrapper.get('#lock-change-new').setValue(NEW_PASSPHRASE)
    await wrapper.get('#lock-change-repeat').setValue(NEW_PASSPHRASE)
    await wrapper.get('[data-test="lock-change-form"]').trigger('submit')
    await settle(() => {
      expect(wrapper?.get('#lock-change-current-error').text()).toBe(da.errors.lock.wrongPassphrase)
    })
    expect(await opensWith(PASSPHRASE)).toBe(true)

    await wrapper.get('#lock-change-current').setValue(PASSPHRASE)
    await wrapper.get('#lock-change-new').setValue(NEW_PASSPHRASE)
    await wrapper.get('#lock-change-repeat').setValue(NEW_PASSPHRASE)
    await wrapper.get('[data-test="lock-change-form"]').trigger('submit')
    await settle(() => {
      expect(wrapper?.text()).toContain(da.lock.change.done)
    })
    expect(await opensWith(PASSPHRASE)).toBe(false)
    expect(await opensWith(NEW_PASSPHRASE)).toBe(true)
  })

  it('removes the lock after the passphrase, with the honest warning', async () => {
    wrapper = await mountUnlocked()
    expect(wrapper.text()).toContain(da.lock.remove.warning)
    await wrapper.get('#lock-remove-current').setValue(PASSPHRASE)
    await wrapper.get('[data-test="lock-remove-form"]').trigger('submit')
    await settle(() => {
      expect(wrapper?.get('[data-outcome]').text()).toBe(da.lock.remove.done)
    })
    expect(useVaultStore().lockMethod).toBe('device')
    const vault = useVaultStore()
    vault.close()
    await vault.open(options)
    expect(vault.status).toBe('open')
  })

  it('sets a PIN for this visit only after the passphrase, and forgets it on request', async () => {
    wrapper = await mountUnlocked()
    expect(wrapper.text()).toContain(da.lock.pin.explain)
    await wrapper.get('#pin-set-pin').setValue('12')
    await wrapper.get('[data-test="pin-set-form"]').trigger('submit')
    expect(wrapper.get('#pin-set-pin-error').text()).toBe(da.lock.pin.format)

    await wrapper.get('#pin-set-pin').setValue('4321')
    await wrapper.get('#pin-set-passphrase').setValue('wrong passphrase')
    await wrapper.get('[data-test="pin-set-form"]').trigger('submit')
    await settle(() => {
      expect(wrapper?.get('#pin-set-passphrase-error').text()).toBe(da.errors.lock.wrongPassphrase)
    })
    expect(useVaultStore().pinAvailable).toBe(false)

    await wrapper.get('#pin-set-pin').setValue('4321')
    await wrapper.get('#pin-set-passphrase').setValue(PASSPHRASE)
    await wrapper.get('[data-test="pin-set-form"]').trigger('submit')
    await settle(() => {
      expect(wrapper?.find('[data-test="pin-active"]').exists()).toBe(true)
    })
    expect(useVaultStore().pinAvailable).toBe(true)
    await wrapper.get('[data-test="pin-clear"]').trigger('click')
    expect(useVaultStore().pinAvailable).toBe(false)
    expect(wrapper.text()).toContain(da.lock.pin.cleared)
  })
})
