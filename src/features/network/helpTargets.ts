import { computed, type ComputedRef } from 'vue'
import { sortByOrder } from '@/domain/goals'
import { useAreaName } from '@/composables/useAreaName'
import { useRecordsStore } from '@/stores/records'

/** A focus area or goal a contact can help with, named for a checkbox or a list. */
export interface HelpTarget {
  readonly id: string
  readonly name: string
}

/**
 * Her live focus areas and goals, named (a goal by its title, an area by its catalogue name or
 * her own title), in the plan's order: goals follow their area's order. For the contact form's
 * "helps with" and the contact view's summary of it.
 */
export function useHelpTargets(): {
  areas: ComputedRef<HelpTarget[]>
  goals: ComputedRef<HelpTarget[]>
} {
  const records = useRecordsStore()
  const areaName = useAreaName()
  const liveAreas = computed(() => sortByOrder(records.byKind('focusArea').filter((area) => !area.deleted)))
  const areas = computed(() => liveAreas.value.map((area) => ({ id: area.id, name: areaName(area) })))
  const goals = computed(() => {
    const live = records.byKind('goal').filter((goal) => !goal.deleted)
    return liveAreas.value.flatMap((area) =>
      sortByOrder(live.filter((goal) => goal.focusAreaId === area.id)).map((goal) => ({
        id: goal.id,
        name: goal.title,
      })),
    )
  })
  return { areas, goals }
}
