// The plan's optional `handover` field: the long-term plan and the final network meeting.
import { describe, expect, it } from 'vitest'
import { handoverPlanSchema, planSchema } from '@/schemas'
import { z } from '@/schemas/zod'
import { makePlan } from '../../factories/records'

const mor = '6f9619ff-8b86-4011-b42d-00c04fc964ff'

describe('handoverPlanSchema', () => {
  it.each<[string, unknown]>([
    ['nothing yet', {}],
    ['only the long-term plan', { longTerm: 'Holde fast i jobbet' }],
    ['a meeting without a date yet', { meeting: { invited: [mor] } }],
    ['a whole meeting', { meeting: { date: '2027-07-01', time: '14:00', invited: [mor], agenda: 'Kaffe' } }],
  ])('accepts %s', (_, value) => {
    expect(z.safeParse(handoverPlanSchema, value).success).toBe(true)
  })

  it.each<[string, unknown]>([
    ['a time without a date', { meeting: { time: '14:00', invited: [] } }],
    ['someone invited twice', { meeting: { invited: [mor, mor] } }],
    ['an invited id that is not a record id', { meeting: { invited: ['Mor'] } }],
    ['an empty long-term plan', { longTerm: '' }],
    ['a field it does not know', { notes: 'x' }],
    ['a day that does not exist', { meeting: { date: '2027-02-30', invited: [] } }],
  ])('refuses %s', (_, value) => {
    expect(z.safeParse(handoverPlanSchema, value).success).toBe(false)
  })

  it('is optional on the plan: a plan from before it still parses, and one with it too', () => {
    expect(z.safeParse(planSchema, makePlan()).success).toBe(true)
    expect(z.safeParse(planSchema, { ...makePlan(), handover: { longTerm: 'Videre' } }).success).toBe(true)
  })
})
