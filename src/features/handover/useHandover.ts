import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import {
  handoverGroups,
  openThingsOf,
  unownedThings,
  type HandoverGroup,
  type Unowned,
} from '@/domain/handover'
import { sortByOrder } from '@/domain/goals'
import { outwardContacts } from '@/domain/network'
import { currentPlan } from '@/domain/planOnDevice'
import type { Contact, HandoverItem } from '@/schemas'
import { useRecordsStore } from '@/stores/records'

/** What the handover screens read: the open things by goal, the lines, who may take over. */
export interface Handover {
  /** The open goals with their open steps, in the plan's order (`handoverGroups`). */
  readonly groups: ComputedRef<HandoverGroup[]>
  /** Every live line of the handover plan. */
  readonly lines: ComputedRef<readonly HandoverItem[]>
  /** Her support needs in her own words, oldest first. */
  readonly needs: ComputedRef<HandoverItem[]>
  /** What still has no one to take it over (`unownedThings`). */
  readonly unowned: ComputedRef<Unowned[]>
  /**
   * The people who may be offered as owner or invited: never a private contact, never someone who
   * is or looks like a person she must be kept safe from (`outwardContacts`), by name.
   */
  readonly offeredContacts: ComputedRef<Contact[]>
}

export function useHandover(): Handover {
  const records = useRecordsStore()
  const { locale } = useI18n()
  const groups = computed(() =>
    handoverGroups(
      sortByOrder(records.byKind('focusArea')).map((area) => area.id),
      records.byKind('goal'),
      records.byKind('subGoal'),
    ),
  )
  const lines = computed(() => records.byKind('handoverItem'))
  const needs = computed(() =>
    lines.value
      .filter((line) => line.about.kind === 'need')
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
  )
  const unowned = computed(() => unownedThings(openThingsOf(groups.value), lines.value))
  const offeredContacts = computed(() =>
    outwardContacts(
      records.byKind('contact'),
      currentPlan(records.byKind('plan'))?.safetyNotes?.keptSafeFrom ?? [],
    ).sort((a, b) => a.name.localeCompare(b.name, locale.value)),
  )
  return { groups, lines, needs, unowned, offeredContacts }
}
