import { computed, ref, type ComputedRef, type Ref } from 'vue'
import type { PhaseNumber } from '@/domain/phases'
import {
  phaseChangeQuestion,
  phaseChangeWrites,
  type PhaseChangeAnswer,
  type PhaseChangeQuestion,
} from '@/domain/focusAreaChoice'
import { useRecordsStore } from '@/stores/records'
import { useUndoStore } from '@/stores/undo'
import { saveProblemOf, type SaveProblem } from '@/app/i18n/errorMessages'

/** The phase-change question for the plan screen, and saving her answer in one write (with undo). */
export function usePhaseChange(phase: Ref<PhaseNumber>): {
  readonly question: ComputedRef<PhaseChangeQuestion | null>
  readonly busy: Ref<boolean>
  readonly problem: Ref<SaveProblem<'plan'> | null>
  readonly answer: (answer: PhaseChangeAnswer) => Promise<boolean>
} {
  const records = useRecordsStore()
  const undo = useUndoStore()
  const busy = ref(false)
  const problem = ref<SaveProblem<'plan'> | null>(null)
  const question = computed(() =>
    phaseChangeQuestion(
      records.byKind('focusArea'),
      records.byKind('goal'),
      records.byKind('subGoal'),
      phase.value,
    ),
  )

  async function answer(given: PhaseChangeAnswer): Promise<boolean> {
    const current = question.value
    if (current === null || busy.value) return false
    busy.value = true
    problem.value = null
    try {
      const writes = phaseChangeWrites(current, given, records.byKind('goal'))
      const changed = [...writes.areas, ...writes.goals]
      const before = changed.flatMap((record) => {
        const stored = records.get(record.id)
        return stored === undefined ? [] : [stored]
      })
      if (changed.length > 0) {
        // One all-or-nothing write: areas and goals move together or not at all.
        await records.saveMany(changed)
        undo.offerUndo({ key: 'phaseChanged' }, before)
      }
      return true
    } catch (caught) {
      problem.value = saveProblemOf(caught, 'plan')
      return false
    } finally {
      busy.value = false
    }
  }

  return { question, busy, problem, answer }
}
