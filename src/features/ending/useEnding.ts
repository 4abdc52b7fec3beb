import { computed, type ComputedRef } from 'vue'
import { courseEnding, endingSummary, type CourseEnding, type EndingSummary } from '@/domain/ending'
import { handoverSummary, type SummaryHandoverLine, type SummaryRecords } from '@/domain/handoverSummary'
import { statusOf } from '@/domain/course'
import { currentPlan } from '@/domain/planOnDevice'
import { sortByOrder } from '@/domain/goals'
import { useCourseToday } from '@/composables/useCourseToday'
import { useLifeAreaRatings } from '@/composables/useLifeAreaRatings'
import { ratingChange, type RatingChange } from '@/domain/ratingHistory'
import { useRecordsStore } from '@/stores/records'

/** Whether the course has ended today (`courseEnding`); not ended without a plan. */
export function useCourseEnding(): ComputedRef<CourseEnding> {
  const { today, plan, course } = useCourseToday()
  return computed(() =>
    plan.value === null ? { ended: false } : courseEnding(plan.value, statusOf(course.value), today.value),
  )
}

/** The records a summary or the ending screen reads, or null without a plan. */
export function useSummaryRecords(): ComputedRef<SummaryRecords | null> {
  const records = useRecordsStore()
  return computed(() => {
    const plan = currentPlan(records.byKind('plan'))
    if (plan === null) return null
    return {
      plan,
      focusAreas: records.byKind('focusArea'),
      goals: records.byKind('goal'),
      subGoals: records.byKind('subGoal'),
      contacts: records.byKind('contact'),
      handoverItems: records.byKind('handoverItem'),
      notes: records.byKind('note'),
    }
  })
}

/** What the ending screen shows: what was achieved, and the handover plan as it may be shown. */
export function useEndingContent(): {
  achieved: ComputedRef<EndingSummary>
  handover: ComputedRef<readonly SummaryHandoverLine[]>
} {
  const records = useSummaryRecords()
  const achieved = computed(() =>
    endingSummary(sortByOrder(records.value?.goals ?? []), records.value?.subGoals ?? []),
  )
  const handover = computed(() => {
    if (records.value === null) return []
    const summary = handoverSummary(records.value, {
      goalIds: [],
      handoverPlan: true,
      contactIds: [],
      noteIds: [],
      worker: false,
    })
    return summary.handover ?? []
  })
  return { achieved, handover }
}

/** The change in her own ratings from the first to the latest (`ratingChange`), or null before two. */
export function useRatingChange(): ComputedRef<RatingChange | null> {
  const { ratings, keys } = useLifeAreaRatings()
  return computed(() => ratingChange(ratings.value, keys.value))
}
