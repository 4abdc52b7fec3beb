import { describe, expect, it } from 'vitest'
import { lockOnHideDefault, lockOnHideInForce } from '@/domain/lockOnHide'
import { targetGroups, type TargetGroup } from '@/schemas'

describe('lockOnHideDefault', () => {
  const expected: Record<TargetGroup, boolean> = {
    homelessness: false,
    shelter: true,
    psychiatry: false,
    greenlanders: false,
    employment: false,
    aftercare: false,
    other: false,
  }
  it.each(targetGroups.map((group) => [group, expected[group]] as const))('%s → %s', (group, on) => {
    expect(lockOnHideDefault(group)).toBe(on)
  })
  it('is off while no plan is known', () => {
    expect(lockOnHideDefault(undefined)).toBe(false)
  })
})

describe('lockOnHideInForce', () => {
  it.each([
    [null, 'shelter', true],
    [null, 'psychiatry', false],
    [null, undefined, false],
    [false, 'shelter', false],
    [true, 'psychiatry', true],
    [true, undefined, true],
  ] as const)('choice %s, target group %s → %s', (choice, group, on) => {
    expect(lockOnHideInForce(choice, group)).toBe(on)
  })
})
