import { describe, expect, it } from 'vitest'
import { networkChange, networkChanged } from '@/domain/networkChange'
import type { MapPerson } from '@/domain/networkMap'

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
