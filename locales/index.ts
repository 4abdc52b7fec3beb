/**
 * The locale list: every language Trin ships, with its direction, plural categories and
 * whether a native speaker has reviewed it. Danish is the source language.
 *
 * `review`:
 * - `source`   — the language the texts are written in (Danish);
 * - `reviewed` — checked by a native speaker (name the reviewer in the commit);
 * - `draft`    — drafted by the team without a native speaker's review. The app says so in
 *                settings ("translation not yet checked by a native speaker").
 */
export interface LocaleInfo {
  /** BCP 47 code, also the JSON file name in locales/. */
  readonly code: string
  /** The language's name in itself, as shown in the language picker. */
  readonly nativeName: string
  readonly dir: 'ltr' | 'rtl'
  readonly review: 'source' | 'reviewed' | 'draft'
  /**
   * The CLDR plural categories in the order the locale's messages list their variants
   * ("one | other" …), so a count picks the right form through Intl.PluralRules.
   */
  readonly pluralCategories: readonly Intl.LDMLPluralRule[]
}

export const sourceLocale = 'da'

export const localeList = [
  { code: 'da', nativeName: 'Dansk', dir: 'ltr', review: 'source', pluralCategories: ['one', 'other'] },
  { code: 'en', nativeName: 'English', dir: 'ltr', review: 'draft', pluralCategories: ['one', 'other'] },
  { code: 'kl', nativeName: 'Kalaallisut', dir: 'ltr', review: 'draft', pluralCategories: ['one', 'other'] },
  {
    code: 'ar',
    nativeName: 'العربية',
    dir: 'rtl',
    review: 'draft',
    pluralCategories: ['zero', 'one', 'two', 'few', 'many', 'other'],
  },
  {
    code: 'uk',
    nativeName: 'Українська',
    dir: 'ltr',
    review: 'draft',
    pluralCategories: ['one', 'few', 'many', 'other'],
  },
  { code: 'tr', nativeName: 'Türkçe', dir: 'ltr', review: 'draft', pluralCategories: ['one', 'other'] },
  { code: 'fa', nativeName: 'فارسی', dir: 'rtl', review: 'draft', pluralCategories: ['one', 'other'] },
  { code: 'so', nativeName: 'Soomaali', dir: 'ltr', review: 'draft', pluralCategories: ['one', 'other'] },
  {
    code: 'pl',
    nativeName: 'Polski',
    dir: 'ltr',
    review: 'draft',
    pluralCategories: ['one', 'few', 'many', 'other'],
  },
  {
    code: 'ro',
    nativeName: 'Română',
    dir: 'ltr',
    review: 'draft',
    pluralCategories: ['one', 'few', 'other'],
  },
  { code: 'ur', nativeName: 'اردو', dir: 'rtl', review: 'draft', pluralCategories: ['one', 'other'] },
] as const satisfies readonly LocaleInfo[]

export type LocaleCode = (typeof localeList)[number]['code']

export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && localeList.some((l) => l.code === value)
}

export function localeInfo(code: LocaleCode): LocaleInfo {
  const info = localeList.find((l) => l.code === code)
  if (!info) throw new Error(`Unknown locale ${code}`)
  return info
}
