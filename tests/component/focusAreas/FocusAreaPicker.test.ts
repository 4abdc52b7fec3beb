import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { iconNames } from '@/domain/focusAreas'
import { iconPaths } from '@/components/AppIcon.vue'
import { useRecordsStore } from '@/stores/records'
import { day } from '../../factories/records'
import { eventually, mountPlanApp, settled } from '../support/mount'
import { reopenVault, storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

const checkbox = (wrapper: VueWrapper, key: string) =>
  wrapper.get<HTMLInputElement>(`[data-test="area-${key}"]`)
const areas = () => useRecordsStore().byKind('focusArea')

async function tick(wrapper: VueWrapper, key: string, on = true): Promise<void> {
  await checkbox(wrapper, key).setValue(on)
}

describe('Focus-area picker', () => {
  it('offers the transition’s areas with icons, advises about three and only notes a fourth', async () => {
    const app = await mountPlanApp({ seed: (records) => storePlan(records), path: () => '/plan/areas' })
    const { wrapper } = app
    await settled(wrapper, 'Vælg fokusområder')
    expect(wrapper.text()).toContain(
      'CTI virker bedst med omkring tre områder. Du kan ændre dem ved næste fase.',
    )
    expect(wrapper.text()).toContain('Til fase 1')
    // Homelessness: keeping the new home comes first.
    const labels = wrapper.findAll('.form-checks__label').map((label) => label.text())
    expect(labels.slice(0, 3)).toEqual(['Bolig', 'Økonomi', 'Netværk'])
    expect(wrapper.findAll('.form-checks__item').every((row) => row.find('svg.app-icon').exists())).toBe(true)
    expect(wrapper.get('[data-test="area-count"]').text()).toBe('Du har valgt 0 områder.')

    for (const key of ['housing', 'economy', 'network']) await tick(wrapper, key)
    await eventually(() => {
      expect(wrapper.get('[data-test="area-count"]').text()).toBe('Du har valgt 3 områder.')
    })
    expect(wrapper.find('[data-test="area-note"]').exists()).toBe(false)

    await tick(wrapper, 'mentalHealth')
    await eventually(() => {
      expect(wrapper.get('[data-test="area-count"]').text()).toBe('Du har valgt 4 områder.')
    })
    expect(wrapper.get('[data-test="area-note"]').text()).toContain(
      'Du har valgt flere end tre. Det er i orden.',
    )
    // A note, never a block: the fourth is chosen and stored.
    expect(checkbox(wrapper, 'mentalHealth').element.checked).toBe(true)
    expect(
      areas()
        .map((area) => area.catalogKey)
        .sort(),
    ).toEqual(['economy', 'housing', 'mentalHealth', 'network'])
    expect(areas().every((area) => area.phases.join() === '1')).toBe(true)

    await reopenVault()
    await eventually(() => {
      expect(wrapper.get('[data-test="area-count"]').text()).toBe('Du har valgt 4 områder.')
    })
    expect(checkbox(wrapper, 'network').element.checked).toBe(true)
    expect(checkbox(wrapper, 'physicalHealth').element.checked).toBe(false)
  })

  it('keeps the rest of the catalogue under “more”, open when one of them is chosen', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records, { targetGroup: 'psychiatry' })
        await records.create('focusArea', { catalogKey: 'children', icon: 'child', phases: [1], order: 0 })
      },
      path: () => '/plan/areas',
    })
    const { wrapper } = app
    await settled(wrapper, 'Flere områder')
    // A used key from outside the catalogue stays in view with the offered areas.
    expect(wrapper.get('fieldset').text()).toContain('Mine børns trivsel')
    const more = wrapper.get('details')
    expect(more.text()).toContain('Tryghed og sikkerhed')
    expect(more.attributes('open')).toBeUndefined()
  })

  it('takes an area in the citizen’s own words, with messages for empty and repeated names', async () => {
    const app = await mountPlanApp({ seed: (records) => storePlan(records), path: () => '/plan/areas' })
    const { wrapper } = app
    await settled(wrapper, 'Skriv dit eget område')
    const input = wrapper.get<HTMLInputElement>('#own-area-title')

    await wrapper.get('form.own-area').trigger('submit')
    await settled(wrapper, 'Skriv noget her.')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toContain('own-area-title-error')
    expect(wrapper.get('#own-area-title-error').attributes('role')).toBe('alert')
    expect(areas()).toEqual([])

    await input.setValue('  Min hund ')
    await wrapper.get('form.own-area').trigger('submit')
    await eventually(() => {
      expect(areas().map((area) => area.title)).toEqual(['Min hund'])
    })
    expect(wrapper.text()).not.toContain('Skriv noget her.')
    expect(input.element.value).toBe('')
    expect(wrapper.text()).toContain('Dine egne områder')
    const own = areas()[0]
    expect(own).toMatchObject({ icon: 'flag', phases: [1] })
    expect(checkbox(wrapper, own?.id ?? '').element.checked).toBe(true)

    await input.setValue('min HUND')
    await wrapper.get('form.own-area').trigger('submit')
    await settled(wrapper, 'Du har allerede et område med det navn.')
    expect(areas()).toHaveLength(1)
  })

  it('taking off an area deletes its goals, and Undo brings them back', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        const area = await records.create('focusArea', {
          catalogKey: 'economy',
          icon: 'coins',
          phases: [1],
          order: 0,
        })
        const goal = await records.create('goal', {
          focusAreaId: area.id,
          title: 'Betale min gæld',
          status: 'onTheWay',
          order: 0,
        })
        await records.create('subGoal', { goalId: goal.id, title: 'Ring til banken', done: false, order: 0 })
        return { area, goal }
      },
      path: () => '/plan/areas',
    })
    const { wrapper, seeded } = app
    await settled(wrapper, '1 mål')
    await tick(wrapper, 'economy', false)
    await settled(wrapper, 'Området og 1 mål er fjernet.')
    expect(areas()).toEqual([])
    expect(useRecordsStore().byKind('goal')).toEqual([])
    expect(useRecordsStore().byKind('subGoal')).toEqual([])
    expect(wrapper.get('[data-test="undo-bar"]').element.closest('[role="status"]')).not.toBeNull()

    await wrapper.get('[data-test="undo"]').trigger('click')
    await eventually(() => {
      expect(areas().map((area) => area.id)).toEqual([seeded.area.id])
    })
    expect(
      useRecordsStore()
        .byKind('goal')
        .map((goal) => goal.id),
    ).toEqual([seeded.goal.id])
    expect(useRecordsStore().byKind('subGoal')).toHaveLength(1)
    expect(checkbox(wrapper, 'economy').element.checked).toBe(true)
    expect(wrapper.find('[data-test="undo-bar"]').exists()).toBe(false)
  })

  it('in phase 2, an area from phase 1 is offered again and keeps its goals; phase 1 stays visible on the plan', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        // Day 1 on 1 July: phase 2 runs from 1 October to 31 December.
        await storePlan(records, { contactStart: day('2026-06-01'), transitionDate: day('2026-07-01') })
        const housing = await records.create('focusArea', {
          catalogKey: 'housing',
          icon: 'home',
          phases: [1],
          order: 0,
        })
        await records.create('focusArea', { catalogKey: 'network', icon: 'people', phases: [1], order: 1 })
        await records.create('goal', {
          focusAreaId: housing.id,
          title: 'Holde styr på huslejen',
          status: 'onTheWay',
          order: 0,
        })
        return housing
      },
      path: () => '/plan/areas',
    })
    const { wrapper, router, seeded } = app
    await settled(wrapper, 'Til fase 2')
    expect(wrapper.get('[data-test="area-count"]').text()).toBe('Du har valgt 0 områder.')
    expect(checkbox(wrapper, 'housing').element.checked).toBe(false)

    await tick(wrapper, 'housing')
    await eventually(() => {
      expect(wrapper.get('[data-test="area-count"]').text()).toBe('Du har valgt 1 område.')
    })
    expect(areas().find((area) => area.id === seeded.id)?.phases).toEqual([1, 2])
    expect(areas()).toHaveLength(2)

    await router.push('/plan')
    await settled(wrapper, 'Dine fokusområder i fase 2')
    expect(wrapper.findAll('[data-test="area-card"]').map((card) => card.find('h2').text())).toEqual([
      'Bolig',
    ])
    expect(wrapper.text()).toContain('Holde styr på huslejen')
    const history = wrapper.get('[data-test="area-history"]')
    expect(history.text()).toContain('Tidligere faser')
    expect(history.text()).toContain('Fase 1')
    expect(history.findAll('li').map((item) => item.text())).toEqual(['Bolig', 'Netværk'])
  })

  it('speaks English', async () => {
    const app = await mountPlanApp({
      seed: (records) => storePlan(records, { targetGroup: 'shelter' }),
      path: () => '/plan/areas',
      locale: 'en',
    })
    const { wrapper } = app
    await settled(wrapper, 'Choose focus areas')
    expect(wrapper.text()).toContain(
      'CTI works best with about three areas. You can change them at the next phase.',
    )
    // The change compass comes first for women leaving a shelter: safety, then caring for herself.
    expect(
      wrapper
        .findAll('.form-checks__label')
        .map((label) => label.text())
        .slice(0, 2),
    ).toEqual(['Safety', 'Taking care of myself'])
    expect(wrapper.text()).toContain('My children’s wellbeing')
    await tick(wrapper, 'safety')
    await eventually(() => {
      expect(wrapper.get('[data-test="area-count"]').text()).toBe('You have chosen 1 area.')
    })
  })

  it('has a drawn icon for every focus-area icon name', () => {
    expect(iconNames.filter((name) => !(name in iconPaths))).toEqual([])
  })
})
