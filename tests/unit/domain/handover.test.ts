import { describe, expect, it } from 'vitest'
import { day, makeFocusArea, makeGoal, makeHandoverItem, makeSubGoal } from '../../factories/records'
import { asHlc } from '@/domain/clock'
import type { HandoverItem } from '@/schemas'
import {
  checkHandoverLine,
  checkHandoverPlan,
  checkNeedText,
  draftOfHandoverPlan,
  draftOfLine,
  handoverGroups,
  handoverNudge,
  lineAbout,
  linesInPlanOrder,
  meetingCalendarEvent,
  openThingsOf,
  type GoalForHandover,
  type HandoverLineDraft,
  type StepForHandover,
  handoverNudgeStart,
  unownedThings,
  type HandoverLine,
  type OpenThing,
} from '@/domain/handover'

describe('handoverNudgeStart: one calendar month before the last day', () => {
  it.each([
    ['2027-09-14', '2027-08-14'],
    ['2027-03-31', '2027-02-28'],
    ['2028-03-31', '2028-02-29'],
    ['2027-01-15', '2026-12-15'],
  ])('last day %s → from %s', (last, from) => {
    expect(handoverNudgeStart(day(last))).toBe(day(from))
  })
})

const goal: OpenThing = { kind: 'goal', id: 'g1' }
const step: OpenThing = { kind: 'subGoal', id: 's1', goalId: 'g1' }
const otherStep: OpenThing = { kind: 'subGoal', id: 's2', goalId: 'g2' }
const line = (about: HandoverLine['about'], owner: HandoverLine['owner'], id = 'l1'): HandoverLine => ({
  id,
  about,
  owner,
  status: 'notDiscussed',
})
const sister = { kind: 'contact', contactId: 'c1' } as const

describe('unownedThings', () => {
  it.each<[string, OpenThing[], HandoverLine[], string[]]>([
    ['nothing open, nothing to ask', [], [], []],
    ['an open goal without a line', [goal], [], ['g1']],
    ['a line without an owner does not count', [goal], [line({ kind: 'goal', id: 'g1' }, null)], ['g1']],
    ['a goal taken over by her sister', [goal], [line({ kind: 'goal', id: 'g1' }, sister)], []],
    ['she takes it over herself', [goal], [line({ kind: 'goal', id: 'g1' }, { kind: 'self' })], []],
    [
      'a service takes it over (§85 housing support)',
      [goal],
      [line({ kind: 'goal', id: 'g1' }, { kind: 'service', name: '§85 bostøtte' })],
      [],
    ],
    [
      'the owner of a goal covers its open steps',
      [goal, step],
      [line({ kind: 'goal', id: 'g1' }, sister)],
      [],
    ],
    [
      'a step of another goal is not covered',
      [goal, otherStep],
      [line({ kind: 'goal', id: 'g1' }, sister)],
      ['s2'],
    ],
    ['a step can have its own owner', [step], [line({ kind: 'subGoal', id: 's1' }, sister)], []],
    ['a need without an owner', [], [line({ kind: 'need' }, null, 'n1')], ['n1']],
    ['a need with an owner', [], [line({ kind: 'need' }, sister, 'n1')], []],
    [
      'a goal whose open steps all have an owner is covered',
      [goal, step],
      [line({ kind: 'subGoal', id: 's1' }, sister)],
      [],
    ],
    [
      'a goal with one of two open steps owned still asks for the other (and the goal)',
      [goal, step, { kind: 'subGoal', id: 's3', goalId: 'g1' }],
      [line({ kind: 'subGoal', id: 's1' }, sister)],
      ['g1', 's3'],
    ],
    [
      'a line about a thing no longer open is not asked about',
      [],
      [line({ kind: 'goal', id: 'gone' }, null)],
      [],
    ],
  ])('%s', (_, open, lines, expected) => {
    expect(unownedThings(open, lines).map((thing) => ('lineId' in thing ? thing.lineId : thing.id))).toEqual(
      expected,
    )
  })
})

describe('handoverNudge', () => {
  const last = day('2027-09-14')
  it.each<[string, string, number, ReturnType<typeof handoverNudge>]>([
    ['the day before the month starts', '2027-08-13', 2, { show: false }],
    ['the first day of the month', '2027-08-14', 2, { show: true, unowned: 2, daysLeft: 31 }],
    ['the last day', '2027-09-14', 1, { show: true, unowned: 1, daysLeft: 0 }],
    ['after the end: the ending screen shows the plan instead', '2027-09-15', 1, { show: false }],
    ['everything has an owner', '2027-09-01', 0, { show: false }],
  ])('%s', (_, today, unowned, expected) => {
    expect(handoverNudge(day(today), last, unowned)).toEqual(expected)
  })
})

const g = (
  id: string,
  focusAreaId: string,
  order: number,
  status: GoalForHandover['status'] = 'notStarted',
) => ({
  id,
  focusAreaId,
  order,
  status,
})
const s = (id: string, goalId: string, order: number, done = false, deleted = false): StepForHandover => ({
  id,
  goalId,
  order,
  done,
  deleted,
})

describe('handoverGroups: the open goals with their open steps, in the plan order', () => {
  it.each<[string, string[], GoalForHandover[], StepForHandover[], [string, string[]][]]>([
    ['nothing in the plan', [], [], [], []],
    ['a goal without steps is open', ['a1'], [g('g1', 'a1', 0)], [], [['g1', []]]],
    [
      'done and deleted steps are left out; order kept',
      ['a1'],
      [g('g1', 'a1', 0)],
      [s('s2', 'g1', 2), s('s1', 'g1', 1), s('s3', 'g1', 3, true), s('s4', 'g1', 4, false, true)],
      [['g1', ['s1', 's2']]],
    ],
    [
      'reached and let-go goals need no one, nor do their steps',
      ['a1'],
      [g('g1', 'a1', 0, 'reached'), g('g2', 'a1', 1, 'letGo'), g('g3', 'a1', 2, 'onTheWay')],
      [s('s1', 'g2', 0)],
      [['g3', []]],
    ],
    [
      'a goal whose steps are all done reads as reached',
      ['a1'],
      [g('g1', 'a1', 0)],
      [s('s1', 'g1', 0, true)],
      [],
    ],
    [
      'areas in their order, goals in theirs; a goal of a removed area is left out',
      ['a2', 'a1'],
      [g('g1', 'a1', 0), g('g2', 'a2', 1), g('g3', 'a2', 0), g('g4', 'gone', 0)],
      [],
      [
        ['g3', []],
        ['g2', []],
        ['g1', []],
      ],
    ],
  ])('%s', (_, areas, goals, steps, expected) => {
    const groups = handoverGroups(areas, goals, steps)
    expect(groups.map((group) => [group.goalId, group.stepIds])).toEqual(expected)
  })

  it('flattens into the open things unownedThings reads', () => {
    expect(openThingsOf([{ goalId: 'g1', stepIds: ['s1'] }])).toEqual([
      { kind: 'goal', id: 'g1' },
      { kind: 'subGoal', id: 's1', goalId: 'g1' },
    ])
  })
})

describe('lineAbout: the line shown for a goal or step', () => {
  const stamped = (id: string, owner: HandoverLine['owner'], updatedAt: string, about = 's1') => ({
    ...line({ kind: 'subGoal', id: about }, owner, id),
    updatedAt,
  })
  it.each<[string, ReturnType<typeof stamped>[], string | undefined]>([
    ['none yet', [], undefined],
    ['about another step', [stamped('l1', null, '2', 's2')], undefined],
    ['the one there is', [stamped('l1', null, '1')], 'l1'],
    [
      'one with an owner beats a later one without',
      [stamped('l1', sister, '1'), stamped('l2', null, '2')],
      'l1',
    ],
    ['else the later one', [stamped('l1', null, '1'), stamped('l2', null, '2')], 'l2'],
  ])('%s', (_, lines, expected) => {
    expect(lineAbout(lines, { kind: 'subGoal', id: 's1' })?.id).toBe(expected)
  })
})

describe('the line form', () => {
  const draft = (fields: Partial<HandoverLineDraft>): HandoverLineDraft => ({
    ...draftOfLine(undefined),
    ...fields,
  })
  it('starts with no one, not discussed', () => {
    expect(draftOfLine(undefined)).toEqual({
      owner: 'none',
      contactId: '',
      serviceName: '',
      from: '',
      status: 'notDiscussed',
      notes: '',
    })
  })
  it('reads a stored line back', () => {
    expect(
      draftOfLine({ owner: { kind: 'service', name: '§85 bostøtte' }, status: 'agreed', from: '2027-08-01' }),
    ).toMatchObject({ owner: 'service', serviceName: '§85 bostøtte', from: '2027-08-01', status: 'agreed' })
  })
  it.each<[string, Partial<HandoverLineDraft>, unknown]>([
    [
      'no one yet',
      {},
      { ok: true, value: { owner: null, from: undefined, status: 'notDiscussed', notes: undefined } },
    ],
    ['a contact must be chosen', { owner: 'contact' }, { ok: false, problems: { contactId: 'required' } }],
    [
      'a contact',
      { owner: 'contact', contactId: 'c1', status: 'agreed' },
      { ok: true, value: { owner: sister, from: undefined, status: 'agreed', notes: undefined } },
    ],
    [
      'herself',
      { owner: 'self', notes: ' ' },
      {
        ok: true,
        value: { owner: { kind: 'self' }, from: undefined, status: 'notDiscussed', notes: undefined },
      },
    ],
    [
      'a service needs its name',
      { owner: 'service', serviceName: '  ' },
      { ok: false, problems: { serviceName: 'required' } },
    ],
    [
      'a service, trimmed, from a day',
      { owner: 'service', serviceName: ' §85 bostøtte ', from: '2027-08-01', status: 'inPlace' },
      {
        ok: true,
        value: {
          owner: { kind: 'service', name: '§85 bostøtte' },
          from: '2027-08-01',
          status: 'inPlace',
          notes: undefined,
        },
      },
    ],
    ['a day that does not exist', { from: '2027-02-30' }, { ok: false, problems: { from: 'invalidDate' } }],
    ['notes too long', { notes: 'x'.repeat(4001) }, { ok: false, problems: { notes: 'tooLong' } }],
  ])('%s', (_, fields, expected) => {
    expect(checkHandoverLine(draft(fields))).toEqual(expected)
  })

  it.each<[string, unknown]>([
    ['', { ok: false, problems: { text: 'required' } }],
    ['x'.repeat(201), { ok: false, problems: { text: 'tooLong' } }],
    [' Hjælp med post ', { ok: true, value: 'Hjælp med post' }],
  ])('a need %j', (text, expected) => {
    expect(checkNeedText(text)).toEqual(expected)
  })
})

describe('the long-term plan and the final network meeting', () => {
  const allowed = new Set(['c1', 'c2'])
  const empty = draftOfHandoverPlan(undefined)
  it.each<[string, Partial<typeof empty>, unknown]>([
    ['nothing written', {}, { ok: true, value: {} }],
    [
      'only the long-term plan',
      { longTerm: 'Holde fast i jobbet' },
      { ok: true, value: { longTerm: 'Holde fast i jobbet' } },
    ],
    [
      'a meeting: a private or unknown contact is not kept, nor a doubled one',
      { meetingDate: '2027-09-01', meetingTime: '14:00', invited: ['c1', 'private', 'c1'], agenda: 'Kaffe' },
      {
        ok: true,
        value: { meeting: { date: '2027-09-01', time: '14:00', invited: ['c1'], agenda: 'Kaffe' } },
      },
    ],
    [
      'a time needs a date',
      { meetingTime: '14:00' },
      { ok: false, problems: { meetingTime: 'timeNeedsDate' } },
    ],
    [
      'a time must be a time',
      { meetingDate: '2027-09-01', meetingTime: '25:00' },
      { ok: false, problems: { meetingTime: 'invalidTime' } },
    ],
    [
      'a date must exist',
      { meetingDate: '2027-02-30' },
      { ok: false, problems: { meetingDate: 'invalidDate' } },
    ],
    [
      'texts that are too long',
      { longTerm: 'x'.repeat(4001), agenda: 'x'.repeat(4001) },
      { ok: false, problems: { longTerm: 'tooLong', agenda: 'tooLong' } },
    ],
  ])('%s', (_, fields, expected) => {
    expect(checkHandoverPlan({ ...empty, ...fields }, allowed)).toEqual(expected)
  })

  it('reads the stored fields back into the form', () => {
    expect(
      draftOfHandoverPlan({ longTerm: 'x', meeting: { date: day('2027-09-01'), invited: ['c1'] } }),
    ).toEqual({ longTerm: 'x', meetingDate: '2027-09-01', meetingTime: '', invited: ['c1'], agenda: '' })
  })

  const now = new Date('2027-08-01T10:00:00Z')
  const options = { uid: 'p1-meeting', neutralTitle: 'Aftale', now, productName: 'Trin' }
  it.each<[string, Parameters<typeof meetingCalendarEvent>[0], unknown]>([
    ['no meeting', undefined, null],
    ['no date yet', { invited: [] }, null],
    [
      'all day, neutral: no names, no agenda',
      { date: day('2027-09-01'), invited: ['c1'], agenda: 'Om Lone' },
      {
        uid: 'p1-meeting',
        title: 'Aftale',
        date: '2027-09-01',
        time: undefined,
        durationMinutes: undefined,
        repeat: 'none',
        now,
        productName: 'Trin',
      },
    ],
    [
      'at a time: two hours',
      { date: day('2027-09-01'), time: '14:00', invited: [] },
      {
        uid: 'p1-meeting',
        title: 'Aftale',
        date: '2027-09-01',
        time: '14:00',
        durationMinutes: 120,
        repeat: 'none',
        now,
        productName: 'Trin',
      },
    ],
  ])('calendar event: %s', (_, meeting, expected) => {
    expect(meetingCalendarEvent(meeting, options)).toEqual(expected)
  })
})

describe('linesInPlanOrder: the ending and the summary list lines as the plan shows its things', () => {
  // Two areas (economy shown first), a goal in each, steps under the housing goal.
  const economy = makeFocusArea({ catalogKey: 'economy', order: 0 })
  const housing = makeFocusArea({ catalogKey: 'housing', order: 1 })
  const gone = makeFocusArea({ catalogKey: 'network', order: 2, deleted: true })
  const budget = makeGoal({ focusAreaId: economy.id, title: 'Budget', order: 0 })
  const flat = makeGoal({ focusAreaId: housing.id, title: 'Flat', order: 0 })
  const bed = makeGoal({ focusAreaId: housing.id, title: 'Bed', order: 1 })
  const friends = makeGoal({ focusAreaId: gone.id, title: 'Friends', order: 0 })
  const rent = makeSubGoal({ goalId: flat.id, title: 'Rent', order: 1 })
  const apply = makeSubGoal({ goalId: flat.id, title: 'Apply', order: 0 })
  const dropped = makeSubGoal({ goalId: flat.id, title: 'Dropped', order: 2, deleted: true })
  const tree = {
    focusAreas: [housing, gone, economy],
    goals: [bed, friends, flat, budget],
    subGoals: [rent, dropped, apply],
  }
  // Stamps: a line written earlier has an earlier createdAt.
  const at = (n: number) => asHlc(`2026-11-23T10:00:0${n}.000Z-0000-00000000000000a1`)
  const about = (name: string, n: number, subject: HandoverItem['about']) =>
    ({ name, line: makeHandoverItem({ about: subject, createdAt: at(n) }) }) as const
  const lines = {
    rent: about('rent', 1, { kind: 'subGoal', id: rent.id }),
    needLate: about('need, written later', 6, { kind: 'need', text: 'Late' }),
    budget: about('budget', 2, { kind: 'goal', id: budget.id }),
    removed: about('a deleted step', 0, { kind: 'subGoal', id: dropped.id }),
    flat: about('flat', 3, { kind: 'goal', id: flat.id }),
    needEarly: about('need, written first', 5, { kind: 'need', text: 'Early' }),
    apply: about('apply', 4, { kind: 'subGoal', id: apply.id }),
    friends: about('a goal in a deleted area', 0, { kind: 'goal', id: friends.id }),
    bed: about('bed', 7, { kind: 'goal', id: bed.id }),
    flatAgain: about('flat, a second line', 1, { kind: 'goal', id: flat.id }),
  }

  it.each<[string, (keyof typeof lines)[], string[]]>([
    ['nothing', [], []],
    [
      'areas by order, each goal then its steps by order, needs oldest first, gone things last',
      ['rent', 'needLate', 'budget', 'removed', 'flat', 'needEarly', 'apply', 'friends', 'bed'],
      [
        'budget',
        'flat',
        'apply',
        'rent',
        'bed',
        'need, written first',
        'need, written later',
        'a deleted step',
        'a goal in a deleted area',
      ],
    ],
    ['two lines about one goal: the older first', ['flat', 'flatAgain'], ['flat, a second line', 'flat']],
    ['only needs', ['needLate', 'needEarly'], ['need, written first', 'need, written later']],
  ])('%s', (_name, given, expected) => {
    const byLine = new Map(given.map((key) => [lines[key].line, lines[key].name]))
    const ordered = linesInPlanOrder([...byLine.keys()], tree)
    expect(ordered.map((line) => byLine.get(line))).toEqual(expected)
  })
})
