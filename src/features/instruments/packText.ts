/**
 * Small helpers for showing a pack: where in a file a problem is, and the pack's own texts in the
 * language shown (the pack brings its texts; Trin writes none of them).
 */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { packLanguage } from '@/domain/instrumentPacks'
import type { InstrumentPack } from '@/schemas/instrumentPack'

/** A place in the file as a reader finds it: `scores[0].method.table`. */
export function filePlace(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${String(part)}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('')
}

/** The pack's texts in the language shown, that language, and its licence note in it. */
export function packTexts(pack: InstrumentPack, locale: string) {
  const language = packLanguage(pack, locale)
  // The schema proves every language of `texts` has its licence note, and the default is one of them.
  const texts = pack.texts[language] ?? Object.values(pack.texts)[0]
  if (texts === undefined) throw new RangeError('A pack without texts')
  return { language, texts, licence: pack.licence.note[language] ?? '' }
}

/** The pack's texts in the language on screen, following a change of language. */
export function usePackTexts(pack: () => InstrumentPack): ComputedRef<ReturnType<typeof packTexts>> {
  const { locale } = useI18n()
  return computed(() => packTexts(pack(), locale.value))
}
