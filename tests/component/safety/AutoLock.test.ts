import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { useAutoLock } from '@/features/safety/useAutoLock'
import { useSafetySettings } from '@/stores/safetySettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { makeGoal } from '../../factories/records'
import { freshVaultOptions } from '../support/fixtures'
import { mountInApp } from '../support/mount'

const MINUTE = 60_000
let wrapper: VueWrapper | undefined
let visibility: DocumentVisibilityState = 'visible'

beforeEach(async () => {
  localStorage.clear()
  visibility = 'visible'
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
  setActivePinia(createPinia())
  // The vault opens on real timers (IndexedDB); the clock is faked only for the waiting.
  await useVaultStore().open(freshVaultOptions())
  await useRecordsStore().save(makeGoal({ title: 'Not for anyone else' }))
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.useRealTimers()
  useVaultStore().close()
})

function mountAutoLock(): Promise<VueWrapper> {
  const Host = defineComponent({
    setup() {
      useAutoLock()
      return () => h('p', 'app')
    },
  })
  return mountInApp(Host, { keepPinia: true })
}

describe('auto-lock', () => {
  it('locks after five minutes without activity and drops every decrypted record', async () => {
    wrapper = await mountAutoLock()
    const vault = useVaultStore()
    vi.advanceTimersByTime(5 * MINUTE - 1000)
    expect(vault.status).toBe('open')
    vi.advanceTimersByTime(1000)
    expect(vault.status).toBe('closed')
    expect(useRecordsStore().live).toEqual([])
  })

  it('counts a touch, a wheel or a key as activity', async () => {
    wrapper = await mountAutoLock()
    const vault = useVaultStore()
    vi.advanceTimersByTime(4 * MINUTE)
    window.dispatchEvent(new Event('pointerdown'))
    vi.advanceTimersByTime(4 * MINUTE)
    window.dispatchEvent(new Event('wheel'))
    vi.advanceTimersByTime(4 * MINUTE)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    vi.advanceTimersByTime(4 * MINUTE)
    expect(vault.status).toBe('open')
    vi.advanceTimersByTime(MINUTE)
    expect(vault.status).toBe('closed')
  })

  it('does not count a scroll the app makes by itself (a new screen starts at its top)', async () => {
    wrapper = await mountAutoLock()
    const vault = useVaultStore()
    vi.advanceTimersByTime(4 * MINUTE)
    window.dispatchEvent(new Event('scroll'))
    vi.advanceTimersByTime(MINUTE)
    expect(vault.status).toBe('closed')
  })

  it('follows the setting (one minute) at once', async () => {
    wrapper = await mountAutoLock()
    useSafetySettings().autoLockMinutes = 1
    return Promise.resolve().then(() => {
      vi.advanceTimersByTime(MINUTE)
      expect(useVaultStore().status).toBe('closed')
    })
  })

  it('locks when the app comes back after the phone slept longer than the limit (timers did not run)', async () => {
    wrapper = await mountAutoLock()
    // Time passes without the timer firing: the clock jumps.
    vi.setSystemTime(Date.now() + 10 * MINUTE)
    document.dispatchEvent(new Event('visibilitychange'))
    expect(useVaultStore().status).toBe('closed')
  })

  it('locks on leaving the app only when chosen, and not while a file picker is open', async () => {
    wrapper = await mountAutoLock()
    const vault = useVaultStore()
    const settings = useSafetySettings()
    visibility = 'hidden'
    document.dispatchEvent(new Event('visibilitychange'))
    expect(vault.status).toBe('open')

    settings.lockOnHide = true
    settings.suspendLockOnHide(30_000)
    document.dispatchEvent(new Event('visibilitychange'))
    expect(vault.status).toBe('open')

    vi.advanceTimersByTime(30_000)
    document.dispatchEvent(new Event('visibilitychange'))
    expect(vault.status).toBe('closed')
  })
})
