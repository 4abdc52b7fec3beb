/**
 * The onboarding's steps, as data: the screen and heading of each step the domain lists
 * (`onboardingStepIds`: which, in which order, which can be skipped). Each step component emits `next` when its question is answered; the page shows the heading,
 * "step n of m", Back and (for skippable steps) Skip.
 */
import type { Component } from 'vue'
import type { MessageKey } from '@/app/i18n/keys'
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
  readonly title: MessageKey
  readonly component: Component
  /** The citizen may go on without answering. */
  readonly skippable: boolean
  /** What skipping does to the draft (e.g. forgets half-typed values). */
  readonly onSkip?: (draft: OnboardingDraft) => void
}

/** Each step's screen and heading (message key, the page's h1). */
const screens = {
  language: [OnboardingLanguage, 'onboarding.language.title'],
  about: [OnboardingAbout, 'onboarding.about.title'],
  transition: [OnboardingTransition, 'onboarding.transition.title'],
  // For women leaving a shelter: quick exit, browser history, private windows, a watched phone.
  safety: [OnboardingSafetyStep, 'safety.onboarding.title'],
  dates: [OnboardingDates, 'onboarding.dates.title'],
  worker: [OnboardingWorker, 'onboarding.worker.title'],
  // The honest choice of protection, for everyone, right before the plan is first saved.
  lock: [OnboardingLockStep, 'lock.choice.title'],
  ready: [OnboardingReady, 'onboarding.ready.title'],
} as const satisfies Record<OnboardingStepId, readonly [Component, MessageKey]>

/** One object a step, made once, so the page can tell a step from the next by identity. */
const made = new Map<OnboardingStepId, OnboardingStep>()

function stepOf(id: OnboardingStepId): OnboardingStep {
  const known = made.get(id)
  if (known) return known
  const [component, title] = screens[id]
  const step: OnboardingStep = {
    id,
    title,
    component,
    skippable: skippableSteps.has(id),
    // Skipping forgets what the step's half-typed answers were (the worker's contact), if anything.
    onSkip: (draft) => {
      Object.assign(draft, forgottenOnSkip(id))
    },
  }
  made.set(id, step)
  return step
}

/** The steps for a citizen who has chosen `targetGroup` (null before the choice), in order. */
export function onboardingSteps(targetGroup: TargetGroup | null): OnboardingStep[] {
  return onboardingStepIds(targetGroup).map(stepOf)
}
