import { computed, type ComputedRef } from 'vue'
import { sortByOrder } from '@/domain/goals'
import { useRecordsStore } from '@/stores/records'
import { useAreaName } from '@/composables/useAreaName'

/** The goals of one focus area, as the activity form lists them. */
export interface GoalGroup {
  readonly areaId: string
  readonly areaName: string
  readonly goals: readonly { readonly id: string; readonly title: string }[]
}

/**
 * Every live goal the activity form can offer, grouped by focus area in the plan's order
 * (areas of earlier phases too: an activity may still serve an older goal). Goals under a
 * deleted area are gone with it.
 */
export function useGoalGroups(): ComputedRef<readonly GoalGroup[]> {
  const records = useRecordsStore()
  const areaName = useAreaName()
  return computed(() => {
    const goals = sortByOrder(records.byKind('goal'))
    return sortByOrder(records.byKind('focusArea')).flatMap((area) => {
      const own = goals.filter((goal) => goal.focusAreaId === area.id)
      return own.length === 0
        ? []
        : [
            {
              areaId: area.id,
              areaName: areaName(area),
              goals: own.map((goal) => ({ id: goal.id, title: goal.title })),
            },
          ]
    })
  })
}
