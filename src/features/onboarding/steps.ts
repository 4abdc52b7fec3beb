/**
 * The onboarding's steps, as data: which screens, in which order, which can be skipped.
 * Each step component emits `next` when its question is answered; the page shows the heading,
 * "step n of m", Back and (for skippable steps) Skip.
 */
import type { Component } from 'vue'
import type { TargetGroup } from '@/schemas'
import type { OnboardingDraft } from './draft'
import OnboardingLanguage from './OnboardingLanguage.vue'
import OnboardingAbout from './OnboardingAbout.vue'
import OnboardingTransition from './OnboardingTransition.vue'
import OnboardingDates from './OnboardingDates.vue'
import OnboardingWorker from './OnboardingWorker.vue'
import OnboardingReady from './OnboardingReady.vue'
import OnboardingLockStep from './OnboardingLockStep.vue'
import OnboardingSafetyStep from './OnboardingSafetyStep.vue'

export interface OnboardingStep {
  /** Stable name (also `data-step` on the page, for tests). */
  readonly id: string
  /** Message key of the step's heading, the page's h1. */
  readonly title: string
  readonly component: Component
  /** The citizen may go on without answering. */
  readonly skippable: boolean
  /** What skipping does to the draft (e.g. forgets half-typed values). */
  readonly onSkip?: (draft: OnboardingDraft) => void
}

export const languageStep: OnboardingStep = {
  id: 'language',
  title: 'onboarding.language.title',
  component: OnboardingLanguage,
  skippable: false,
}
export const aboutStep: OnboardingStep = {
  id: 'about',
  title: 'onboarding.about.title',
  component: OnboardingAbout,
  skippable: true,
}
export const transitionStep: OnboardingStep = {
  id: 'transition',
  title: 'onboarding.transition.title',
  component: OnboardingTransition,
  skippable: false,
}
export const datesStep: OnboardingStep = {
  id: 'dates',
  title: 'onboarding.dates.title',
  component: OnboardingDates,
  skippable: false,
}
export const workerStep: OnboardingStep = {
  id: 'worker',
  title: 'onboarding.worker.title',
  component: OnboardingWorker,
  skippable: true,
  onSkip: (draft) => {
    draft.workerName = ''
    draft.workerPhone = ''
  },
}
export const readyStep: OnboardingStep = {
  id: 'ready',
  title: 'onboarding.ready.title',
  component: OnboardingReady,
  skippable: false,
}
/** The honest choice of protection, for everyone, right before the plan is first saved (safety feature). */
export const lockStep: OnboardingStep = {
  id: 'lock',
  title: 'lock.choice.title',
  component: OnboardingLockStep,
  skippable: false,
}
/** For women leaving a shelter: quick exit, browser history, private windows, a watched phone (safety feature). */
export const safetyStep: OnboardingStep = {
  id: 'safety',
  title: 'safety.onboarding.title',
  component: OnboardingSafetyStep,
  skippable: false,
}

/**
 * Steps only some target groups see, shown right after the transition step (once the group is
 * chosen) and before the dates. This is the slot for a target-group-specific safety step:
 * the safety feature registers `{ shelter: [safetyStep] }` here (how to leave the app fast,
 * private windows, browser history, a watched phone). The lock choice is for everyone.
 */
export const targetGroupSteps: Partial<Record<TargetGroup, readonly OnboardingStep[]>> = {
  shelter: [safetyStep],
}

/** The steps for a citizen who has chosen `targetGroup` (null before the choice), in order. */
export function onboardingSteps(
  targetGroup: TargetGroup | null,
  extra: Partial<Record<TargetGroup, readonly OnboardingStep[]>> = targetGroupSteps,
): OnboardingStep[] {
  const forGroup = targetGroup === null ? [] : (extra[targetGroup] ?? [])
  return [languageStep, aboutStep, transitionStep, ...forGroup, datesStep, workerStep, lockStep, readyStep]
}
