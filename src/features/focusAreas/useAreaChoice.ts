import { computed, type Ref } from 'vue'
import {
  chooseArea,
  chooseCatalogArea,
  newOwnArea,
  unchooseArea,
  unchooseCatalogArea,
  type AreaChange,
  type AreaOption,
} from '@/domain/focusAreaChoice'
import type { PhaseNumber } from '@/domain/phases'
import { combinedRemoval, removalOf, removalUndo } from '@/domain/planning'
import type { TrinRecord } from '@/schemas'
import { useRecordsStore } from '@/stores/records'
import { useUndoStore } from '@/stores/undo'

/**
 * Choosing and un-choosing focus areas for a phase, written straight away. Un-choosing an
 * area's only phase deletes it with its goals, steps and notes in one transaction, and offers
 * an undo that brings them all back.
 * Every function rejects when the write failed; nothing is changed then.
 */
export function useAreaChoice(phase: Ref<PhaseNumber>) {
  const records = useRecordsStore()
  const undo = useUndoStore()
  const areas = computed(() => records.byKind('focusArea'))

  async function apply(changes: readonly AreaChange[]): Promise<void> {
    for (const change of changes) {
      if (change.kind === 'create')
        await records.create('focusArea', { ...change.fields, phases: [...change.fields.phases] })
    }
    const tree = {
      focusAreas: areas.value,
      goals: records.byKind('goal'),
      subGoals: records.byKind('subGoal'),
      notes: records.byKind('note'),
    }
    const updated = changes.flatMap((change) => (change.kind === 'update' ? [change.area] : []))
    const removals = changes.flatMap((change) =>
      change.kind === 'remove' ? [removalOf({ kind: 'focusArea', id: change.area.id }, tree)] : [],
    )
    const removed: TrinRecord[] = removals.flatMap((removal) => [
      ...removal.focusAreas,
      ...removal.goals,
      ...removal.subGoals,
      ...removal.notes,
    ])
    if (updated.length + removed.length === 0) return
    const before = updated.flatMap((area) => {
      const original = records.get(area.id)
      return original === undefined ? [] : [original]
    })
    await records.saveMany([...updated, ...removed.map((record) => ({ ...record, deleted: true }))])
    if (removed.length > 0) {
      undo.offerUndo(removalUndo('focusArea', combinedRemoval(removals)), [...before, ...removed])
    }
  }

  /** Chooses (or un-chooses) the area of a picker line for the phase. */
  async function setChosen(option: AreaOption, chosen: boolean): Promise<void> {
    if (option.catalogKey !== null) {
      await apply(
        chosen
          ? [chooseCatalogArea(areas.value, option.catalogKey, phase.value)]
          : unchooseCatalogArea(areas.value, option.catalogKey, phase.value),
      )
    } else if (option.area !== null) {
      await apply([chosen ? chooseArea(option.area, phase.value) : unchooseArea(option.area, phase.value)])
    }
  }

  /** Adds an area in the citizen's own words, chosen for the phase. Check the title first. */
  async function addOwn(title: string): Promise<void> {
    await apply([{ kind: 'create', fields: newOwnArea(title, areas.value, phase.value) }])
  }

  return { areas, setChosen, addOwn }
}
