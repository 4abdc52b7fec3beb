import { describe, expect, it } from 'vitest'
import {
  AUTO_LOCK_MINUTES,
  autoLockChoices,
  autoLockDue,
  autoLockMinutes,
  lockOnHideDue,
  msUntilAutoLock,
} from '@/domain/autoLock'

const MIN = 60_000
const T = 1_800_000_000_000

describe('autoLockMinutes', () => {
  it.each<[unknown, number]>([
    [1, 1],
    [5, 5],
    [15, 15],
    [0, AUTO_LOCK_MINUTES.default],
    [16, AUTO_LOCK_MINUTES.default],
    [2.5, AUTO_LOCK_MINUTES.default],
    [Number.NaN, AUTO_LOCK_MINUTES.default],
    ['5', AUTO_LOCK_MINUTES.default],
    [null, AUTO_LOCK_MINUTES.default],
  ])('%s → %s', (value, expected) => {
    expect(autoLockMinutes(value)).toBe(expected)
  })

  it('offers 1 to 15 minutes, default 5', () => {
    expect(autoLockChoices).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
    expect(AUTO_LOCK_MINUTES.default).toBe(5)
  })
})

describe('autoLockDue / msUntilAutoLock', () => {
  it.each<[string, number, number, number, boolean, number]>([
    ['just touched', T, T, 5, false, 5 * MIN],
    ['one millisecond before five minutes', T, T + 5 * MIN - 1, 5, false, 1],
    ['exactly five minutes', T, T + 5 * MIN, 5, true, 0],
    ['long after (the phone slept)', T, T + 3 * 60 * MIN, 5, true, 0],
    ['one minute setting', T, T + MIN, 1, true, 0],
    ['fifteen minutes setting, after ten', T, T + 10 * MIN, 15, false, 5 * MIN],
    ['an invalid setting counts as five', T, T + 5 * MIN, 99, true, 0],
    ['clock a little behind (within tolerance)', T, T - 30_000, 5, false, 5 * MIN + 30_000],
    ['clock turned back by an hour: lock', T, T - 60 * MIN, 5, true, 0],
  ])('%s', (_name, last, now, minutes, due, remaining) => {
    expect(autoLockDue(last, now, minutes)).toBe(due)
    expect(msUntilAutoLock(last, now, minutes)).toBe(remaining)
  })
})

describe('lockOnHideDue', () => {
  it.each<[string, boolean, number, number, boolean]>([
    ['setting off', false, 0, T, false],
    ['setting on', true, 0, T, true],
    ['setting on, while a file picker is open', true, T + 1000, T, false],
    ['setting on, the suspension has passed', true, T, T, true],
  ])('%s', (_name, setting, until, now, expected) => {
    expect(lockOnHideDue(setting, until, now)).toBe(expected)
  })
})
