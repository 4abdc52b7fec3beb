import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, watch } from 'vue'
import { useSafetySettings } from '@/stores/safetySettings'
import { usePageLifecycle } from '@/features/safety/usePageLifecycle'
import { BLANK_CLASS } from '@/features/safety/quickExit'
import { useVaultGate } from '@/features/safety/useVaultGate'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import { PASSPHRASE, freshVaultOptions } from '../support/fixtures'
import { eventually, mountInApp } from '../support/mount'

let wrapper: VueWrapper | undefined
let options: VaultStoreOptions
let persisted = 0

beforeEach(async () => {
  localStorage.clear()
  persisted = 0
  setActivePinia(createPinia())
  options = freshVaultOptions()
  // The store keeps its options: a first call with them points the gate's open() at this database.
  await useVaultStore().refreshLockState(options)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
  document.documentElement.classList.remove(BLANK_CLASS)
})

/** happy-dom's PageTransitionEvent ignores `persisted`; the real one sets it for the back/forward cache. */
function pageTransition(type: 'pagehide' | 'pageshow', persisted = true): Event {
  return Object.assign(new Event(type), { persisted })
}

/** Mounts the gate; `seen` gets every "status: shown" pair as it happens (the screens' view). */
async function mountGate(seen?: string[]): Promise<{ wrapper: VueWrapper; shown: () => boolean }> {
  let show = (): boolean => false
  const Host = defineComponent({
    setup() {
      const { showScreens } = useVaultGate({
        persist: () => {
          persisted += 1
          return Promise.resolve()
        },
      })
      if (seen) {
        const vault = useVaultStore()
        watch(
          () => `${vault.status}: ${showScreens.value ? 'screens' : 'lock screen'}`,
          (pair) => seen.push(pair),
          { flush: 'sync', immediate: true },
        )
      }
      usePageLifecycle()
      show = () => showScreens.value
      return () => h('p', showScreens.value ? 'screens' : 'lock screen')
    },
  })
  return { wrapper: await mountInApp(Host, { keepPinia: true }), shown: () => show() }
}

describe('the vault gate', () => {
  it('opens "no lock" at start, shows the screens, and asks once to keep the storage', async () => {
    const gate = await mountGate()
    wrapper = gate.wrapper
    await eventually(() => {
      expect(gate.shown()).toBe(true)
    })
    useVaultStore().lock()
    await useVaultStore().open()
    await flushPromises()
    expect(persisted).toBe(1)
  })

  it('on a device that holds nothing yet, shows the screens while the new store is made (a first visit)', async () => {
    const seen: string[] = []
    const gate = await mountGate(seen)
    wrapper = gate.wrapper
    await eventually(() => {
      expect(useVaultStore().status).toBe('open')
    })
    expect(seen).toContain('opening: screens')
  })

  it('on a device with a plan store, shows the lock screen while it opens, the screens once open', async () => {
    await useVaultStore().open()
    useVaultStore().close()
    const seen: string[] = []
    const gate = await mountGate(seen)
    wrapper = gate.wrapper
    await eventually(() => {
      expect(gate.shown()).toBe(true)
    })
    expect(seen).toContain('opening: lock screen')
    expect(seen).not.toContain('opening: screens')
  })

  it('after a quick exit does not open by itself, and forgets the exit once the citizen opens', async () => {
    useSafetySettings().markExited()
    const gate = await mountGate()
    wrapper = gate.wrapper
    await flushPromises()
    expect(useVaultStore().status).toBe('closed')
    expect(gate.shown()).toBe(false)
    await useVaultStore().open()
    await flushPromises()
    expect(gate.shown()).toBe(true)
    expect(useSafetySettings().lockedAfterExit).toBe(false)
  })

  it('keeps the screens while a passphrase is set (the vault re-opens under the new key)', async () => {
    const gate = await mountGate()
    wrapper = gate.wrapper
    await eventually(() => {
      expect(gate.shown()).toBe(true)
    })
    const seen: boolean[] = []
    const stop = setInterval(() => seen.push(gate.shown()), 0)
    await useVaultStore().setPassphrase(PASSPHRASE)
    clearInterval(stop)
    expect(seen).not.toContain(false)
    expect(gate.shown()).toBe(true)
  })

  it('blanks and closes a page that goes into the back/forward cache, and shows the lock screen when it comes back', async () => {
    const gate = await mountGate()
    wrapper = gate.wrapper
    await eventually(() => {
      expect(gate.shown()).toBe(true)
    })
    window.dispatchEvent(pageTransition('pagehide'))
    expect(document.documentElement.classList.contains(BLANK_CLASS)).toBe(true)
    expect(useVaultStore().status).toBe('closed')
    window.dispatchEvent(pageTransition('pageshow'))
    await eventually(() => {
      expect(document.documentElement.classList.contains(BLANK_CLASS)).toBe(false)
    })
    expect(gate.shown()).toBe(false)
    expect(wrapper.text()).toBe('lock screen')
  })

  it('leaves an ordinary page hide alone (the page is going away for good)', async () => {
    const gate = await mountGate()
    wrapper = gate.wrapper
    await eventually(() => {
      expect(gate.shown()).toBe(true)
    })
    window.dispatchEvent(pageTransition('pagehide', false))
    expect(useVaultStore().status).toBe('open')
  })
})
