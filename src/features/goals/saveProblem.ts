import { StorageError } from '@/data/errors'

/** The message for a failed save: storage full, or anything else. The form keeps what was typed. */
export type SaveProblem = 'plan.saveFailedQuota' | 'plan.saveFailed'

export function saveProblemOf(caught: unknown): SaveProblem {
  return caught instanceof StorageError && caught.code === 'quota'
    ? 'plan.saveFailedQuota'
    : 'plan.saveFailed'
}
