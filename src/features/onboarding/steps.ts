/**
 * The onboarding's steps, as data: the screen and heading of each step the domain lists
 * (`onboardingStepIds`: which, in which order, which can be skipped). Each step component emits `next` when its question is answered; the page shows the heading,
 * "step n of m", Back and (for skippable steps) Skip.
 */
import type { Component } from 'vue'
import type { TargetGroup } from '@/schemas'
import {
  forgottenOnSkip,
  onboardingStepIds,
  skippableSteps,
  type OnboardingStepId,
} from '@/domain/onboarding'
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
  readonly id: OnboardingStepId
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
  skippable: skippableSteps.has('language'),
}
export const aboutStep: OnboardingStep = {
  id: 'about',
  title: 'onboarding.about.title',
  component: OnboardingAbout,
  skippable: skippableSteps.has('about'),
}
export const transitionStep: OnboardingStep = {
  id: 'transition',
  title: 'onboarding.transition.title',
  component: OnboardingTransition,
  skippable: skippableSteps.has('transition'),
}
export const datesStep: OnboardingStep = {
  id: 'dates',
  title: 'onboarding.dates.title',
  component: OnboardingDates,
  skippable: skippableSteps.has('dates'),
}
export const workerStep: OnboardingStep = {
  id: 'worker',
  title: 'onboarding.worker.title',
  component: OnboardingWorker,
  skippable: skippableSteps.has('worker'),
  onSkip: (draft) => {
    Object.assign(draft, forgottenOnSkip('worker'))
  },
}
export const readyStep: OnboardingStep = {
  id: 'ready',
  title: 'onboarding.ready.title',
  component: OnboardingReady,
  skippable: skippableSteps.has('ready'),
}
/** The honest choice of protection, for everyone, right before the plan is first saved (safety feature). */
export const lockStep: OnboardingStep = {
  id: 'lock',
  title: 'lock.choice.title',
  component: OnboardingLockStep,
  skippable: skippableSteps.has('lock'),
}
/** For women leaving a shelter: quick exit, browser history, private windows, a watched phone (safety feature). */
export const safetyStep: OnboardingStep = {
  id: 'safety',
  title: 'safety.onboarding.title',
  component: OnboardingSafetyStep,
  skippable: skippableSteps.has('safety'),
}

const steps = {
  language: languageStep,
  about: aboutStep,
  transition: transitionStep,
  safety: safetyStep,
  dates: datesStep,
  worker: workerStep,
  lock: lockStep,
  ready: readyStep,
} as const satisfies Record<OnboardingStepId, OnboardingStep>

/** The steps for a citizen who has chosen `targetGroup` (null before the choice), in order. */
export function onboardingSteps(targetGroup: TargetGroup | null): OnboardingStep[] {
  return onboardingStepIds(targetGroup).map((id) => steps[id])
}
