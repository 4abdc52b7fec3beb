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
  it.each([
    ['an open, empty store', { open: true, hasPlan: false, unreadable: 0 }, true],
    ['a plan', { open: true, hasPlan: true, unreadable: 0 }, false],
    ['records that could not be read, and no plan', { open: true, hasPlan: false, unreadable: 1 }, false],
    ['a store not open yet', { open: false, hasPlan: false, unreadable: 0 }, false],
  ])('%s', (_name, store, expected) => {
    expect(isFirstVisit(store)).toBe(expected)
  })
})
