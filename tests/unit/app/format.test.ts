import { describe, expect, it } from 'vitest'
import { formatCivilDate } from '@/app/i18n/format'

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
