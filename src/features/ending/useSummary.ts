import { computed, ref, watch, type ComputedRef, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  handoverSummary,
  summaryOffer,
  type HandoverSummary,
  type SummaryChoice,
  type SummaryOffer,
} from '@/domain/handoverSummary'
import { useSummaryRecords } from './useEnding'

/** Her ticks, as the choosing screen edits them. */
export interface SummaryTicks {
  goalIds: string[]
  handoverPlan: boolean
  contactIds: string[]
  noteIds: string[]
  worker: boolean
  /** How her ratings changed (issue #13, item 5): only when she ticks it. */
  ratings: boolean
}

/**
 * The handover summary's state: what may be offered, her ticks (her goals and the handover plan
 * to begin with; contacts, notes and the worker only when she ticks them), and the summary made
 * from them by the domain's rules, which keep back whatever must stay on the phone.
 */
export function useSummary(): {
  offer: ComputedRef<SummaryOffer | null>
  ticks: Ref<SummaryTicks>
  summary: ComputedRef<HandoverSummary | null>
  hasWorker: ComputedRef<boolean>
} {
  const { locale } = useI18n()
  const records = useSummaryRecords()
  const offer = computed(() => (records.value === null ? null : summaryOffer(records.value, locale.value)))
  const ticks = ref<SummaryTicks>({
    goalIds: [],
    handoverPlan: true,
    contactIds: [],
    noteIds: [],
    worker: false,
    ratings: false,
  })
  // Her goals are ticked once, when they are first known (the plan opens after the screen).
  let goalsTicked = false
  watch(
    offer,
    (offered) => {
      if (goalsTicked || offered === null) return
      goalsTicked = true
      ticks.value.goalIds = offered.goals.map((goal) => goal.id)
    },
    { immediate: true },
  )
  const summary = computed(() => {
    if (records.value === null) return null
    const choice: SummaryChoice = ticks.value
    return handoverSummary(records.value, choice, locale.value)
  })
  const hasWorker = computed(() => records.value?.plan.worker !== undefined)
  return { offer, ticks, summary, hasWorker }
}
