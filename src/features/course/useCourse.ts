import { computed, onMounted, type ComputedRef, type Ref } from 'vue'
import type { CourseErrorCode, CourseStatus } from '@/domain/phases'
import type { CivilDate } from '@/domain/civilDate'
import { statusOf, type CourseOnDay } from '@/domain/course'
import type { Plan } from '@/schemas'
import { useCourseToday } from '@/composables/useCourseToday'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { saveProblemOf } from '@/app/i18n/errorMessages'
import { useSaving } from '@/composables/useSaving'

export interface Course {
  readonly vault: ReturnType<typeof useVaultStore>
  readonly records: ReturnType<typeof useRecordsStore>
  readonly today: Ref<CivilDate>
  /** The plan on this device, or null before onboarding (or while locked). */
  readonly plan: ComputedRef<Plan | null>
  /** Where the course stands today, or why there is nothing to show. */
  readonly course: ComputedRef<CourseOnDay>
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
  const vault = useVaultStore()
  const records = useRecordsStore()
  const { today, plan, course } = useCourseToday()
  onMounted(() => {
    vault.open().catch(() => undefined)
  })
  return {
    vault,
    records,
    today,
    plan,
    course,
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
