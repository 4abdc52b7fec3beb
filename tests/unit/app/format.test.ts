import { describe, expect, it } from 'vitest'
import { chooseDateLocale, dateLocale, formatCivilDate, intlKnowsDates } from '@/app/i18n/format'
import { localeList } from '../../../locales'

describe('formatCivilDate', () => {
  it.each([
    ['2027-01-13', 'da', 'long', '13. januar 2027'],
    ['2027-01-13', 'en', 'long', 'January 13, 2027'],
    ['2027-01-13', 'da', 'medium', '13. jan. 2027'],
    // The first and last day of a year and a leap day stay themselves in every time zone.
    ['2026-12-31', 'da', 'long', '31. december 2026'],
    ['2028-02-29', 'en', 'long', 'February 29, 2028'],
  ] as const)('%s in %s (%s) is %s', (date, locale, style, text) => {
    expect(formatCivilDate(date, locale, style)).toBe(text)
  })

  it('writes Arabic dates in Arabic', () => {
    expect(formatCivilDate('2027-01-13', 'ar')).toMatch(/يناير|كانون/)
  })

  it('returns something that is not a date unchanged', () => {
    expect(formatCivilDate('soon', 'da')).toBe('soon')
  })
})

describe('dates where Intl lacks the language', () => {
  const english = /January|February|September|December/
  it.each(localeList.map((entry) => entry.code))(
    '%s: its own formats where known, Danish where not, never English',
    (code) => {
      // As on a browser without this language's data: Danish, never the US English default.
      const missing = chooseDateLocale(code, () => false)
      expect(missing).toBe('da')
      expect(
        new Intl.DateTimeFormat(missing, { dateStyle: 'long' }).format(new Date(Date.UTC(2027, 8, 14))),
      ).toBe('14. september 2027')
      // Here: the language itself exactly when this runtime's Intl formats it.
      expect(dateLocale(code)).toBe(intlKnowsDates(code) ? code : 'da')
      if (code !== 'en') expect(formatCivilDate('2027-09-14', code)).not.toMatch(english)
    },
  )

  it('does not take a locale the runtime lists but resolves to another language', () => {
    expect(intlKnowsDates('xx-unknown')).toBe(false)
    expect(chooseDateLocale('kl', (code) => code === 'kl')).toBe('kl')
  })
})
