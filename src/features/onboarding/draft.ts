import { inject, provide, reactive, type InjectionKey } from 'vue'
import type { CivilDate } from '@/domain/civilDate'
import type { TargetGroup } from '@/schemas'
import type { NewRecordFields } from '@/stores/records'
import { checkDates } from '@/features/course/planEdits'
import { checkWorker } from '@/features/course/workerFields'

/**
 * What the citizen has answered so far, as typed. Held in memory only, never stored on its
 * own: the plan is saved once, encrypted, at the last step.
 */
export interface OnboardingDraft {
  targetGroup: TargetGroup | null
  targetGroupOther: string
  contactStart: string
  transitionDate: string
  workerName: string
  workerPhone: string
}

export function emptyDraft(): OnboardingDraft {
  return {
    targetGroup: null,
    targetGroupOther: '',
    contactStart: '',
    transitionDate: '',
    workerName: '',
    workerPhone: '',
  }
}

const draftKey: InjectionKey<OnboardingDraft> = Symbol('onboarding draft')

/** Creates the draft for an onboarding and hands it to every step below (including steps added for a target group). */
export function provideDraft(): OnboardingDraft {
  const draft = reactive(emptyDraft())
  provide(draftKey, draft)
  return draft
}

/** The onboarding's draft, inside a step. */
export function useDraft(): OnboardingDraft {
  const draft = inject(draftKey, null)
  if (draft === null) throw new Error('useDraft() must be used inside the onboarding page')
  return draft
}

/**
 * The new plan's fields from a finished draft, or null when a required answer is missing or
 * does not pass its step's check (the steps check first; this guards the save).
 */
export function planFieldsFrom(draft: OnboardingDraft, today: CivilDate): NewRecordFields<'plan'> | null {
  if (draft.targetGroup === null) return null
  const dates = checkDates(draft.contactStart, draft.transitionDate, today)
  const worker = checkWorker(draft.workerName, draft.workerPhone)
  if (!dates.ok || !worker.ok) return null
  const other = draft.targetGroupOther.trim()
  return {
    targetGroup: draft.targetGroup,
    ...(draft.targetGroup === 'other' && other !== '' ? { targetGroupOther: other } : {}),
    contactStart: dates.contactStart,
    ...(dates.transitionDate === null ? {} : { transitionDate: dates.transitionDate }),
    pauses: [],
    restarts: [],
    instruments: [],
    ...(worker.worker === null ? {} : { worker: worker.worker }),
  }
}
