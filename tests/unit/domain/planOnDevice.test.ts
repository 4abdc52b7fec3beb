import { describe, expect, it } from 'vitest'
import { currentPlan, isFirstVisit } from '@/domain/planOnDevice'
import { asHlc } from '@/domain/clock'
import { FACTORY_HLC, makePlan } from '../../factories/records'

describe('currentPlan', () => {
  it('takes the first plan created when a double save made two', () => {
    const later = makePlan({ createdAt: asHlc(`2026-11-24T10:00:00.000Z-0000-00000000000000a1`) })
    const first = makePlan({ createdAt: FACTORY_HLC })
    expect(currentPlan([later, first])).toBe(first)
    expect(currentPlan([])).toBeNull()
  })
})

describe('isFirstVisit', () => {
  const open = { status: 'open', nothingStored: false } as const
  it.each<[string, Parameters<typeof isFirstVisit>[0], boolean]>([
    ['an open, empty store', { ...open, hasPlan: false, unreadable: 0 }, true],
    ['a plan', { ...open, hasPlan: true, unreadable: 0 }, false],
    ['records that could not be read, and no plan', { ...open, hasPlan: false, unreadable: 1 }, false],
    ['a store not open yet', { status: 'other', nothingStored: false, hasPlan: false, unreadable: 0 }, false],
    [
      'a store opening on a device that stored something',
      { status: 'opening', nothingStored: false, hasPlan: false, unreadable: 0 },
      false,
    ],
    [
      'a store opening on a device that stored nothing',
      { status: 'opening', nothingStored: true, hasPlan: false, unreadable: 0 },
      true,
    ],
    // Locked or closed again after a first visit: what was stored since is behind the lock.
    [
      'a locked store, though nothing was stored when it first opened',
      { status: 'other', nothingStored: true, hasPlan: false, unreadable: 0 },
      false,
    ],
    [
      'an open store that was empty when it began to open, now with a plan',
      { status: 'open', nothingStored: true, hasPlan: true, unreadable: 0 },
      false,
    ],
  ])('%s', (_name, store, expected) => {
    expect(isFirstVisit(store)).toBe(expected)
  })
})
