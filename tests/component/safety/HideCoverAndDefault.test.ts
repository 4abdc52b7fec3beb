/**
 * Leaving the app: the page is covered whenever it is hidden (before the app switcher takes its
 * picture), and for the shelter transition leaving also locks, unless the citizen turned it off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { useAutoLock } from '@/features/safety/useAutoLock'
import { COVER_CLASS, usePrivacyCover } from '@/features/safety/usePrivacyCover'
import { useSafetySettings } from '@/stores/safetySettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import type { TargetGroup } from '@/schemas'
import { makePlan } from '../../factories/records'
import { freshVaultOptions } from '../support/fixtures'

let wrapper: VueWrapper | undefined
let visibility: DocumentVisibilityState = 'visible'

beforeEach(() => {
  localStorage.clear()
  visibility = 'visible'
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
  document.documentElement.classList.remove(COVER_CLASS)
  setActivePinia(createPinia())
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  useVaultStore().close()
})

function mountApp(): VueWrapper {
  const Host = defineComponent({
    setup() {
      usePrivacyCover()
      useAutoLock()
      return () => h('p', 'app')
    },
  })
  return mount(Host)
}

function hide(): void {
  visibility = 'hidden'
  document.dispatchEvent(new Event('visibilitychange'))
}

function show(): void {
  visibility = 'visible'
  document.dispatchEvent(new Event('visibilitychange'))
}

async function openWithPlan(targetGroup: TargetGroup): Promise<void> {
  await useVaultStore().open(freshVaultOptions())
  await useRecordsStore().save(makePlan({ targetGroup }))
}

describe('the privacy cover', () => {
  it('covers the page in the same task as hiding, and uncovers when visible', async () => {
    await openWithPlan('psychiatry')
    wrapper = mountApp()
    hide()
    expect(document.documentElement.classList.contains(COVER_CLASS)).toBe(true)
    show()
    expect(document.documentElement.classList.contains(COVER_CLASS)).toBe(false)
    window.dispatchEvent(new Event('pagehide'))
    expect(document.documentElement.classList.contains(COVER_CLASS)).toBe(true)
  })

  it('covers even while locked (the lock screen may show a name or a hint)', () => {
    wrapper = mountApp()
    hide()
    expect(document.documentElement.classList.contains(COVER_CLASS)).toBe(true)
  })
})

describe('lock when hidden, by default for the shelter transition', () => {
  it('locks a shelter plan on hiding when nothing was chosen', async () => {
    await openWithPlan('shelter')
    wrapper = mountApp()
    expect(useSafetySettings().lockOnHide).toBe(true)
    hide()
    expect(useVaultStore().status).toBe('closed')
  })

  it('does not lock another transition by default', async () => {
    await openWithPlan('homelessness')
    wrapper = mountApp()
    expect(useSafetySettings().lockOnHide).toBe(false)
    hide()
    expect(useVaultStore().status).toBe('open')
  })

  it("the citizen's choice wins, and only a choice is stored", async () => {
    await openWithPlan('shelter')
    wrapper = mountApp()
    const settings = useSafetySettings()
    expect(settings.lockOnHideChoice).toBeNull()
    settings.lockOnHide = false
    hide()
    expect(useVaultStore().status).toBe('open')
    await Promise.resolve()
    expect(JSON.parse(localStorage.getItem('settings') ?? '{}')).toMatchObject({ h: false })
  })
})
