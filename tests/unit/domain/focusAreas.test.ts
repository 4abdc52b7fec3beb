import { describe, expect, it } from 'vitest'
import {
  areaCountAdvice,
  areasByPhase,
  earlierPhasesWithAreas,
  areasForPhase,
  catalogueFor,
  iconFor,
  iconNames,
  OWN_AREA_ICON,
  RECOMMENDED_AREA_COUNT,
  type AreaCountAdvice,
  type IconName,
} from '@/domain/focusAreas'
import {
  appKey,
  focusAreaCatalogKeys,
  targetGroups,
  type FocusAreaCatalogKey,
  type TargetGroup,
} from '@/schemas'
import { makeFocusArea } from '../../factories/records'

describe('catalogueFor', () => {
  it.each<[TargetGroup, FocusAreaCatalogKey[]]>([
    // Psychiatry guide, table 7.1, in the guide's order.
    [
      'psychiatry',
      [
        'economy',
        'housing',
        'network',
        'dailyActivities',
        'physicalHealth',
        'mentalHealth',
        'substanceUse',
        'educationWork',
      ],
    ],
    // The change compass, dimensions 1–10 in order.
    [
      'shelter',
      [
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
      ],
    ],
    [
      'homelessness',
      [
        'housing',
        'economy',
        'network',
        'dailyActivities',
        'physicalHealth',
        'mentalHealth',
        'substanceUse',
        'educationWork',
      ],
    ],
    [
      'greenlanders',
      [
        'housing',
        'network',
        'economy',
        'dailyActivities',
        'physicalHealth',
        'mentalHealth',
        'substanceUse',
        'educationWork',
      ],
    ],
    [
      'employment',
      [
        'educationWork',
        'economy',
        'dailyActivities',
        'physicalHealth',
        'mentalHealth',
        'network',
        'housing',
        'substanceUse',
      ],
    ],
    [
      'aftercare',
      [
        'housing',
        'educationWork',
        'economy',
        'network',
        'selfCare',
        'dailyActivities',
        'physicalHealth',
        'mentalHealth',
        'substanceUse',
      ],
    ],
    [
      'other',
      [
        'economy',
        'housing',
        'network',
        'dailyActivities',
        'physicalHealth',
        'mentalHealth',
        'substanceUse',
        'educationWork',
        'safety',
        'selfCare',
        'children',
      ],
    ],
  ])('%s', (group, expected) => {
    expect(catalogueFor(group)).toEqual(expected)
  })

  it.each(targetGroups)('%s lists each key once', (group) => {
    const keys = catalogueFor(group)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('offers every catalogue key to a transition the app does not know', () => {
    expect([...catalogueFor('other')].sort()).toEqual([...focusAreaCatalogKeys].sort())
  })
})

describe('icons', () => {
  it.each<[FocusAreaCatalogKey, IconName]>([
    ['economy', 'coins'],
    ['housing', 'home'],
    ['network', 'people'],
    ['dailyActivities', 'sun'],
    ['physicalHealth', 'heart'],
    ['mentalHealth', 'mind'],
    ['substanceUse', 'cup'],
    ['educationWork', 'briefcase'],
    ['safety', 'shield'],
    ['selfCare', 'flower'],
    ['children', 'child'],
  ])('%s → %s', (key, icon) => {
    expect(iconFor(key)).toBe(icon)
  })

  it('lists every icon once: one per catalogue key plus the own-area icon', () => {
    expect(new Set(iconNames).size).toBe(iconNames.length)
    expect([...iconNames].sort()).toEqual([...focusAreaCatalogKeys.map(iconFor), OWN_AREA_ICON].sort())
  })

  it.each(iconNames)('%s can be stored as a focus area icon', (name) => {
    expect(appKey.safeParse(name).success).toBe(true)
  })
})

describe('areaCountAdvice', () => {
  it('recommends three', () => {
    expect(RECOMMENDED_AREA_COUNT).toBe(3)
  })

  it.each<[number, AreaCountAdvice]>([
    [0, 'none'],
    [1, 'fine'],
    [2, 'fine'],
    [3, 'fine'],
    [4, 'aboveRecommended'],
    [11, 'aboveRecommended'],
  ])('%s areas: %s', (count, advice) => {
    expect(areaCountAdvice(count)).toBe(advice)
  })

  it.each([-1, 2.5, Number.NaN])('refuses the count %s', (count) => {
    expect(() => areaCountAdvice(count)).toThrow(RangeError)
  })
})

describe('areas by phase', () => {
  // Housing all along; economy dropped after phase 1; network taken up in phase 2;
  // a deleted area; work only in phase 3. `order` decides the order within a phase.
  const housing = makeFocusArea({ catalogKey: 'housing', phases: [1, 2, 3], order: 1 })
  const economy = makeFocusArea({ catalogKey: 'economy', phases: [1], order: 0 })
  const network = makeFocusArea({ catalogKey: 'network', phases: [2, 3], order: 0 })
  const deleted = makeFocusArea({ catalogKey: 'safety', phases: [1, 2, 3], order: 2, deleted: true })
  const work = makeFocusArea({ catalogKey: 'educationWork', phases: [3], order: 5 })
  const areas = [housing, economy, network, deleted, work]
  const keys = (list: readonly { catalogKey?: string | undefined }[]) => list.map((area) => area.catalogKey)

  it.each([
    [1, ['economy', 'housing']],
    [2, ['network', 'housing']],
    [3, ['network', 'housing', 'educationWork']],
  ] as const)('phase %s', (phase, expected) => {
    expect(keys(areasForPhase(areas, phase))).toEqual(expected)
  })

  it('keeps earlier phases’ choices visible', () => {
    const byPhase = areasByPhase(areas)
    expect({ 1: keys(byPhase[1]), 2: keys(byPhase[2]), 3: keys(byPhase[3]) }).toEqual({
      1: ['economy', 'housing'],
      2: ['network', 'housing'],
      3: ['network', 'housing', 'educationWork'],
    })
  })
})

describe('earlierPhasesWithAreas', () => {
  const inPhases = (...phases: (1 | 2 | 3)[]) => makeFocusArea({ phases })

  it.each<[string, ReturnType<typeof makeFocusArea>[], 1 | 2 | 3, number[]]>([
    ['phase 1 has no earlier phases', [inPhases(1)], 1, []],
    ['phase 2 lists phase 1 when it had areas', [inPhases(1), inPhases(2)], 2, [1]],
    ['phase 2 leaves out an empty phase 1', [inPhases(2)], 2, []],
    ['phase 3 lists both earlier phases, oldest first', [inPhases(1, 2), inPhases(3)], 3, [1, 2]],
    ['phase 3 leaves out an empty phase 2', [inPhases(1), inPhases(3)], 3, [1]],
    ['deleted areas do not count', [makeFocusArea({ phases: [1], deleted: true })], 2, []],
  ])('%s', (_name, areas, phase, expected) => {
    expect(earlierPhasesWithAreas(areas, phase)).toEqual(expected)
  })
})
