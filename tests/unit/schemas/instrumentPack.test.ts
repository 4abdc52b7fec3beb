// Instrument packs: the fixtures (one valid, several broken) and every whole-pack check, each
// case breaking exactly one thing of a valid pack and expecting its own problem code and path.
import { describe, expect, it } from 'vitest'
import { instrumentPackSchema, readInstrumentPack, type PackFileProblem } from '@/schemas/instrumentPack'
import {
  REMOVE,
  edited,
  packFixture,
  placeholderPack,
  sheehanLike,
  swemwbsLike,
  syntheticTable,
  who5Like,
} from '../../factories/instrumentPacks'

describe('instrument pack fixtures', () => {
  it('reads the valid fixture', () => {
    const result = readInstrumentPack(packFixture('valid-placeholder-five.json'))
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.pack.id).toBe('placeholderFive')
      expect(result.pack.scores[0]?.method).toEqual({ type: 'scaledSum', factor: 4, offset: 0 })
    }
  })

  it.each([
    ['broken-not-json.txt', 'notJson', []],
    ['broken-wrong-format.json', 'wrongFormat', ['format']],
    ['broken-duplicate-item.json', 'duplicateItem', ['items']],
    ['broken-lookup-gap.json', 'lookupDoesNotCover', ['scores', 0, 'method', 'table']],
    ['broken-unknown-subscale-item.json', 'unknownScoreItem', ['scores', 1, 'items', 1]],
    ['broken-option-value.json', 'invalidField', ['optionSets', 'often', 5]],
  ] satisfies [string, PackFileProblem, (string | number)[]][])('refuses %s: %s', (name, problem, path) => {
    expect(readInstrumentPack(packFixture(name))).toEqual({ ok: false, problem, path })
  })

  it('refuses a file too large to be a pack before parsing it', () => {
    expect(readInstrumentPack(' '.repeat(200_001))).toEqual({ ok: false, problem: 'tooLarge', path: [] })
  })
})

describe('instrumentPackSchema', () => {
  it.each([
    ['WHO-5-like', who5Like()],
    ['SWEMWBS-like', swemwbsLike()],
    ['Sheehan-like', sheehanLike()],
  ])('accepts a %s pack', (_name, pack) => {
    expect(instrumentPackSchema.safeParse(pack).success).toBe(true)
  })

  it.each<[string, () => Record<string, unknown>, (string | number)[], unknown, string, (string | number)[]]>(
    [
      ['an item id twice', who5Like, ['items', 4, 'id'], 'item1', 'duplicateItem', ['items']],
      [
        'an unknown option set',
        who5Like,
        ['items', 0, 'options'],
        'other',
        'unknownOptionSet',
        ['items', 0, 'options'],
      ],
      ['a score id twice', sheehanLike, ['scores', 1, 'id'], 'domains', 'duplicateScore', ['scores']],
      [
        'a subscale naming an unknown item',
        sheehanLike,
        ['scores', 0, 'items'],
        ['work', 'school'],
        'unknownScoreItem',
        ['scores', 0, 'items', 1],
      ],
      [
        'prorating as many as there are items',
        swemwbsLike,
        ['scores', 0, 'missing'],
        { rule: 'prorate', maxMissing: 7 },
        'tooManyMissingAllowed',
        ['scores', 0, 'missing', 'maxMissing'],
      ],
      [
        'prorating single-item subscales',
        sheehanLike,
        ['scores', 0, 'missing'],
        { rule: 'prorate', maxMissing: 1 },
        'prorateSingleItems',
        ['scores', 0, 'missing'],
      ],
      [
        'a default language without texts',
        who5Like,
        ['defaultLanguage'],
        'kl',
        'missingLanguage',
        ['defaultLanguage'],
      ],
      [
        'a language without an item text',
        who5Like,
        ['texts', 'en', 'items', 'item5'],
        REMOVE,
        'itemTextMismatch',
        ['texts', 'en', 'items'],
      ],
      [
        'a language with a label too few',
        who5Like,
        ['texts', 'da', 'options', 'scale'],
        ['a', 'b', 'c', 'd', 'e'],
        'optionLabelMismatch',
        ['texts', 'da', 'options'],
      ],
      [
        'a language without a licence note',
        who5Like,
        ['licence', 'note', 'en'],
        REMOVE,
        'licenceLanguageMissing',
        ['licence', 'note', 'en'],
      ],
    ],
  )('refuses %s', (_name, make, at, value, message, path) => {
    const parsed = instrumentPackSchema.safeParse(edited(make(), at, value))
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues).toContainEqual(expect.objectContaining({ message, path }))
  })

  it.each<[string, { raw: number; score: number }[]]>([
    ['a raw sum missing in the middle', syntheticTable().filter((row) => row.raw !== 20)],
    ['the lowest raw sum missing', syntheticTable().slice(1)],
    ['a raw sum the items cannot reach', [...syntheticTable(), { raw: 36, score: 36 }]],
    ['a raw sum twice', [...syntheticTable().slice(0, -1), { raw: 34, score: 34 }]],
  ])('refuses a lookup table with %s', (_name, table) => {
    const parsed = instrumentPackSchema.safeParse(swemwbsLike(table))
    expect(parsed.error?.issues).toContainEqual(
      expect.objectContaining({ message: 'lookupDoesNotCover', path: ['scores', 0, 'method', 'table'] }),
    )
  })

  it.each<[string, unknown]>([
    ['an option value that is not whole', [0, 1.5, 3]],
    ['a single option', [1]],
    ['an option value twice', [0, 1, 1]],
    ['an option value above 10 (a rating record could not hold it)', [0, 11]],
    ['a negative option value', [-1, 0]],
  ])('refuses %s', (_name, values) => {
    const score = {
      id: 'total',
      items: ['item1'],
      method: { type: 'sum' },
      missing: { rule: 'refuse' },
      direction: 'higherIsBetter',
    }
    const pack = placeholderPack({ id: 'fine', items: ['item1'], values: [0, 1, 2], scores: [score] })
    expect(instrumentPackSchema.safeParse(pack).success).toBe(true)
    pack.optionSets = { scale: values }
    expect(instrumentPackSchema.safeParse(pack).error?.issues[0]?.path.slice(0, 2)).toEqual([
      'optionSets',
      'scale',
    ])
  })

  it('refuses a scaled sum with a factor that is not positive', () => {
    const pack = edited(who5Like(), ['scores', 0, 'method'], { type: 'scaledSum', factor: 0 })
    expect(instrumentPackSchema.safeParse(pack).success).toBe(false)
  })
})
