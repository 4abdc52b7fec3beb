import { describe, expect, it } from 'vitest'
import { parseCivilDate, type CivilDate } from '@/domain/civilDate'
import {
  backupReminder,
  inReminderGrace,
  reminderGraceOf,
  type BackupReminder,
} from '@/domain/backupReminders'
import { formatHlc } from '@/domain/clock'
import type { RecordKind } from '@/schemas'
import { courseOn, type CourseInput } from '@/domain/phases'

const d = parseCivilDate

// Day 1 on 14 October 2026: phase 2 begins 14 January 2027, phase 3 on 14 April 2027, and the
// course's last day is 13 July 2027 (phases.ts counts three calendar months from day 1).
const course: CourseInput = { contactStart: d('2026-09-23'), transitionDate: d('2026-10-14'), pauses: [] }
const on = (today: string) => courseOn(course, d(today))

describe('backupReminder', () => {
  it.each<[string, string | null, string, boolean, BackupReminder | null]>([
    ['never backed up, no plan yet', null, '2026-11-23', false, { reason: 'never' }],
    ['never backed up, in phase 1', null, '2026-11-23', true, { reason: 'never' }],
    ['backed up today', '2026-11-23', '2026-11-23', true, null],
    ['one day short of a month', '2026-10-24', '2026-11-23', true, null],
    ['exactly a month ago', '2026-10-23', '2026-11-23', true, { reason: 'monthly' }],
    ['a month ago without a course', '2026-10-23', '2026-11-23', false, { reason: 'monthly' }],
    ['31 January + 1 month clamps to 28 February', '2027-01-31', '2027-02-28', true, { reason: 'monthly' }],
    [
      'phase 1 began after the last backup',
      '2026-10-13',
      '2026-10-20',
      true,
      { reason: 'phaseChange', stage: 'phase1' },
    ],
    ['backed up on the day phase 1 began', '2026-10-14', '2026-10-20', true, null],
    ['in the contact period, backed up before it', '2026-09-01', '2026-09-30', true, null],
    ['phase 2 began yesterday', '2027-01-10', '2027-01-15', true, { reason: 'phaseChange', stage: 'phase2' }],
    ['phase 2 began, backup made since', '2027-01-14', '2027-01-15', true, null],
    ['phase 3 began', '2027-04-01', '2027-04-14', true, { reason: 'phaseChange', stage: 'phase3' }],
    ['15 days before the end: not yet', '2027-06-20', '2027-06-28', true, null],
    [
      '14 days before the end (counting the last day)',
      '2027-06-20',
      '2027-06-30',
      true,
      { reason: 'beforeEnd', courseEnd: d('2027-07-13') },
    ],
    [
      'before the end outranks "never"',
      null,
      '2027-07-13',
      true,
      { reason: 'beforeEnd', courseEnd: d('2027-07-13') },
    ],
    ['backed up inside the last two weeks', '2027-06-30', '2027-07-13', true, null],
    [
      'the course has ended since the last backup',
      '2027-07-01',
      '2027-07-20',
      true,
      { reason: 'phaseChange', stage: 'ended' },
    ],
    ['ended, and backed up after the end', '2027-07-14', '2027-08-01', true, null],
    ['ended long ago, monthly again', '2027-08-01', '2027-09-01', true, { reason: 'monthly' }],
    [
      'a backup date after today (clock turned back) asks for nothing',
      '2027-02-01',
      '2026-11-23',
      true,
      null,
    ],
  ])('%s', (_name, last, today, withCourse, expected) => {
    const lastBackup: CivilDate | null = last === null ? null : d(last)
    expect(backupReminder({ lastBackup, today: d(today), course: withCourse ? on(today) : null })).toEqual(
      expected,
    )
  })

  it('counts a pause: phase 2 starts later, so the phase-change reminder does too', () => {
    const paused: CourseInput = { ...course, pauses: [{ start: d('2026-11-01'), end: d('2026-11-11') }] }
    // Without the pause phase 2 began on 14 January; with ten days' pause it begins 24 January.
    expect(
      backupReminder({
        lastBackup: d('2027-01-05'),
        today: d('2027-01-20'),
        course: courseOn(paused, d('2027-01-20')),
      }),
    ).toBeNull()
    expect(
      backupReminder({
        lastBackup: d('2027-01-05'),
        today: d('2027-01-24'),
        course: courseOn(paused, d('2027-01-24')),
      }),
    ).toEqual({ reason: 'phaseChange', stage: 'phase2' })
  })
})

describe('inReminderGrace', () => {
  it.each<[string, string, number, string, boolean]>([
    ['the day the plan was made', '2026-11-23', 0, '2026-11-23', true],
    ['six days later, few entries', '2026-11-23', 9, '2026-11-29', true],
    ['a week later', '2026-11-23', 0, '2026-11-30', false],
    ['ten entries on day one', '2026-11-23', 10, '2026-11-23', false],
    ['nine entries on day one', '2026-11-23', 9, '2026-11-23', true],
    ['made "tomorrow" (clock turned back)', '2026-11-24', 0, '2026-11-23', true],
    ['a restored plan made months ago', '2026-06-01', 3, '2026-11-23', false],
  ])('%s', (_name, madeOn, entries, today, expected) => {
    expect(inReminderGrace({ planMadeOn: d(madeOn), entries }, d(today))).toBe(expected)
  })
})

describe('backupReminder with a grace period', () => {
  it.each<[string, string | null, string, number, string, BackupReminder | null]>([
    ['never backed up, day one: nothing yet', null, '2026-11-23', 2, '2026-11-23', null],
    ['never backed up, a week on', null, '2026-11-23', 2, '2026-11-30', { reason: 'never' }],
    ['never backed up, ten entries on day one', null, '2026-11-23', 10, '2026-11-23', { reason: 'never' }],
    [
      'a backup exists: the grace does not hide the monthly one',
      '2026-10-23',
      '2026-11-23',
      0,
      '2026-11-23',
      { reason: 'monthly' },
    ],
  ])('%s', (_name, last, madeOn, entries, today, expected) => {
    expect(
      backupReminder({
        lastBackup: last === null ? null : d(last),
        today: d(today),
        course: null,
        grace: { planMadeOn: d(madeOn), entries },
      }),
    ).toEqual(expected)
  })
})

describe('reminderGraceOf', () => {
  const madeAt = (iso: string) => ({
    createdAt: formatHlc({ wallMs: Date.parse(iso), counter: 0, deviceId: '0123456789abcdef' }),
  })
  it.each<[string, string, string, RecordKind[], { planMadeOn: string; entries: number }]>([
    [
      'the plan alone: no entries',
      '2026-03-01T10:00:00Z',
      'Europe/Copenhagen',
      ['plan'],
      { planMadeOn: '2026-03-01', entries: 0 },
    ],
    [
      'everything but the plan counts',
      '2026-03-01T10:00:00Z',
      'Europe/Copenhagen',
      ['plan', 'focusArea', 'goal', 'subGoal', 'note'],
      { planMadeOn: '2026-03-01', entries: 4 },
    ],
    [
      'late evening UTC is the next day in Copenhagen',
      '2026-03-01T23:30:00Z',
      'Europe/Copenhagen',
      [],
      { planMadeOn: '2026-03-02', entries: 0 },
    ],
    [
      'and still the same day in Nuuk',
      '2026-03-01T23:30:00Z',
      'America/Nuuk',
      [],
      { planMadeOn: '2026-03-01', entries: 0 },
    ],
  ])('%s', (_name, createdAt, zone, kinds, expected) => {
    expect(
      reminderGraceOf(
        madeAt(createdAt),
        kinds.map((kind) => ({ kind })),
        zone,
      ),
    ).toEqual(expected)
  })
})
