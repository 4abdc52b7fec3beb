import { inject, provide, reactive, type InjectionKey } from 'vue'
import { emptyAnswers, type OnboardingAnswers } from '@/domain/onboarding'

/**
 * What the citizen has answered so far, as typed. Held in memory only, never stored on its
 * own: the plan is saved once, encrypted, at the last step (`planFieldsFrom`).
 */
export type OnboardingDraft = OnboardingAnswers

export const emptyDraft = emptyAnswers

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
