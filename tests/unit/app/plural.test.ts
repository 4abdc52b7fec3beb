import { describe, expect, it } from 'vitest'
import { pluralRuleFor } from '@/app/i18n/plural'
import type { LocaleInfo } from '../../../locales'

const danish: LocaleInfo = {
  code: 'da',
  nativeName: 'Dansk',
  dir: 'ltr',
  review: 'source',
  pluralCategories: ['one', 'other'],
}
const arabic: LocaleInfo = {
  code: 'ar',
  nativeName: 'العربية',
  dir: 'rtl',
  review: 'draft',
  pluralCategories: ['zero', 'one', 'two', 'few', 'many', 'other'],
}
const polish: LocaleInfo = {
  code: 'pl',
  nativeName: 'Polski',
  dir: 'ltr',
  review: 'draft',
  pluralCategories: ['one', 'few', 'many', 'other'],
}

describe('pluralRuleFor', () => {
  it.each([
    [danish, 0, 1],
    [danish, 1, 0],
    [danish, 2, 1],
    [danish, -1, 0],
    [arabic, 0, 0],
    [arabic, 1, 1],
    [arabic, 2, 2],
    [arabic, 3, 3],
    [arabic, 11, 4],
    [arabic, 100, 5],
    [polish, 1, 0],
    [polish, 3, 1],
    [polish, 5, 2],
    [polish, 22, 1],
  ] as const)('%o: %d picks variant %d', (info, count, variant) => {
    expect(pluralRuleFor(info)(count, info.pluralCategories.length)).toBe(variant)
  })

  it('falls back to the last variant when a message lists fewer variants than categories', () => {
    // "{n} dag" written once for Arabic: every count uses it.
    expect(pluralRuleFor(arabic)(2, 1)).toBe(0)
    expect(pluralRuleFor(arabic)(11, 2)).toBe(1)
  })
})
