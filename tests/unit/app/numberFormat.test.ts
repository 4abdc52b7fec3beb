import { describe, expect, it } from 'vitest'
import { formatNumber, LATIN_DIGITS, numberFormat } from '@/app/i18n/numberFormat'
import { localeList } from '../../../locales'

const codes = localeList.map((entry) => entry.code)
// Whole numbers around the fast path's edges, and numbers it leaves to Intl.
const values = [0, 1, 7, 9, 10, 42, 99, 100, 999, 1000, 1234, 12345, -1, -7, 0.5, 2.25, 1e6]

describe('formatNumber', () => {
  it.each(codes)('%s: every number is written exactly as Intl writes it', (code) => {
    const differ = values.filter((value) => formatNumber(value, code) !== numberFormat(code).format(value))
    expect(differ).toEqual([])
  })

  it('lists only languages of the locale list whose digits are 0–9', () => {
    for (const code of LATIN_DIGITS) {
      expect(codes).toContain(code)
      expect(new Intl.NumberFormat(code).resolvedOptions().numberingSystem).toBe('latn')
    }
  })

  it('writes Persian in its own digits and groups thousands in Danish', () => {
    expect(formatNumber(7, 'fa')).toBe('۷')
    expect(formatNumber(1234, 'da')).toBe('1.234')
  })
})
