import { directionOf } from './direction'

/** A message as components name it: `<Tx k args plural>` and `<ReadAloud k args plural>`. */
interface MessageRef {
  /** Message key, e.g. `stageInfo.phase1` (checked where it is written: components/Tx.vue). */
  readonly k: string
  /** Named values for placeholders. */
  readonly args?: Readonly<Record<string, string | number>> | undefined
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

/**
 * A value as it is written inside a sentence of `locale`: numbers in the locale's own digits
 * and grouping (Intl), like its dates; and, in a right-to-left language, every value wrapped in
 * first-strong isolation marks (U+2068 … U+2069), so a date, number or phone number keeps its
 * own direction and does not reorder the words around it.
 */
export function inlineValue(value: string | number, locale: string): string {
  const text = typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value
  return directionOf(locale) === 'rtl' ? `\u2068${text}\u2069` : text
}

function inlineValues(
  values: Readonly<Record<string, string | number>>,
  locale: string,
): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, inlineValue(value, locale)]))
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
  if (plural === undefined) return composer.t(key, inlineValues({ ...args }, locale), { locale })
  // The count still chooses the plural form as a number; only its written form is localised.
  return composer.t(key, inlineValues({ n: plural, count: plural, ...args }, locale), { locale, plural })
}
