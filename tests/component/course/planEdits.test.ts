import { describe, expect, it } from 'vitest'
import {
  checkDates,
  defaultContactStart,
  openPause,
  withDates,
  withPauseEnded,
  withPauseStarted,
  withTransition,
  withWorker,
  withoutPause,
  courseProblem,
  readDate,
} from '@/features/course/planEdits'
import { checkWorker, telHref } from '@/features/course/workerFields'
import { dayOneLabel } from '@/features/course/labels'
import { day, makePlan } from '../../factories/records'

const today = day('2026-11-23')

describe('defaultContactStart', () => {
  it.each([
    ['day 1 unknown: today', null, '2026-11-23'],
    ['day 1 ahead: today', '2026-12-01', '2026-11-23'],
    ['day 1 is today: today', '2026-11-23', '2026-11-23'],
    ['day 1 passed: day 1 (no contact period on record)', '2026-10-14', '2026-10-14'],
  ] as const)('%s', (_name, transition, expected) => {
    expect(defaultContactStart(transition === null ? null : day(transition), today)).toBe(expected)
  })
})

describe('readDate', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['2026-10-14', '2026-10-14'],
    ['2026-02-30', 'invalid'],
    ['14-10-2026', 'invalid'],
  ] as const)('%j → %j', (input, expected) => {
    expect(readDate(input)).toBe(expected)
  })
})

describe('checkDates', () => {
  const noPauses = { pauses: [], restarts: [] }
  const paused = {
    pauses: [
      {
        id: crypto.randomUUID(),
        start: day('2026-11-01'),
        end: day('2026-11-11'),
        reason: 'hospital' as const,
      },
    ],
    restarts: [],
  }

  it.each([
    [
      'both dates',
      '2026-09-23',
      '2026-10-14',
      noPauses,
      { ok: true, contactStart: '2026-09-23', transitionDate: '2026-10-14' },
    ],
    ['no dates', '', '', noPauses, { ok: true, contactStart: '2026-11-23', transitionDate: null }],
    [
      'only day 1, in the past',
      '',
      '2026-10-14',
      noPauses,
      { ok: true, contactStart: '2026-10-14', transitionDate: '2026-10-14' },
    ],
    [
      'contact after day 1',
      '2026-10-20',
      '2026-10-14',
      noPauses,
      { ok: false, field: 'contactStart', message: 'course.error.contactAfterTransition' },
    ],
    [
      'an impossible day 1',
      '',
      '2026-02-30',
      noPauses,
      { ok: false, field: 'transitionDate', message: 'course.error.invalidDate' },
    ],
    [
      'an impossible contact start',
      '2026-13-01',
      '',
      noPauses,
      { ok: false, field: 'contactStart', message: 'course.error.invalidDate' },
    ],
    [
      'day 1 moved after a pause began',
      '2026-09-01',
      '2026-11-05',
      paused,
      { ok: false, field: 'transitionDate', message: 'course.error.pauseBeforeStart' },
    ],
    [
      'day 1 removed from a paused course',
      '2026-09-01',
      '',
      paused,
      { ok: false, field: 'transitionDate', message: 'course.error.dayOneNeeded' },
    ],
    [
      'day 1 moved, still before the pause',
      '2026-09-01',
      '2026-10-20',
      paused,
      { ok: true, contactStart: '2026-09-01', transitionDate: '2026-10-20' },
    ],
  ] as const)('%s', (_name, contact, transition, plan, expected) => {
    expect(checkDates(contact, transition, today, plan)).toEqual(expected)
  })
})

describe('checkWorker', () => {
  it.each([
    ['nothing', '', '', { ok: true, worker: null }],
    ['a name', ' Mette ', '', { ok: true, worker: { name: 'Mette' } }],
    [
      'name and phone',
      'Mette',
      ' +45 12 34-56 (78) ',
      { ok: true, worker: { name: 'Mette', phone: '+45 12 34-56 (78)' } },
    ],
    ['phone without a name', '', '12', { ok: false, field: 'name', message: 'onboarding.worker.nameNeeded' }],
    [
      'letters in the phone',
      'Mette',
      'ring mig',
      { ok: false, field: 'phone', message: 'onboarding.worker.phoneInvalid' },
    ],
    [
      'a name too long',
      'x'.repeat(121),
      '',
      { ok: false, field: 'name', message: 'onboarding.worker.nameTooLong' },
    ],
  ] as const)('%s', (_name, name, phone, expected) => {
    expect(checkWorker(name, phone)).toEqual(expected)
  })

  it('dials digits and + only', () => {
    expect(telHref('+45 (12) 34-56.78')).toBe('tel:+4512345678')
  })
})

describe('plan edits', () => {
  it('sets and clears day 1, the worker and the words for "other"', () => {
    const plan = makePlan()
    expect(withDates(plan, day('2026-08-01'), null)).not.toHaveProperty('transitionDate')
    expect(withDates(plan, day('2026-08-01'), day('2026-08-30')).transitionDate).toBe('2026-08-30')
    expect(withWorker(plan, null)).not.toHaveProperty('worker')
    expect(withTransition(plan, 'other', ' mine ').targetGroupOther).toBe('mine')
    expect(withTransition({ ...plan, targetGroupOther: 'old' }, 'shelter', 'ignored')).not.toHaveProperty(
      'targetGroupOther',
    )
    // The original is never changed.
    expect(plan.transitionDate).toBe('2026-08-24')
  })

  it('pauses, resumes and deletes a pause', () => {
    const id = crypto.randomUUID()
    const paused = withPauseStarted(makePlan(), { id, start: day('2026-10-01'), reason: 'prison' })
    expect(openPause(paused)).toEqual({ id, start: '2026-10-01', end: null, reason: 'prison' })
    const resumed = withPauseEnded(paused, id, day('2026-10-21'))
    expect(openPause(resumed)).toBeNull()
    expect(resumed.pauses).toEqual([{ id, start: '2026-10-01', end: '2026-10-21', reason: 'prison' }])
    expect(withoutPause(resumed, id).pauses).toEqual([])
  })

  it('finds the rule a change breaks', () => {
    const plan = makePlan()
    expect(courseProblem(plan)).toBeNull()
    expect(
      courseProblem(
        withPauseStarted(plan, { id: crypto.randomUUID(), start: day('2026-08-01'), reason: 'other' }),
      )?.code,
    ).toBe('pause-before-start')
    // Without day 1 there is no course to check.
    expect(courseProblem(withDates(plan, day('2026-08-01'), null))).toBeNull()
  })

  it('names day 1 after the transition', () => {
    expect(dayOneLabel('shelter')).toBe('onboarding.dates.dayOne.move')
    expect(dayOneLabel('greenlanders')).toBe('onboarding.dates.dayOne.support')
    expect(dayOneLabel('employment')).toBe('onboarding.dates.dayOne.work')
    expect(dayOneLabel(null)).toBe('onboarding.dates.dayOne.other')
  })
})
