import type { LocaleInfo } from '../../../locales'

/**
 * A vue-i18n plural rule built on Intl.PluralRules: picks the variant whose CLDR category
 * matches the count. Messages list their variants in the locale's `pluralCategories` order.
 * A message with fewer variants than categories falls back to its last variant ("other").
 */
export function pluralRuleFor(info: LocaleInfo): (choice: number, choicesLength: number) => number {
  const rules = new Intl.PluralRules(info.code)
  return (choice, choicesLength) => {
    const index = info.pluralCategories.indexOf(rules.select(Math.abs(choice)))
    const last = choicesLength - 1
    return index < 0 || index > last ? last : index
  }
}
