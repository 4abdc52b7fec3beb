import { directionOf } from './direction'
import { formatCivilDate } from './format'
import { formatNumber } from './numberFormat'

/**
 * A civil date (YYYY-MM-DD) handed to a message as a value, not as text: each language's line
 * writes it in its own way. A date formatted once in the current language and put into every
 * line made interpreter mode's Danish line under Arabic read "Forløbet slutter 14 2027 سبتمبر".
 */
export interface CivilDateValue {
  readonly civilDate: string
  readonly style: 'long' | 'medium' | 'full'
}

/**
 * Another message handed to a message as a value: each language's line puts in its own
 * translation of it (and its easy-read form where easy read is on). Two `<Tx>` side by side would
 * each show both languages in interpreter mode, so "1 = Ingen fast bolig" read "1 1 = Ingen fast
 * bolig لا سكن ثابت" with the Danish line's "=" lost.
 */
export interface MessageKeyValue {
  readonly message: string
}

/** `key` as the value of a placeholder (see MessageKeyValue). */
export function messageArg(key: string): MessageKeyValue {
  return { message: key }
}

/** A value of a placeholder: text (e.g. a title she wrote), a number, a civil date or a message. */
export type MessageValue = string | number | CivilDateValue | MessageKeyValue

/** A civil date as a placeholder value, written per language (`<Tx :args="{ date: civilDate(d) }">`). */
export function civilDate(date: string, style: 'long' | 'medium' | 'full' = 'long'): CivilDateValue {
  return { civilDate: date, style }
}

/** A message as components name it: `<Tx k args plural>` and `<ReadAloud k args plural>`. */
interface MessageRef {
  /** Message key, e.g. `stageInfo.phase1` (checked where it is written: components/Tx.vue). */
  readonly k: string
  /** Named values for placeholders. */
  readonly args?: Readonly<Record<string, MessageValue>> | undefined
  /** A count choosing the plural form (also available as `{n}` and `{count}`). */
  readonly plural?: number | undefined
}

/** What rendering needs of a composer; the key was checked where it was written (Tx's `k`). */
interface Translator {
  t(key: string, named: Record<string, unknown>, options: { locale: string; plural?: number }): string
  te(key: string, locale: string): boolean
}

/**
 * The key to show in one language: with easy read on, `easyRead.<k>` when that language has
 * it (checked per language, so interpreter mode's second language never falls back to a
 * Danish easy-read text), else `k` itself.
 */
export function messageKey(composer: Translator, k: string, locale: string, easyRead: boolean): string {
  const easy = `easyRead.${k}`
  return easyRead && composer.te(easy, locale) ? easy : k
}

/** Any right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const rightToLeftLetter = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/

function valueText(value: Exclude<MessageValue, MessageKeyValue>, locale: string): string {
  if (typeof value === 'number') return formatNumber(value, locale)
  if (typeof value === 'string') return value
  return formatCivilDate(value.civilDate, locale, value.style)
}

/**
 * A value as it is written inside a sentence of `locale`: numbers in the locale's own digits
 * and grouping (Intl), dates in its own words and order; and wrapped in first-strong isolation
 * marks (U+2068 … U+2069) in a right-to-left language, or wherever the value itself holds
 * right-to-left letters (an Arabic title in a Danish line), so a date, number, phone number or
 * title keeps its own direction and does not reorder the words around it.
 */
export function inlineValue(value: Exclude<MessageValue, MessageKeyValue>, locale: string): string {
  const text = valueText(value, locale)
  return directionOf(locale) === 'rtl' || rightToLeftLetter.test(text) ? `\u2068${text}\u2069` : text
}

function inlineValues(
  values: Readonly<Record<string, MessageValue>>,
  locale: string,
  nested: (key: string) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'object' && 'message' in value ? nested(value.message) : inlineValue(value, locale),
    ]),
  )
}

/** The text of a message in one language, exactly as `<Tx>` shows it and `<ReadAloud>` speaks it. */
export function renderMessage(
  composer: Translator,
  message: MessageRef,
  locale: string,
  easyRead: boolean,
): string {
  const key = messageKey(composer, message.k, locale, easyRead)
  const { plural, args } = message
  // A message inside a message is rendered in the same language (one level deep: its own
  // placeholders stay empty).
  const nested = (k: string) => renderMessage(composer, { k }, locale, easyRead)
  if (plural === undefined) return composer.t(key, inlineValues({ ...args }, locale, nested), { locale })
  // The count still chooses the plural form as a number; only its written form is localised.
  return composer.t(key, inlineValues({ n: plural, count: plural, ...args }, locale, nested), {
    locale,
    plural,
  })
}
