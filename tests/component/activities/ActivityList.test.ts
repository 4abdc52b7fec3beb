import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { useRecordsStore } from '@/stores/records'
import { day } from '../../factories/records'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { reopenVault, storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

async function threeActivities(records: Records) {
  await storePlan(records)
  const area = await records.create('focusArea', {
    catalogKey: 'network',
    icon: 'people',
    phases: [1],
    order: 0,
  })
  const goal = await records.create('goal', {
    focusAreaId: area.id,
    title: 'Se min søster igen',
    status: 'onTheWay',
    order: 0,
  })
  const call = await records.create('activity', {
    title: 'Ringe til min søster',
    goalId: goal.id,
    date: day('2026-11-25'),
    time: '18:00',
    repeat: 'none',
    helper: { name: 'Mette' },
    priority: 'now',
    done: false,
  })
  const walk = await records.create('activity', {
    title: 'Gåtur med naboen',
    date: day('2026-11-05'),
    repeat: 'weekly',
    place: 'Parken',
    priority: 'now',
    done: false,
  })
  const course = await records.create('activity', {
    title: 'Madlavningskursus',
    repeat: 'none',
    priority: 'later',
    done: false,
  })
  return { call, walk, course }
}

const section = (wrapper: VueWrapper, name: string) => wrapper.find(`[data-test="activities-${name}"]`)
const titlesIn = (wrapper: VueWrapper, name: string) =>
  section(wrapper, name).exists()
    ? section(wrapper, name)
        .findAll('.activity-item__title')
        .map((title) => title.text())
    : []

describe('Activity plan', () => {
  it('lists now and later, each with when, where, who helps and which goal', async () => {
    const app = await mountPlanApp({ seed: threeActivities, path: () => '/activities' })
    const { wrapper } = app
    await settled(wrapper, 'Ringe til min søster')
    // The weekly walk is on Thursdays from 5 November: next on 26 November, after the call on the 25th.
    expect(titlesIn(wrapper, 'now')).toEqual(['Ringe til min søster', 'Gåtur med naboen'])
    expect(titlesIn(wrapper, 'later')).toEqual(['Madlavningskursus'])
    const now = section(wrapper, 'now').text()
    expect(now).toContain('25. november 2026 kl. 18:00')
    expect(now).toContain('Næste gang 26. november 2026')
    expect(now).toContain('Hver uge')
    expect(now).toContain('Parken')
    expect(now).toContain('Mette')
    expect(now).toContain('Se min søster igen')
    expect(section(wrapper, 'later').text()).toContain('Ingen dato')
  })

  it('marks an activity done with an undo, and keeps it done after a lock', async () => {
    const app = await mountPlanApp({ seed: threeActivities, path: () => '/activities' })
    const { wrapper } = app
    await settled(wrapper, 'Ringe til min søster')
    await section(wrapper, 'now').get('[data-test="activity-item-done"]').setValue(true)
    await settled(wrapper, 'Aktiviteten er markeret som gjort.')
    expect(titlesIn(wrapper, 'done')).toEqual(['Ringe til min søster'])
    expect(titlesIn(wrapper, 'now')).toEqual(['Gåtur med naboen'])

    await wrapper.get('[data-test="undo"]').trigger('click')
    await eventually(() => {
      expect(titlesIn(wrapper, 'now')).toEqual(['Ringe til min søster', 'Gåtur med naboen'])
    })
    expect(section(wrapper, 'done').exists()).toBe(false)

    await section(wrapper, 'later').get('[data-test="activity-item-done"]').setValue(true)
    await eventually(() => {
      expect(titlesIn(wrapper, 'done')).toEqual(['Madlavningskursus'])
    })
    await reopenVault()
    await eventually(() => {
      expect(titlesIn(wrapper, 'done')).toEqual(['Madlavningskursus'])
    })
  })

  it('deleting an activity goes back to the list, where Undo brings it back with its notes', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        const seeded = await threeActivities(records)
        await records.create('note', {
          target: { kind: 'activity', id: seeded.call.id },
          text: 'Hun tog ikke telefonen.',
        })
        return seeded
      },
      path: ({ call }) => `/activities/${call.id}`,
    })
    const { wrapper, router } = app
    await settled(wrapper, 'Hun tog ikke telefonen.')
    await wrapper.get('[data-test="activity-remove"]').trigger('click')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('activities')
    })
    await settled(wrapper, 'Aktiviteten er slettet.')
    expect(titlesIn(wrapper, 'now')).toEqual(['Gåtur med naboen'])
    expect(useRecordsStore().byKind('note')).toEqual([])

    await wrapper.get('[data-test="undo"]').trigger('click')
    await eventually(() => {
      expect(titlesIn(wrapper, 'now')).toEqual(['Ringe til min søster', 'Gåtur med naboen'])
    })
    expect(
      useRecordsStore()
        .byKind('note')
        .map((note) => note.text),
    ).toEqual(['Hun tog ikke telefonen.'])
  })

  it('says so when there are no activities, in English too', async () => {
    const app = await mountPlanApp({
      seed: (records) => storePlan(records),
      path: () => '/activities',
      locale: 'en',
    })
    await settled(app.wrapper, 'You have no activities yet.')
    expect(app.wrapper.get('h1').text()).toBe('Activities')
  })
})
