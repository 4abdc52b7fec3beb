import { useRouter } from 'vue-router'
import { statusOf } from '@/domain/course'
import { useCourseToday } from '@/composables/useCourseToday'
import { useSaving } from '@/composables/useSaving'
import { useVisitStore } from '@/stores/visit'

/**
 * "End the visit": logs it under today's stage of the course (`visitLog`) and opens the review
 * of the worker's changes. A course without day 1 yet counts as the contact period.
 */
export function useVisitEnd() {
  const visit = useVisitStore()
  const router = useRouter()
  const { today, course } = useCourseToday()
  const { busy, problem, saving } = useSaving(() => 'visit.banner.failed' as const)

  async function end(): Promise<void> {
    const stage = statusOf(course.value)?.stage ?? 'contact'
    const ended = await saving(() => visit.end({ today: today.value, stage }))
    if (ended) await router.push({ name: 'visitReview' })
  }
  return { busy, problem, end }
}
