import { describe, expect, it } from 'vitest'
import {
  CASELOAD_GUIDE,
  MAX_DISMISSED,
  caseloadReminder,
  dismissalId,
  fidelityReminders,
  shownReminders,
  withDismissal,
  type FidelityReminder,
  type FidelityVisit,
} from '@/domain/fidelity'
import type { CivilDate } from '@/domain/civilDate'
import { dismissalIdSchema } from '@/schemas/workerPairing'
import type { ShareableRecord } from '@/domain/sharing'
import { day, makeFocusArea, makeGoal, makeHandoverItem, makePlan, makeRating } from '../../factories/records'

// Day 1 on 24 August 2026 (contact from 1 August): phase 1 until 23 November (92 days), phase 2
// from 24 November, phase 3 from 24 February 2027, the last day 23 May 2027.
const plan = makePlan({ shared: true })
const areas = (count: number, phases: (1 | 2 | 3)[] = [1, 2, 3]) =>
  Array.from({ length: count }, (_, order) => makeFocusArea({ shared: true, order, phases }))
const contactRating = makeRating({ shared: true, stage: 'contact', date: day('2026-08-10') })

function visit(date: string, minutes: number, mode: FidelityVisit['mode'] = 'home'): FidelityVisit {
  return { citizen: 'p', date: day(date), minutes, mode, stage: null }
}

function keysOf(records: readonly ShareableRecord[], visits: readonly FidelityVisit[], today: CivilDate) {
  return fidelityReminders(records, visits, today)
}

function only(key: FidelityReminder['key'], reminders: readonly FidelityReminder[]) {
  return reminders.filter((reminder) => reminder.key === key)
}

describe('fidelityReminders: nothing without her course', () => {
  it.each([
    ['no plan shared, five areas', [...areas(5), contactRating]],
    ['a deleted plan', [makePlan({ shared: true, deleted: true }), ...areas(5)]],
    ['no day 1 yet', [makePlan({ shared: true, transitionDate: undefined }), ...areas(5)]],
  ] as const)('%s', (_name, records) => {
    expect(keysOf(records as readonly ShareableRecord[], [], day('2026-12-07'))).toEqual([])
  })
})

describe('fidelityReminders: about three focus areas per phase', () => {
  it.each([
    [
      'four in phase 2',
      [plan, ...areas(4)],
      '2026-12-07',
      [{ key: 'focusAreas', facts: { phase: 2, phaseStart: '2026-11-24', count: 4 } }],
    ],
    ['three in phase 2', [plan, ...areas(3)], '2026-12-07', []],
    ['four, but one only in phase 1', [plan, ...areas(3), ...areas(1, [1])], '2026-12-07', []],
    [
      'four, one only in phase 1, asked in phase 1',
      [plan, ...areas(3), ...areas(1, [1])],
      '2026-09-01',
      [{ key: 'focusAreas', facts: { phase: 1, phaseStart: '2026-08-24', count: 4 } }],
    ],
    ['four, one deleted', [plan, ...areas(3), { ...areas(1)[0], deleted: true }], '2026-12-07', []],
    ['five in the contact period', [plan, ...areas(5)], '2026-08-10', []],
    ['five after the end', [plan, ...areas(5)], '2027-06-01', []],
  ] as const)('%s', (_name, records, today, expected) => {
    expect(only('focusAreas', keysOf(records as readonly ShareableRecord[], [], day(today)))).toEqual(
      expected,
    )
  })
})

describe('fidelityReminders: meetings with her network in phase 1', () => {
  const reminder = [{ key: 'networkMeeting', facts: { phaseStart: '2026-08-24' } }]
  const paused = makePlan({
    shared: true,
    pauses: [{ id: crypto.randomUUID(), start: day('2026-09-25'), end: null, reason: 'hospital' }],
  })
  it.each([
    ['phase 1, day 39, nothing logged', [plan], [], '2026-10-01', reminder],
    ['phase 1, day 28: still its first weeks', [plan], [], '2026-09-20', []],
    ['phase 1, day 29', [plan], [], '2026-09-21', reminder],
    ['a network meeting in phase 1', [plan], [visit('2026-09-10', 90, 'network')], '2026-10-01', []],
    [
      'a network meeting before day 1 does not count',
      [plan],
      [visit('2026-08-10', 90, 'network')],
      '2026-10-01',
      reminder,
    ],
    [
      'home visits only',
      [plan],
      [visit('2026-09-10', 90), visit('2026-09-17', 60, 'phone')],
      '2026-10-01',
      reminder,
    ],
    ['paused', [paused], [], '2026-10-01', []],
    ['phase 2', [plan], [], '2026-12-07', []],
  ] as const)('%s', (_name, records, visits, today, expected) => {
    expect(only('networkMeeting', keysOf(records, visits, day(today)))).toEqual(expected)
  })
})

describe('fidelityReminders: contact falling from phase to phase', () => {
  // 920 minutes over phase 1's 92 days: 70 a week; 4:2:1 makes that 35 in phase 2.
  const phaseOne = [visit('2026-09-01', 460), visit('2026-10-15', 460)]
  const paused = makePlan({
    shared: true,
    pauses: [{ id: crypto.randomUUID(), start: day('2027-01-10'), end: null, reason: 'hospital' }],
  })
  it.each([
    [
      'phase 2, 53 days in, 600 minutes: about 79 a week, not below 70',
      [plan],
      [...phaseOne, visit('2026-12-01', 300), visit('2027-01-05', 300)],
      '2027-01-15',
      [
        {
          key: 'contactFalling',
          facts: { phase: 2, phaseStart: '2026-11-24', perWeek: 79, previousPerWeek: 70, plannedPerWeek: 35 },
        },
      ],
    ],
    [
      'phase 2 falling: 300 minutes, about 40 a week',
      [plan],
      [...phaseOne, visit('2026-12-01', 300)],
      '2027-01-15',
      [],
    ],
    [
      'the same minutes, but only 20 days into phase 2 (a crisis may pass)',
      [plan],
      [...phaseOne, visit('2026-12-01', 600)],
      '2026-12-13',
      [],
    ],
    [
      'nothing logged in phase 1: nothing to compare with',
      [plan],
      [visit('2026-12-01', 900)],
      '2027-01-15',
      [],
    ],
    ['paused', [paused], [...phaseOne, visit('2026-12-01', 900)], '2027-01-15', []],
    [
      'phase 3 against phase 2: 900 minutes over 92 days, 500 over 37',
      [plan],
      [visit('2026-12-01', 900), visit('2027-03-10', 500)],
      '2027-04-01',
      [
        {
          key: 'contactFalling',
          facts: { phase: 3, phaseStart: '2027-02-24', perWeek: 95, previousPerWeek: 68, plannedPerWeek: 34 },
        },
      ],
    ],
  ] as const)('%s', (_name, records, visits, today, expected) => {
    expect(only('contactFalling', keysOf(records, visits, day(today)))).toEqual(expected)
  })

  it('counts only active days: a closed pause in phase 1 leaves its minutes over fewer weeks', () => {
    // 46 paused days in phase 1 (1 Sept – 16 Oct): phase 1 has 92 active days over 138 calendar days.
    const withPause = makePlan({
      shared: true,
      pauses: [
        { id: crypto.randomUUID(), start: day('2026-09-01'), end: day('2026-10-17'), reason: 'hospital' },
      ],
    })
    const reminders = keysOf(
      [withPause],
      [visit('2026-08-30', 920), visit('2027-01-20', 800)],
      day('2027-02-28'),
    )
    expect(only('contactFalling', reminders)).toEqual([
      {
        key: 'contactFalling',
        // Phase 2 from 9 January 2027; 51 days in: 800 × 7 / 51 ≈ 110 a week.
        facts: { phase: 2, phaseStart: '2027-01-09', perWeek: 110, previousPerWeek: 70, plannedPerWeek: 35 },
      },
    ])
  })
})

describe('fidelityReminders: ratings every three months', () => {
  it.each([
    [
      'the end of phase 1 due, her ratings shared',
      [plan, contactRating],
      '2026-12-07',
      [{ key: 'rating', facts: { stage: 'phase1', since: '2026-11-10', workerMissing: true } }],
    ],
    ['her ratings not shared', [plan], '2026-12-07', []],
    [
      'done by her',
      [plan, contactRating, makeRating({ shared: true, stage: 'phase1', date: day('2026-11-15') })],
      '2026-12-07',
      [],
    ],
  ] as const)('%s', (_name, records, today, expected) => {
    expect(only('rating', keysOf(records, [], day(today)))).toEqual(expected)
  })
})

describe('fidelityReminders: the handover agreed a month before the end', () => {
  const area = makeFocusArea({ shared: true })
  const goal = makeGoal({ shared: true, focusAreaId: area.id })
  const unownedNeed = makeHandoverItem({ shared: true, owner: null })
  const ownedGoal = makeHandoverItem({ shared: true, about: { kind: 'goal', id: goal.id } })
  it.each([
    [
      '22 days left, the goal and a need without an owner',
      [plan, area, goal, unownedNeed],
      '2027-05-01',
      [{ key: 'handover', facts: { lastDay: '2027-05-23', unowned: 2, daysLeft: 22 } }],
    ],
    ['more than a month left', [plan, area, goal, unownedNeed], '2027-04-01', []],
    ['no handover line shared', [plan, area, goal], '2027-05-01', []],
    ['everything has someone', [plan, area, goal, ownedGoal], '2027-05-01', []],
    ['after the end', [plan, area, goal, unownedNeed], '2027-05-24', []],
  ] as const)('%s', (_name, records, today, expected) => {
    expect(only('handover', keysOf(records, [], day(today)))).toEqual(expected)
  })
})

describe('fidelityReminders: the order', () => {
  it('lists the rating, the handover, the focus areas, the network, the contact', () => {
    const records = [plan, contactRating, ...areas(4)]
    expect(fidelityReminders(records, [], day('2026-12-07')).map((reminder) => reminder.key)).toEqual([
      'rating',
      'focusAreas',
    ])
  })
})

describe('caseloadReminder', () => {
  const active = (count: number) => Array.from({ length: count }, () => ({ endsOn: day('2027-05-24') }))
  const ended = { endsOn: day('2026-12-01') }
  it.each([
    ['none', [], null],
    [`${CASELOAD_GUIDE} active`, active(CASELOAD_GUIDE), null],
    ['11 active', active(11), { key: 'caseloadSize', facts: { count: 11, guide: 10 } }],
    ['10 active and 2 ended', [...active(10), ended, ended], null],
    [
      '11, one with no end known',
      [...active(10), { endsOn: null }],
      { key: 'caseloadSize', facts: { count: 11, guide: 10 } },
    ],
  ] as const)('%s', (_name, pairings, expected) => {
    expect(caseloadReminder(pairings, day('2026-12-07'))).toEqual(expected)
  })
})

describe('dismissal', () => {
  const four = fidelityReminders([plan, ...areas(4)], [], day('2026-12-07'))
  const five = fidelityReminders([plan, ...areas(5)], [], day('2026-12-07'))
  const phaseThree = fidelityReminders([plan, ...areas(4)], [], day('2027-03-01'))

  it.each([
    [
      { key: 'focusAreas', facts: { phase: 2, phaseStart: day('2026-11-24'), count: 4 } },
      'focusAreas:2026-11-24:2:4',
    ],
    [{ key: 'networkMeeting', facts: { phaseStart: day('2026-08-24') } }, 'networkMeeting:2026-08-24'],
    [
      {
        key: 'contactFalling',
        facts: {
          phase: 2,
          phaseStart: day('2026-11-24'),
          perWeek: 79,
          previousPerWeek: 70,
          plannedPerWeek: 35,
        },
      },
      'contactFalling:2026-11-24:2',
    ],
    [
      { key: 'rating', facts: { stage: 'phase1', since: day('2026-11-10'), workerMissing: true } },
      'rating:phase1:2026-11-10',
    ],
    [
      { key: 'handover', facts: { lastDay: day('2027-05-23'), unowned: 2, daysLeft: 22 } },
      'handover:2027-05-23:2',
    ],
    [{ key: 'caseloadSize', facts: { count: 11, guide: 10 } }, 'caseloadSize:11'],
  ] as const)('%j is kept as %s', (reminder, id) => {
    expect(dismissalId(reminder)).toBe(id)
  })

  it('a hidden reminder stays hidden while its facts stay, and shows again when they change', () => {
    const dismissed = withDismissal(undefined, dismissalId(four[0] as FidelityReminder))
    expect(shownReminders(four, dismissed)).toEqual([])
    // The next day, the same facts: still hidden.
    expect(shownReminders(fidelityReminders([plan, ...areas(4)], [], day('2026-12-08')), dismissed)).toEqual(
      [],
    )
    // A fifth area, or the next phase: shown again.
    expect(shownReminders(five, dismissed)).toEqual(five)
    expect(shownReminders(phaseThree, dismissed)).toEqual(phaseThree)
    expect(shownReminders(four, undefined)).toEqual(four)
  })

  it('keeps each dismissal once, the newest last, at most MAX_DISMISSED', () => {
    expect(withDismissal(['a', 'b'], 'a')).toEqual(['b', 'a'])
    const many = Array.from({ length: MAX_DISMISSED }, (_, index) => `id${index}`)
    const after = withDismissal(many, 'new')
    expect(after).toHaveLength(MAX_DISMISSED)
    expect(after[0]).toBe('id1')
    expect(after.at(-1)).toBe('new')
  })

  it('every name parses as the pairing record stores it', () => {
    const all = [
      ...fidelityReminders([plan, contactRating, ...areas(4)], [], day('2026-12-07')),
      ...fidelityReminders([plan], [], day('2026-10-01')),
      ...[
        caseloadReminder(
          Array.from({ length: 11 }, () => ({ endsOn: null })),
          day('2026-12-07'),
        ),
      ].filter((reminder) => reminder !== null),
    ]
    expect(all).toHaveLength(4)
    for (const reminder of all) expect(dismissalIdSchema.safeParse(dismissalId(reminder)).success).toBe(true)
  })
})
