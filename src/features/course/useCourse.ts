import { computed, type ComputedRef } from 'vue'
import type { CourseErrorCode, CourseStatus } from '@/domain/phases'
import { statusOf } from '@/domain/course'
import type { Plan } from '@/schemas'
import { useScreenCourse, type ScreenCourse } from '@/composables/useScreenCourse'
import { useRecordsStore } from '@/stores/records'
import { saveProblemOf } from '@/app/i18n/errorMessages'
import { useSaving } from '@/composables/useSaving'

export interface Course extends ScreenCourse {
  /** Where the course stands today; null without a plan, without day 1, or with dates that break a rule. */
  readonly status: ComputedRef<CourseStatus | null>
  /** The rule the stored dates break (e.g. from an import); null when they are fine. */
  readonly courseError: ComputedRef<CourseErrorCode | null>
}

/**
 * The plan and where its course stands today (`useCourseToday`), for a screen. Opens the vault
 * when the screen appears; a failed open shows through `vault.status` and changes nothing on disk.
 */
export function useCourse(): Course {
  const screen = useScreenCourse()
  const { course } = screen
  return {
    ...screen,
    status: computed(() => statusOf(course.value)),
    courseError: computed(() =>
      course.value.ok || course.value.reason !== 'broken-rule' ? null : course.value.code,
    ),
  }
}

/**
 * Saves a changed plan for a course form (useSaving with the course's messages): `saving` while
 * it runs, `problem` when it failed, and the form keeps what was typed. Resolves true when stored.
 */
export function usePlanSave() {
  const records = useRecordsStore()
  const { busy, problem, saving } = useSaving((caught) => saveProblemOf(caught, 'course'))
  return { saving: busy, problem, save: (plan: Plan) => saving(() => records.save(plan)) }
}
