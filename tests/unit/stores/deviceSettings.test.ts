import { beforeEach, describe, expect, it } from 'vitest'
import {
  DEVICE_SETTINGS_KEY,
  LEGACY_KEYS,
  readDeviceSettings,
  writeDeviceSettings,
} from '@/stores/deviceSettings'

beforeEach(() => {
  localStorage.clear()
})

const defaults = {
  a: 5,
  h: null,
  x: null,
  e: false,
  b: null,
  r: false,
  c: 'none',
  n: false,
  w: false,
  k: null,
  g: false,
}

describe('the one plaintext settings entry', () => {
  it('has defaults, and names nothing it stores', () => {
    expect(readDeviceSettings()).toEqual(defaults)
    writeDeviceSettings({ e: true, b: readDeviceSettings().b, x: 'https://www.dr.dk/vejret' })
    expect(Object.keys(localStorage)).toEqual([DEVICE_SETTINGS_KEY])
    const raw = localStorage.getItem(DEVICE_SETTINGS_KEY) ?? ''
    for (const tell of ['lockedAfterExit', 'exitTarget', 'lastBackup', 'lockOnHide', 'easyRead', 'trin'])
      expect(raw).not.toContain(tell)
  })

  it('parses every field on its own: one bad value keeps the others', () => {
    localStorage.setItem(
      DEVICE_SETTINGS_KEY,
      JSON.stringify({ a: 12, h: 'yes', x: 'javascript:alert(1)', e: true, b: 'x', r: 1, c: 'weekBefore' }),
    )
    expect(readDeviceSettings()).toEqual({ ...defaults, a: 12, e: true })
    localStorage.setItem(DEVICE_SETTINGS_KEY, 'not json')
    expect(readDeviceSettings()).toEqual(defaults)
  })

  it('moves the old readable keys into the entry once, then deletes them', () => {
    localStorage.setItem(
      LEGACY_KEYS.safety,
      JSON.stringify({
        autoLockMinutes: 3,
        lockOnHide: true,
        exitTarget: 'https://www.dr.dk/',
        lockedAfterExit: true,
      }),
    )
    localStorage.setItem(LEGACY_KEYS.backup, JSON.stringify({ lastBackup: '2026-11-02' }))
    localStorage.setItem(LEGACY_KEYS.preferences, JSON.stringify({ easyRead: true }))
    expect(readDeviceSettings()).toEqual({
      a: 3,
      h: true,
      x: 'https://www.dr.dk/',
      e: true,
      b: '2026-11-02',
      r: true,
      c: 'none',
      n: false,
      w: false,
      k: null,
      g: false,
    })
    expect(Object.keys(localStorage)).toEqual([DEVICE_SETTINGS_KEY])
    expect(readDeviceSettings()).toMatchObject({ a: 3, e: true })
  })

  it('remembers that the one-time call notice was shown, and reads anything else as not shown', () => {
    expect(readDeviceSettings().n).toBe(false)
    writeDeviceSettings({ n: true })
    expect(readDeviceSettings()).toEqual({ ...defaults, n: true })
    localStorage.setItem(DEVICE_SETTINGS_KEY, JSON.stringify({ n: 'yes', r: true }))
    expect(readDeviceSettings()).toEqual({ ...defaults, r: true })
  })

  it("remembers a worker's device, and reads anything else as a citizen's", () => {
    expect(readDeviceSettings().w).toBe(false)
    writeDeviceSettings({ w: true })
    expect(readDeviceSettings()).toEqual({ ...defaults, w: true })
    localStorage.setItem(DEVICE_SETTINGS_KEY, JSON.stringify({ w: 'worker' }))
    expect(readDeviceSettings().w).toBe(false)
  })

  it('keeps the caseload-size reminder the worker hid, and reads anything else as none', () => {
    writeDeviceSettings({ k: 11 })
    expect(readDeviceSettings()).toEqual({ ...defaults, k: 11 })
    for (const bad of ['11', 11.5, true, '<b>']) {
      localStorage.setItem(DEVICE_SETTINGS_KEY, JSON.stringify({ k: bad, w: true }))
      expect(readDeviceSettings()).toEqual({ ...defaults, w: true })
    }
  })

  it('keeps the calendar reminder chosen last', () => {
    writeDeviceSettings({ c: 'hourBefore' })
    expect(readDeviceSettings()).toEqual({ ...defaults, c: 'hourBefore' })
  })

  it('an old "lockOnHide: false" is not taken as a choice (it was written as a default too)', () => {
    localStorage.setItem(LEGACY_KEYS.safety, JSON.stringify({ lockOnHide: false }))
    expect(readDeviceSettings().h).toBeNull()
  })

  it('a new entry already there wins over leftovers of the old keys, which are removed', () => {
    writeDeviceSettings({ a: 9 })
    localStorage.setItem(LEGACY_KEYS.safety, JSON.stringify({ autoLockMinutes: 2 }))
    expect(readDeviceSettings().a).toBe(9)
    expect(localStorage.getItem(LEGACY_KEYS.safety)).toBeNull()
  })
})
