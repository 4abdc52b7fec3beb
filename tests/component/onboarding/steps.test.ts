import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { onboardingSteps, targetGroupSteps, type OnboardingStep } from '@/features/onboarding/steps'
import { emptyDraft, planFieldsFrom } from '@/features/onboarding/draft'
import { day } from '../../factories/records'

const ids = (steps: readonly OnboardingStep[]): string[] => steps.map((step) => step.id)
const safety: OnboardingStep = {
  id: 'safety',
  title: 'onboarding.safety.title',
  component: defineComponent({}),
  skippable: false,
}

describe('onboardingSteps', () => {
  it('starts with the language and ends by saving', () => {
    expect(ids(onboardingSteps(null))).toEqual([
      'language',
      'about',
      'transition',
      'dates',
      'worker',
      'lock',
      'ready',
    ])
  })

  it('gives women leaving a shelter the safety step (from the safety feature), and no one else', () => {
    expect(Object.keys(targetGroupSteps)).toEqual(['shelter'])
    expect(ids(onboardingSteps('shelter'))).toEqual([
      'language',
      'about',
      'transition',
      'safety',
      'dates',
      'worker',
      'lock',
      'ready',
    ])
    expect(ids(onboardingSteps('psychiatry'))).toEqual([
      'language',
      'about',
      'transition',
      'dates',
      'worker',
      'lock',
      'ready',
    ])
  })

  it("puts a target group's own steps right after the transition is chosen, for that group only", () => {
    const extra = { shelter: [safety] }
    expect(ids(onboardingSteps('shelter', extra))).toEqual([
      'language',
      'about',
      'transition',
      'safety',
      'dates',
      'worker',
      'lock',
      'ready',
    ])
    expect(ids(onboardingSteps('homelessness', extra))).toEqual([
      'language',
      'about',
      'transition',
      'dates',
      'worker',
      'lock',
      'ready',
    ])
    expect(ids(onboardingSteps(null, extra))).not.toContain('safety')
  })

  it('lets the explanation and the worker be skipped, and skipping the worker forgets it', () => {
    const steps = onboardingSteps(null)
    expect(steps.filter((step) => step.skippable).map((step) => step.id)).toEqual(['about', 'worker'])
    const draft = { ...emptyDraft(), workerName: 'Ali', workerPhone: '12' }
    steps.find((step) => step.id === 'worker')?.onSkip?.(draft)
    expect(draft).toEqual(emptyDraft())
  })
})

describe('planFieldsFrom', () => {
  const today = day('2026-11-23')

  it.each([
    ['no transition chosen', {}, null],
    [
      'a contact period after day 1',
      { targetGroup: 'shelter', contactStart: '2026-11-01', transitionDate: '2026-10-01' },
      null,
    ],
    ['a phone without a name', { targetGroup: 'shelter', workerPhone: '12 34' }, null],
    [
      'everything',
      {
        targetGroup: 'shelter',
        contactStart: '2026-09-23',
        transitionDate: '2026-10-14',
        workerName: ' Mette ',
        workerPhone: '12 34',
      },
      {
        targetGroup: 'shelter',
        contactStart: '2026-09-23',
        transitionDate: '2026-10-14',
        pauses: [],
        restarts: [],
        instruments: [],
        worker: { name: 'Mette', phone: '12 34' },
      },
    ],
    [
      'only the transition: contact starts today, day 1 unknown',
      { targetGroup: 'employment' },
      { targetGroup: 'employment', contactStart: '2026-11-23', pauses: [], restarts: [], instruments: [] },
    ],
    [
      'free text kept only for "other"',
      { targetGroup: 'homelessness', targetGroupOther: 'left over text' },
      { targetGroup: 'homelessness', contactStart: '2026-11-23', pauses: [], restarts: [], instruments: [] },
    ],
    [
      '"other" in own words',
      { targetGroup: 'other', targetGroupOther: '  my words ' },
      {
        targetGroup: 'other',
        targetGroupOther: 'my words',
        contactStart: '2026-11-23',
        pauses: [],
        restarts: [],
        instruments: [],
      },
    ],
  ] as const)('%s', (_name, fields, expected) => {
    expect(planFieldsFrom({ ...emptyDraft(), ...fields }, today)).toEqual(expected)
  })
})
