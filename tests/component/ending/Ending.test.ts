import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { deleteDatabase } from '@/data/db'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import type { Plan } from '@/schemas'
import { day } from '../../factories/records'
import { mountPlanApp, settled, type MountedApp, type Records } from '../support/mount'

// Day 1 on 14 October 2026: the last day is 13 July 2027.
const NOW = new Date('2026-11-23T12:00:00Z')

async function seedPlan(records: Records, fields: Partial<Plan> = {}) {
  const plan = await records.create('plan', {
    targetGroup: 'shelter',
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses: [],
    restarts: [],
    instruments: [],
    worker: { name: 'Mette', phone: '12 34 56 78' },
    safetyNotes: { keptSafeFrom: [{ id: crypto.randomUUID(), name: 'Jens' }] },
    ...fields,
  })
  const area = await records.create('focusArea', { catalogKey: 'housing', phases: [1, 2, 3], order: 0 })
  const goal = await records.create('goal', {
    focusAreaId: area.id,
    title: 'Min egen lejlighed',
    why: 'Langt fra Jens',
    status: 'notStarted',
    order: 0,
  })
  await records.create('subGoal', { goalId: goal.id, title: 'Søg boligstøtte', done: true, order: 0 })
  await records.create('subGoal', { goalId: goal.id, title: 'Køb en seng', done: false, order: 1 })
  const lene = await records.create('contact', {
    name: 'Lene',
    networkKind: 'professional',
    closeness: 'some',
    address: 'Rådhuset 1',
    safety: { keepPrivate: false, hideAddress: true, mustNotTell: [] },
  })
  const sanne = await records.create('contact', {
    name: 'Sanne',
    networkKind: 'friend',
    closeness: 'close',
    safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
  })
  await records.create('handoverItem', {
    about: { kind: 'goal', id: goal.id },
    owner: { kind: 'contact', contactId: lene.id },
    status: 'agreed',
  })
  await records.create('handoverItem', {
    about: { kind: 'need', text: 'En at tale med' },
    owner: { kind: 'contact', contactId: sanne.id },
    status: 'inPlace',
  })
  return { plan, lene, sanne }
}

let app: MountedApp | undefined

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await deleteDatabase()
})

afterEach(() => {
  app?.wrapper.unmount()
  app = undefined
  useVaultStore().close()
  vi.useRealTimers()
})

describe('Home after the end', () => {
  it('shows the phase clock while the course runs', async () => {
    app = await mountPlanApp({ seed: (records) => seedPlan(records), path: () => '/' })
    await settled(app.wrapper, 'Dag 41 i forløbet')
    expect(app.wrapper.find('[data-test="ending-screen"]').exists()).toBe(false)
  })

  it('shows the ending screen once she ended the course: what she achieved and who takes over', async () => {
    app = await mountPlanApp({
      seed: (records) => seedPlan(records, { endedOn: day('2026-11-20') }),
      path: () => '/',
    })
    const { wrapper } = app
    await settled(wrapper, 'Forløbet er slut – planen er stadig din')
    expect(wrapper.get('[data-test="ending-when"]').text()).toBe('Du afsluttede forløbet 20. november 2026.')
    expect(wrapper.find('#course-status-heading').exists()).toBe(false)
    expect(wrapper.get('[data-test="ending-counts"]').text()).toContain('Skridt gjort: 1 af 2')
    expect(wrapper.get('[data-test="ending-goals"]').text()).toContain('Min egen lejlighed')
    const handover = wrapper.get('[data-test="ending-handover"]').text()
    expect(handover).toContain('Tager over: Lene')
    expect(handover).toContain('Aftalt')
    // Sanne is private: she takes over, unnamed.
    expect(handover).toContain('Tager over: en fra mit netværk')
    expect(handover).not.toContain('Sanne')
  })
})

describe('the handover summary screen', () => {
  it('offers only contacts that may leave the phone, and shows what she ticks', async () => {
    app = await mountPlanApp({ seed: (records) => seedPlan(records), path: () => '/plan/summary' })
    const { wrapper } = app
    await settled(wrapper, 'Overblik fra min plan')
    const choices = wrapper.get('[data-test="summary-choices"]').text()
    expect(choices).toContain('Lene')
    expect(choices).not.toContain('Sanne')
    expect(choices).not.toContain('Jens')

    const document = () => wrapper.get('[data-test="summary-document"]').text()
    // Her goals and the handover plan to begin with; no contact until she ticks one.
    expect(document()).toContain('Min egen lejlighed')
    expect(document()).toContain('Langt fra …')
    expect(document()).toContain('Søg boligstøtte')
    expect(document()).not.toContain('Mette')
    await wrapper.get('[data-test="summary-contact"]').setValue(true)
    await wrapper.get('[data-test="summary-worker"]').setValue(true)
    await flushPromises()
    expect(document()).toContain('Lene')
    expect(document()).toContain('Mette')
    // Her address is hidden, Sanne is never named.
    expect(document()).not.toContain('Rådhuset')
    expect(document()).not.toContain('Sanne')
    expect(document()).not.toContain('Jens')

    // Nothing ticked: nothing to print or save.
    await wrapper.get('[data-test="summary-goal"]').setValue(false)
    await wrapper.get('[data-test="summary-handover"]').setValue(false)
    await wrapper.get('[data-test="summary-contact"]').setValue(false)
    await wrapper.get('[data-test="summary-worker"]').setValue(false)
    await flushPromises()
    expect(wrapper.find('[data-test="summary-empty"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="summary-print"]').attributes('disabled')).toBeDefined()
  })
})

describe('ending the course early', () => {
  it('asks first, then ends it; she can open it again', async () => {
    app = await mountPlanApp({ seed: (records) => seedPlan(records), path: () => '/course' })
    const { wrapper } = app
    await settled(wrapper, 'Afslut forløbet nu')
    await wrapper.get('[data-test="course-end-start"]').trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('Er du sikker? Forløbet slutter i dag.')
    expect(useRecordsStore().byKind('plan')[0]?.endedOn).toBeUndefined()

    await wrapper.get('[data-test="course-end-confirm"]').trigger('click')
    await settled(wrapper, 'Forløbet er afsluttet. Planen er stadig din.')
    expect(useRecordsStore().byKind('plan')[0]?.endedOn).toBe('2026-11-23')
    expect(wrapper.find('#pause-start').exists()).toBe(false)

    await wrapper.get('[data-test="course-reopen"]').trigger('click')
    await settled(wrapper, 'Forløbet er åbnet igen.')
    expect(useRecordsStore().byKind('plan')[0]?.endedOn).toBeUndefined()
    expect(wrapper.find('[data-test="course-end-start"]').exists()).toBe(true)
  })
})
