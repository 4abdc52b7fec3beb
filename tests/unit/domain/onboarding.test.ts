import { describe, expect, it } from 'vitest'
import {
  emptyAnswers,
  forgottenOnSkip,
  onboardingStepIds,
  planFieldsFrom,
  skippableSteps,
  targetGroupStepIds,
} from '@/domain/onboarding'
import { targetGroups } from '@/schemas'
import { day } from '../../factories/records'

const everyone = ['language', 'about', 'transition', 'dates', 'worker', 'lock', 'ready']

describe('onboardingStepIds', () => {
  it('starts with the language and ends by saving', () => {
    expect(onboardingStepIds(null)).toEqual(everyone)
  })

  it('gives women leaving a shelter the safety step, and no one else', () => {
    expect(Object.keys(targetGroupStepIds)).toEqual(['shelter'])
    for (const group of targetGroups) {
      expect(onboardingStepIds(group), group).toEqual(
        group === 'shelter'
          ? ['language', 'about', 'transition', 'safety', 'dates', 'worker', 'lock', 'ready']
          : everyone,
      )
    }
  })

  it("puts a target group's own steps right after the transition is chosen, for that group only", () => {
    const extra = { psychiatry: ['safety'] } as const
    expect(onboardingStepIds('psychiatry', extra)).toEqual([
      'language',
      'about',
      'transition',
      'safety',
      'dates',
      'worker',
      'lock',
      'ready',
    ])
    expect(onboardingStepIds('shelter', extra)).toEqual(everyone)
    expect(onboardingStepIds(null, extra)).not.toContain('safety')
  })

  it('lets the explanation and the worker be skipped, and skipping the worker forgets it', () => {
    expect(onboardingStepIds('shelter').filter((id) => skippableSteps.has(id))).toEqual(['about', 'worker'])
    const answers = { ...emptyAnswers(), workerName: 'Ali', workerPhone: '12' }
    expect({ ...answers, ...forgottenOnSkip('worker') }).toEqual(emptyAnswers())
    expect(forgottenOnSkip('about')).toEqual({})
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
    expect(planFieldsFrom({ ...emptyAnswers(), ...fields }, today)).toEqual(expected)
  })
})
