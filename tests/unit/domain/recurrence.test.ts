import { describe, expect, it } from 'vitest'
import { parseCivilDate } from '@/domain/civilDate'
import { nextOccurrence, occurrencesBetween, type Recurring, type Repeat } from '@/domain/recurrence'

const d = parseCivilDate

function activity(date: string | null, repeat: Repeat): Recurring {
  return date === null ? { repeat } : { date: d(date), repeat }
}

// Expected dates were counted on a calendar. 2 Nov 2026 and 23 Nov 2026 are Mondays.
describe('nextOccurrence', () => {
  it.each<[name: string, date: string | null, repeat: Repeat, onOrAfter: string, expected: string | null]>([
    ['an undated activity has none', null, 'daily', '2026-11-23', null],
    ['a one-off ahead', '2026-11-30', 'none', '2026-11-23', '2026-11-30'],
    ['a one-off on the day', '2026-11-30', 'none', '2026-11-30', '2026-11-30'],
    ['a one-off in the past has none', '2026-11-30', 'none', '2026-12-01', null],
    ['daily, started earlier: today', '2026-11-20', 'daily', '2026-11-23', '2026-11-23'],
    ['daily, not started yet: its first day', '2026-11-30', 'daily', '2026-11-23', '2026-11-30'],
    ['weekly on a Monday, asked on a Monday', '2026-11-02', 'weekly', '2026-11-23', '2026-11-23'],
    ['weekly on a Monday, asked on a Tuesday', '2026-11-02', 'weekly', '2026-11-24', '2026-11-30'],
    ['weekly, across the year end', '2026-12-28', 'weekly', '2027-01-01', '2027-01-04'],
    [
      'weekly, across the EU spring-forward day (29 Mar 2026)',
      '2026-03-23',
      'weekly',
      '2026-03-29',
      '2026-03-30',
    ],
    ['monthly on the 15th, before this month’s', '2026-01-15', 'monthly', '2026-02-15', '2026-02-15'],
    ['monthly on the 15th, after this month’s', '2026-01-15', 'monthly', '2026-02-16', '2026-03-15'],
    ['monthly on the 31st: February clamps to the 28th', '2026-01-31', 'monthly', '2026-02-01', '2026-02-28'],
    ['monthly on the 31st: March is back on the 31st', '2026-01-31', 'monthly', '2026-03-01', '2026-03-31'],
    ['monthly on the 31st: on the clamped day itself', '2026-01-31', 'monthly', '2026-02-28', '2026-02-28'],
    ['monthly on the 31st: April clamps to the 30th', '2026-01-31', 'monthly', '2026-04-01', '2026-04-30'],
    ['monthly on the 31st: leap-year February', '2024-01-31', 'monthly', '2024-02-01', '2024-02-29'],
    ['monthly on the 31st: on its own day', '2026-01-31', 'monthly', '2026-05-31', '2026-05-31'],
    ['monthly on the 31st, across the year end', '2026-12-31', 'monthly', '2027-01-01', '2027-01-31'],
    ['monthly on the 30th: February, then 30 March', '2026-01-30', 'monthly', '2026-03-01', '2026-03-30'],
    ['monthly on the 29th: February clamps to the 28th', '2026-01-29', 'monthly', '2026-02-01', '2026-02-28'],
    [
      'monthly on the 28th is never moved to a month end',
      '2026-02-28',
      'monthly',
      '2026-03-01',
      '2026-03-28',
    ],
  ])('%s', (_name, date, repeat, onOrAfter, expected) => {
    expect(nextOccurrence(activity(date, repeat), d(onOrAfter))).toBe(expected)
  })
})

describe('occurrencesBetween', () => {
  it.each<
    [
      name: string,
      date: string | null,
      repeat: Repeat,
      from: string,
      to: string,
      limit: number,
      expected: string[],
    ]
  >([
    [
      'monthly on the 31st keeps its anchor',
      '2026-01-31',
      'monthly',
      '2026-01-01',
      '2026-06-30',
      10,
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'],
    ],
    [
      'monthly on the 29th over a leap February',
      '2023-12-29',
      'monthly',
      '2024-01-01',
      '2024-03-31',
      10,
      ['2024-01-29', '2024-02-29', '2024-03-29'],
    ],
    [
      'weekly, from the middle of a week',
      '2026-11-02',
      'weekly',
      '2026-11-10',
      '2026-12-01',
      10,
      ['2026-11-16', '2026-11-23', '2026-11-30'],
    ],
    [
      'daily, cut at the limit',
      '2026-11-20',
      'daily',
      '2026-11-01',
      '2026-12-31',
      3,
      ['2026-11-20', '2026-11-21', '2026-11-22'],
    ],
    [
      'daily over the EU spring-forward day',
      '2026-03-27',
      'daily',
      '2026-03-28',
      '2026-03-31',
      10,
      ['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'],
    ],
    [
      'both ends are included',
      '2026-11-02',
      'weekly',
      '2026-11-09',
      '2026-11-16',
      10,
      ['2026-11-09', '2026-11-16'],
    ],
    ['a one-off inside', '2026-11-30', 'none', '2026-11-01', '2026-11-30', 10, ['2026-11-30']],
    ['a one-off outside', '2026-11-30', 'none', '2026-12-01', '2026-12-31', 10, []],
    ['an undated activity', null, 'weekly', '2026-11-01', '2026-12-31', 10, []],
    ['a span that ends before it starts', '2026-11-02', 'daily', '2026-11-10', '2026-11-09', 10, []],
    ['a limit of 0', '2026-11-02', 'daily', '2026-11-02', '2026-11-09', 0, []],
  ])('%s', (_name, date, repeat, from, to, limit, expected) => {
    expect(occurrencesBetween(activity(date, repeat), d(from), d(to), limit)).toEqual(expected)
  })

  it.each([-1, 1.5, Number.NaN])('refuses the limit %s', (limit) => {
    expect(() =>
      occurrencesBetween(activity('2026-11-02', 'daily'), d('2026-11-02'), d('2026-11-09'), limit),
    ).toThrow(RangeError)
  })
})
