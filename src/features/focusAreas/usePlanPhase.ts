import { computed, onMounted, type ComputedRef, type Ref } from 'vue'
import type { PhaseNumber } from '@/domain/phases'
import type { CivilDate } from '@/domain/civilDate'
import { planClock, type PlanClock } from '@/domain/ending'
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
   * What the phase clock asks of the plan today (`planClock`): nothing once the course has
   * ended. Without day 1, or with dates that break a rule (explained on the start page), it
   * counts as "no course yet".
   */
  readonly clock: ComputedRef<PlanClock>
  /** The phase whose focus areas the citizen works on now (`clock.phase`). */
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
  const { today, plan } = useCourseToday()
  const clock = computed(() => planClock(plan.value, today.value, records.byKind('focusArea')))
  onMounted(() => {
    vault.open().catch(() => undefined)
  })
  return { vault, records, today, plan, clock, phase: computed(() => clock.value.phase) }
}
