import { ref, type Ref } from 'vue'

/**
 * Runs a form's save: `busy` while it runs, `problem` (a message key from `problemOf`) when it
 * failed, in which case the form keeps what the citizen typed. Resolves true when stored.
 */
export function useSaving<P extends string>(problemOf: (caught: unknown) => P) {
  const busy = ref(false)
  const problem = ref(null) as Ref<P | null>

  async function saving(work: () => Promise<unknown>): Promise<boolean> {
    problem.value = null
    busy.value = true
    try {
      await work()
      return true
    } catch (caught) {
      problem.value = problemOf(caught)
      return false
    } finally {
      busy.value = false
    }
  }

  return { busy, problem, saving }
}
