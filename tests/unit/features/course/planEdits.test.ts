import { describe, expect, it } from 'vitest'
import { checkDates, pauseDateMessages } from '@/features/course/planEdits'
import { checkWorker, telHref } from '@/features/course/workerFields'
import { dayOneLabel } from '@/features/course/labels'
import { day } from '../../../factories/records'
import da from '../../../../locales/da.json'
import { messageAt } from '../../../support/messages'

// The rules are the domain's (tests/unit/domain/courseEdits.test.ts); these are the words for them.
describe('course form messages', () => {
  it.each([
    ['2026-10-20', '2026-10-14', { field: 'contactStart', message: 'course.error.contactAfterTransition' }],
    ['', '2026-02-30', { field: 'transitionDate', message: 'course.error.invalidDate' }],
  ])('dates %s / %s', (contact, transition, expected) => {
    expect(checkDates(contact, transition, day('2026-11-23'))).toEqual({ ok: false, ...expected })
  })

  it('says day 1 is needed once the course has pauses', () => {
    const pauses = [
      { id: crypto.randomUUID(), start: day('2026-11-01'), end: null, reason: 'other' as const },
    ]
    expect(checkDates('2026-09-01', '', day('2026-11-23'), { pauses, restarts: [] })).toEqual({
      ok: false,
      field: 'transitionDate',
      message: 'course.error.dayOneNeeded',
    })
  })

  it('passes checked dates through', () => {
    expect(checkDates('', '', day('2026-11-23'))).toEqual({
      ok: true,
      contactStart: '2026-11-23',
      transitionDate: null,
    })
  })

  it.each([
    ['', '12', { ok: false, field: 'name', message: 'onboarding.worker.nameNeeded' }],
    ['x'.repeat(121), '', { ok: false, field: 'name', message: 'onboarding.worker.nameTooLong' }],
    ['Mette', 'ring mig', { ok: false, field: 'phone', message: 'onboarding.worker.phoneInvalid' }],
    [' Mette ', ' 12 ', { ok: true, worker: { name: 'Mette', phone: '12' } }],
  ])('worker %j / %j', (name, phone, expected) => {
    expect(checkWorker(name, phone)).toEqual(expected)
  })

  it('has a Danish text for every pause date message', () => {
    for (const key of Object.values(pauseDateMessages)) expect(typeof messageAt(da, key), key).toBe('string')
  })

  it('names day 1 after the transition', () => {
    expect(dayOneLabel('shelter')).toBe('onboarding.dates.dayOne.move')
    expect(dayOneLabel('greenlanders')).toBe('onboarding.dates.dayOne.support')
    expect(dayOneLabel('employment')).toBe('onboarding.dates.dayOne.work')
    expect(dayOneLabel(null)).toBe('onboarding.dates.dayOne.other')
    for (const kind of ['move', 'support', 'work', 'other'])
      expect(typeof messageAt(da, `onboarding.dates.dayOne.${kind}`)).toBe('string')
  })

  it('dials digits and + only', () => {
    expect(telHref('+45 (12) 34-56.78')).toBe('tel:+4512345678')
  })
})
