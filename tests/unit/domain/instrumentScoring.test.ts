// The scoring engine against the published scoring facts the stored sources confirm: WHO-5's
// raw 0–25 × 4 → 0–100 (five items 0–5); SWEMWBS's seven items 1–5 summed to raw 7–35 and then
// converted by a table (the published table's values could not be checked against a stored
// source, so a synthetic table stands in: the ends 7 → 7 and 35 → 35, raw + 0.5 between);
// Sheehan's three items 0–10, higher is worse (seed 002, 3.2). Placeholder packs only.
import { describe, expect, it } from 'vitest'
import { instrumentPackSchema, type InstrumentPack } from '@/schemas/instrumentPack'
import { checkAnswers, scorePack, type PackAnswers, type ScoreResult } from '@/domain/instrumentScoring'
import { edited, itemIds, sheehanLike, swemwbsLike, who5Like } from '../../factories/instrumentPacks'

const who5 = instrumentPackSchema.parse(who5Like())
const swemwbs = instrumentPackSchema.parse(swemwbsLike())
const sheehan = instrumentPackSchema.parse(sheehanLike())

/** Answers giving each item in turn the next value of `values`. */
function answersOf(ids: readonly string[], values: readonly (number | null | undefined)[]): PackAnswers {
  const answers: Record<string, number | null> = {}
  ids.forEach((id, index) => {
    const value = values[index]
    if (value !== undefined) answers[id] = value
  })
  return answers
}

function onlyScore(pack: InstrumentPack, answers: PackAnswers): ScoreResult {
  const result = scorePack(pack, answers)
  if (!result.ok) throw new Error(`refused: ${result.problem.code}`)
  const [score] = result.scores
  if (score === undefined) throw new Error('no score')
  return score
}

describe('scaled sum (WHO-5 shape)', () => {
  it.each([
    [[0, 0, 0, 0, 0], 0, 0],
    [[5, 5, 5, 5, 5], 25, 100],
    [[3, 2, 4, 1, 3], 13, 52],
    [[2, 2, 2, 2, 2], 10, 40],
    [[1, 0, 0, 0, 0], 1, 4],
  ])('%j → raw %i, score %i', (values, raw, value) => {
    expect(onlyScore(who5, answersOf(itemIds(5), values))).toEqual({
      id: 'percentage',
      status: 'scored',
      direction: 'higherIsBetter',
      raw,
      value,
      missing: 0,
    })
  })

  it.each([
    ['one skipped', [3, 3, null, 3, 3]],
    ['one not answered', [3, 3, undefined, 3, 3]],
    ['nothing answered', []],
  ])('refuses to score with %s when the pack allows none missing', (_name, values) => {
    expect(onlyScore(who5, answersOf(itemIds(5), values))).toMatchObject({ status: 'tooManyMissing' })
  })

  it('applies an offset after the factor, without floating-point noise', () => {
    const pack = edited(who5Like(), ['scores', 0, 'method'], { type: 'scaledSum', factor: 0.1, offset: -1 })
    expect(onlyScore(instrumentPackSchema.parse(pack), answersOf(itemIds(5), [1, 1, 1, 0, 0]))).toMatchObject(
      {
        raw: 3,
        value: -0.7,
      },
    )
  })
})

describe('lookup table (SWEMWBS shape)', () => {
  it.each([
    [[1, 1, 1, 1, 1, 1, 1], 7, 7],
    [[5, 5, 5, 5, 5, 5, 5], 35, 35],
    [[3, 3, 3, 3, 3, 3, 3], 21, 21.5],
    [[1, 2, 3, 4, 5, 4, 3], 22, 22.5],
  ])('%j → raw %i → %f', (values, raw, value) => {
    expect(onlyScore(swemwbs, answersOf(itemIds(7), values))).toMatchObject({
      status: 'scored',
      raw,
      value,
      missing: 0,
    })
  })

  it.each([
    // 6 answers summing to 18: 18 × 7 / 6 = 21 exactly.
    [[3, 3, 3, 3, 3, 3, null], 21, 21.5],
    // 17 × 7 / 6 = 19.83 → 20.
    [[3, 3, 3, 3, 3, 2, undefined], 20, 20.5],
    // 6 × 7 / 6 = 7: the lowest row stays reachable.
    [[1, 1, 1, 1, 1, 1, null], 7, 7],
    // 30 × 7 / 6 = 35: the highest too.
    [[null, 5, 5, 5, 5, 5, 5], 35, 35],
    // 9 × 7 / 6 = 10.5 → 11 (half up).
    [[1, 1, 1, 2, 2, 2, null], 11, 11.5],
  ])('prorates one missing answer: %j → raw %i → %f', (values, raw, value) => {
    expect(onlyScore(swemwbs, answersOf(itemIds(7), values))).toMatchObject({
      status: 'scored',
      raw,
      value,
      missing: 1,
    })
  })

  it('refuses to prorate more missing answers than the pack allows', () => {
    expect(onlyScore(swemwbs, answersOf(itemIds(7), [3, 3, 3, 3, 3]))).toEqual({
      id: 'metric',
      status: 'tooManyMissing',
      direction: 'higherIsBetter',
      missing: 2,
    })
  })
})

describe('per-item subscales and plain sum (Sheehan shape)', () => {
  it('gives each item as its own score, and the plain sum', () => {
    const result = scorePack(sheehan, { work: 7, social: 4, family: 0 })
    expect(result).toEqual({
      ok: true,
      scores: [
        {
          id: 'domains',
          status: 'perItem',
          direction: 'higherIsWorse',
          values: { work: 7, social: 4, family: 0 },
        },
        { id: 'total', status: 'scored', direction: 'higherIsWorse', raw: 11, value: 11, missing: 0 },
      ],
    })
  })

  it('leaves a skipped item without its subscale, and the sum unscored', () => {
    const result = scorePack(sheehan, { work: null, social: 10, family: 10 })
    expect(result.ok && result.scores).toEqual([
      {
        id: 'domains',
        status: 'perItem',
        direction: 'higherIsWorse',
        values: { work: null, social: 10, family: 10 },
      },
      { id: 'total', status: 'tooManyMissing', direction: 'higherIsWorse', missing: 1 },
    ])
  })
})

describe('answers that do not fit are refused, never scored', () => {
  it.each<[string, InstrumentPack, PackAnswers, string, string]>([
    ['above the highest option', who5, { item1: 6 }, 'outOfRange', 'item1'],
    ['below the lowest option', who5, { item2: -1 }, 'outOfRange', 'item2'],
    ['below 1 where options start at 1', swemwbs, { item3: 0 }, 'outOfRange', 'item3'],
    ['not a number', who5, { item1: Number.NaN }, 'outOfRange', 'item1'],
    ['infinite', sheehan, { work: Number.POSITIVE_INFINITY }, 'outOfRange', 'work'],
    ['between two options', who5, { item1: 2.5 }, 'notAnOption', 'item1'],
    ['an item the pack does not have', sheehan, { school: 3 }, 'unknownItem', 'school'],
  ])('%s', (_name, pack, answers, code, itemId) => {
    expect(checkAnswers(pack, answers)).toEqual({ code, itemId })
    expect(scorePack(pack, answers)).toEqual({ ok: false, problem: { code, itemId } })
  })

  it('refuses a gap in an option set even when it is in range', () => {
    const pack = who5Like()
    pack.optionSets = { scale: [0, 1, 2, 4, 5, 6] }
    expect(checkAnswers(instrumentPackSchema.parse(pack), { item1: 3 })).toEqual({
      code: 'notAnOption',
      itemId: 'item1',
    })
  })

  it('accepts skipped items and every option', () => {
    expect(checkAnswers(who5, { item1: null, item2: 0, item3: 5 })).toBeNull()
  })
})
