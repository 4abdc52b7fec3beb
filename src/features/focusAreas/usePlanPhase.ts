import { computed, onMounted, type ComputedRef, type Ref } from 'vue'
import type { PhaseNumber, Stage } from '@/domain/phases'
import type { CivilDate } from '@/domain/civilDate'
import { statusOf } from '@/domain/course'
import { planningPhase } from '@/domain/planning'
import type { Plan } from '@/schemas'
import { useCourseToday } from '@/composables/useCourseToday'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'

/** What the plan screens need to know about the course. */
export interface PlanPhase {
  readonly vault: ReturnType<typeof useVaultStore>
  readonly records: ReturnType<typeof useRecordsStore>
  readonly today: Ref<CivilDate>
  /** The plan on this device; null before there is one (or while locked). */
  readonly plan: ComputedRef<Plan | null>
  /**
   * Where the course stands today; null without day 1, or when the stored dates break a rule
   * (explained on the start page; here they count as "no course yet").
   */
  readonly stage: ComputedRef<Stage | null>
  /** The phase whose focus areas the citizen works on now (see `planningPhase`). */
  readonly phase: ComputedRef<PhaseNumber>
}

/**
 * The plan and the phase it is in (`useCourseToday`), for a plan screen. Opens the vault when
 * the screen appears, as every screen does; a failed open shows through `vault.status` and
 * changes nothing.
 */
export function usePlanPhase(): PlanPhase {
  const vault = useVaultStore()
  const records = useRecordsStore()
  const { today, plan, course } = useCourseToday()
  const stage = computed(() => statusOf(course.value)?.stage ?? null)
  onMounted(() => {
    vault.open().catch(() => undefined)
  })
  return { vault, records, today, plan, stage, phase: computed(() => planningPhase(stage.value)) }
}
