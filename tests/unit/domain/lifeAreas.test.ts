import { describe, expect, it } from 'vitest'
import {
  RATING_MAX,
  RATING_MIN,
  askedDimensions,
  dimensionOf,
  isRatingOnScale,
  lifeAreaDimensions,
} from '@/domain/lifeAreas'
import { catalogueFor } from '@/domain/focusAreas'
import { psychiatryAreaKeys } from '@/domain/focusAreaKeys'
import { dimensionAnswer, ratingScale, targetGroups, type TargetGroup } from '@/schemas'

const keys = (group: TargetGroup) => lifeAreaDimensions(group).map((dimension) => dimension.key)

describe('lifeAreaDimensions', () => {
  // The lists and their order are the focus-area catalogue's, tested against the seeds there.
  it('gives women leaving a shelter the ten of the change compass: the catalogue list (seed 004)', () => {
    expect(keys('shelter')).toEqual(catalogueFor('shelter'))
    expect(keys('shelter')).toHaveLength(10)
  })

  it('gives psychiatry the eight life areas of the guide in its order (seed 002, table 7.1)', () => {
    expect(keys('psychiatry')).toEqual([...psychiatryAreaKeys])
  })

  it.each(targetGroups)(
    'gives %s between 3 and 12 dimensions (what the star chart draws), each once',
    (group) => {
      const list = keys(group)
      expect(list.length).toBeGreaterThanOrEqual(3)
      expect(list.length).toBeLessThanOrEqual(12)
      expect(new Set(list).size).toBe(list.length)
    },
  )

  it.each<[TargetGroup, string]>([
    ['homelessness', 'housing'],
    ['employment', 'educationWork'],
    ['aftercare', 'housing'],
    ['greenlanders', 'housing'],
  ])('puts what the %s transition is about first (%s)', (group, first) => {
    expect(keys(group)[0]).toBe(first)
  })
})

describe('dimensionOf', () => {
  it('names the question and the two ends of the scale by message key', () => {
    expect(dimensionOf('safety')).toEqual({
      key: 'safety',
      questionKey: 'ratings.dimension.safety.question',
      workerQuestionKey: 'ratings.dimension.safety.workerQuestion',
      lowKey: 'ratings.dimension.safety.low',
      highKey: 'ratings.dimension.safety.high',
    })
  })

  it('asks whether the children dimension applies', () => {
    expect(dimensionOf('children').appliesWhen).toBe('hasChildren')
    expect(
      lifeAreaDimensions('shelter').filter((dimension) => dimension.appliesWhen !== undefined),
    ).toHaveLength(1)
  })
})

describe('askedDimensions', () => {
  it.each<[TargetGroup, Parameters<typeof askedDimensions>[1], number]>([
    ['shelter', [], 10],
    ['shelter', ['children'], 9],
    ['shelter', ['children', 'educationWork'], 8],
    ['psychiatry', ['children'], 8], // not in the list: nothing to switch off
  ])('%s with %j switched off asks %i', (group, off, count) => {
    const asked = askedDimensions(group, off)
    expect(asked).toHaveLength(count)
    expect(asked.some((dimension) => off.includes(dimension.key))).toBe(false)
  })
})

describe('isRatingOnScale', () => {
  it.each([
    [RATING_MIN, true],
    [RATING_MAX, true],
    [5, true],
    [0, false], // a skipped dimension is not a zero: zero is not on the scale
    [11, false],
    [5.5, false],
    [Number.NaN, false],
  ])('%f → %s', (value, expected) => {
    expect(isRatingOnScale(value)).toBe(expected)
  })
})

describe('the scale', () => {
  it('is the one the rating record accepts', () => {
    expect({ min: RATING_MIN, max: RATING_MAX }).toEqual(ratingScale)
    const accepts = (value: number) => dimensionAnswer.safeParse(value).success
    expect([RATING_MIN - 1, RATING_MIN, RATING_MAX, RATING_MAX + 1].map(accepts)).toEqual([
      false,
      true,
      true,
      false,
    ])
  })
})
