// The rating flow's rules. Course as in ratingsDue.test.ts: contact period from 1 January 2026,
// day 1 on 1 February; the contact rating is open until 16 April, phase 1's from 17 April.
import { describe, expect, it } from 'vitest'
import type { CivilDate } from '@/domain/civilDate'
import { askedDimensions, lifeAreaDimensions } from '@/domain/lifeAreas'
import { courseOn, type CourseInput } from '@/domain/phases'
import {
  answerCounts,
  answerRows,
  dimensionSwitches,
  lifeAreaContent,
  ratingHistory,
  ratingsDueNow,
  stageChoice,
  switchDimension,
  type LifeAreaValues,
  type RatingDraft,
} from '@/domain/ratingFlow'
import type { RatingTaken } from '@/domain/ratingsDue'
import type { FocusAreaCatalogKey, Rating } from '@/schemas'
import { asHlc } from '@/domain/clock'
import { makeRating } from '../../factories/records'

const d = (value: string) => value as CivilDate
const input: CourseInput = { contactStart: d('2026-01-01'), transitionDate: d('2026-02-01'), pauses: [] }
const on = (day: string, extra: Partial<CourseInput> = {}) => courseOn({ ...input, ...extra }, d(day))
const taken = (
  stage: RatingTaken['stage'],
  date: string,
  respondent: RatingTaken['respondent'],
): RatingTaken => ({
  stage,
  date: d(date),
  respondent,
})

describe('stageChoice', () => {
  it.each<[string, ReturnType<typeof on> | null, ReturnType<typeof stageChoice>]>([
    ['no course to go by: any stage', null, { choose: ['contact', 'phase1', 'phase2', 'phase3'] }],
    [
      'before the contact period: any stage',
      on('2025-12-20'),
      { choose: ['contact', 'phase1', 'phase2', 'phase3'] },
    ],
    ['the contact period', on('2026-01-10'), { open: 'contact' }],
    ['early phase 1: still the baseline', on('2026-03-01'), { open: 'contact' }],
    ['the end of phase 1', on('2026-04-20'), { open: 'phase1' }],
    [
      'paused at the end of phase 1: still phase 1',
      on('2026-04-22', { pauses: [{ start: d('2026-04-20'), end: null }] }),
      { open: 'phase1' },
    ],
    ['after the end: phase 3', on('2027-03-01'), { open: 'phase3' }],
  ])('%s', (_name, course, expected) => {
    expect(stageChoice(course)).toEqual(expected)
  })
})

describe('ratingsDueNow', () => {
  it.each<[string, ReturnType<typeof on> | null, RatingTaken[], ReturnType<typeof ratingsDueNow>]>([
    ['no course', null, [], null],
    ['before the contact period', on('2025-12-20'), [], null],
    [
      'contact period, no one has rated',
      on('2026-01-10'),
      [],
      { stage: 'contact', citizen: true, worker: true },
    ],
    [
      'the citizen has rated, the worker not yet',
      on('2026-01-10'),
      [taken('contact', '2026-01-05', 'citizen')],
      { stage: 'contact', citizen: false, worker: true },
    ],
    [
      'the worker has rated, the citizen not yet',
      on('2026-01-10'),
      [taken('contact', '2026-01-05', 'worker')],
      { stage: 'contact', citizen: true, worker: false },
    ],
    [
      'both have settled the contact period',
      on('2026-03-01'),
      [taken('contact', '2026-01-05', 'citizen'), taken('contact', '2026-01-06', 'worker')],
      null,
    ],
    [
      'phase 1 opens: due again for both',
      on('2026-04-20'),
      [taken('contact', '2026-01-05', 'citizen'), taken('contact', '2026-01-06', 'worker')],
      { stage: 'phase1', citizen: true, worker: true },
    ],
    ['nothing while paused', on('2026-04-22', { pauses: [{ start: d('2026-04-20'), end: null }] }), [], null],
  ])('%s', (_name, course, ratings, expected) => {
    expect(ratingsDueNow(course, ratings)).toEqual(expected)
  })
})

describe('ratingHistory', () => {
  const at = (stamp: string) => asHlc(`2026-11-23T10:00:0${stamp}.000Z-0000-00000000000000a1`)
  const worker = makeRating({ respondent: 'worker', date: d('2026-01-10'), createdAt: at('1') })
  const citizen = makeRating({ date: d('2026-01-10'), createdAt: at('2') })
  const earlier = makeRating({ respondent: 'worker', date: d('2026-01-05'), createdAt: at('3') })
  const declined = makeRating({ stage: 'phase1', date: d('2026-04-20'), content: null })
  const pack = makeRating({
    stage: 'phase1',
    content: { type: 'pack', packId: 'whoLike', packVersion: '1.0.0', answers: { item1: 3 } },
  })

  it.each<[string, Rating[], [string, Rating[]][]]>([
    ['none yet', [], []],
    [
      'by stage in the course order, oldest first, the citizen before the worker on the same day',
      [declined, worker, citizen, earlier],
      [
        ['contact', [earlier, citizen, worker]],
        ['phase1', [declined]],
      ],
    ],
    ['an instrument pack is not a life-area rating', [pack], []],
  ])('%s', (_name, ratings, expected) => {
    expect(ratingHistory(ratings).map((group) => [group.stage, group.ratings])).toEqual(expected)
  })
})

describe('answerRows and answerCounts', () => {
  const values: LifeAreaValues = {
    housing: { answer: 7 },
    safety: { answer: 4, oneStepBetter: 'A lock on the door.' },
    economy: { answer: 'skipped' },
    children: { answer: 'notApplicable' },
    dailyActivities: { answer: 3 },
  }

  it('lists the answers in the transition order, then others, without the dimensions not asked', () => {
    expect(answerRows('shelter', values)).toEqual([
      { key: 'safety', answer: 4, oneStepBetter: 'A lock on the door.' },
      { key: 'housing', answer: 7, oneStepBetter: null },
      { key: 'economy', answer: 'skipped', oneStepBetter: null },
      { key: 'children', answer: 'notApplicable', oneStepBetter: null },
      { key: 'dailyActivities', answer: 3, oneStepBetter: null },
    ])
  })

  it.each<[string, LifeAreaValues, ReturnType<typeof answerCounts>]>([
    ['nothing', {}, { rated: 0, skipped: 0, notApplicable: 0 }],
    ['a skip is not a rating', { safety: { answer: 'skipped' } }, { rated: 0, skipped: 1, notApplicable: 0 }],
    ['mixed', values, { rated: 3, skipped: 1, notApplicable: 1 }],
  ])('counts %s', (_name, given, expected) => {
    expect(answerCounts(given)).toEqual(expected)
  })
})

describe('lifeAreaContent', () => {
  const shelter = lifeAreaDimensions('shelter')
  const keys = (draft: RatingDraft, asked = shelter) => lifeAreaContent(asked, draft).values

  it('saves every dimension asked; one left without an answer is skipped, never a zero', () => {
    const values = keys({ safety: { answer: 6, oneStepBetter: '' } })
    expect(Object.keys(values)).toEqual(shelter.map((dimension) => dimension.key))
    expect(values.safety).toEqual({ answer: 6 })
    expect(values.housing).toEqual({ answer: 'skipped' })
  })

  it.each<[string, RatingDraft, LifeAreaValues[FocusAreaCatalogKey]]>([
    [
      'a number with a note',
      { safety: { answer: 3, oneStepBetter: 'A lock.' } },
      { answer: 3, oneStepBetter: 'A lock.' },
    ],
    ['a blank note is left out', { safety: { answer: 3, oneStepBetter: '  \n ' } }, { answer: 3 }],
    [
      'not applicable',
      { safety: { answer: 'notApplicable', oneStepBetter: '' } },
      { answer: 'notApplicable' },
    ],
    [
      'a note without an answer: skipped, note kept',
      { safety: { answer: null, oneStepBetter: 'Later' } },
      { answer: 'skipped', oneStepBetter: 'Later' },
    ],
  ])('%s', (_name, draft, expected) => {
    expect(keys(draft).safety).toEqual(expected)
  })

  it('leaves out a dimension switched off', () => {
    const values = keys(
      { children: { answer: 5, oneStepBetter: '' } },
      askedDimensions('shelter', ['children']),
    )
    expect(values.children).toBeUndefined()
    expect(Object.keys(values)).toHaveLength(9)
  })
})

describe('dimension switches', () => {
  it.each<[string, Parameters<typeof dimensionSwitches>, ReturnType<typeof dimensionSwitches>]>([
    [
      'shelter: the children dimension, on',
      ['shelter', []],
      [{ key: 'children', appliesWhen: 'hasChildren', on: true }],
    ],
    ['switched off', ['shelter', ['children']], [{ key: 'children', appliesWhen: 'hasChildren', on: false }]],
    ['a transition without such a dimension', ['psychiatry', []], []],
  ])('%s', (_name, args, expected) => {
    expect(dimensionSwitches(...args)).toEqual(expected)
  })

  it.each<[string, Parameters<typeof switchDimension>, FocusAreaCatalogKey[]]>([
    ['off', [[], 'children', false], ['children']],
    ['off twice stays once', [['children'], 'children', false], ['children']],
    ['on again', [['children'], 'children', true], []],
    ['sorted', [['safety'], 'children', false], ['children', 'safety']],
  ])('%s', (_name, args, expected) => {
    expect(switchDimension(...args)).toEqual(expected)
  })
})
