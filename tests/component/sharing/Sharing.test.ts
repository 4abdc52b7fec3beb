/**
 * The sharing screens (src/features/sharing): the preview shows exactly the projection by
 * section, what waits for its parent apart, and nothing private; ShareToggle is one tap with a
 * pressed state and the honest note on unsharing, and no control for what can never be shared.
 */
import { describe, expect, it } from 'vitest'
import { useRecordsStore } from '@/stores/records'
import { ShareToggle } from '@/features/sharing'
import { eventually, mountInApp, mountPlanApp, settled, type Records } from '../support/mount'
import { freshAppEachTest, storePlan } from '../support/fixtures'

freshAppEachTest()

async function seed(records: Records): Promise<void> {
  await storePlan(records, {
    safetyNotes: { keptSafeFrom: [{ id: crypto.randomUUID(), name: 'Kim Jensen' }] },
  })
  const area = await records.create('focusArea', {
    catalogKey: 'mentalHealth',
    phases: [1],
    order: 0,
    shared: true,
  })
  const goal = await records.create('goal', {
    focusAreaId: area.id,
    title: 'Sove bedre',
    status: 'onTheWay',
    order: 0,
    shared: true,
  })
  const hidden = await records.create('goal', {
    focusAreaId: area.id,
    title: 'Min hemmelighed',
    status: 'onTheWay',
    order: 1,
  })
  await records.create('subGoal', {
    goalId: goal.id,
    title: 'Gå i seng kl. 23',
    done: false,
    order: 0,
    shared: true,
  })
  await records.create('subGoal', {
    goalId: hidden.id,
    title: 'Venter på sit mål',
    done: false,
    order: 0,
    shared: true,
  })
  await records.create('contact', {
    name: 'Ali',
    networkKind: 'friend',
    closeness: 'close',
    shared: true,
  })
  await records.create('contact', {
    name: 'Kim Jensen',
    networkKind: 'other',
    closeness: 'distant',
    shared: true,
  })
}

describe('Hvad min medarbejder kan se', () => {
  it('says so when nothing is shared', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => storePlan(records),
      path: () => '/plan/sharing',
    })
    await settled(wrapper, 'Du deler ikke noget endnu. Alt er privat.')
  })

  it('shows exactly the shared records by section, what waits apart, and nothing private', async () => {
    const { wrapper } = await mountPlanApp({ seed, path: () => '/plan/sharing' })
    await settled(wrapper, 'Sove bedre')
    const goals = wrapper.get('[data-test="sharing-section-goals"]')
    expect(goals.findAll('[data-test="sharing-shown"]').map((item) => item.text())).toHaveLength(3)
    expect(goals.text()).toContain('Gå i seng kl. 23')
    expect(goals.get('[data-test="sharing-held-back"]').text()).toBe('Venter på sit mål')
    expect(wrapper.get('[data-test="sharing-section-network"]').text()).toContain('Ali')
    expect(wrapper.text()).not.toContain('Kim Jensen')
    expect(wrapper.text()).not.toContain('Min hemmelighed')
  })
})

describe('ShareToggle', () => {
  it('is one pressed-or-not button; the honest note only when the worker already had it', async () => {
    const wrapper = await mountInApp(ShareToggle, {
      props: {
        id: 'goal-1',
        shared: true,
        'onUpdate:shared': (shared: boolean) => wrapper.setProps({ shared }),
      },
    })
    const button = wrapper.get('[data-test="share-toggle-button"]')
    expect(button.attributes('aria-pressed')).toBe('true')
    expect(button.text()).toBe('Del med min medarbejder')
    await button.trigger('click')
    await eventually(() => {
      expect(button.attributes('aria-pressed')).toBe('false')
    })
    expect(wrapper.emitted('update:shared')).toEqual([[false]])
    // Never sent: nothing to say.
    expect(wrapper.get('[data-test="share-unshared-note"]').text()).toBe('')
    await wrapper.setProps({ sent: true })
    expect(wrapper.get('[data-test="share-unshared-note"]').text()).toContain(
      'bliver på medarbejderens telefon',
    )
    await wrapper.setProps({ shared: true })
    expect(wrapper.get('[data-test="share-unshared-note"]').text()).toBe('')
  })

  it('says what a shared record waits for', async () => {
    const wrapper = await mountInApp(ShareToggle, {
      props: { id: 'g', shared: true, waiting: 'sharing.waiting.focusArea' },
    })
    expect(wrapper.get('[data-test="share-waiting"]').text()).toBe('Venter på at fokusområdet deles')
    await wrapper.setProps({ shared: false })
    expect(wrapper.find('[data-test="share-waiting"]').exists()).toBe(false)
  })

  it('shows why instead of a control for a private contact', async () => {
    const wrapper = await mountInApp(ShareToggle, {
      props: { id: 'c', shared: false, never: 'private-contact' },
    })
    expect(wrapper.find('[data-test="share-toggle-button"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="share-never"]').text()).toBe('En privat kontakt bliver aldrig delt.')
  })
})

describe('sharing where the thing is', () => {
  it('shares a goal from its own screen, stores it, and the preview then shows it', async () => {
    const { wrapper, router, seeded } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        const area = await records.create('focusArea', { catalogKey: 'housing', phases: [1], order: 0 })
        return records.create('goal', {
          focusAreaId: area.id,
          title: 'Egen bolig',
          status: 'onTheWay',
          order: 0,
        })
      },
      path: (goal) => `/plan/goals/${goal.id}`,
    })
    await settled(wrapper, 'Egen bolig')
    const button = wrapper.get('[data-test="share-toggle-button"]')
    expect(button.attributes('aria-pressed')).toBe('false')
    await button.trigger('click')
    await eventually(() => {
      expect(useRecordsStore().get(seeded.id)?.shared).toBe(true)
    })
    expect(wrapper.get('[data-test="share-toggle-button"]').attributes('aria-pressed')).toBe('true')
    await router.push('/plan/sharing')
    // The area is still private, so the goal waits for it; sharing the area sends both.
    await settled(wrapper, 'Egen bolig')
    expect(wrapper.get('[data-test="sharing-held-back"]').text()).toBe('Egen bolig')
  })

  it('a contact kept private shows why, and has no control', async () => {
    const { wrapper } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        return records.create('contact', {
          name: 'Mor',
          networkKind: 'family',
          closeness: 'close',
          safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
        })
      },
      path: (contact) => `/plan/network/${contact.id}`,
    })
    await settled(wrapper, 'Mor')
    expect(wrapper.find('[data-test="share-toggle-button"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="share-never"]').text()).toBe('En privat kontakt bliver aldrig delt.')
  })
})
