import { computed, type ComputedRef } from 'vue'
import type { FocusAreaCatalogKey } from '@/domain/focusAreaKeys'
import {
  lifeAreaRatings,
  ratingDimensionKeys,
  switchedOffDimensions,
  type LifeAreaRating,
} from '@/domain/ratingHistory'
import { useRecordsStore } from '@/stores/records'
import { useCourseToday } from './useCourseToday'

/**
 * The life-area ratings on this device (`lifeAreaRatings`: no pack answers, nothing declined) and
 * the dimensions of her transition she has not switched off, in the order they are drawn: what
 * the progress screen, the ending screen and the summary read.
 */
export function useLifeAreaRatings(): {
  ratings: ComputedRef<LifeAreaRating[]>
  keys: ComputedRef<FocusAreaCatalogKey[]>
} {
  const records = useRecordsStore()
  const { plan } = useCourseToday()
  const ratings = computed(() => lifeAreaRatings(records.byKind('rating')))
  const keys = computed(() =>
    plan.value === null ? [] : ratingDimensionKeys(plan.value.targetGroup, switchedOffDimensions(plan.value)),
  )
  return { ratings, keys }
}
