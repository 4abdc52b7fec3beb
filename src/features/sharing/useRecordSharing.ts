/**
 * What every share control of a stored record needs (RecordShareToggle, RecordShareSwitch): may
 * it be shared at all (`neverSharedReason`), does it wait for what it belongs to (`waitingFor`),
 * was it already sent to the worker (`alreadySent`, for the honest note on unsharing), and
 * saving her choice through the records store — with the problem in words when that fails
 * (nothing is changed then).
 */
import { computed, ref, type Ref } from 'vue'
import type { RecordKind, TrinRecord } from '@/schemas'
import { alreadySent, keptSafeFromOf, neverSharedReason, waitingFor, withShared } from '@/domain/sharing'
import { useRecordsStore } from '@/stores/records'
import { saveProblemOf, type SaveProblem } from '@/app/i18n/errorMessages'

/** The message that says what a held-back record waits for. */
export type WaitingKey =
  | 'sharing.waiting.focusArea'
  | 'sharing.waiting.goal'
  | 'sharing.waiting.subGoal'
  | 'sharing.waiting.activity'
  | 'sharing.waiting.contact'
  | 'sharing.waiting.other'

/** The message for what a record waits for (`waitingFor`), or null. */
export function waitingKeyOf(kind: RecordKind | 'unknown' | null): WaitingKey | null {
  switch (kind) {
    case null:
      return null
    case 'focusArea':
    case 'goal':
    case 'subGoal':
    case 'activity':
    case 'contact':
      return `sharing.waiting.${kind}`
    default:
      return 'sharing.waiting.other'
  }
}

export function useRecordSharing(record: Ref<TrinRecord>) {
  const records = useRecordsStore()
  const problem = ref<SaveProblem<'plan'> | null>(null)
  /** She has just made it private and the worker already has it: the honest note shows. */
  const sent = ref(false)
  const keptSafeFrom = computed(() => keptSafeFromOf(records.byKind('plan')))
  const never = computed(() => neverSharedReason(record.value, keptSafeFrom.value))
  const waiting = computed(() => waitingKeyOf(waitingFor(record.value.id, records.live)))

  async function setShared(shared: boolean): Promise<void> {
    problem.value = null
    sent.value = false
    const current = record.value
    const next = withShared(current, shared, current.updatedAt, keptSafeFrom.value)
    if (next === null || next === current) return
    try {
      await records.save(next)
      sent.value = !shared && alreadySent([current.id], records.byKind('pairing'))
    } catch (caught) {
      problem.value = saveProblemOf(caught, 'plan')
    }
  }

  return { never, waiting, sent, problem, setShared }
}
