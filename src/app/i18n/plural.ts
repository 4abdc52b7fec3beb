import type { LocaleInfo } from '../../../locales'

/**
 * A vue-i18n plural rule built on Intl.PluralRules: picks the variant whose CLDR category
 * matches the count. Messages list their variants in the locale's `pluralCategories` order.
 * A message with fewer variants than categories falls back to its last variant ("other").
 */
export function pluralRuleFor(info: LocaleInfo): (choice: number, choicesLength: number) => number {
  // Made on the first count, not with the i18n instance: the first Intl object a page makes loads
  // the locale data (about 150 ms on a cheap phone), and the first screen has no count (issue #11).
  let rules: Intl.PluralRules | undefined
  return (choice, choicesLength) => {
    rules ??= new Intl.PluralRules(info.code)
    const index = info.pluralCategories.indexOf(rules.select(Math.abs(choice)))
    const last = choicesLength - 1
    return index < 0 || index > last ? last : index
  }
}
