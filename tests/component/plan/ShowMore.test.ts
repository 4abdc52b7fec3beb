import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { makeContact, makeFocusArea, makeGoal } from '../../factories/records'
import { mountPlanApp, settled, type Records } from '../support/mount'
import { freshAppEachTest, storePlan } from '../support/fixtures'

freshAppEachTest()

/** A plan with one focus area holding `count` goals, "Mål 1" … in that order. */
async function areaWithGoals(records: Records, count: number) {
  await storePlan(records)
  const area = makeFocusArea({ catalogKey: 'housing', phases: [1] })
  const goals = Array.from({ length: count }, (_, i) =>
    makeGoal({ focusAreaId: area.id, title: `Mål ${i + 1}`, status: 'notStarted', order: i }),
  )
  await records.saveMany([area, ...goals])
  return area
}

const showMore = (wrapper: VueWrapper) => wrapper.findAll('[data-test="show-more"]')

describe('Long lists a page at a time (issue #11)', () => {
  it('the goal list shows twenty goals and a button naming how many more; pressing it shows them and focuses the first new one', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => areaWithGoals(records, 23),
      path: (area) => `/plan/areas/${area.id}`,
    })
    await settled(wrapper, 'Mål 20')
    expect(wrapper.findAll('[data-test="goal-list"] > li')).toHaveLength(20)
    expect(wrapper.text()).not.toContain('Mål 21')
    const button = showMore(wrapper)
    expect(button).toHaveLength(1)
    expect(button[0]?.element.tagName).toBe('BUTTON')
    expect(button[0]?.text()).toBe('Vis flere (3 til)')

    await button[0]?.trigger('click')
    await settled(wrapper, 'Mål 23')
    expect(wrapper.findAll('[data-test="goal-list"] > li')).toHaveLength(23)
    expect(showMore(wrapper)).toHaveLength(0)
    expect(document.activeElement?.textContent).toBe('Mål 21')
  })

  it('the plan screen shows ten goals per area, the rest behind the button', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => areaWithGoals(records, 12),
      path: () => '/plan',
    })
    await settled(wrapper, 'Mål 10')
    expect(wrapper.text()).not.toContain('Mål 11')
    expect(showMore(wrapper)[0]?.text()).toBe('Vis flere (2 til)')
    await showMore(wrapper)[0]?.trigger('click')
    await settled(wrapper, 'Mål 12')
    expect(document.activeElement?.textContent).toBe('Mål 11')
  })

  it('the network list shows twenty people of a kind at a time', async () => {
    const { wrapper } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        await records.saveMany(
          Array.from({ length: 21 }, (_, i) =>
            makeContact({ name: `Person ${String(i + 1).padStart(2, '0')}`, networkKind: 'family' }),
          ),
        )
      },
      path: () => '/plan/network',
    })
    await settled(wrapper, 'Person 20')
    expect(wrapper.findAll('[data-test="network-group-family"] [data-contact]')).toHaveLength(20)
    expect(showMore(wrapper)[0]?.text()).toBe('Vis flere (1 til)')
    await showMore(wrapper)[0]?.trigger('click')
    await settled(wrapper, 'Person 21')
    expect(document.activeElement?.textContent.trim()).toBe('Person 21')
  })
})
