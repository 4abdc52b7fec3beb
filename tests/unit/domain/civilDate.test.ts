import { afterEach, describe, it, expect } from 'vitest'
import {
  addDays,
  addMonths,
  civilDateInZone,
  civilDateOnDevice,
  CivilDateError,
  compareCivil,
  daysBetween,
  fromEpochDay,
  isCivilDate,
  maxCivil,
  minCivil,
  parseCivilDate,
  toEpochDay,
} from '@/domain/civilDate'

const d = parseCivilDate

describe('parseCivilDate and isCivilDate', () => {
  it.each([
    '2025-01-01',
    '2024-02-29',
    '2000-02-29',
    '2025-12-31',
    '2025-04-30',
    '0001-01-01',
    '0048-02-29',
    '9999-12-31',
  ])('accepts %s', (value) => {
    expect(isCivilDate(value)).toBe(true)
    expect(parseCivilDate(value)).toBe(value)
  })

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'no month 13'],
    ['2025-00-10', 'no month 0'],
    ['2025-01-00', 'no day 0'],
    ['2025-01-32', 'no day 32'],
    ['2025-1-01', 'month not two digits'],
    ['20250101', 'no dashes'],
    ['2025/01/01', 'wrong separator'],
    [' 2025-01-01', 'leading space'],
    ['2025-01-01T00:00', 'a time attached'],
    ['+02025-01-01', 'expanded year'],
    ['', 'empty'],
  ])('rejects %s (%s)', (value) => {
    expect(isCivilDate(value)).toBe(false)
    expect(() => parseCivilDate(value)).toThrow(CivilDateError)
  })

  it.each([[20250101], [null], [undefined], [new Date(0)], [{}]])(
    'isCivilDate(%s) is false for non-strings',
    (value) => {
      expect(isCivilDate(value)).toBe(false)
    },
  )

  it('throws a typed error that carries the input', () => {
    try {
      parseCivilDate('2025-02-29')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(CivilDateError)
      expect(error).toMatchObject({ code: 'invalid-date', input: '2025-02-29', name: 'CivilDateError' })
    }
  })
})

describe('addDays', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-29', 2, '2025-03-31'], // across the EU spring-forward night
    ['2025-10-25', 2, '2025-10-27'], // across the EU fall-back night
    ['2025-03-08', 2, '2025-03-10'], // across the US spring-forward night
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 365, '2024-12-31'],
    ['2025-06-15', 0, '2025-06-15'],
    ['1970-01-01', -1, '1969-12-31'],
    ['0099-12-31', 1, '0100-01-01'],
    ['0050-03-01', -1, '0050-02-28'],
    ['0048-03-01', -1, '0048-02-29'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(d(date), days)).toBe(expected)
  })

  it.each([
    ['9999-12-31', 1],
    ['0000-01-01', -1],
  ])('refuses to leave the years 0000–9999 (%s %+i)', (date, days) => {
    expect(() => addDays(d(date), days)).toThrow(CivilDateError)
  })
})

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 3, '2025-04-30'],
    ['2025-01-31', 6, '2025-07-31'],
    ['2025-01-31', 9, '2025-10-31'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-08-30', 3, '2025-11-30'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-11-29', 3, '2024-02-29'],
    ['2024-11-29', 3, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2025-10-31', -12, '2024-10-31'],
    ['2025-06-15', 0, '2025-06-15'],
    ['0099-11-30', 3, '0100-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(d(date), months)).toBe(expected)
  })

  it('refuses a fractional number of months', () => {
    expect(() => addMonths(d('2025-01-01'), 1.5)).toThrow(CivilDateError)
  })
})

describe('daysBetween', () => {
  it.each([
    ['2025-01-01', '2025-01-02', 1],
    ['2025-01-02', '2025-01-01', -1],
    ['2025-06-15', '2025-06-15', 0],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2025-03-29', '2025-03-31', 2], // a 23-hour day in Copenhagen counts as one day
    ['2025-10-25', '2025-10-27', 2], // a 25-hour day in Copenhagen counts as one day
    ['2025-11-01', '2025-11-03', 2], // a 25-hour day in New York
    ['2025-01-31', '2025-10-31', 273],
    ['1970-01-01', '2000-01-01', 10957],
    ['1900-01-01', '2000-01-01', 36524],
    ['0099-12-31', '0100-01-01', 1],
  ])('from %s to %s is %i', (from, to, expected) => {
    expect(daysBetween(d(from), d(to))).toBe(expected)
  })

  it('is the inverse of addDays over ten years, day by day', () => {
    const start = d('2020-01-01')
    let date = start
    for (let n = 0; n <= 3653; n++) {
      expect(daysBetween(start, date)).toBe(n)
      expect(addDays(start, n)).toBe(date)
      date = addDays(date, 1)
    }
    expect(date).toBe('2030-01-02')
  })
})

describe('toEpochDay and fromEpochDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-01-01', 10957],
    ['2025-01-01', 20089],
  ])('%s is day %i', (date, epochDay) => {
    expect(toEpochDay(d(date))).toBe(epochDay)
    expect(fromEpochDay(epochDay)).toBe(date)
  })

  it('refuses a fractional day', () => {
    expect(() => fromEpochDay(0.5)).toThrow(CivilDateError)
  })
})

describe('compareCivil, minCivil, maxCivil', () => {
  it.each([
    ['2025-01-01', '2025-01-02', -1],
    ['2025-01-02', '2025-01-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2024-12-31', '2025-01-01', -1],
    ['0999-12-31', '1000-01-01', -1],
  ])('compareCivil(%s, %s) = %i', (a, b, expected) => {
    expect(compareCivil(d(a), d(b))).toBe(expected)
  })

  it('sorts chronologically', () => {
    const dates = ['2025-03-01', '2024-12-31', '2025-02-28', '2025-01-01'].map(d)
    expect([...dates].sort(compareCivil)).toEqual(['2024-12-31', '2025-01-01', '2025-02-28', '2025-03-01'])
  })

  it('finds the earliest and the latest', () => {
    const dates = ['2025-03-01', '2024-12-31', '2025-02-28'].map(d)
    expect(minCivil(d('2025-01-01'), ...dates)).toBe('2024-12-31')
    expect(maxCivil(d('2025-01-01'), ...dates)).toBe('2025-03-01')
    expect(minCivil(d('2025-01-01'))).toBe('2025-01-01')
  })
})

describe('civilDateInZone', () => {
  it.each([
    // Copenhagen springs forward 2025-03-30 02:00 CET → 03:00 CEST.
    ['2025-03-29T22:59:59Z', 'Europe/Copenhagen', '2025-03-29'], // 23:59:59 CET
    ['2025-03-29T23:30:00Z', 'Europe/Copenhagen', '2025-03-30'], // 00:30 CET, the short day
    ['2025-03-29T23:30:00Z', 'America/New_York', '2025-03-29'], // 19:30 EDT
    ['2025-03-29T23:30:00Z', 'UTC', '2025-03-29'],
    ['2025-03-30T21:59:59Z', 'Europe/Copenhagen', '2025-03-30'], // 23:59:59 CEST
    ['2025-03-30T22:00:00Z', 'Europe/Copenhagen', '2025-03-31'],
    // Copenhagen falls back 2025-10-26 03:00 CEST → 02:00 CET; 02:30 happens twice.
    ['2025-10-25T22:30:00Z', 'Europe/Copenhagen', '2025-10-26'], // 00:30 CEST, the long day
    ['2025-10-25T22:30:00Z', 'America/New_York', '2025-10-25'], // 18:30 EDT
    ['2025-10-26T00:30:00Z', 'Europe/Copenhagen', '2025-10-26'], // 02:30 CEST
    ['2025-10-26T01:30:00Z', 'Europe/Copenhagen', '2025-10-26'], // 02:30 CET
    ['2025-10-26T22:59:59Z', 'Europe/Copenhagen', '2025-10-26'], // 23:59:59 CET
    ['2025-10-26T23:00:00Z', 'Europe/Copenhagen', '2025-10-27'],
    // New York springs forward 2025-03-09 and falls back 2025-11-02.
    ['2025-03-09T04:30:00Z', 'America/New_York', '2025-03-08'], // 23:30 EST
    ['2025-03-09T05:30:00Z', 'America/New_York', '2025-03-09'], // 00:30 EST, the short day
    ['2025-03-09T05:30:00Z', 'Europe/Copenhagen', '2025-03-09'], // 06:30 CET
    ['2025-11-02T03:59:59Z', 'America/New_York', '2025-11-01'], // 23:59:59 EDT
    ['2025-11-02T04:30:00Z', 'America/New_York', '2025-11-02'], // 00:30 EDT, the long day
    ['2025-11-03T04:30:00Z', 'America/New_York', '2025-11-02'], // 23:30 EST, same day 25 h later
    // The extremes of the zone map.
    ['2025-01-01T10:00:00Z', 'Pacific/Kiritimati', '2025-01-02'], // UTC+14
    ['2025-01-01T10:00:00Z', 'Pacific/Pago_Pago', '2024-12-31'], // UTC−11
    ['2024-02-29T12:00:00Z', 'Asia/Tokyo', '2024-02-29'],
  ])('%s in %s is %s', (instant, timeZone, expected) => {
    expect(civilDateInZone(new Date(instant), timeZone)).toBe(expected)
  })

  it('refuses an unknown time zone and an invalid instant', () => {
    expect(() => civilDateInZone(new Date(0), 'Mars/Olympus_Mons')).toThrow(RangeError)
    expect(() => civilDateInZone(new Date(Number.NaN), 'UTC')).toThrow(RangeError)
  })
})

describe('civilDateOnDevice', () => {
  // Node reads TZ again whenever it changes, so each row runs on a device in that zone.
  const deviceZone = process.env.TZ
  afterEach(() => {
    if (deviceZone === undefined) delete process.env.TZ
    else process.env.TZ = deviceZone
  })
  // Every half hour over both of 2025's clock changes in Copenhagen and New York, and the year's
  // turn: the same day as civilDateInZone in the device's own zone.
  const halfHours = (from: string, hours: number) =>
    Array.from({ length: hours * 2 }, (_, i) => new Date(Date.parse(from) + i * 1_800_000))
  const instants = [
    ...halfHours('2025-03-29T12:00:00Z', 48),
    ...halfHours('2025-10-25T12:00:00Z', 48),
    ...halfHours('2025-03-08T12:00:00Z', 36),
    ...halfHours('2025-11-01T12:00:00Z', 36),
    ...halfHours('2025-12-31T00:00:00Z', 36),
    ...halfHours('2024-02-28T12:00:00Z', 36),
  ]
  it.each(['Europe/Copenhagen', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])(
    "is the day in the device's own zone, %s, at every half hour around clock changes",
    (zone) => {
      process.env.TZ = zone
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone)
      const wrong = instants.filter((at) => civilDateOnDevice(at) !== civilDateInZone(at, zone))
      expect(wrong).toEqual([])
    },
  )

  it.each([
    ['2025-03-29T23:30:00Z', 'Europe/Copenhagen', '2025-03-30'],
    ['2025-03-29T23:30:00Z', 'America/New_York', '2025-03-29'],
    ['2025-01-01T10:00:00Z', 'Pacific/Kiritimati', '2025-01-02'],
    ['2025-01-01T10:00:00Z', 'Pacific/Pago_Pago', '2024-12-31'],
  ])('%s on a device in %s is %s', (instant, zone, expected) => {
    process.env.TZ = zone
    expect(civilDateOnDevice(new Date(instant))).toBe(expected)
  })

  it('refuses an invalid instant', () => {
    expect(() => civilDateOnDevice(new Date(Number.NaN))).toThrow(CivilDateError)
  })
})
