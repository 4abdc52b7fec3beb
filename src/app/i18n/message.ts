import type { Composer } from 'vue-i18n'

/** A message as components name it: `<Tx k args plural>` and `<ReadAloud k args plural>`. */
export interface MessageRef {
  /** Message key, e.g. `stageInfo.phase1`. */
  readonly k: string
  /** Named values for placeholders. */
  readonly args?: Readonly<Record<string, string | number>> | undefined
  /** A count choosing the plural form (also available as `{n}` and `{count}`). */
  readonly plural?: number | undefined
}

type Translator = Pick<Composer, 't' | 'te'>

/**
 * The key to show in one language: with easy read on, `easyRead.<k>` when that language has
 * it (checked per language, so interpreter mode's second language never falls back to a
 * Danish easy-read text), else `k` itself.
 */
export function messageKey(composer: Translator, k: string, locale: string, easyRead: boolean): string {
  const easy = `easyRead.${k}`
  return easyRead && composer.te(easy, locale) ? easy : k
}

/** The text of a message in one language, exactly as `<Tx>` shows it and `<ReadAloud>` speaks it. */
export function renderMessage(composer: Translator, message: MessageRef, locale: string, easyRead: boolean): string {
  const key = messageKey(composer, message.k, locale, easyRead)
  const { plural, args } = message
  if (plural === undefined) return composer.t(key, { ...args }, { locale })
  return composer.t(key, { n: plural, count: plural, ...args }, { locale, plural })
}
