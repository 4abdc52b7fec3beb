import { computed, type ComputedRef } from 'vue'
import type { CivilDate } from '@/domain/civilDate'
import { statusOf } from '@/domain/course'
import { askedDimensions, type LifeAreaDimension } from '@/domain/lifeAreas'
import type { CourseStatus } from '@/domain/phases'
import { ratingsDueNow, type RatingsDueNow } from '@/domain/ratingFlow'
import { respondent, type FocusAreaCatalogKey, type Plan, type Rating, type TargetGroup } from '@/schemas'
import type { RatingRespondent } from '@/domain/ratingsDue'
import { useCourseToday } from '@/composables/useCourseToday'
import { useRecordsStore } from '@/stores/records'

/** What the rating screens read: the plan, the course today, the ratings and the dimensions asked. */
export interface Ratings {
  readonly today: ComputedRef<CivilDate>
  readonly plan: ComputedRef<Plan | null>
  /** Where the course stands today; null without day 1. */
  readonly status: ComputedRef<CourseStatus | null>
  /** Every live rating (life areas, packs and declined ones). */
  readonly ratings: ComputedRef<readonly Rating[]>
  readonly targetGroup: ComputedRef<TargetGroup>
  /** The dimensions she switched off (`plan.ratingDimensionsOff`). */
  readonly off: ComputedRef<readonly FocusAreaCatalogKey[]>
  /** The dimensions a new rating asks, in order (`askedDimensions`). */
  readonly dimensions: ComputedRef<readonly LifeAreaDimension[]>
  /** Who still has the open stage's rating to do (`ratingsDueNow`). */
  readonly due: ComputedRef<RatingsDueNow | null>
}

export function useRatings(): Ratings {
  const records = useRecordsStore()
  const course = useCourseToday()
  const status = computed(() => statusOf(course.course.value))
  const ratings = computed(() => records.byKind('rating'))
  const targetGroup = computed(() => course.plan.value?.targetGroup ?? 'other')
  const off = computed(() => course.plan.value?.ratingDimensionsOff ?? [])
  return {
    today: computed(() => course.today.value),
    plan: course.plan,
    status,
    ratings,
    targetGroup,
    off,
    dimensions: computed(() => askedDimensions(targetGroup.value, off.value)),
    due: computed(() => ratingsDueNow(status.value, ratings.value)),
  }
}

/** Who is rating, from the address (`?respondent=worker`), parsed like every boundary: else the citizen. */
export function respondentQuery(value: unknown): RatingRespondent {
  const parsed = respondent.safeParse(value)
  return parsed.success ? parsed.data : 'citizen'
}
