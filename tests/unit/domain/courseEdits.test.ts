import { describe, expect, it } from 'vitest'
import {
  checkDates,
  checkPauseEnd,
  checkPauseStart,
  checkWorker,
  courseProblem,
  dayOneKind,
  defaultContactStart,
  PHONE_LIMIT,
  readDate,
  suggestedPauseEnd,
  withDates,
  withPauseEnded,
  withPauseStarted,
  withTransition,
  withWorker,
  withoutPause,
} from '@/domain/courseEdits'
import { openPause } from '@/domain/course'
import { TEXT_LIMITS } from '@/domain/planForms'
import { planWorkerSchema, targetGroups, type Pause, type TargetGroup } from '@/schemas'
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
      { ok: false, field: 'contactStart', problem: 'contact-after-transition' },
    ],
    [
      'an impossible day 1',
      '',
      '2026-02-30',
      noPauses,
      { ok: false, field: 'transitionDate', problem: 'invalid-date' },
    ],
    [
      'an impossible contact start',
      '2026-13-01',
      '',
      noPauses,
      { ok: false, field: 'contactStart', problem: 'invalid-date' },
    ],
    [
      'day 1 moved after a pause began',
      '2026-09-01',
      '2026-11-05',
      paused,
      { ok: false, field: 'transitionDate', problem: 'pause-before-start' },
    ],
    [
      'day 1 removed from a paused course',
      '2026-09-01',
      '',
      paused,
      { ok: false, field: 'transitionDate', problem: 'day-one-needed' },
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
    ['phone without a name', '', '12', { ok: false, field: 'name', problem: 'nameNeeded' }],
    ['letters in the phone', 'Mette', 'ring mig', { ok: false, field: 'phone', problem: 'phoneInvalid' }],
    ['a name too long', 'x'.repeat(121), '', { ok: false, field: 'name', problem: 'nameTooLong' }],
  ] as const)('%s', (_name, name, phone, expected) => {
    expect(checkWorker(name, phone)).toEqual(expected)
  })

  // The plan schema refuses what this check lets through, so the two must say the same.
  it.each([
    ['a name at the limit', 'x'.repeat(TEXT_LIMITS.personName), ''],
    ['a name over the limit', 'x'.repeat(TEXT_LIMITS.personName + 1), ''],
    ['a phone at the limit', 'Mette', '1'.repeat(PHONE_LIMIT)],
    ['a phone over the limit', 'Mette', '1'.repeat(PHONE_LIMIT + 1)],
    ['every separator', 'Mette', '+45 (12) 34-56./#*'],
    ['a letter', 'Mette', '12a'],
    ['a semicolon', 'Mette', '12;34'],
  ])('agrees with the plan schema: %s', (_name, name, phone) => {
    const checked = checkWorker(name, phone)
    const parsed = planWorkerSchema.safeParse(
      phone.trim() === '' ? { name: name.trim() } : { name: name.trim(), phone: phone.trim() },
    )
    expect(checked.ok).toBe(parsed.success)
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

  it('plans no pause while none runs, and finds the one that runs', () => {
    expect(openPause(makePlan())).toBeNull()
  })
})

describe('dayOneKind', () => {
  it.each<[TargetGroup | null, string]>([
    ['homelessness', 'move'],
    ['shelter', 'move'],
    ['psychiatry', 'move'],
    ['aftercare', 'move'],
    ['greenlanders', 'support'],
    ['employment', 'work'],
    ['other', 'other'],
    [null, 'other'],
  ])('%s → %s', (group, kind) => {
    expect(dayOneKind(group)).toBe(kind)
  })

  it('knows every transition', () => {
    for (const group of targetGroups) expect(dayOneKind(group)).not.toBe(undefined)
  })
})

describe('checkPauseStart', () => {
  // makePlan: day 1 is 2026-08-24, no pauses.
  const id = '5b0f7c1e-7a3a-4d4c-9a39-2f4f2b6a1c11'
  const draft = (startText: string, reason: Pause['reason'] | null, noteText = '') => ({
    id,
    startText,
    reason,
    noteText,
  })

  it.each([
    ['no day, no reason', draft('', null), { start: 'date-needed', reason: 'reason-needed' }],
    ['no day', draft(' ', 'hospital'), { start: 'date-needed', reason: null }],
    ['an impossible day', draft('2026-02-30', 'hospital'), { start: 'invalid-date', reason: null }],
    ['no reason', draft('2026-10-01', null), { start: null, reason: 'reason-needed' }],
    ['before day 1', draft('2026-08-01', 'prison'), { start: 'pause-before-start', reason: null }],
  ] as const)('%s', (_name, given, problems) => {
    expect(checkPauseStart(makePlan(), given)).toEqual({ ok: false, problems })
  })

  it('starts a running pause, keeping a note only when one was written', () => {
    const plan = makePlan()
    expect(checkPauseStart(plan, draft('2026-10-01', 'treatment', '  '))).toEqual({
      ok: true,
      plan: { ...plan, pauses: [{ id, start: '2026-10-01', end: null, reason: 'treatment' }] },
    })
    const noted = checkPauseStart(makePlan(), draft('2026-10-01', 'other', ' away '))
    expect(noted.ok && noted.plan.pauses[0]?.note).toBe('away')
  })

  it('refuses a second pause that overlaps a finished one', () => {
    const plan = makePlan({
      pauses: [
        { id: crypto.randomUUID(), start: day('2026-10-01'), end: day('2026-10-11'), reason: 'hospital' },
      ],
    })
    expect(checkPauseStart(plan, draft('2026-10-05', 'hospital'))).toEqual({
      ok: false,
      problems: { start: 'pauses-overlap', reason: null },
    })
  })
})

describe('checkPauseEnd', () => {
  const id = crypto.randomUUID()
  const paused = makePlan({ pauses: [{ id, start: day('2026-10-01'), end: null, reason: 'hospital' }] })

  it.each([
    ['no day', '', { ok: false, problem: 'date-needed' }],
    ['an impossible day', '2026-13-01', { ok: false, problem: 'invalid-date' }],
    ['the day it began', '2026-10-01', { ok: false, problem: 'pause-empty' }],
    ['before it began', '2026-09-20', { ok: false, problem: 'pause-end-before-start' }],
  ] as const)('%s', (_name, endText, expected) => {
    expect(checkPauseEnd(paused, id, endText)).toEqual(expected)
  })

  it('ends the pause on a later day', () => {
    const checked = checkPauseEnd(paused, id, '2026-10-21')
    expect(checked.ok && checked.plan.pauses).toEqual([
      { id, start: '2026-10-01', end: '2026-10-21', reason: 'hospital' },
    ])
  })
})

describe('suggestedPauseEnd', () => {
  it.each([
    ['today, for a pause that began earlier', '2026-10-01', '2026-10-20', '2026-10-20'],
    ['the day after it began, for a pause that began today', '2026-10-20', '2026-10-20', '2026-10-21'],
    ['the day after it began, for a pause that begins later', '2026-10-25', '2026-10-20', '2026-10-26'],
  ])('%s', (_name, start, today, expected) => {
    expect(suggestedPauseEnd({ start: day(start) }, day(today))).toBe(expected)
  })
})
