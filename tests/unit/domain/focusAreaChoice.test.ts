import { describe, expect, it } from 'vitest'
import {
  areaIcon,
  chooseArea,
  chooseCatalogArea,
  newOwnArea,
  pickerOptions,
  unchooseArea,
  unchooseCatalogArea,
} from '@/domain/focusAreaChoice'
import { focusAreaSchema } from '@/schemas'
import { makeFocusArea } from '../../factories/records'

describe('pickerOptions', () => {
  it('offers the target group’s catalogue first, the rest under “more”, own areas apart', () => {
    const own = makeFocusArea({
      catalogKey: undefined,
      title: 'Min hund',
      icon: 'flag',
      phases: [1],
      order: 5,
    })
    const options = pickerOptions('psychiatry', [own], 1)
    expect(options.offered.map((o) => o.key)).toEqual([
      'economy',
      'housing',
      'network',
      'dailyActivities',
      'physicalHealth',
      'mentalHealth',
      'substanceUse',
      'educationWork',
    ])
    expect(options.more.map((o) => o.key)).toEqual(['safety', 'selfCare', 'children'])
    expect(options.own).toEqual([{ key: own.id, catalogKey: null, area: own, chosen: true, icon: 'flag' }])
    expect(options.offered.every((o) => !o.chosen && o.area === null)).toBe(true)
  })

  it('the shelter catalogue is the change compass, safety first and children included', () => {
    const options = pickerOptions('shelter', [], 1)
    expect(options.offered.map((o) => o.key)).toEqual([
      'safety',
      'selfCare',
      'network',
      'physicalHealth',
      'mentalHealth',
      'housing',
      'economy',
      'educationWork',
      'children',
      'substanceUse',
    ])
    expect(options.more.map((o) => o.key)).toEqual(['dailyActivities'])
  })

  it('marks areas chosen per phase and keeps a used area from “more” in view', () => {
    const housing = makeFocusArea({ catalogKey: 'housing', phases: [1, 2], order: 0 })
    const economy = makeFocusArea({ catalogKey: 'economy', phases: [1], order: 1 })
    const children = makeFocusArea({ catalogKey: 'children', icon: 'child', phases: [1], order: 2 })
    const removed = makeFocusArea({ catalogKey: 'network', phases: [2], deleted: true })
    const options = pickerOptions('psychiatry', [housing, economy, children, removed], 2)
    const byKey = new Map(options.offered.map((o) => [o.key, o]))
    expect(byKey.get('housing')).toMatchObject({ chosen: true, area: housing, icon: 'home' })
    expect(byKey.get('economy')).toMatchObject({ chosen: false, area: economy, icon: 'coins' })
    expect(byKey.get('network')).toMatchObject({ chosen: false, area: null })
    expect(options.offered.at(-1)).toMatchObject({ key: 'children', chosen: false, area: children })
    expect(options.more.map((o) => o.key)).toEqual(['safety', 'selfCare'])
  })

  it('two records of one key after a merge: the one in the phase represents it', () => {
    const phase1 = makeFocusArea({ catalogKey: 'housing', phases: [1], order: 0 })
    const phase2 = makeFocusArea({ catalogKey: 'housing', phases: [2], order: 1 })
    expect(pickerOptions('other', [phase1, phase2], 2).offered.find((o) => o.key === 'housing')?.area).toBe(
      phase2,
    )
  })
})

describe('choosing', () => {
  it.each([
    {
      name: 'a new catalogue area is created at the end of the list',
      areas: [makeFocusArea({ catalogKey: 'housing', order: 4 })],
      key: 'economy' as const,
      expected: { kind: 'create', fields: { catalogKey: 'economy', icon: 'coins', phases: [2], order: 5 } },
    },
    {
      name: 'an area from an earlier phase gets this phase added, in order',
      areas: [makeFocusArea({ catalogKey: 'economy', phases: [3, 1] })],
      key: 'economy' as const,
      expected: { kind: 'update', phases: [1, 2, 3] },
    },
    {
      name: 'an area already chosen changes nothing',
      areas: [makeFocusArea({ catalogKey: 'economy', phases: [2] })],
      key: 'economy' as const,
      expected: { kind: 'none' },
    },
  ])('$name', ({ areas, key, expected }) => {
    const change = chooseCatalogArea(areas, key, 2)
    if (change.kind === 'update') expect({ kind: change.kind, phases: change.area.phases }).toEqual(expected)
    else expect(change).toEqual(expected)
  })

  it('an own area gets the flag and its trimmed title', () => {
    const fields = newOwnArea('  Min hund ', [makeFocusArea({ order: 2 })], 1)
    expect(fields).toEqual({ title: 'Min hund', icon: 'flag', phases: [1], order: 3 })
    const area = makeFocusArea({ catalogKey: undefined, ...fields })
    expect(focusAreaSchema.safeParse(area).success).toBe(true)
  })

  it('an own area chosen again in a later phase', () => {
    const own = makeFocusArea({ catalogKey: undefined, title: 'Min hund', phases: [1] })
    const change = chooseArea(own, 3)
    expect(change.kind === 'update' ? change.area.phases : null).toEqual([1, 3])
    expect(chooseArea({ ...own, phases: [3] }, 3)).toEqual({ kind: 'none' })
  })
})

describe('un-choosing', () => {
  it.each([
    {
      name: 'one of several phases: the phase goes, the record stays',
      phases: [1, 2] as (1 | 2 | 3)[],
      expected: 'update:1',
    },
    { name: 'the only phase: the record is removed', phases: [2] as (1 | 2 | 3)[], expected: 'remove' },
    { name: 'not chosen in this phase: nothing', phases: [1] as (1 | 2 | 3)[], expected: 'none' },
  ])('$name', ({ phases, expected }) => {
    const change = unchooseArea(makeFocusArea({ phases }), 2)
    expect(change.kind === 'update' ? `update:${change.area.phases.join(',')}` : change.kind).toBe(expected)
  })

  it('a catalogue key un-chooses every live record of it in the phase', () => {
    const a = makeFocusArea({ catalogKey: 'housing', phases: [2], order: 0 })
    const b = makeFocusArea({ catalogKey: 'housing', phases: [1, 2], order: 1 })
    const c = makeFocusArea({ catalogKey: 'housing', phases: [2], deleted: true })
    const d = makeFocusArea({ catalogKey: 'economy', phases: [2] })
    expect(unchooseCatalogArea([a, b, c, d], 'housing', 2).map((change) => change.kind)).toEqual([
      'remove',
      'update',
    ])
  })
})

describe('areaIcon', () => {
  it.each([
    {
      name: 'catalogue key wins over a stored icon',
      area: { catalogKey: 'children' as const, icon: 'flag' },
      expected: 'child',
    },
    { name: 'own area with a known icon', area: { catalogKey: undefined, icon: 'heart' }, expected: 'heart' },
    {
      name: 'own area with an unknown icon gets the flag',
      area: { catalogKey: undefined, icon: 'rocket' },
      expected: 'flag',
    },
    {
      name: 'own area without an icon gets the flag',
      area: { catalogKey: undefined, icon: undefined },
      expected: 'flag',
    },
  ])('$name', ({ area, expected }) => {
    expect(areaIcon(area)).toBe(expected)
  })
})
