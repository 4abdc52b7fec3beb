import { describe, expect, it } from 'vitest'
import {
  fateChoices,
  areaIcon,
  chooseArea,
  chooseCatalogArea,
  goalFateOf,
  goalsToAsk,
  keepSameAreas,
  newOwnArea,
  phaseChangeQuestion,
  phaseChangeWrites,
  type GoalFate,
  pickerOptions,
  unchooseArea,
  unchooseCatalogArea,
} from '@/domain/focusAreaChoice'
import { focusAreaSchema, type FocusArea, type Goal, type PhaseNumber } from '@/schemas'
import { day, makeFocusArea, makeGoal, makeSubGoal } from '../../factories/records'

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

describe('phase change: keep her work', () => {
  // Phase 1 had housing and economy; network was dropped in phase 1 already (history only).
  const housing = makeFocusArea({ catalogKey: 'housing', phases: [1], order: 0 })
  const economy = makeFocusArea({ catalogKey: 'economy', phases: [1], order: 1 })
  const home = makeGoal({ focusAreaId: housing.id, title: 'Own home', status: 'notStarted', order: 0 })
  const bed = makeGoal({ focusAreaId: housing.id, title: 'A bed', status: 'reached', order: 1 })
  const debt = makeGoal({ focusAreaId: economy.id, title: 'No debt', status: 'notStarted', order: 0 })
  const budget = makeGoal({ focusAreaId: economy.id, title: 'Budget', status: 'notStarted', order: 1 })
  const gone = makeGoal({ focusAreaId: economy.id, title: 'Deleted', status: 'onTheWay', deleted: true })
  // Both steps of "Budget" are done, so it shows as reached and is not asked about.
  const steps = [
    makeSubGoal({ goalId: budget.id, done: true, doneAt: day('2026-11-01') }),
    makeSubGoal({ goalId: budget.id, done: true, doneAt: day('2026-11-02') }),
    makeSubGoal({ goalId: debt.id, done: false }),
  ]
  const areas = [housing, economy]
  const goals = [home, bed, debt, budget, gone]

  it.each<[string, PhaseNumber, FocusArea[], { from: PhaseNumber; areas: string[]; open: string[] } | null]>([
    [
      'phase 2 begins with no areas: ask about phase 1',
      2,
      areas,
      { from: 1, areas: ['housing', 'economy'], open: ['Own home', 'No debt'] },
    ],
    ['phase 1 itself: nothing earlier to ask about', 1, areas, null],
    ['phase 2 already has an area: nothing to ask', 2, [housing, { ...economy, phases: [1, 2] }], null],
    [
      'phase 3 after areas in phase 1 and 2: asks about phase 2',
      3,
      [housing, { ...economy, phases: [1, 2] }],
      { from: 2, areas: ['economy'], open: ['No debt'] },
    ],
    ['no areas at all', 2, [], null],
  ])('%s', (_name, phase, areaList, expected) => {
    const question = phaseChangeQuestion(areaList, goals, steps, phase)
    expect(
      question === null
        ? null
        : {
            from: question.from,
            areas: question.areas.map((area) => area.catalogKey),
            open: question.openGoals.map((goal) => goal.title),
          },
    ).toEqual(expected)
  })

  const question = phaseChangeQuestion(areas, goals, steps, 2)
  if (question === null) throw new Error('expected a question')

  it('"keep the same": every area gets phase 2, and no goal needs changing', () => {
    const writes = phaseChangeWrites(question, keepSameAreas(question), goals)
    expect(writes.areas.map((area) => [area.catalogKey, area.phases])).toEqual([
      ['housing', [1, 2]],
      ['economy', [1, 2]],
    ])
    expect(writes.goals).toEqual([])
  })

  it.each<[string, GoalFate | undefined, Partial<Goal> | null]>([
    [
      'carried into housing: moved after its goals',
      { kind: 'carry', into: housing.id },
      { focusAreaId: housing.id, order: 2 },
    ],
    ['marked done', { kind: 'done' }, { status: 'reached' }],
    ['left in phase 1', { kind: 'leave' }, null],
    ['not answered: left where it is', undefined, null],
  ])('choose again, economy dropped, "No debt" %s', (_name, fate, change) => {
    const fates = new Map<string, GoalFate>(fate === undefined ? [] : [[debt.id, fate]])
    const writes = phaseChangeWrites(question, { keep: new Set([housing.id]), fates }, goals)
    expect(writes.areas.map((area) => [area.catalogKey, area.phases])).toEqual([['housing', [1, 2]]])
    expect(writes.goals).toEqual(change === null ? [] : [{ ...debt, ...change }])
  })

  it('refuses to carry a goal into an area that is not kept', () => {
    const fates = new Map<string, GoalFate>([[debt.id, { kind: 'carry', into: economy.id }]])
    expect(() => phaseChangeWrites(question, { keep: new Set([housing.id]), fates }, goals)).toThrow(
      RangeError,
    )
  })
})

describe('phase change: what her answer for a goal means', () => {
  const housing = makeFocusArea({ id: 'a-housing', phases: [1], order: 0 })
  const money = makeFocusArea({ id: 'a-money', phases: [1], order: 1 })
  const health = makeFocusArea({ id: 'a-health', phases: [1], order: 2 })
  const inHousing = makeGoal({ id: 'g-housing', focusAreaId: housing.id })
  const inMoney = makeGoal({ id: 'g-money', focusAreaId: money.id })
  const question = {
    from: 1,
    to: 2,
    areas: [housing, money, health],
    openGoals: [inHousing, inMoney],
  } as const

  it.each([
    { keep: [], asked: ['g-housing', 'g-money'] },
    { keep: ['a-housing'], asked: ['g-money'] },
    { keep: ['a-housing', 'a-money'], asked: [] },
    { keep: ['a-health'], asked: ['g-housing', 'g-money'] },
  ])('keeping $keep asks about $asked', ({ keep, asked }) => {
    expect(goalsToAsk(question, new Set(keep)).map((goal) => goal.id)).toEqual(asked)
  })

  it.each<{ keep: string[]; chosen: 'carry' | 'done' | 'leave' | undefined; into?: string; fate: GoalFate }>([
    { keep: [], chosen: 'done', fate: { kind: 'done' } },
    { keep: [], chosen: 'leave', fate: { kind: 'leave' } },
    { keep: [], chosen: undefined, fate: { kind: 'leave' } },
    // A carry with no area coming along leaves the goal where it is.
    { keep: [], chosen: 'carry', fate: { kind: 'leave' } },
    // Without a pick: the first kept area, in display order.
    { keep: ['a-health', 'a-money'], chosen: 'carry', fate: { kind: 'carry', into: 'a-money' } },
    {
      keep: ['a-health', 'a-money'],
      chosen: 'carry',
      into: 'a-health',
      fate: { kind: 'carry', into: 'a-health' },
    },
    // A pick that is no longer kept is not a place to carry to.
    { keep: ['a-money'], chosen: 'carry', into: 'a-health', fate: { kind: 'leave' } },
    { keep: ['a-money'], chosen: 'done', into: 'a-money', fate: { kind: 'done' } },
  ])('keeping $keep, "$chosen" into $into is $fate.kind', ({ keep, chosen, into, fate }) => {
    expect(goalFateOf(question, new Set(keep), chosen, into)).toEqual(fate)
  })
})

describe('fateChoices', () => {
  const housing = makeFocusArea({ id: 'a-housing', catalogKey: 'housing', phases: [1], order: 0 })
  const economy = makeFocusArea({ id: 'a-economy', catalogKey: 'economy', phases: [1], order: 1 })
  const question = { from: 1, to: 2, areas: [housing, economy], openGoals: [] } as const
  it.each<[string, string[], string[]]>([
    ['no area comes along: the goal cannot be carried', [], ['done', 'leave']],
    ['one area comes along: carrying is offered first', ['a-economy'], ['carry', 'done', 'leave']],
    ['every area comes along', ['a-housing', 'a-economy'], ['carry', 'done', 'leave']],
    ['an id not in the question counts for nothing', ['a-other'], ['done', 'leave']],
  ])('%s', (_name, keep, expected) => {
    expect(fateChoices(question, new Set(keep))).toEqual(expected)
  })
})
