import { describe, expect, it } from 'vitest'
import { inlineValue } from '@/app/i18n/message'

const FSI = '\u2068'
const PDI = '\u2069'

describe('inlineValue', () => {
  it.each([
    ['da', 41, '41'],
    ['da', 1234, '1.234'],
    ['en', 1234, '1,234'],
    ['da', '14. januar 2027', '14. januar 2027'],
    ['uk', 5, '5'],
    // Right-to-left: the locale's own digits (as Intl writes them: ICU's default for Arabic is
    // now Latin digits, Farsi keeps Persian ones), isolated so they keep their direction.
    ['ar', 41, `${FSI}${new Intl.NumberFormat('ar').format(41)}${PDI}`],
    ['fa', 41, `${FSI}۴۱${PDI}`],
    ['ar', '+45 12 34 56 78', `${FSI}+45 12 34 56 78${PDI}`],
    ['ur', 'Mette Hansen', `${FSI}Mette Hansen${PDI}`],
  ] as const)('writes %s %j as %j', (locale, value, expected) => {
    expect(inlineValue(value, locale)).toBe(expected)
  })
})
