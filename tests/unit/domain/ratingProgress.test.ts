import { describe, expect, it } from 'vitest'
import {
  choosableRatings,
  citizenAndWorker,
  comparisonFor,
  comparisonKinds,
  comparisonRows,
  defaultComparison,
  dimensionOverTime,
  dimensionTable,
  lifeAreaRatings,
  ratingDimensionKeys,
  ratingChange,
  startAndNow,
  switchedOffDimensions,
  type LifeAreaRating,
} from '@/domain/ratingProgress'
import type { FocusAreaCatalogKey } from '@/domain/focusAreaKeys'
import { askedDimensions } from '@/domain/lifeAreas'
import { targetGroups, type DimensionAnswer, type Rating } from '@/schemas'
import { day, makePlan, makeRating } from '../../factories/records'
import { lifeAreaValues } from '../../fixtures/ratingAnswers'

type Answers = Partial<Record<FocusAreaCatalogKey, DimensionAnswer>>

function rating(
  id: string,
  respondent: Rating['respondent'],
  stage: Rating['stage'],
  date: string,
  answers: Answers = {},
  extra: Partial<Rating> = {},
): Rating {
  return makeRating({
    id,
    respondent,
    stage,
    date: day(date),
    content: { type: 'lifeAreas', values: lifeAreaValues(answers) },
    ...extra,
  })
}

const ids = (list: readonly LifeAreaRating[]) => list.map((entry) => entry.id)
const pairIds = (pair: { a: LifeAreaRating; b: LifeAreaRating | null } | null) =>
  pair === null ? null : [pair.a.id, pair.b?.id ?? null]

const c1 = rating('c1', 'citizen', 'contact', '2026-09-25', { safety: 3, housing: 2, economy: 'skipped' })
const w1 = rating('w1', 'worker', 'contact', '2026-09-25', { safety: 7, housing: 3, economy: 4 })
const c2 = rating('c2', 'citizen', 'phase1', '2026-12-20', {
  safety: 6,
  housing: 'notApplicable',
  economy: 5,
})
const w2 = rating('w2', 'worker', 'phase1', '2026-12-21', { safety: 6, housing: 1 })
const pack = makeRating({
  id: 'p1',
  date: day('2026-12-22'),
  content: { type: 'pack', packId: 'who5', packVersion: '1', answers: {} },
})
const declined = makeRating({ id: 'd1', date: day('2026-12-23'), content: null })
const gone = rating('g1', 'citizen', 'phase1', '2026-12-24', { safety: 1 }, { deleted: true })

describe('lifeAreaRatings', () => {
  it('keeps live life-area ratings only, oldest first, whatever the order stored', () => {
    expect(ids(lifeAreaRatings([gone, c2, declined, w2, pack, w1, c1]))).toEqual(['c1', 'w1', 'c2', 'w2'])
  })

  it('orders one day by stage, then by when it was made', () => {
    const late = rating('late', 'citizen', 'phase1', '2026-12-20', {}, { createdAt: c2.createdAt })
    const sameDayContact = rating('early', 'citizen', 'contact', '2026-12-20')
    expect(ids(lifeAreaRatings([late, sameDayContact]))).toEqual(['early', 'late'])
  })

  it('reads each answer as given', () => {
    expect(lifeAreaRatings([c1])[0]?.answers).toEqual({ safety: 3, housing: 2, economy: 'skipped' })
  })
})

describe('ratingDimensionKeys', () => {
  it.each(targetGroups)('%s: the asked dimensions, in their order, without those switched off', (group) => {
    for (const off of [[], ['children'], ['safety', 'economy']] as FocusAreaCatalogKey[][])
      expect(ratingDimensionKeys(group, off)).toEqual(
        askedDimensions(group, off).map((dimension) => dimension.key),
      )
  })
})

describe('switchedOffDimensions', () => {
  it.each<[string, object | null, string[]]>([
    ['no plan', null, []],
    ['a plan without the list', makePlan(), []],
    [
      'the list',
      { ...makePlan(), ratingDimensionsOff: ['children', 'substanceUse'] },
      ['substanceUse', 'children'],
    ],
    [
      'anything else in it is ignored',
      { ...makePlan(), ratingDimensionsOff: ['children', 7, 'nope'] },
      ['children'],
    ],
    ['not a list', { ...makePlan(), ratingDimensionsOff: 'children' }, []],
  ])('%s', (_name, plan, expected) => {
    expect(switchedOffDimensions(plan)).toEqual(expected)
  })
})

describe('the comparison', () => {
  const all = lifeAreaRatings([c1, w1, c2, w2])
  it.each<[string, Rating[], string | null, (string | null)[] | null]>([
    ['nothing rated', [], null, null],
    ['one rating: shown alone', [c1], 'chosen', ['c1', null]],
    ['citizen and worker once: side by side', [c1, w1], 'citizenWorker', ['c1', 'w1']],
    ['she rated twice: start and now', [c1, c2], 'startNow', ['c1', 'c2']],
    ['everything: start and now first', [c1, w1, c2, w2], 'startNow', ['c1', 'c2']],
    ['two worker ratings alone', [w1, w2], 'chosen', ['w2', null]],
  ])('%s', (_name, stored, kind, pair) => {
    const shown = defaultComparison(lifeAreaRatings(stored))
    expect(shown?.kind ?? null).toBe(kind)
    expect(pairIds(shown?.pair ?? null)).toEqual(pair)
  })

  it('citizen and worker: the latest stage both rated', () => {
    expect(pairIds(citizenAndWorker(all))).toEqual(['c2', 'w2'])
    expect(pairIds(citizenAndWorker(lifeAreaRatings([c1, w1, c2])))).toEqual(['c1', 'w1'])
    expect(citizenAndWorker(lifeAreaRatings([c1, w2]))).toBeNull()
  })

  it('start and now needs two of her own', () => {
    expect(startAndNow(lifeAreaRatings([c1, w1]))).toBeNull()
  })

  it.each<[string, Rating[], string[]]>([
    ['nothing', [], []],
    ['one', [c1], []],
    ['hers and his', [c1, w1], ['citizenWorker', 'chosen']],
    ['all', [c1, w1, c2, w2], ['startNow', 'citizenWorker', 'chosen']],
  ])('offers what there is: %s', (_name, stored, kinds) => {
    expect(comparisonKinds(lifeAreaRatings(stored))).toEqual(kinds)
  })

  it('any two can be chosen; an unknown id falls back to the first and the latest', () => {
    expect(pairIds(comparisonFor('chosen', all, { a: 'w1', b: 'c2' }))).toEqual(['w1', 'c2'])
    expect(pairIds(comparisonFor('chosen', all, { a: 'nope', b: null }))).toEqual(['c1', 'w2'])
    expect(pairIds(comparisonFor('chosen', all, { a: 'w2', b: 'w2' }))).toEqual(['w2', null])
    expect(pairIds(comparisonFor('startNow', all))).toEqual(['c1', 'c2'])
    expect(comparisonFor('chosen', [])).toBeNull()
  })

  it('lists every rating to choose by stage, respondent and date', () => {
    expect(choosableRatings(all)).toEqual([
      { id: 'c1', stage: 'contact', respondent: 'citizen', date: '2026-09-25' },
      { id: 'w1', stage: 'contact', respondent: 'worker', date: '2026-09-25' },
      { id: 'c2', stage: 'phase1', respondent: 'citizen', date: '2026-12-20' },
      { id: 'w2', stage: 'phase1', respondent: 'worker', date: '2026-12-21' },
    ])
  })
})

describe('comparisonRows', () => {
  const keys: FocusAreaCatalogKey[] = ['safety', 'housing', 'economy', 'network']
  const all = lifeAreaRatings([c1, w1, c2, w2])

  it('citizen and worker of one stage: talk about a difference of 3 or more, skipped never compared', () => {
    const pair = comparisonFor('citizenWorker', lifeAreaRatings([c1, w1]))
    expect(pair && comparisonRows(keys, pair)).toEqual([
      { key: 'safety', a: 3, b: 7, talkAbout: true },
      { key: 'housing', a: 2, b: 3, talkAbout: false },
      { key: 'economy', a: 'skipped', b: 4, talkAbout: false },
      { key: 'network', a: 'notAsked', b: 'notAsked', talkAbout: false },
    ])
  })

  it('either order of the two', () => {
    const pair = comparisonFor('chosen', all, { a: 'w1', b: 'c1' })
    expect(pair && comparisonRows(keys, pair).map((row) => row.talkAbout)).toEqual([
      true,
      false,
      false,
      false,
    ])
  })

  it.each<[string, string, string]>([
    ['start and now: not a dialogue between two people', 'c1', 'c2'],
    ['citizen and worker of different stages', 'c1', 'w2'],
  ])('%s: nothing to talk about marked', (_name, a, b) => {
    const pair = comparisonFor('chosen', all, { a, b })
    expect(pair && comparisonRows(keys, pair).some((row) => row.talkAbout)).toBe(false)
  })

  it('one rating alone', () => {
    expect(comparisonRows(['safety'], { a: get(all, 0), b: null })).toEqual([
      { key: 'safety', a: 3, b: null, talkAbout: false },
    ])
  })
})

function get<T>(list: readonly T[], index: number): T {
  const found = list[index]
  if (found === undefined) throw new Error(`nothing at ${index}`)
  return found
}

describe('dimensionOverTime', () => {
  it('each respondent’s values by date; skipped is a gap, not asked is left out', () => {
    const all = lifeAreaRatings([c1, w1, c2, w2])
    expect(dimensionOverTime(all, 'housing')).toEqual({
      citizen: [
        { date: '2026-09-25', value: 2 },
        { date: '2026-12-20', value: null },
      ],
      worker: [
        { date: '2026-09-25', value: 3 },
        { date: '2026-12-21', value: 1 },
      ],
    })
    expect(dimensionOverTime(all, 'economy').worker).toEqual([{ date: '2026-09-25', value: 4 }])
  })
})

describe('dimensionTable', () => {
  it('a row per date either rated it, each answer as given, null where one did not rate', () => {
    const all = lifeAreaRatings([c1, w1, c2, w2])
    expect(dimensionTable(all, 'housing')).toEqual([
      { date: '2026-09-25', citizen: 2, worker: 3 },
      { date: '2026-12-20', citizen: 'notApplicable', worker: null },
      { date: '2026-12-21', citizen: null, worker: 1 },
    ])
    expect(dimensionTable(all, 'economy')).toEqual([
      { date: '2026-09-25', citizen: 'skipped', worker: 4 },
      { date: '2026-12-20', citizen: 5, worker: null },
    ])
    expect(dimensionTable(all, 'children')).toEqual([])
  })
})

describe('ratingChange', () => {
  const keys: FocusAreaCatalogKey[] = ['safety', 'housing', 'economy', 'network']
  it.each<[string, Rating[]]>([
    ['nothing rated', []],
    ['one rating of hers', [c1]],
    ['hers once and the worker’s twice', [c1, w1, w2]],
  ])('none until she has rated twice: %s', (_name, stored) => {
    expect(ratingChange(lifeAreaRatings(stored), keys)).toBeNull()
  })

  it('her first to her latest: a number only where both are numbers', () => {
    const third = rating('c3', 'citizen', 'phase2', '2027-03-20', {
      safety: 8,
      housing: 5,
      network: 'skipped',
    })
    expect(ratingChange(lifeAreaRatings([c1, w1, c2, w2, third]), keys)).toEqual({
      first: '2026-09-25',
      latest: '2027-03-20',
      rows: [
        { key: 'safety', first: 3, latest: 8, change: 5 },
        { key: 'housing', first: 2, latest: 5, change: 3 },
        { key: 'economy', first: 'skipped', latest: 'notAsked', change: null },
        { key: 'network', first: 'notAsked', latest: 'skipped', change: null },
      ],
    })
  })

  it('a lower rating is a negative change; the same is zero', () => {
    const later = rating('c9', 'citizen', 'phase1', '2026-12-20', { safety: 1, housing: 2 })
    expect(
      ratingChange(lifeAreaRatings([c1, later]), ['safety', 'housing'])?.rows.map((row) => row.change),
    ).toEqual([-2, 0])
  })
})
