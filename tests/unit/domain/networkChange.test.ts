import { describe, expect, it } from 'vitest'
import {
  closenessOn,
  contactAddedOn,
  networkChange,
  networkChanged,
  networkOn,
  phaseStartsReached,
} from '@/domain/networkChange'
import type { Closeness, MapPerson } from '@/domain/networkMap'
import { mapPeople } from '@/domain/network'
import { courseOn } from '@/domain/phases'
import { asHlc } from '@/domain/clock'
import type { Contact } from '@/schemas'
import { day, makeContact } from '../../factories/records'

const p = (id: string, closeness: MapPerson['closeness'], kind: MapPerson['kind'] = 'friend'): MapPerson => ({
  id,
  kind,
  closeness,
})

type Summary = { came: string[]; closer: string[]; further: string[]; left: string[] }

function summary(then: MapPerson[], now: MapPerson[]): Summary {
  const change = networkChange(then, now)
  return {
    came: change.came.map((person) => person.id),
    closer: change.closer.map((move) => `${move.person.id}:${move.from}>${move.to}`),
    further: change.further.map((move) => `${move.person.id}:${move.from}>${move.to}`),
    left: change.left.map((person) => person.id),
  }
}

const none: Summary = { came: [], closer: [], further: [], left: [] }

describe('networkChange', () => {
  it.each<[string, MapPerson[], MapPerson[], Summary]>([
    ['nothing then, nothing now', [], [], none],
    ['the same network', [p('a', 'close')], [p('a', 'close')], none],
    ['a new person came', [], [p('a', 'some')], { ...none, came: ['a'] }],
    ['someone is no longer there', [p('a', 'some')], [], { ...none, left: ['a'] }],
    [
      'distant → close is closer',
      [p('a', 'distant')],
      [p('a', 'close')],
      { ...none, closer: ['a:distant>close'] },
    ],
    [
      'some → distant is further',
      [p('a', 'some')],
      [p('a', 'distant')],
      { ...none, further: ['a:some>distant'] },
    ],
    ['a change of kind alone is no move', [p('a', 'some', 'friend')], [p('a', 'some', 'family')], none],
    [
      'everything at once, lists in the order of now (left: of then)',
      [p('x', 'close'), p('b', 'distant'), p('c', 'close'), p('y', 'some'), p('d', 'some')],
      [p('d', 'close'), p('new', 'distant'), p('b', 'some'), p('c', 'distant')],
      {
        came: ['new'],
        closer: ['d:some>close', 'b:distant>some'],
        further: ['c:close>distant'],
        left: ['x', 'y'],
      },
    ],
  ])('%s', (_name, then, now, expected) => {
    expect(summary(then, now)).toEqual(expected)
  })

  it('keeps the caller’s own type (a name comes through)', () => {
    const change = networkChange([], [{ ...p('a', 'close'), name: 'Sara' }])
    expect(change.came[0]?.name).toBe('Sara')
  })

  it.each<[MapPerson[], MapPerson[], boolean]>([
    [[], [], false],
    [[p('a', 'close')], [p('a', 'close')], false],
    [[p('a', 'close')], [p('a', 'some')], true],
    [[], [p('a', 'close')], true],
  ])('networkChanged(%j → %j) is %s', (then, now, changed) => {
    expect(networkChanged(networkChange(then, now))).toBe(changed)
  })
})

describe('the network on a day (networkOn)', () => {
  const stamp = (iso: string) => asHlc(`${iso}-0000-00000000000000a1`)
  const contact = (
    name: string,
    addedAt: string,
    history: [string, Closeness][],
    overrides: Partial<Contact> = {},
  ): Contact =>
    makeContact({
      name,
      createdAt: stamp(addedAt),
      updatedAt: stamp(addedAt),
      closeness: history[history.length - 1]?.[1] ?? 'some',
      closenessHistory: history.map(([on, closeness]) => ({ on: day(on), closeness })),
      ...overrides,
    })
  const zone = 'Europe/Copenhagen'
  const mor = contact('Mor', '2026-10-20T09:00:00.000Z', [
    ['2026-10-20', 'distant'],
    ['2026-12-01', 'close'],
  ])
  const lene = contact('Lene', '2026-11-10T09:00:00.000Z', [['2026-11-10', 'some']])
  // Added before closeness was dated (a version-1 contact), never changed since.
  const joan = contact('Joan', '2026-09-30T09:00:00.000Z', [], { closeness: 'distant' })
  // Deleted on 2026-11-20: there before, not after.
  const ole = contact('Ole', '2026-10-01T09:00:00.000Z', [['2026-10-01', 'some']], {
    deleted: true,
    updatedAt: stamp('2026-11-20T09:00:00.000Z'),
  })
  // Made at 23:30 UTC on 31 October: 1 November in Copenhagen.
  const late = contact('Sen', '2026-10-31T23:30:00.000Z', [])
  const all = [mor, lene, joan, ole, late]
  const on = (date: string) =>
    networkOn(all, day(date), zone).map((person) => `${person.name}:${person.closeness}`)

  it.each<[string, string[]]>([
    ['2026-09-29', []],
    ['2026-09-30', ['Joan:distant']],
    ['2026-10-20', ['Mor:distant', 'Joan:distant', 'Ole:some']],
    ['2026-10-31', ['Mor:distant', 'Joan:distant', 'Ole:some']],
    ['2026-11-01', ['Mor:distant', 'Joan:distant', 'Ole:some', 'Sen:some']],
    ['2026-11-19', ['Mor:distant', 'Lene:some', 'Joan:distant', 'Ole:some', 'Sen:some']],
    ['2026-11-20', ['Mor:distant', 'Lene:some', 'Joan:distant', 'Sen:some']],
    ['2026-12-01', ['Mor:close', 'Lene:some', 'Joan:distant', 'Sen:some']],
  ])('on %s', (date, expected) => {
    expect(on(date)).toEqual(expected)
  })

  it('gives back the contacts as they are now, with that day’s closeness, alive that day', () => {
    const [then] = networkOn([ole], day('2026-11-01'), zone)
    expect(then).toMatchObject({ id: ole.id, name: 'Ole', deleted: false, closeness: 'some' })
  })

  it('keeps a private or kept-safe-from contact out of the map of any day (the same filters)', () => {
    const secret = contact('Sanne', '2026-10-01T09:00:00.000Z', [['2026-10-01', 'close']], {
      safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
    })
    const ex = contact('Kim', '2026-10-01T09:00:00.000Z', [['2026-10-01', 'close']])
    const keptSafeFrom = [{ id: crypto.randomUUID(), name: 'kim' }]
    const ids = mapPeople(networkOn([mor, secret, ex], day('2026-12-01'), zone), keptSafeFrom).map(
      (person) => person.id,
    )
    expect(ids).toEqual([mor.id])
  })

  it.each<[string, [string, Closeness][], string, Closeness]>([
    ['before the first change: the first known', [['2026-11-01', 'close']], '2026-10-01', 'close'],
    [
      'on the day of a change: the change',
      [
        ['2026-11-01', 'distant'],
        ['2026-11-05', 'close'],
      ],
      '2026-11-05',
      'close',
    ],
    [
      'between changes: the earlier',
      [
        ['2026-11-01', 'distant'],
        ['2026-11-05', 'close'],
      ],
      '2026-11-04',
      'distant',
    ],
    ['no history: now', [], '2026-01-01', 'some'],
  ])('closenessOn %s', (_name, history, date, expected) => {
    expect(closenessOn(contact('x', '2026-09-01T09:00:00.000Z', history), day(date))).toBe(expected)
  })

  it('dates a contact by its creation, or an earlier first closeness (an import)', () => {
    expect(contactAddedOn(mor, zone)).toBe('2026-10-20')
    expect(contactAddedOn(late, zone)).toBe('2026-11-01')
    expect(contactAddedOn(late, 'UTC')).toBe('2026-10-31')
    const imported = contact('Imp', '2026-11-30T09:00:00.000Z', [['2026-05-01', 'close']])
    expect(contactAddedOn(imported, zone)).toBe('2026-05-01')
  })
})

describe('the phase starts to compare with today (phaseStartsReached)', () => {
  const input = {
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses: [{ start: day('2026-12-01'), end: day('2026-12-11') }],
  }
  it.each<[string, [number, string][]]>([
    ['2026-10-01', []],
    ['2026-10-14', [[1, '2026-10-14']]],
    ['2027-01-23', [[1, '2026-10-14']]],
    [
      '2027-01-24',
      [
        [1, '2026-10-14'],
        [2, '2027-01-24'],
      ],
    ],
    [
      '2027-08-01',
      [
        [1, '2026-10-14'],
        [2, '2027-01-24'],
        [3, '2027-04-24'],
      ],
    ],
  ])('on %s', (date, expected) => {
    const status = courseOn(input, day(date))
    expect(phaseStartsReached(status).map((start) => [start.phase, start.start])).toEqual(expected)
  })
})
