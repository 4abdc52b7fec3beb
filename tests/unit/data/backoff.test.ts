import { describe, expect, it } from 'vitest'
import {
  FREE_ATTEMPTS,
  INITIAL_ATTEMPT_STATE,
  MAX_DELAY_MS,
  attemptGate,
  delayAfterFailures,
  parseAttemptState,
  recordFailure,
} from '@/data/lock/backoff'

const T = 1_800_000_000_000

describe('delayAfterFailures', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 2_000],
    [5, 4_000],
    [6, 8_000],
    [10, 128_000],
    [11, 256_000],
    [12, MAX_DELAY_MS],
    [50, MAX_DELAY_MS],
    [1_000_000, MAX_DELAY_MS],
    [Number.POSITIVE_INFINITY, 0],
    [Number.NaN, 0],
  ])('after %d failures waits %d ms', (failures, wait) => {
    expect(delayAfterFailures(failures)).toBe(wait)
  })

  it('never waits for the first tries and never more than five minutes', () => {
    expect(FREE_ATTEMPTS).toBe(3)
    expect(MAX_DELAY_MS).toBe(300_000)
  })
})

describe('recordFailure and attemptGate', () => {
  it('lets three wrong tries through at once, then makes the fourth wait 2 s', () => {
    let state = INITIAL_ATTEMPT_STATE
    for (let i = 0; i < 3; i++) {
      expect(attemptGate(state, T).wait).toBe(0)
      state = recordFailure(state, T)
    }
    expect(state).toEqual({ failures: 3, notBefore: 0 })
    expect(attemptGate(state, T).wait).toBe(0)
    state = recordFailure(state, T)
    expect(state).toEqual({ failures: 4, notBefore: T + 2_000 })
    expect(attemptGate(state, T + 500).wait).toBe(1_500)
    expect(attemptGate(state, T + 2_000).wait).toBe(0)
  })

  it.each([
    ['a clock turned back a day', { failures: 5, notBefore: T + 4_000 }, T - 86_400_000, 4_000],
    ['a forged notBefore far ahead', { failures: 20, notBefore: T + 10 ** 12 }, T, MAX_DELAY_MS],
    ['a forged wait with no failures', { failures: 0, notBefore: T + 10 ** 9 }, T, 0],
  ])('re-anchors %s to at most one full delay', (_label, stored, now, wait) => {
    const gate = attemptGate(stored, now)
    expect(gate.wait).toBe(wait)
    expect(gate.state).not.toBe(stored)
    // Once the re-anchored wait has passed, the try is allowed.
    expect(attemptGate(gate.state, now + wait).wait).toBe(0)
  })

  it('keeps the same state object when nothing needs re-anchoring', () => {
    const state = { failures: 6, notBefore: T + 8_000 }
    expect(attemptGate(state, T).state).toBe(state)
  })
})

describe('parseAttemptState', () => {
  it.each([
    [undefined],
    [null],
    ['x'],
    [{ failures: -1, notBefore: 0 }],
    [{ failures: 1.5, notBefore: 0 }],
    [{ failures: 2, notBefore: Number.NaN }],
    [{ failures: 2 }],
  ])('treats %j as no failures', (value) => {
    expect(parseAttemptState(value)).toEqual(INITIAL_ATTEMPT_STATE)
  })

  it('reads a valid state', () => {
    expect(parseAttemptState({ failures: 7, notBefore: T })).toEqual({ failures: 7, notBefore: T })
  })
})
