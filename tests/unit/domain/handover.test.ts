import { describe, expect, it } from 'vitest'
import { day } from '../../factories/records'
import {
  handoverNudge,
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
