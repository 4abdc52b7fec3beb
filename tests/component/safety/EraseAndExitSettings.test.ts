import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import EraseForm from '@/features/safety/EraseForm.vue'
import QuickExitSettings from '@/features/safety/QuickExitSettings.vue'
import AutoLockSettings from '@/features/safety/AutoLockSettings.vue'
import { NEUTRAL_PAGE } from '@/features/safety/quickExit'
import { readSafetySettings, useSafetySettings } from '@/stores/safetySettings'
import { DEVICE_SETTINGS_KEY } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { makeGoal } from '../../factories/records'
import { mountInApp, eventually } from '../support/mount'
import { freshVaultOptions } from '../support/fixtures'

let wrapper: VueWrapper | undefined
let options: VaultStoreOptions

beforeEach(() => {
  localStorage.clear()
  options = freshVaultOptions()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
})

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '')
}

describe('erase everything', () => {
  it('needs the typed word; a wrong word erases nothing', async () => {
    const left: string[] = []
    wrapper = await mountInApp(EraseForm, {
      route: '/settings',
      before: () => useVaultStore().open(options),
      props: { leave: (url: string) => left.push(url) },
    })
    expect(wrapper.get('label').text()).toBe('Skriv SLET for at bekræfte')
    await wrapper.get('input').setValue('SLE')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[role="alert"]').text()).toBe('Skriv SLET for at slette alt.')
    expect(useVaultStore().status).toBe('open')
    expect(await databaseNames()).toContain(options.dbName)
    expect(left).toEqual([])
  })

  it('with the word, erases the database and the settings, and ends on the neutral page', async () => {
    const left: string[] = []
    wrapper = await mountInApp(EraseForm, {
      route: '/settings',
      before: async () => {
        await useVaultStore().open(options)
        await useRecordsStore().save(makeGoal())
        useSafetySettings().autoLockMinutes = 2
        // The last sweep of Cache Storage comes just before leaving (the tab's worker may write it meanwhile).
        vi.spyOn(useVaultStore(), 'sweepCaches').mockImplementation(() => {
          left.push('caches swept')
          return Promise.resolve()
        })
      },
      props: { leave: (url: string) => left.push(url) },
    })
    await flushPromises()
    expect(localStorage.getItem(DEVICE_SETTINGS_KEY)).not.toBeNull()
    await wrapper.get('input').setValue(' slet ')
    await wrapper.get('form').trigger('submit')
    // It says so before it leaves.
    await eventually(() => {
      expect(document.querySelector('[data-test="erase-done"]')?.textContent).toBe(da.erase.done)
    })
    expect(left).toEqual([])
    await eventually(() => {
      expect(left).toEqual(['caches swept', NEUTRAL_PAGE])
    })
    document.querySelector('[data-test="erase-done"]')?.remove()
    expect(await databaseNames()).not.toContain(options.dbName)
    expect(localStorage.getItem(DEVICE_SETTINGS_KEY)).toBeNull()
    expect(useVaultStore().status).toBe('closed')
  })

  it('asks for the English word in English', async () => {
    wrapper = await mountInApp(EraseForm, {
      route: '/settings',
      locale: 'en',
      props: { leave: () => undefined },
    })
    expect(wrapper.get('label').text()).toBe('Type ERASE to confirm')
    expect(en.erase.word).toBe('ERASE')
  })
})

describe('quick exit target', () => {
  it('keeps the bundled page by default and stores nothing', async () => {
    wrapper = await mountInApp(QuickExitSettings, { route: '/settings' })
    expect((wrapper.get('#exit-target-neutral').element as HTMLInputElement).checked).toBe(true)
    expect(readSafetySettings().exitTarget).toBeNull()
  })

  it('refuses what is not an https address, with a translated message, and stores a normalised one', async () => {
    wrapper = await mountInApp(QuickExitSettings, { route: '/settings' })
    await wrapper.get('#exit-target-site').setValue(true)
    expect(wrapper.text()).toContain(da.quickExit.target.addressHelp)
    await wrapper.get('#exit-target-url').setValue('http://dr.dk')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#exit-target-url-error').text()).toBe(da.quickExit.target.problem['not-https'])
    expect(wrapper.get('#exit-target-url').attributes('aria-invalid')).toBe('true')
    expect(readSafetySettings().exitTarget).toBeNull()

    await wrapper.get('#exit-target-url').setValue('dr.dk/vejret')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(readSafetySettings().exitTarget).toBe('https://dr.dk/vejret')
    expect(wrapper.text()).toContain(da.quickExit.target.saved)

    await wrapper.get('#exit-target-neutral').setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(readSafetySettings().exitTarget).toBeNull()
  })

  it('ignores a stored address that is not https (someone else wrote the storage)', () => {
    localStorage.setItem(DEVICE_SETTINGS_KEY, JSON.stringify({ x: 'javascript:alert(1)', a: 99, h: 'yes' }))
    expect(readSafetySettings()).toEqual({
      exitTarget: null,
      autoLockMinutes: 5,
      lockOnHideChoice: null,
      lockedAfterExit: false,
    })
  })
})

describe('auto-lock settings', () => {
  it('offers 1 to 15 minutes, remembers the choice, and locks now on request', async () => {
    wrapper = await mountInApp(AutoLockSettings, {
      route: '/settings',
      before: () => useVaultStore().open(options),
    })
    const select = wrapper.get<HTMLSelectElement>('#auto-lock-minutes')
    expect(select.findAll('option').map((option) => option.text())).toHaveLength(15)
    expect(select.element.value).toBe('5')
    expect(select.findAll('option')[0]?.text()).toBe('1 minut')
    await select.setValue('12')
    await flushPromises()
    expect(readSafetySettings().autoLockMinutes).toBe(12)
    await wrapper.get('#lock-on-hide').setValue(true)
    await flushPromises()
    expect(readSafetySettings().lockOnHideChoice).toBe(true)
    await wrapper.get('[data-test="lock-now"]').trigger('click')
    expect(useVaultStore().status).toBe('closed')
  })
})
