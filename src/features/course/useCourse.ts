import { computed, onMounted, ref, type ComputedRef, type Ref } from 'vue'
import { CourseError, courseOn, type CourseErrorCode, type CourseStatus } from '@/domain/phases'
import type { CivilDate } from '@/domain/civilDate'
import type { Plan } from '@/schemas'
import { useToday } from '@/composables/useToday'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { courseInputOf, currentPlan } from '@/features/plan/course'
import { saveProblemOf, type SaveProblem } from './planEdits'

export interface Course {
  readonly vault: ReturnType<typeof useVaultStore>
  readonly records: ReturnType<typeof useRecordsStore>
  readonly today: Ref<CivilDate>
  /** The plan on this device, or null before onboarding (or while locked). */
  readonly plan: ComputedRef<Plan | null>
  /** Where the course stands today; null without a plan, without day 1, or with dates that break a rule. */
  readonly status: ComputedRef<CourseStatus | null>
  /** The rule the stored dates break (e.g. from an import); null when they are fine. */
  readonly courseError: ComputedRef<CourseErrorCode | null>
}

/**
 * The plan and where its course stands today, for a screen. Opens the vault when the screen
 * appears; a failed open shows through `vault.status` and changes nothing on disk.
 */
export function useCourse(): Course {
  const vault = useVaultStore()
  const records = useRecordsStore()
  const today = useToday()
  const plan = computed(() => currentPlan(records.byKind('plan')))
  const outcome = computed((): { status: CourseStatus | null; error: CourseErrorCode | null } => {
    const input = plan.value === null ? null : courseInputOf(plan.value)
    if (input === null) return { status: null, error: null }
    try {
      return { status: courseOn(input, today.value), error: null }
    } catch (caught) {
      if (caught instanceof CourseError) return { status: null, error: caught.code }
      throw caught
    }
  })
  onMounted(() => {
    vault.open().catch(() => undefined)
  })
  return {
    vault,
    records,
    today,
    plan,
    status: computed(() => outcome.value.status),
    courseError: computed(() => outcome.value.error),
  }
}

/**
 * Saves a changed plan for a form: `saving` while it runs, `problem` (a message key) when it
 * failed, in which case the form keeps what the user typed. Resolves true when stored.
 */
export function usePlanSave() {
  const records = useRecordsStore()
  const saving = ref(false)
  const problem = ref<SaveProblem | null>(null)
  async function save(plan: Plan): Promise<boolean> {
    saving.value = true
    problem.value = null
    try {
      await records.save(plan)
      return true
    } catch (caught) {
      problem.value = saveProblemOf(caught)
      return false
    } finally {
      saving.value = false
    }
  }
  return { saving, problem, save }
}
