import { computed, type ComputedRef } from 'vue'
import type { PhaseNumber } from '@/domain/phases'
import { planClock, type PlanClock } from '@/domain/ending'
import { useScreenCourse, type ScreenCourse } from '@/composables/useScreenCourse'

/** What the plan screens need to know about the course. */
export interface PlanPhase extends Omit<ScreenCourse, 'course'> {
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
  const { vault, records, today, plan } = useScreenCourse()
  const clock = computed(() => planClock(plan.value, today.value, records.byKind('focusArea')))
  return { vault, records, today, plan, clock, phase: computed(() => clock.value.phase) }
}
