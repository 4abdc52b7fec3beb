import { describe, expect, it } from 'vitest'
import { useRecordsStore } from '@/stores/records'
import type { Goal } from '@/schemas'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { reopenVault, storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

async function areaWithGoal(records: Records) {
  await storePlan(records)
  const area = await records.create('focusArea', {
    catalogKey: 'housing',
    icon: 'home',
    phases: [1],
    order: 0,
  })
  const goal = await records.create('goal', {
    focusAreaId: area.id,
    title: 'En bolig, hvor børnene kan sove',
    why: 'Ro',
    status: 'notStarted',
    order: 0,
  })
  return { area, goal }
}

const goals = (): readonly Goal[] => useRecordsStore().byKind('goal')

describe('Adding goals to a focus area', () => {
  it('asks for a title, then adds goals in the citizen’s words at the end of the list, kept after a lock', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        return records.create('focusArea', { catalogKey: 'economy', icon: 'coins', phases: [1], order: 0 })
      },
      path: (area) => `/plan/areas/${area.id}`,
    })
    const { wrapper, seeded } = app
    await settled(wrapper, 'Nyt mål')
    expect(wrapper.get('h1').text()).toBe('Økonomi')
    expect(document.activeElement).toBe(wrapper.get('h1').element)

    await wrapper.get('[data-test="goal-new"]').trigger('submit')
    await settled(wrapper, 'Skriv noget her.')
    expect(document.activeElement?.id).toBe('new-goal-title')
    expect(wrapper.get('#new-goal-title').attributes('aria-describedby')).toBe(
      'new-goal-title-help new-goal-title-error',
    )
    expect(goals()).toEqual([])

    await wrapper.get('#new-goal-title').setValue(' Få styr på min gæld ')
    await wrapper.get('#new-goal-why').setValue('Så jeg kan sove om natten.')
    await wrapper.get('[data-test="goal-new"]').trigger('submit')
    await eventually(() => {
      expect(goals()).toHaveLength(1)
    })
    await wrapper.get('#new-goal-title').setValue('Lave et budget')
    await wrapper.get('[data-test="goal-new"]').trigger('submit')
    await eventually(() => {
      expect(goals()).toHaveLength(2)
    })

    const list = () =>
      wrapper
        .get('[data-test="goal-list"]')
        .findAll('li')
        .map((item) => item.get('.goal-summary__title').text())
    await eventually(() => {
      expect(list()).toEqual(['Få styr på min gæld', 'Lave et budget'])
    })
    expect(wrapper.get('[data-test="goal-list"]').text()).toContain('Ikke begyndt')
    expect(wrapper.get('[data-test="goal-list"]').text()).toContain('Ingen trin endnu')
    expect(wrapper.get<HTMLInputElement>('#new-goal-title').element.value).toBe('')
    expect(goals().find((goal) => goal.title === 'Få styr på min gæld')).toMatchObject({
      focusAreaId: seeded.id,
      why: 'Så jeg kan sove om natten.',
      status: 'notStarted',
    })

    // Move the second goal up: the list and the stored order follow.
    await wrapper
      .get(`#move-up-${goals().find((goal) => goal.title === 'Lave et budget')?.id ?? ''}`)
      .trigger('click')
    await eventually(() => {
      expect(list()).toEqual(['Lave et budget', 'Få styr på min gæld'])
    })
    await reopenVault()
    await eventually(() => {
      expect(list()).toEqual(['Lave et budget', 'Få styr på min gæld'])
    })
  })
})

describe('Editing a goal', () => {
  it('changes its words, why and status; “let go” is explained as a choice; kept after a lock', async () => {
    const app = await mountPlanApp({ seed: areaWithGoal, path: ({ goal }) => `/plan/goals/${goal.id}` })
    const { wrapper, seeded } = app
    await settled(wrapper, 'Ret målet')
    expect(wrapper.get('h1').text()).toBe('En bolig, hvor børnene kan sove')
    expect(wrapper.text()).toContain(
      '«Sluppet» betyder, at du har valgt at bruge dine kræfter på noget andet. Det er ikke et nederlag.',
    )
    expect(wrapper.get('[data-test="back-to-area"]').text()).toContain('Bolig')

    await wrapper.get('#goal-edit-title').setValue('')
    await wrapper.get('[data-test="goal-edit"]').trigger('submit')
    await settled(wrapper, 'Skriv noget her.')
    expect(goals()[0]?.title).toBe('En bolig, hvor børnene kan sove')

    await wrapper.get('#goal-edit-title').setValue('En lejlighed tæt på skolen')
    await wrapper.get('#goal-edit-why').setValue('')
    await wrapper.get('[data-test="status-letGo"]').setValue(true)
    await wrapper.get('[data-test="goal-edit"]').trigger('submit')
    await settled(wrapper, 'Gemt.')
    expect(wrapper.text()).not.toContain('Skriv noget her.')
    const saved = goals()[0]
    expect(saved).toMatchObject({ id: seeded.goal.id, title: 'En lejlighed tæt på skolen', status: 'letGo' })
    expect(saved && 'why' in saved).toBe(false)

    await reopenVault()
    await settled(wrapper, 'En lejlighed tæt på skolen')
    expect(wrapper.get('h1').text()).toBe('En lejlighed tæt på skolen')
    expect(wrapper.text()).toContain('Sluppet')
  })

  it('deletes a goal with its steps, and Undo on the focus area brings everything back', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        const seeded = await areaWithGoal(records)
        await records.create('subGoal', {
          goalId: seeded.goal.id,
          title: 'Søge boligstøtte',
          done: false,
          order: 0,
        })
        await records.create('subGoal', { goalId: seeded.goal.id, title: 'Skrive op', done: true, order: 1 })
        await records.create('note', {
          target: { kind: 'goal', id: seeded.goal.id },
          text: 'Snakkede med Mette.',
        })
        return seeded
      },
      path: ({ goal }) => `/plan/goals/${goal.id}`,
    })
    const { wrapper, router, seeded } = app
    await settled(wrapper, '1 af 2 trin er gjort')
    await wrapper.get('[data-test="goal-remove"]').trigger('click')
    await eventually(() => {
      expect(router.currentRoute.value.fullPath).toBe(`/plan/areas/${seeded.area.id}`)
    })
    await settled(wrapper, 'Målet og 2 trin er slettet.')
    expect(goals()).toEqual([])
    expect(useRecordsStore().byKind('subGoal')).toEqual([])
    expect(useRecordsStore().byKind('note')).toEqual([])

    await wrapper.get('[data-test="undo"]').trigger('click')
    await settled(wrapper, 'En bolig, hvor børnene kan sove')
    expect(useRecordsStore().byKind('subGoal')).toHaveLength(2)
    expect(useRecordsStore().byKind('note')).toHaveLength(1)
    expect(wrapper.text()).toContain('1 af 2 trin er gjort')
  })

  it('speaks English', async () => {
    const app = await mountPlanApp({
      seed: areaWithGoal,
      path: ({ goal }) => `/plan/goals/${goal.id}`,
      locale: 'en',
    })
    const { wrapper } = app
    await settled(wrapper, 'Change the goal')
    expect(wrapper.text()).toContain(
      '“Let go” means you chose to use your energy on something else. It is not a failure.',
    )
    expect(wrapper.text()).toContain('No steps yet')
    expect(wrapper.text()).toContain('Why this matters to me')
  })
})
