// The rules around a loaded pack: version order, what loading a file would do, the pack language
// shown, the default stage of a pack rating, and a score as the screen says it.
import { describe, expect, it } from 'vitest'
import type { CivilDate } from '@/domain/civilDate'
import { courseOn } from '@/domain/phases'
import {
  compareVersions,
  packArrival,
  packLanguage,
  packStage,
  scoreLines,
  scoreRange,
  type PackArrival,
} from '@/domain/instrumentPacks'
import { scorePack } from '@/domain/instrumentScoring'
import { instrumentPackSchema, type InstrumentPack } from '@/schemas/instrumentPack'
import { sheehanLike, swemwbsLike, who5Like } from '../../factories/instrumentPacks'

const who5 = instrumentPackSchema.parse(who5Like())
const swemwbs = instrumentPackSchema.parse(swemwbsLike())
const sheehan = instrumentPackSchema.parse(sheehanLike())
const d = (value: string) => value as CivilDate

describe('compareVersions', () => {
  it.each<[string, string, number]>([
    ['1.0.0', '1.0.0', 0],
    ['1.0.0', '1.0.1', -1],
    ['1.10', '1.9', 1],
    ['2', '10', -1],
    ['1.0', '1.0.1', -1],
    ['1.0.1', '1.0', 1],
    ['2024-05', '2024-11', -1],
    ['2025-01', '2024-11', 1],
    ['1.0.0-b', '1.0.0-a', 1],
    ['1.a', '1.2', 1],
  ])('%s against %s is %i', (a, b, order) => {
    expect(compareVersions(a, b)).toBe(order)
  })
})

describe('packArrival', () => {
  const loaded = [
    { id: 'whoLike', version: '1.1' },
    { id: 'swemLike', version: '2024-05' },
  ]
  it.each<[string, string, PackArrival]>([
    ['sheehanLike', '1.0', 'new'],
    ['whoLike', '1.1', 'alreadyThere'],
    ['whoLike', '1.2', 'newer'],
    ['whoLike', '1.0.9', 'older'],
    ['swemLike', '2025-01', 'newer'],
  ])('%s %s is %s', (id, version, arrival) => {
    expect(packArrival(loaded, { id, version })).toBe(arrival)
  })

  it('is new when nothing is loaded', () => {
    expect(packArrival([], { id: 'whoLike', version: '1' })).toBe('new')
  })
})

describe('packLanguage', () => {
  it.each([
    ['da', 'da'],
    ['en', 'en'],
    ['ar', 'da'],
  ])('%s shows %s', (locale, language) => {
    expect(packLanguage(who5, locale)).toBe(language)
  })
})

describe('packStage', () => {
  // Contact period from 1 January 2026, day 1 on 1 February; phase 1 ends 30 April.
  const input = { contactStart: d('2026-01-01'), transitionDate: d('2026-02-01'), pauses: [] }
  it.each([
    ['2025-12-01', 'contact'],
    ['2026-01-10', 'contact'],
    ['2026-04-20', 'phase1'],
    ['2026-08-01', 'phase2'],
    ['2027-03-01', 'phase3'],
  ])('on %s it is %s', (on, stage) => {
    expect(packStage(courseOn(input, d(on)))).toBe(stage)
  })

  it('is the contact period without a course', () => {
    expect(packStage(null)).toBe('contact')
  })
})

describe('scoreRange', () => {
  it.each<[string, InstrumentPack, { min: number; max: number }]>([
    ['a scaled sum (WHO-5: 0–25 × 4)', who5, { min: 0, max: 100 }],
    ['a lookup table (its lowest and highest score)', swemwbs, { min: 7, max: 35 }],
    ['per item (each item 0–10)', sheehan, { min: 0, max: 10 }],
  ])('%s', (_, pack, range) => {
    const [rule] = pack.scores
    if (rule === undefined) throw new Error('no rule')
    expect(scoreRange(pack, rule)).toEqual(range)
  })

  it('a plain sum is the raw range', () => {
    const [, total] = sheehan.scores
    if (total === undefined) throw new Error('no rule')
    expect(scoreRange(sheehan, total)).toEqual({ min: 0, max: 30 })
  })
})

describe('scoreLines', () => {
  it('says a scaled sum with its range and direction', () => {
    const answers = { item1: 5, item2: 4, item3: 3, item4: 2, item5: 2 }
    expect(scoreLines(who5, scorePack(who5, answers))).toEqual([
      {
        id: 'percentage',
        state: 'value',
        value: 64,
        range: { min: 0, max: 100 },
        direction: 'higherIsBetter',
        prorated: false,
      },
    ])
  })

  it('says there are not enough answers when the missing-answer rule refuses', () => {
    const answers = { item1: 5, item2: null, item3: 3, item4: 2, item5: 2 }
    expect(scoreLines(who5, scorePack(who5, answers))).toEqual([
      { id: 'percentage', state: 'notEnough', direction: 'higherIsBetter' },
    ])
  })

  it('marks a prorated lookup score', () => {
    const answers = { item1: 3, item2: 3, item3: 3, item4: 3, item5: 3, item6: 3, item7: null }
    const [line] = scoreLines(swemwbs, scorePack(swemwbs, answers)) ?? []
    expect(line).toMatchObject({ state: 'value', value: 21.5, prorated: true })
  })

  it('lists each item of a per-item score, a skipped one without a value', () => {
    const lines = scoreLines(sheehan, scorePack(sheehan, { work: 7, social: null, family: 2 }))
    expect(lines).toEqual([
      {
        id: 'domains',
        state: 'items',
        items: [
          { itemId: 'work', value: 7 },
          { itemId: 'social', value: null },
          { itemId: 'family', value: 2 },
        ],
        range: { min: 0, max: 10 },
        direction: 'higherIsWorse',
      },
      { id: 'total', state: 'notEnough', direction: 'higherIsWorse' },
    ])
  })

  it('shows no score for answers that do not fit the pack', () => {
    expect(scoreLines(who5, scorePack(who5, { item1: 9 }))).toBeNull()
    expect(scoreLines(who5, scorePack(who5, { other: 1 }))).toBeNull()
  })
})
