import { describe, expect, it } from 'vitest'
import { safeParseRecord, type TrinRecord } from '@/schemas'
import { benchPlanSizes, makeSeededPlan } from '../../../bench/factory/seededPlan'

function referencesOf(record: TrinRecord): string[] {
  switch (record.kind) {
    case 'goal':
      return [record.focusAreaId]
    case 'subGoal':
      return [record.goalId]
    case 'activity':
      return [
        record.goalId,
        record.helper && 'contactId' in record.helper ? record.helper.contactId : undefined,
      ].filter((id): id is string => id !== undefined)
    case 'note':
      return [record.target.id]
    default:
      return []
  }
}

describe('makeSeededPlan', () => {
  it.each(benchPlanSizes)(
    'gives exactly %i valid records whose references resolve',
    (size) => {
      const records = makeSeededPlan({ size })
      expect(records).toHaveLength(size)
      const ids = new Set(records.map((r) => r.id))
      expect(ids.size).toBe(size)
      const invalid = records.filter((r) => !safeParseRecord(r).success)
      expect(invalid).toEqual([])
      const dangling = records.flatMap(referencesOf).filter((id) => !ids.has(id))
      expect(dangling).toEqual([])
    },
    30_000,
  )

  it('is the same plan for the same seed, another for another seed', () => {
    expect(makeSeededPlan({ size: 100, seed: 7 })).toEqual(makeSeededPlan({ size: 100, seed: 7 }))
    expect(makeSeededPlan({ size: 100, seed: 8 })[0]?.id).not.toBe(
      makeSeededPlan({ size: 100, seed: 7 })[0]?.id,
    )
  })

  it('has every kind a plan screen shows', () => {
    const kinds = new Set(makeSeededPlan({ size: 100 }).map((r) => r.kind))
    expect([...kinds].sort()).toEqual(['activity', 'contact', 'focusArea', 'goal', 'note', 'subGoal'])
  })
})
