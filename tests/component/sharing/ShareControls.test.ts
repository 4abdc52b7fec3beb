/**
 * The share controls in lists and the section switches (issue #14 item 1): the compact switch on
 * a step says its state in words and names what it is about; unsharing says the honest note only
 * when the worker already had it (a pairing's `sentIds`); a shared goal in a private area says it
 * waits; a whole section is shared after a confirm that says how many, and undone.
 */
import { describe, expect, it } from 'vitest'
import { useRecordsStore } from '@/stores/records'
import { ShareSwitch } from '@/features/sharing'
import { eventually, mountInApp, mountPlanApp, settled, type Records } from '../support/mount'
import { freshAppEachTest, storePlan } from '../support/fixtures'
import { makeSharePairing } from '../../factories/records'

freshAppEachTest()

async function goalWithSteps(records: Records, options: { areaShared?: boolean; sent?: boolean } = {}) {
  await storePlan(records)
  const area = await records.create('focusArea', {
    catalogKey: 'housing',
    phases: [1],
    order: 0,
    shared: options.areaShared ?? false,
  })
  const goal = await records.create('goal', {
    focusAreaId: area.id,
    title: 'Egen bolig',
    status: 'onTheWay',
    order: 0,
    shared: true,
  })
  const step = await records.create('subGoal', {
    goalId: goal.id,
    title: 'Ring til boligkontoret',
    done: false,
    order: 0,
    shared: options.sent ?? false,
  })
  await records.create('subGoal', { goalId: goal.id, title: 'Se på lejligheder', done: false, order: 1 })
  if (options.sent) await records.save(makeSharePairing({ sentIds: [step.id] }))
  return { area, goal, step }
}

describe('ShareSwitch', () => {
  it('shows its state in words, is named by that state and what it is about, and emits the other state', async () => {
    const wrapper = await mountInApp(ShareSwitch, {
      props: {
        id: 'step-1',
        shared: false,
        what: 'Ring til boligkontoret',
        'onUpdate:shared': (shared: boolean) => wrapper.setProps({ shared }),
      },
    })
    const button = wrapper.get('[data-test="share-switch"]')
    expect(button.attributes('aria-pressed')).toBe('false')
    expect(button.attributes('aria-labelledby')).toBe('step-1-state step-1-what')
    expect(wrapper.get('#step-1-state').text()).toBe('Privat')
    expect(wrapper.get('#step-1-what').text()).toBe('– del »Ring til boligkontoret« med min medarbejder')
    await button.trigger('click')
    expect(wrapper.emitted('update:shared')).toEqual([[true]])
    await eventually(() => {
      expect(wrapper.get('#step-1-state').text()).toBe('Delt')
    })
    expect(button.attributes('aria-pressed')).toBe('true')
  })

  it('shows why instead of a switch for what can never be shared', async () => {
    const wrapper = await mountInApp(ShareSwitch, {
      props: { id: 'c', shared: false, what: 'Kim', never: 'kept-safe-from' },
    })
    expect(wrapper.find('[data-test="share-switch"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="share-never"]').text()).toContain('holdes i sikkerhed')
  })
})

describe('a step shared from the goal screen', () => {
  it('shares and unshares one step with one tap; no note when nothing was sent', async () => {
    const { wrapper, seeded } = await mountPlanApp({
      seed: (records) => goalWithSteps(records, { areaShared: true }),
      path: ({ goal }) => `/plan/goals/${goal.id}`,
    })
    await settled(wrapper, 'Ring til boligkontoret')
    const steps = wrapper.findAll('[data-test="step"]')
    expect(steps).toHaveLength(2)
    const switchOf = () => wrapper.findAll('[data-test="step"]')[0]?.get('[data-test="share-switch"]')
    expect(switchOf()?.get('[id$="-state"]').text()).toBe('Privat')
    await switchOf()?.trigger('click')
    await eventually(() => {
      expect(useRecordsStore().get(seeded.step.id)?.shared).toBe(true)
    })
    expect(switchOf()?.attributes('aria-pressed')).toBe('true')
    // The other step is untouched.
    expect(
      useRecordsStore()
        .byKind('subGoal')
        .filter((step) => step.shared),
    ).toHaveLength(1)
    await switchOf()?.trigger('click')
    await eventually(() => {
      expect(useRecordsStore().get(seeded.step.id)?.shared).toBe(false)
    })
    expect(wrapper.text()).not.toContain('bliver på medarbejderens telefon')
  })

  it('says the honest note when she makes private a step the worker already got', async () => {
    const { wrapper, seeded } = await mountPlanApp({
      seed: (records) => goalWithSteps(records, { areaShared: true, sent: true }),
      path: ({ goal }) => `/plan/goals/${goal.id}`,
    })
    await settled(wrapper, 'Ring til boligkontoret')
    const first = () => wrapper.findAll('[data-test="step"]')[0]
    await first()?.get('[data-test="share-switch"]').trigger('click')
    await eventually(() => {
      expect(useRecordsStore().get(seeded.step.id)?.shared).toBe(false)
    })
    await eventually(() => {
      expect(first()?.get('[data-test="share-unshared-note"]').text()).toContain(
        'bliver på medarbejderens telefon',
      )
    })
  })

  it('a shared goal in a private area says it waits for its area', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => goalWithSteps(records),
      path: ({ goal }) => `/plan/goals/${goal.id}`,
    })
    await settled(wrapper, 'Egen bolig')
    await settled(wrapper, 'Venter på at fokusområdet deles')
  })
})

describe('section switches', () => {
  it('shares a whole section after saying how many change, and undoes it', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => goalWithSteps(records),
      path: () => '/plan/sharing',
    })
    await settled(wrapper, 'Del eller gør privat på én gang')
    const goals = () => wrapper.get('[data-test="section-switch-goals"]')
    expect(goals().get('[data-test="section-count"]').text()).toBe('1 af 4 er delt')
    await goals().get('[data-test="section-share-all"]').trigger('click')
    await eventually(() => {
      expect(goals().get('[data-test="section-question"]').text()).toBe(
        '3 ting bliver delt med din medarbejder.',
      )
    })
    await goals().get('[data-test="section-yes"]').trigger('click')
    await eventually(() => {
      expect(useRecordsStore().live.filter((record) => record.shared)).toHaveLength(4)
    })
    await eventually(() => {
      expect(goals().get('[data-test="section-count"]').text()).toBe('4 af 4 er delt')
    })
    await settled(wrapper, '3 ting er delt.')
    await wrapper.get('[data-test="undo"]').trigger('click')
    await eventually(() => {
      expect(useRecordsStore().live.filter((record) => record.shared)).toHaveLength(1)
    })
  })

  it('making a section private says the honest note when something of it was sent; cancel changes nothing', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => goalWithSteps(records, { areaShared: true, sent: true }),
      path: () => '/plan/sharing',
    })
    await settled(wrapper, 'Del eller gør privat på én gang')
    const goals = () => wrapper.get('[data-test="section-switch-goals"]')
    await goals().get('[data-test="section-private-all"]').trigger('click')
    await eventually(() => {
      expect(goals().get('[data-test="section-question"]').text()).toBe('3 ting bliver private.')
    })
    expect(goals().get('[data-test="section-sent-note"]').text()).toContain(
      'bliver på medarbejderens telefon',
    )
    await goals().get('[data-test="section-cancel"]').trigger('click')
    await eventually(() => {
      expect(goals().find('[data-test="section-confirm"]').exists()).toBe(false)
    })
    expect(useRecordsStore().live.filter((record) => record.shared)).toHaveLength(3)
    await goals().get('[data-test="section-private-all"]').trigger('click')
    await eventually(() => goals().get('[data-test="section-yes"]'))
    await goals().get('[data-test="section-yes"]').trigger('click')
    await eventually(() => {
      expect(useRecordsStore().live.filter((record) => record.shared)).toHaveLength(0)
    })
    await settled(wrapper, '3 ting er gjort private.')
  })
})
