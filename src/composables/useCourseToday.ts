import { computed, type ComputedRef, type Ref } from 'vue'
import type { CivilDate } from '@/domain/civilDate'
import { planCourseOn, type CourseOnDay } from '@/domain/course'
import { currentPlan } from '@/domain/planOnDevice'
import type { Plan } from '@/schemas'
import { useRecordsStore } from '@/stores/records'
import { useToday } from './useToday'

/** The plan on this device and where its course stands today. */
export interface CourseToday {
  readonly today: Ref<CivilDate>
  /** The plan on this device, or null before onboarding (or while locked). */
  readonly plan: ComputedRef<Plan | null>
  /** Where the course stands today, or why there is nothing to show (`planCourseOn`). */
  readonly course: ComputedRef<CourseOnDay>
}

/**
 * The one place the course for today is worked out: every screen, the plan screens and the
 * backup reminder read it here. Dates that break a rule come back as a value
 * (`reason: 'broken-rule'`), so no caller catches anything to decide what to show.
 */
export function useCourseToday(): CourseToday {
  const records = useRecordsStore()
  const today = useToday()
  const plan = computed(() => currentPlan(records.byKind('plan')))
  const course = computed(() => planCourseOn(plan.value, today.value))
  return { today, plan, course }
}
