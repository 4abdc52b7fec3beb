// Where in a pack file a problem is, as the settings screen says it, and which of a pack's
// languages it shows with its licence note.
import { describe, expect, it } from 'vitest'
import { filePlace, packTexts } from '@/features/instruments/packText'
import { instrumentPackSchema } from '@/schemas/instrumentPack'
import { who5Like } from '../../factories/instrumentPacks'

describe('filePlace', () => {
  it.each<[readonly PropertyKey[], string]>([
    [[], ''],
    [['format'], 'format'],
    [['scores', 0, 'method', 'table'], 'scores[0].method.table'],
    [['texts', 'da', 'items'], 'texts.da.items'],
    [['items', 2, 'options'], 'items[2].options'],
  ])('%j is %s', (path, place) => {
    expect(filePlace(path)).toBe(place)
  })
})

describe('packTexts', () => {
  const pack = instrumentPackSchema.parse(who5Like())
  it.each([
    ['en', 'en', 'Placeholder whoLike (en)', 'Placeholder.'],
    ['da', 'da', 'Placeholder whoLike (da)', 'Pladsholder.'],
    ['ar', 'da', 'Placeholder whoLike (da)', 'Pladsholder.'],
  ])('in %s it shows %s', (locale, language, title, licence) => {
    const shown = packTexts(pack, locale)
    expect(shown.language).toBe(language)
    expect(shown.texts.title).toBe(title)
    expect(shown.licence).toBe(licence)
  })
})
