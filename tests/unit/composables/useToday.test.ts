// @vitest-environment happy-dom
// useToday listens for `visibilitychange` on the document, so this needs a DOM even among unit tests.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useToday } from '@/composables/useToday'

// A phone may keep the app open across midnight: "today" (phase, days left, what is due) must
// turn over by itself, without a reload or a change of screen.
describe('useToday', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    // 23:59:30 on 23 November 2026 on the device's own clock.
    vi.setSystemTime(new Date(2026, 10, 23, 23, 59, 30))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('turns over at midnight while the app stays open', () => {
    const scope = effectScope()
    const today = scope.run(() => useToday())
    expect(today?.value).toBe('2026-11-23')
    vi.advanceTimersByTime(29_000)
    expect(today?.value).toBe('2026-11-23')
    vi.advanceTimersByTime(31_000)
    expect(today?.value).toBe('2026-11-24')
    scope.stop()
  })

  it('catches up when the app comes back from the background', () => {
    const scope = effectScope()
    const today = scope.run(() => useToday())
    // The phone slept for two days: timers did not run, the clock did.
    vi.setSystemTime(new Date(2026, 10, 26, 8, 0, 0))
    document.dispatchEvent(new Event('visibilitychange'))
    expect(today?.value).toBe('2026-11-26')
    scope.stop()
  })

  it('stops looking at the clock when its screen goes', () => {
    const scope = effectScope()
    const today = scope.run(() => useToday())
    scope.stop()
    vi.advanceTimersByTime(120_000)
    document.dispatchEvent(new Event('visibilitychange'))
    expect(today?.value).toBe('2026-11-23')
    expect(vi.getTimerCount()).toBe(0)
  })
})
