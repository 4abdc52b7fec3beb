import { computed, onMounted, type ComputedRef, type Ref } from 'vue'
import { courseOn, type PhaseNumber, type Stage } from '@/domain/phases'
import type { CivilDate } from '@/domain/civilDate'
import { planningPhase } from '@/domain/planning'
import type { Plan } from '@/schemas'
import { useToday } from '@/composables/useToday'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { courseInputOf, currentPlan } from '@/features/plan/course'

/** What the plan screens need to know about the course. */
export interface PlanPhase {
  readonly vault: ReturnType<typeof useVaultStore>
  readonly records: ReturnType<typeof useRecordsStore>
  readonly today: Ref<CivilDate>
  /** The plan on this device; null before there is one (or while locked). */
  readonly plan: ComputedRef<Plan | null>
  /** Where the course stands today; null without day 1, or when the stored dates break a rule. */
  readonly stage: ComputedRef<Stage | null>
  /** The phase whose focus areas the citizen works on now (see `planningPhase`). */
  readonly phase: ComputedRef<PhaseNumber>
}

/**
 * The plan and the phase it is in, for a plan screen. Opens the vault when the screen appears,
 * as every screen does; a failed open shows through `vault.status` and changes nothing.
 */
export function usePlanPhase(): PlanPhase {
  const vault = useVaultStore()
  const records = useRecordsStore()
  const today = useToday()
  const plan = computed(() => currentPlan(records.byKind('plan')))
  const stage = computed((): Stage | null => {
    const input = plan.value === null ? null : courseInputOf(plan.value)
    if (input === null) return null
    try {
      return courseOn(input, today.value).stage
    } catch {
      // Dates that break a rule are explained on the start page; here they count as "no course yet".
      return null
    }
  })
  onMounted(() => {
    vault.open().catch(() => undefined)
  })
  return { vault, records, today, plan, stage, phase: computed(() => planningPhase(stage.value)) }
}
