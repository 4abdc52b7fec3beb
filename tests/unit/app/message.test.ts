import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { civilDate, inlineValue, messageKey, renderMessage } from '@/app/i18n/message'

const i18n = createI18n({
  locale: 'da',
  fallbackLocale: 'da',
  missingWarn: false,
  fallbackWarn: false,
  messages: {
    da: {
      info: 'En lang og indviklet forklaring.',
      days: '{n} dag | {n} dage',
      hello: 'Hej {name}',
      ends: 'Forløbet slutter {date}.',
      easyRead: { info: 'Kort forklaring.' },
    },
    en: {
      info: 'A long and involved explanation.',
      days: '{n} day | {n} days',
      hello: 'Hello {name}',
      ends: 'The course ends {date}.',
    },
  },
})
// The app's locales are plain strings (their list is data: locales/index.ts); this i18n's are
// the two literal codes, so its `te` is adapted rather than cast.
const composer = {
  t: i18n.global.t,
  te: (key: string, locale: string) => (locale === 'da' || locale === 'en') && i18n.global.te(key, locale),
}

describe('messageKey', () => {
  it.each([
    ['info', 'da', false, 'info'],
    ['info', 'da', true, 'easyRead.info'],
    // English has no easy-read text: its own ordinary text, never the Danish easy one.
    ['info', 'en', true, 'info'],
    ['hello', 'da', true, 'hello'],
  ] as const)('%s in %s, easy read %s: %s', (k, locale, easyRead, key) => {
    expect(messageKey(composer, k, locale, easyRead)).toBe(key)
  })
})

describe('renderMessage', () => {
  it('renders in the language asked for, whatever the current one', () => {
    expect(renderMessage(composer, { k: 'info' }, 'en', false)).toBe('A long and involved explanation.')
    expect(renderMessage(composer, { k: 'info' }, 'da', true)).toBe('Kort forklaring.')
    expect(renderMessage(composer, { k: 'info' }, 'en', true)).toBe('A long and involved explanation.')
  })

  it('fills placeholders and picks the plural form', () => {
    expect(renderMessage(composer, { k: 'hello', args: { name: 'Ali' } }, 'en', false)).toBe('Hello Ali')
    expect(renderMessage(composer, { k: 'days', plural: 1 }, 'da', false)).toBe('1 dag')
    expect(renderMessage(composer, { k: 'days', plural: 5 }, 'en', false)).toBe('5 days')
  })
})

const arabicDate = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: 'UTC' })

describe('inlineValue: each language writes a value its own way', () => {
  it.each([
    [civilDate('2027-09-14'), 'da', '14. september 2027'],
    [civilDate('2027-09-14'), 'en', 'September 14, 2027'],
    [civilDate('2027-09-14', 'medium'), 'da', '14. sep. 2027'],
    // Arabic: its own month name and digits (as this ICU writes them), isolated so it keeps its
    // direction in the line.
    [civilDate('2027-09-14'), 'ar', `\u2068${arabicDate.format(Date.UTC(2027, 8, 14))}\u2069`],
    [1234, 'da', '1.234'],
    [1234, 'ar', `\u2068${new Intl.NumberFormat('ar').format(1234)}\u2069`],
    ['Ali', 'da', 'Ali'],
    // Her own Arabic words inside a Danish line are isolated too; Latin words are left alone.
    ['بيت', 'da', '\u2068بيت\u2069'],
  ] as const)('%o in %s: %s', (value, locale, written) => {
    expect(inlineValue(value, locale)).toBe(written)
  })

  it('renders one civil date differently in each line', () => {
    const message = { k: 'ends', args: { date: civilDate('2027-09-14') } }
    expect(renderMessage(composer, message, 'da', false)).toBe('Forløbet slutter 14. september 2027.')
    expect(renderMessage(composer, message, 'en', false)).toBe('The course ends September 14, 2027.')
  })
})
