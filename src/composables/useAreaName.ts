import { useI18n } from 'vue-i18n'
import type { FocusArea } from '@/schemas'

/**
 * A focus area's name as plain text, for places that cannot hold <Tx> (an `<optgroup label>`,
 * an aria-label). Elsewhere use FocusAreaLabel.
 */
export function useAreaName(): (area: Pick<FocusArea, 'catalogKey' | 'title'>) => string {
  const { t } = useI18n()
  return (area) =>
    area.catalogKey === undefined ? (area.title ?? '') : t(`focusAreas.catalog.${area.catalogKey}`)
}
