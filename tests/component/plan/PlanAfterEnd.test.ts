/**
 * The plan page once the course has ended (`planClock`): the phase clock stops pressing — no
 * "phase N has begun" question, no "choose focus areas" for a phase the dates reached after the
 * end, no handover "now". While the course runs, the same records do ask.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deleteDatabase } from '@/data/db'
import { useVaultStore } from '@/stores/vault'
import type { Plan } from '@/schemas'
import { day } from '../../factories/records'
import { storePlan } from '../support/fixtures'
import { mountPlanApp, settled, unmountAll, type Records } from '../support/mount'

// Day 1 on 14 October 2026: phase 2 from 14 January 2027, phase 3 from 14 April, last day 13 July.
const IN_PHASE_2 = new Date('2027-02-01T12:00:00Z')
const IN_PHASE_3 = new Date('2027-05-01T12:00:00Z')
const AFTER_END = new Date('2027-07-20T12:00:00Z')

/** A plan whose focus area and goal were chosen in phase 1 only. */
async function seedPlan(records: Records, fields: Partial<Plan> = {}): Promise<void> {
  await storePlan(records, fields)
  const area = await records.create('focusArea', { catalogKey: 'housing', phases: [1], order: 0 })
  await records.create('goal', {
    focusAreaId: area.id,
    title: 'Min egen lejlighed',
    status: 'onTheWay',
    order: 0,
  })
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  await deleteDatabase()
})

afterEach(() => {
  unmountAll()
  useVaultStore().close()
  vi.useRealTimers()
})

async function planOn(now: Date, fields: Partial<Plan> = {}) {
  vi.setSystemTime(now)
  const { wrapper } = await mountPlanApp({
    seed: (records) => seedPlan(records, fields),
    path: () => '/plan',
  })
  await settled(wrapper, 'Min plan')
  await settled(wrapper, 'Min egen lejlighed')
  return wrapper
}

describe('the plan page and the phase clock', () => {
  it('asks about phase 2 while the course runs', async () => {
    const wrapper = await planOn(IN_PHASE_2)
    expect(wrapper.find('[data-test="phase-change"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="phase-change"]').text()).toContain('Fase 2 er begyndt')
    expect(wrapper.find('[data-test="plan-ended"]').exists()).toBe(false)
  })

  it('puts the handover first in phase 3', async () => {
    const wrapper = await planOn(IN_PHASE_3)
    expect(wrapper.find('.handover-link--now').exists()).toBe(true)
    expect(wrapper.text()).toContain('Det er det vigtigste i fase 3.')
  })

  it.each<[string, Date, Partial<Plan>]>([
    ['after the last day', AFTER_END, {}],
    ['after ending early in phase 1, with the dates in phase 3', IN_PHASE_3, { endedOn: day('2026-12-01') }],
  ])('asks nothing of the phase clock %s', async (_name, now, fields) => {
    const wrapper = await planOn(now, fields)
    expect(wrapper.get('[data-test="plan-ended"]').text()).toBe('Forløbet er slut – planen er stadig din')
    // No phase-change question, no empty phase asking for areas: her phase-1 areas stay current.
    expect(wrapper.find('[data-test="phase-change"]').exists()).toBe(false)
    expect(wrapper.text()).not.toMatch(/Fase \d er begyndt|Vælg, hvad du vil arbejde med/)
    expect(wrapper.get('[data-test="plan-phase"]').text()).toBe('Dine fokusområder i fase 1')
    expect(wrapper.find('[data-test="area-card"]').text()).toContain('Min egen lejlighed')
    // The handover plan is still there, without "now".
    expect(wrapper.find('[data-test="plan-handover-card"]').exists()).toBe(true)
    expect(wrapper.find('.handover-link--now').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Det er det vigtigste i fase 3.')
  })
})
