import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import LockScreen from '@/features/safety/LockScreen.vue'
import { useSafetySettings } from '@/stores/safetySettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import type { Goal } from '@/schemas'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { mountInApp, eventually } from '../support/mount'
import { PASSPHRASE, freshVaultOptions, lockedDatabase } from '../support/fixtures'
import { snapshotDatabase } from '../../unit/data/helpers'

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

async function unlockWith(w: VueWrapper, passphrase: string): Promise<void> {
  await w.get('#unlock-passphrase').setValue(passphrase)
  await w.get('[data-test="unlock-form"]').trigger('submit')
  await eventually(async () => {
    await flushPromises()
    expect(useVaultStore().status).not.toBe('opening')
  })
  await flushPromises()
}

describe('LockScreen', () => {
  it('asks for the passphrase; a wrong one says nothing changed and changes nothing but the try counter', async () => {
    const { goal } = await lockedDatabase(options)
    const before = await snapshotDatabase(options.dbName ?? '')
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      before: () => useVaultStore().open(options),
    })
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe(da.lock.screen.title)
    expect(wrapper.get('[data-lock-view]').attributes('data-lock-view')).toBe('passphrase')

    await unlockWith(wrapper, 'not my passphrase')
    expect(useVaultStore().status).toBe('locked')
    expect(wrapper.get('[role="alert"]').text()).toBe(da.errors.lock.wrongPassphrase)
    // The field is emptied and focused for the next try.
    expect((wrapper.get('#unlock-passphrase').element as HTMLInputElement).value).toBe('')
    const after = await snapshotDatabase(options.dbName ?? '')
    expect(after.records).toEqual(before.records)
    expect({ ...after.meta, lockAttempts: undefined }).toEqual({ ...before.meta, lockAttempts: undefined })

    await unlockWith(wrapper, PASSPHRASE)
    expect(useVaultStore().status).toBe('open')
    // The records store loads after the unlock; the goal is there, intact.
    const records = useRecordsStore()
    await eventually(() => {
      expect((records.get(goal.id) as Goal | undefined)?.title).toBe('Keep my flat')
    })
  })

  it('refuses an empty passphrase without trying, and speaks English', async () => {
    await lockedDatabase(options)
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      locale: 'en',
      before: () => useVaultStore().open(options),
    })
    await flushPromises()
    await wrapper.get('[data-test="unlock-form"]').trigger('submit')
    expect(wrapper.get('#unlock-passphrase-error').text()).toBe(en.lock.screen.missing)
    expect(wrapper.get('#unlock-passphrase').attributes('aria-describedby')).toBe('unlock-passphrase-error')
    expect(useVaultStore().status).toBe('locked')
  })

  it('after several wrong tries makes the next one wait, with a countdown, and the button off', async () => {
    await lockedDatabase(options)
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      before: () => useVaultStore().open(options),
    })
    await flushPromises()
    for (let attempt = 0; attempt < 4; attempt += 1) await unlockWith(wrapper, `wrong ${attempt}`)
    expect(useVaultStore().retryAt).not.toBeNull()
    await flushPromises()
    expect(wrapper.get('[data-test="unlock-form"] [role="status"]').text()).toMatch(
      /^Vent [12] sekund(er)?, før du prøver igen\.$/,
    )
    expect(wrapper.get('[data-test="unlock"]').attributes('disabled')).toBeDefined()
  })

  it('after an auto-lock, a PIN chosen at unlock re-opens; a wrong PIN says how many tries are left', async () => {
    await lockedDatabase(options)
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      before: () => useVaultStore().open(options),
    })
    await flushPromises()
    await wrapper.get('#unlock-with-pin').setValue(true)
    await wrapper.get('#unlock-new-pin').setValue('2468')
    await unlockWith(wrapper, PASSPHRASE)
    const vault = useVaultStore()
    expect(vault.status).toBe('open')

    vault.lock()
    await flushPromises()
    expect(wrapper.get('[data-lock-view]').attributes('data-lock-view')).toBe('pin')
    // The PIN pad is its own chunk (not on the first screen): it shows once loaded.
    await eventually(() => {
      expect(wrapper?.find('#unlock-pin').exists()).toBe(true)
    })
    await wrapper.get('#unlock-pin').setValue('1111')
    await wrapper.get('[data-test="pin-form"]').trigger('submit')
    await eventually(() => {
      expect(wrapper?.find('#unlock-pin-error').exists()).toBe(true)
    })
    expect(wrapper.get('#unlock-pin-error').text()).toBe('Forkert pinkode. Forsøg tilbage: 2.')

    await wrapper.get('#unlock-pin').setValue('2468')
    await wrapper.get('[data-test="pin-form"]').trigger('submit')
    await eventually(() => {
      expect(vault.status).toBe('open')
    })
  })

  it('offers the passphrase instead of the PIN', async () => {
    await lockedDatabase(options)
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      before: () => useVaultStore().open(options),
    })
    await flushPromises()
    await wrapper.get('#unlock-with-pin').setValue(true)
    await wrapper.get('#unlock-new-pin').setValue('2468')
    await unlockWith(wrapper, PASSPHRASE)
    useVaultStore().lock()
    await flushPromises()
    await wrapper.get('[data-test="use-passphrase"]').trigger('click')
    expect(wrapper.get('[data-lock-view]').attributes('data-lock-view')).toBe('passphrase')
  })

  it('in "no lock" mode after a lock shows "Trin is closed" and Open, which opens and forgets the quick exit', async () => {
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      before: async () => {
        await useVaultStore().open(options)
        useVaultStore().lock()
        useSafetySettings().markExited()
      },
    })
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe(da.lock.screen.closedTitle)
    expect(wrapper.text()).toContain(da.lock.screen.noLockNote)
    await wrapper.get('[data-test="open-plan"]').trigger('click')
    await eventually(() => {
      expect(useVaultStore().status).toBe('open')
    })
    expect(useSafetySettings().lockedAfterExit).toBe(false)
    expect(JSON.parse(localStorage.getItem('settings') ?? '{}')).toMatchObject({ e: false })
  })

  it('after a quick exit in passphrase mode, learns that a passphrase is needed without opening anything', async () => {
    await lockedDatabase(options)
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      before: async () => {
        // As after a reload following a quick exit: nothing opened, only the settings known.
        await useVaultStore().refreshLockState(options)
      },
    })
    await flushPromises()
    expect(useVaultStore().status).toBe('closed')
    expect(wrapper.get('[data-lock-view]').attributes('data-lock-view')).toBe('passphrase')
    await unlockWith(wrapper, PASSPHRASE)
    expect(useVaultStore().status).toBe('open')
  })

  it('moves focus to its heading, so a screen reader announces the lock', async () => {
    await lockedDatabase(options)
    wrapper = await mountInApp(LockScreen, {
      route: '/settings',
      before: () => useVaultStore().open(options),
    })
    await flushPromises()
    expect(document.activeElement).toBe(wrapper.get('h1').element)
  })
})
