import { computed, ref, type ComputedRef, type Ref } from 'vue'
import type { MessageKey } from '@/app/i18n/keys'
import { saveProblemOf } from '@/app/i18n/errorMessages'

/** What BaseFormActions shows of a form's save: bound with `v-bind="actions"`. */
export interface FormActionsState {
  readonly busy: boolean
  /** Message key of why the last save failed, or null. */
  readonly problem: MessageKey | null
  /** Message key of the progress or success to announce, or null. */
  readonly status: MessageKey | null
}

/** What the form announces: `busy` while the save runs, `done` once it is stored. */
export interface SavingMessages {
  readonly busy?: MessageKey | undefined
  readonly done?: MessageKey | undefined
}

/**
 * Runs a form's save: `busy` while it runs, `problem` (a message key from `problemOf`) when it
 * failed, in which case the form keeps what the citizen typed, and `saved` once it is stored
 * (the form may set it back, say when she types again). Resolves true when stored. `actions`
 * is all of that for the form's BaseFormActions (`v-bind="actions"`), with `messages` as its status.
 */
export function useSaving<P extends MessageKey>(
  problemOf: (caught: unknown) => P,
  messages: SavingMessages = {},
) {
  const busy = ref(false)
  const problem = ref(null) as Ref<P | null>
  const saved = ref(false)

  async function saving(work: () => Promise<unknown>): Promise<boolean> {
    problem.value = null
    saved.value = false
    busy.value = true
    try {
      await work()
      saved.value = true
      return true
    } catch (caught) {
      problem.value = problemOf(caught)
      return false
    } finally {
      busy.value = false
    }
  }

  const actions: ComputedRef<FormActionsState> = computed(() => ({
    busy: busy.value,
    problem: problem.value,
    status: (busy.value ? messages.busy : saved.value ? messages.done : undefined) ?? null,
  }))

  return { busy, problem, saved, saving, actions }
}

/** useSaving for a form of the plan: the plan's save problems, and `done` (null: nothing) once stored. */
export function usePlanSaving(done: MessageKey | null = 'plan.saved') {
  return useSaving((caught) => saveProblemOf(caught, 'plan'), { done: done ?? undefined })
}
