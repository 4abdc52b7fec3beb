import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { setLocale } from '@/app/i18n'
import QuickExitButton from '@/features/safety/QuickExitButton.vue'
import {
  BLANK_CLASS,
  NEUTRAL_PAGE,
  runQuickExit,
  useQuickExit,
  useShiftTriple,
} from '@/features/safety/quickExit'
import { useSafetySettings } from '@/stores/safetySettings'
import { DEVICE_SETTINGS_KEY } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { makeGoal } from '../../factories/records'
import { freshVaultOptions } from '../support/fixtures'
import { mountInApp } from '../support/mount'

let wrapper: VueWrapper | undefined

beforeEach(async () => {
  localStorage.clear()
  document.documentElement.classList.remove(BLANK_CLASS)
  setActivePinia(createPinia())
  await setLocale('da')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
  document.documentElement.classList.remove(BLANK_CLASS)
})

/** Mounts the header button wired to the app's quick exit, with `leave` recording where it went. */
function mountExit(left: string[]): Promise<VueWrapper> {
  const Host = defineComponent({
    setup() {
      const { exit } = useQuickExit({ leave: (url) => left.push(url) })
      useShiftTriple(exit)
      return () => h(QuickExitButton, { onExit: exit })
    },
  })
  return mountInApp(Host, { keepPinia: true })
}

function key(type: 'keydown' | 'keyup', keyName: string, init: KeyboardEventInit = {}): void {
  window.dispatchEvent(
    new KeyboardEvent(type, {
      key: keyName,
      code: keyName === 'Shift' ? 'ShiftLeft' : `Key${keyName.toUpperCase()}`,
      ...init,
    }),
  )
}

function shift(init: KeyboardEventInit = {}): void {
  key('keydown', 'Shift', { shiftKey: true, ...init })
  key('keyup', 'Shift', init)
}

describe('quick exit', () => {
  it('blanks the page in the same task, drops the key and every decrypted record, remembers the exit and leaves for the neutral page', async () => {
    const vault = useVaultStore()
    await vault.open(freshVaultOptions())
    const records = useRecordsStore()
    await records.save(makeGoal({ title: 'Safe address' }))
    const left: string[] = []
    wrapper = await mountExit(left)
    expect(wrapper.get('button').text()).toBe('Luk')

    ;(wrapper.get('[data-test="quick-exit"]').element as HTMLButtonElement).click()
    // Synchronously, before any await: blank, closed, remembered, gone.
    expect(document.documentElement.classList.contains(BLANK_CLASS)).toBe(true)
    expect(vault.status).toBe('closed')
    expect(records.live).toEqual([])
    expect(JSON.parse(localStorage.getItem(DEVICE_SETTINGS_KEY) ?? '{}')).toMatchObject({ e: true })
    expect(left).toEqual([NEUTRAL_PAGE])
  })

  it('goes to the ordinary website the citizen chose', async () => {
    useSafetySettings().exitTarget = 'https://www.dr.dk/vejret'
    const left: string[] = []
    wrapper = await mountExit(left)
    await wrapper.get('[data-test="quick-exit"]').trigger('click')
    expect(left).toEqual(['https://www.dr.dk/vejret'])
  })

  it('still leaves when closing the vault fails', () => {
    const left: string[] = []
    runQuickExit(null, {
      blank: () => undefined,
      close: () => {
        throw new Error('broken')
      },
      remember: () => {
        throw new Error('storage full')
      },
      leave: (url) => left.push(url),
    })
    expect(left).toEqual([NEUTRAL_PAGE])
  })

  it('fires on Shift pressed three times on its own', async () => {
    const left: string[] = []
    wrapper = await mountExit(left)
    shift()
    shift()
    expect(left).toEqual([])
    shift()
    expect(left).toEqual([NEUTRAL_PAGE])
  })

  it('does not fire for Shift used with another key, or with a letter typed in between', async () => {
    const left: string[] = []
    wrapper = await mountExit(left)
    // Typing "HI" with Shift: a capital, a capital, a capital.
    for (const letter of ['H', 'I', 'J']) {
      key('keydown', 'Shift', { shiftKey: true })
      key('keydown', letter, { shiftKey: true })
      key('keyup', letter, { shiftKey: true })
      key('keyup', 'Shift')
    }
    shift()
    shift()
    key('keydown', 'a')
    key('keyup', 'a')
    shift()
    shift({ ctrlKey: true })
    await flushPromises()
    expect(left).toEqual([])
  })

  it('stops listening when its owner is gone', async () => {
    const left: string[] = []
    wrapper = await mountExit(left)
    wrapper.unmount()
    wrapper = undefined
    shift()
    shift()
    shift()
    expect(left).toEqual([])
  })
})
