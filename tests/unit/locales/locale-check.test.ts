// @vitest-environment node
import { describe, expect, it } from 'vitest'
import {
  analyseMessage,
  checkLocaleFiles,
  checkLocaleProject,
  checkLocales,
  checkPluralCategories,
  checkSortedKeys,
  compareKeys,
  type LocaleProblem,
  type ReviewStatus,
} from '../../../scripts/lib/locale-check'
import da from './fixtures/da.json'
import enValid from './fixtures/en-valid.json'
import enMissingKey from './fixtures/en-missing-key.json'
import enExtraKey from './fixtures/en-extra-key.json'
import enEmpty from './fixtures/en-empty.json'
import enWrongPlaceholder from './fixtures/en-wrong-placeholder.json'
import enBadSyntax from './fixtures/en-bad-syntax.json'
import enNotAString from './fixtures/en-not-a-string.json'
import enIdentical from './fixtures/en-identical.json'
import arValid from './fixtures/ar-valid.json'
import arTwoPluralForms from './fixtures/ar-two-plural-forms.json'

const oneOther = ['one', 'other'] as const
const arabic = ['zero', 'one', 'two', 'few', 'many', 'other'] as const

function check(
  messages: unknown,
  options: { code?: string; categories?: readonly string[]; review?: ReviewStatus } = {},
): LocaleProblem[] {
  const { code = 'en', categories = oneOther, review = 'draft' } = options
  return checkLocales({
    source: { code: 'da', messages: da, pluralCategories: oneOther },
    others: [{ code, messages, pluralCategories: categories, review }],
  })
}

type Messages = typeof da

/** A copy of `base` with one message replaced: `translated` for the target, `danish` for the source. */
function replaced(
  base: Messages,
  key: 'greeting' | 'count',
  value: unknown,
): { app: object; items: object; status: object } {
  return key === 'greeting'
    ? { ...base, app: { ...base.app, greeting: value } }
    : { ...base, items: { ...base.items, count: value } }
}
const translated = (key: 'greeting' | 'count', value: unknown) => replaced(enValid, key, value)
const danish = (key: 'greeting' | 'count', value: unknown) => replaced(da, key, value)

describe('checkLocales with fixture locales', () => {
  it.each([
    ['complete English', enValid, 'en', oneOther],
    ['complete Arabic with six plural forms', arValid, 'ar', arabic],
  ])('finds nothing wrong in %s', (_name, messages, code, categories) => {
    expect(check(messages, { code, categories })).toEqual([])
  })

  it.each([
    ['a missing key', enMissingKey, 'status.saved', 'missing', 'not translated: the key is missing'],
    ['an extra key', enExtraKey, 'status.deleted', 'extra', 'the source has no such key'],
    ['an empty value', enEmpty, 'status.saved', 'empty', 'the message is empty'],
    [
      'a wrong placeholder',
      enWrongPlaceholder,
      'app.greeting',
      'placeholders',
      'missing {name}; not in the source: {navn}',
    ],
    [
      'a value that is not a string',
      enNotAString,
      'status.saved',
      'not-a-string',
      'expected a string, found a number',
    ],
  ])('reports exactly one problem for %s', (_name, messages, key, kind, detail) => {
    expect(check(messages)).toEqual([{ locale: 'en', key, kind, severity: 'error', detail }])
  })

  it('reports an unclosed placeholder as a syntax error', () => {
    expect(check(enBadSyntax)).toEqual([
      {
        locale: 'en',
        key: 'items.range',
        kind: 'syntax',
        severity: 'error',
        detail: expect.stringContaining('Unterminated closing brace') as unknown,
      },
    ])
  })

  it('reports a Danish two-form plural that Arabic gives only two forms', () => {
    expect(check(arTwoPluralForms, { code: 'ar', categories: arabic })).toEqual([
      {
        locale: 'ar',
        key: 'items.count',
        kind: 'plural-forms',
        severity: 'error',
        detail: 'needs 6 variants (zero | one | two | few | many | other), has 2',
      },
    ])
  })

  it('warns about untranslated text in a draft locale, and fails a reviewed one', () => {
    const problem = {
      locale: 'en',
      key: 'app.greeting',
      kind: 'identical-to-source',
      detail: 'identical to the source text: possibly untranslated',
    }
    expect(check(enIdentical, { review: 'draft' })).toEqual([{ ...problem, severity: 'warning' }])
    expect(check(enIdentical, { review: 'reviewed' })).toEqual([{ ...problem, severity: 'error' }])
  })
})

describe('checkLocales message by message', () => {
  it.each([
    [
      'an unclosed placeholder at the very end, which the compiler itself lets pass',
      'Hello {name}, welcome back {',
      'Unterminated placeholder at the end of the message',
    ],
    ['a stray closing brace', 'Hello {name}}, welcome', 'Unbalanced closing brace'],
    ['an empty placeholder', 'Hello {name}, {} welcome', 'Empty placeholder'],
    [
      "a bare @ (an e-mail address must be written {'@'})",
      'Write to {name}@trin.dk',
      'Invalid linked format',
    ],
    ['HTML, which the build rejects', 'Hello <b>{name}</b>', 'HTML tag in the message'],
    [
      'a link to a key that does not exist',
      'Hello {name}, @:app.title',
      'links to @:app.title, which is not a message key',
    ],
    ['an empty plural variant', '{name} | ', 'Plural must have messages'],
  ])('reports %s as a syntax error', (_name, message, detail) => {
    const problems = check(translated('greeting', message))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      locale: 'en',
      key: 'app.greeting',
      kind: 'syntax',
      severity: 'error',
    })
    expect(problems[0]?.detail).toContain(detail)
  })

  it.each([
    ['an escaped @ and pipe as literals', 'greeting', "Hello {name}, write to us{'@'}trin.dk {'|'} always"],
    ['a link to an existing key', 'greeting', 'Hello {name}, welcome to @:app.name'],
    [
      'a plural form without the count, since placeholders are compared over all forms',
      'count',
      'one item | {n} items',
    ],
  ] as const)('accepts %s', (_name, key, message) => {
    expect(check(translated(key, message))).toEqual([])
  })

  it('reports a plural translation of a message the source does not pluralise', () => {
    expect(check(translated('greeting', 'Hello {name} | Hello all {name}'))).toEqual([
      {
        locale: 'en',
        key: 'app.greeting',
        kind: 'plural-forms',
        severity: 'error',
        detail: 'the source is not a plural message, but this has 2 variants',
      },
    ])
  })

  it('accepts a single form for a locale whose only plural category is other', () => {
    expect(check(translated('count', '{n} punkter'), { code: 'ja', categories: ['other'] })).toEqual([])
  })

  it('reports a Danish plural with more variants than Danish has categories, once, for Danish only', () => {
    const source = danish('count', 'ingen punkter | {n} punkt | {n} punkter')
    const problems = checkLocales({
      source: { code: 'da', messages: source, pluralCategories: oneOther },
      others: [{ code: 'en', messages: enValid, pluralCategories: oneOther }],
    })
    expect(problems).toEqual([
      {
        locale: 'da',
        key: 'items.count',
        kind: 'plural-forms',
        severity: 'error',
        detail: 'has 3 variants; a plural message needs 2 (one | other)',
      },
    ])
  })

  it('reports an object where the source has a string once, not its children as extra keys', () => {
    expect(check(translated('greeting', { formal: 'Goddag {name}' }))).toEqual([
      {
        locale: 'en',
        key: 'app.greeting',
        kind: 'not-a-string',
        severity: 'error',
        detail: 'expected a string, found an object',
      },
    ])
  })

  it.each([
    [null, 'null'],
    [['a', 'b'], 'an array'],
    [true, 'a boolean'],
  ])('reports %j as not a string', (value, shape) => {
    expect(check(translated('greeting', value))).toEqual([
      {
        locale: 'en',
        key: 'app.greeting',
        kind: 'not-a-string',
        severity: 'error',
        detail: `expected a string, found ${shape}`,
      },
    ])
  })

  it('does not find keys on Object.prototype', () => {
    const source = { constructor: 'Konstruktør', toString: 'Tekst' }
    expect(
      checkLocales({
        source: { code: 'da', messages: source },
        others: [{ code: 'en', messages: {}, pluralCategories: oneOther }],
      }),
    ).toEqual([
      {
        locale: 'en',
        key: 'constructor',
        kind: 'missing',
        severity: 'error',
        detail: 'not translated: the key is missing',
      },
      {
        locale: 'en',
        key: 'toString',
        kind: 'missing',
        severity: 'error',
        detail: 'not translated: the key is missing',
      },
    ])
  })

  it('leaves short identical texts alone: names and labels often stay the same', () => {
    expect(check(enValid, { review: 'reviewed' })).toEqual([])
    expect(
      check({ ...enValid, items: { ...enValid.items, range: '{start} til {end}' } }, { review: 'reviewed' }),
    ).toEqual([])
  })

  it('reports a broken source message for the source and does not compare translations against it', () => {
    const problems = checkLocales({
      source: { code: 'da', messages: danish('greeting', 'Hej {name') },
      others: [{ code: 'en', messages: enWrongPlaceholder, pluralCategories: oneOther }],
    })
    expect(problems).toEqual([expect.objectContaining({ locale: 'da', key: 'app.greeting', kind: 'syntax' })])
  })
})

describe('analyseMessage', () => {
  it('collects named and list placeholders over every plural variant', () => {
    const analysis = analyseMessage('ingen | {n} af {total} | {0} og {n}')
    expect(analysis.errors).toEqual([])
    expect(analysis.variants).toBe(3)
    expect([...analysis.placeholders].sort()).toEqual(['{0}', '{n}', '{total}'])
  })
})

describe('checkPluralCategories', () => {
  it.each([
    ['da', oneOther],
    ['ar', arabic],
    ['uk', ['one', 'few', 'many', 'other']],
    ['pl', ['one', 'few', 'many', 'other']],
    ['ro', ['one', 'few', 'other']],
    ['kl', oneOther],
  ])('accepts the CLDR categories of %s', (code, pluralCategories) => {
    expect(checkPluralCategories({ code, pluralCategories })).toEqual([])
  })

  it.each([
    [
      'ar',
      ['one', 'other'],
      'pluralCategories is [one, other]; CLDR says [zero, one, two, few, many, other] in this order',
    ],
    [
      'uk',
      ['one', 'many', 'few', 'other'],
      'pluralCategories is [one, many, few, other]; CLDR says [one, few, many, other] in this order',
    ],
  ])('reports wrong or misordered categories for %s', (code, pluralCategories, detail) => {
    expect(checkPluralCategories({ code, pluralCategories })).toEqual([
      { locale: code, key: '*', kind: 'plural-forms', severity: 'error', detail },
    ])
  })
})

describe('checkLocaleFiles and checkLocaleProject', () => {
  it('reports a listed locale without a file and a file that is not listed', () => {
    expect(checkLocaleFiles({ listed: ['da', 'ar'], present: ['da', 'xx'] })).toEqual([
      {
        locale: 'ar',
        key: '*',
        kind: 'missing',
        severity: 'error',
        detail: 'locales/ar.json does not exist',
      },
      {
        locale: 'xx',
        key: '*',
        kind: 'extra',
        severity: 'error',
        detail: 'locales/xx.json is not in the list in locales/index.ts',
      },
    ])
  })

  it('checks every listed locale against the source', () => {
    const locales = [
      { code: 'da', review: 'source', pluralCategories: oneOther },
      { code: 'en', review: 'draft', pluralCategories: oneOther },
      { code: 'ar', review: 'draft', pluralCategories: arabic },
    ] as const
    expect(
      checkLocaleProject({ locales, sourceCode: 'da', messages: { da, en: enValid, ar: arValid } }),
    ).toEqual([])
    expect(
      checkLocaleProject({
        locales,
        sourceCode: 'da',
        messages: { da, en: enMissingKey, ar: arTwoPluralForms },
      }),
    ).toEqual([
      expect.objectContaining({ locale: 'en', key: 'status.saved', kind: 'missing' }),
      expect.objectContaining({ locale: 'ar', key: 'items.count', kind: 'plural-forms' }),
    ])
  })
})

describe('checkSortedKeys', () => {
  it('accepts keys sorted at every depth', () => {
    expect(checkSortedKeys('da', { a: '1', b: { a: '2', b: '3' }, c: '4' })).toEqual([])
  })

  it('reports each key that comes after one it sorts before, with its full path', () => {
    expect(checkSortedKeys('en', { b: '1', a: { y: '2', x: '3' } })).toEqual([
      expect.objectContaining({ locale: 'en', key: 'a', kind: 'unsorted', severity: 'error' }),
      expect.objectContaining({ locale: 'en', key: 'a.x', kind: 'unsorted', severity: 'error' }),
    ])
  })

  it('takes index-like keys first, in numeric order, as every parsed object holds them', () => {
    const parsed: unknown = JSON.parse('{"a": "x", "10": "y", "2": "z"}')
    expect(checkSortedKeys('da', parsed)).toEqual([])
    expect(['b', '10', 'B', '2', '01'].sort(compareKeys)).toEqual(['2', '10', '01', 'B', 'b'])
  })

  it('sorts by code unit, as JavaScript sorts: capitals before lower case', () => {
    expect(checkSortedKeys('da', { Z: '1', a: '2' })).toEqual([])
    expect(checkSortedKeys('da', { a: '1', Z: '2' })).toEqual([expect.objectContaining({ key: 'Z' })])
  })

  it('is part of the project check', () => {
    const locales = [{ code: 'da', review: 'source', pluralCategories: oneOther }] as const
    expect(checkLocaleProject({ locales, sourceCode: 'da', messages: { da: { b: 'x', a: 'y' } } })).toEqual([
      expect.objectContaining({ locale: 'da', key: 'a', kind: 'unsorted' }),
    ])
  })
})
