/**
 * The onboarding's rules: which steps a citizen sees, in which order, and the new plan made
 * from the answers. Nothing is stored until the last step; this module only decides.
 */
import type { Plan, TargetGroup } from '@/schemas'
import { checkDates, checkWorker } from './courseEdits'
import type { CivilDate } from './civilDate'

/** What the citizen has answered so far, as typed. */
export interface OnboardingAnswers {
  targetGroup: TargetGroup | null
  targetGroupOther: string
  contactStart: string
  transitionDate: string
  workerName: string
  workerPhone: string
}

export function emptyAnswers(): OnboardingAnswers {
  return {
    targetGroup: null,
    targetGroupOther: '',
    contactStart: '',
    transitionDate: '',
    workerName: '',
    workerPhone: '',
  }
}

/** The fields of a new plan record (the record's id, stamps and author are added when it is saved). */
export type NewPlanFields = Pick<
  Plan,
  'targetGroup' | 'contactStart' | 'pauses' | 'restarts' | 'instruments'
> &
  Partial<Pick<Plan, 'targetGroupOther' | 'transitionDate' | 'worker'>>

/**
 * The new plan's fields from finished answers, or null when a required answer is missing or
 * does not pass its step's check (the steps check first; this guards the save).
 */
export function planFieldsFrom(answers: OnboardingAnswers, today: CivilDate): NewPlanFields | null {
  if (answers.targetGroup === null) return null
  const dates = checkDates(answers.contactStart, answers.transitionDate, today)
  const worker = checkWorker(answers.workerName, answers.workerPhone)
  if (!dates.ok || !worker.ok) return null
  const other = answers.targetGroupOther.trim()
  return {
    targetGroup: answers.targetGroup,
    ...(answers.targetGroup === 'other' && other !== '' ? { targetGroupOther: other } : {}),
    contactStart: dates.contactStart,
    ...(dates.transitionDate === null ? {} : { transitionDate: dates.transitionDate }),
    pauses: [],
    restarts: [],
    instruments: [],
    ...(worker.worker === null ? {} : { worker: worker.worker }),
  }
}

/** The onboarding's steps by name (also `data-step` on the page, for tests). */
export type OnboardingStepId =
  'language' | 'about' | 'transition' | 'safety' | 'dates' | 'worker' | 'lock' | 'ready'

/**
 * Steps only some target groups see, right after the transition step (once the group is
 * chosen) and before the dates: women leaving a shelter learn what quick exit, private windows
 * and browser history do and do not hide. The choice of protection is for everyone.
 */
export const targetGroupStepIds: Partial<Record<TargetGroup, readonly OnboardingStepId[]>> = {
  shelter: ['safety'],
}

/** Steps the citizen may go on from without answering. */
export const skippableSteps: ReadonlySet<OnboardingStepId> = new Set(['about', 'worker'])

/** What skipping a step forgets: half-typed answers the citizen chose not to give. */
export function forgottenOnSkip(id: OnboardingStepId): Partial<OnboardingAnswers> {
  return id === 'worker' ? { workerName: '', workerPhone: '' } : {}
}

/** The steps for a citizen who has chosen `targetGroup` (null before the choice), in order. */
export function onboardingStepIds(
  targetGroup: TargetGroup | null,
  extra: Partial<Record<TargetGroup, readonly OnboardingStepId[]>> = targetGroupStepIds,
): OnboardingStepId[] {
  const forGroup = targetGroup === null ? [] : (extra[targetGroup] ?? [])
  return ['language', 'about', 'transition', ...forGroup, 'dates', 'worker', 'lock', 'ready']
}
