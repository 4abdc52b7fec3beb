import { computed, type ComputedRef } from 'vue'
import { currentPlan } from '@/domain/planOnDevice'
import { useRecordsStore } from '@/stores/records'

/** The worker's name as she wrote it in the plan (`plan.worker.name`), or null: "your worker". */
export function useWorkerName(): ComputedRef<string | null> {
  const records = useRecordsStore()
  return computed(() => currentPlan(records.byKind('plan'))?.worker?.name ?? null)
}
