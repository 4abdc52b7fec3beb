import { nextTick, ref } from 'vue'
import { reorder, type Ordered } from '@/domain/goals'
import type { TrinRecord } from '@/schemas'
import { useRecordsStore } from '@/stores/records'
import { saveProblemOf, type SaveProblem } from '@/app/i18n/errorMessages'

/**
 * Moving items up and down a list (goals, sub-goals): saves only the records whose `order`
 * changed, in one transaction, then puts focus back on the button that was used (the moved
 * item's element is re-inserted, which drops focus) and announces the new place.
 */
export function useReorder() {
  const records = useRecordsStore()
  /** What the live region says after a move: the new place, 1-based, of how many. */
  const moved = ref<{ place: number; count: number } | null>(null)
  const problem = ref<SaveProblem<'plan'> | null>(null)

  async function move(items: readonly (TrinRecord & Ordered)[], from: number, to: number): Promise<void> {
    const item = items[from]
    if (item === undefined || to < 0 || to >= items.length) return
    problem.value = null
    const { changes } = reorder(items, from, to)
    const byId = new Map(items.map((entry) => [entry.id, entry]))
    try {
      await records.saveMany(
        changes.flatMap((change) => {
          const entry = byId.get(change.id)
          return entry === undefined ? [] : [{ ...entry, order: change.order }]
        }),
      )
    } catch (caught) {
      problem.value = saveProblemOf(caught, 'plan')
      return
    }
    moved.value = { place: to + 1, count: items.length }
    await nextTick()
    const direction = to < from ? 'up' : 'down'
    const again = document.getElementById(`move-${direction}-${item.id}`)
    const other = document.getElementById(`move-${direction === 'up' ? 'down' : 'up'}-${item.id}`)
    ;(again instanceof HTMLButtonElement && !again.disabled ? again : other)?.focus()
  }

  return { moved, problem, move }
}
