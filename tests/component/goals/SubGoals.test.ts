import { describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { sortByOrder } from '@/domain/goals'
import { useRecordsStore } from '@/stores/records'
import { useUndoStore } from '@/stores/undo'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { reopenVault, storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

async function goalOnly(records: Records) {
  await storePlan(records)
  const area = await records.create('focusArea', {
    catalogKey: 'educationWork',
    icon: 'briefcase',
    phases: [1],
    order: 0,
  })
  return records.create('goal', {
    focusAreaId: area.id,
    title: 'Et job i en butik',
    status: 'onTheWay',
    order: 0,
  })
}

const steps = () => sortByOrder(useRecordsStore().byKind('subGoal'))
const titles = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-test="step"] .step__title').map((title) => title.text())

async function addStep(wrapper: VueWrapper, title: string, due = ''): Promise<void> {
  const before = steps().length
  await wrapper.get('#step-new-title').setValue(title)
  await wrapper.get('#step-new-due').setValue(due)
  await wrapper.get('[data-test="step-new"]').trigger('submit')
  await eventually(() => {
    expect(steps()).toHaveLength(before + 1)
  })
}

describe('Sub-goals', () => {
  it('adds small steps with an optional date, and asks for words when there are none', async () => {
    const app = await mountPlanApp({ seed: goalOnly, path: (goal) => `/plan/goals/${goal.id}` })
    const { wrapper } = app
    await settled(wrapper, 'Ingen trin endnu.')

    await wrapper.get('[data-test="step-new"]').trigger('submit')
    await settled(wrapper, 'Skriv noget her.')
    expect(wrapper.get('#step-new-title').attributes('aria-invalid')).toBe('true')
    expect(steps()).toEqual([])

    await addStep(wrapper, 'Skrive et CV', '2026-12-01')
    await addStep(wrapper, 'Spørge i tre butikker')
    await addStep(wrapper, 'Øve samtalen med Lene')
    await eventually(() => {
      expect(titles(wrapper)).toEqual(['Skrive et CV', 'Spørge i tre butikker', 'Øve samtalen med Lene'])
    })
    expect(wrapper.text()).toContain('Dato: 1. december 2026')
    expect(wrapper.text()).toContain('0 af 3 trin er gjort')
    expect(steps().map((step) => step.due)).toEqual(['2026-12-01', undefined, undefined])
    expect(wrapper.text()).not.toContain('Skriv noget her.')
  })

  it('marks a step done on today’s date and offers an undo; progress shows as steps done', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        const goal = await goalOnly(records)
        for (const [order, title] of ['Skrive et CV', 'Spørge i tre butikker', 'Øve samtalen'].entries()) {
          await records.create('subGoal', { goalId: goal.id, title, done: false, order })
        }
        return goal
      },
      path: (goal) => `/plan/goals/${goal.id}`,
    })
    const { wrapper } = app
    await settled(wrapper, '0 af 3 trin er gjort')

    await wrapper.get<HTMLInputElement>('[data-test="step-done-0"]').setValue(true)
    await settled(wrapper, '1 af 3 trin er gjort')
    expect(steps()[0]).toMatchObject({ title: 'Skrive et CV', done: true, doneAt: '2026-11-23' })
    expect(wrapper.text()).toContain('Gjort 23. november 2026')
    await settled(wrapper, 'Trinnet er markeret som gjort.')

    await wrapper.get('[data-test="undo"]').trigger('click')
    await settled(wrapper, '0 af 3 trin er gjort')
    expect(steps()[0]).toMatchObject({ done: false })
    expect(steps()[0]?.doneAt).toBeUndefined()
    expect(wrapper.get<HTMLInputElement>('[data-test="step-done-0"]').element.checked).toBe(false)

    await wrapper.get<HTMLInputElement>('[data-test="step-done-2"]').setValue(true)
    await settled(wrapper, 'Trinnet er markeret som gjort.')
    // The offer belongs to this screen: it ends when the citizen goes elsewhere.
    await app.router.push('/activities')
    await settled(wrapper, 'Ny aktivitet')
    expect(wrapper.find('[data-test="undo-bar"]').exists()).toBe(false)
    expect(useUndoStore().offer).toBeNull()
    app.router.back()
    await settled(wrapper, '1 af 3 trin er gjort')
    await reopenVault()
    await settled(wrapper, '1 af 3 trin er gjort')
    expect(wrapper.get<HTMLInputElement>('[data-test="step-done-2"]').element.checked).toBe(true)
  })

  it('moves steps up and down, changes one, and deletes one with an undo', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        const goal = await goalOnly(records)
        for (const [order, title] of ['A', 'B', 'C'].entries())
          await records.create('subGoal', { goalId: goal.id, title: `Trin ${title}`, done: false, order })
        return goal
      },
      path: (goal) => `/plan/goals/${goal.id}`,
    })
    const { wrapper } = app
    await settled(wrapper, 'Trin C')
    const idOf = (title: string) => steps().find((step) => step.title === title)?.id ?? ''

    await wrapper.get(`#move-down-${idOf('Trin A')}`).trigger('click')
    await eventually(() => {
      expect(titles(wrapper)).toEqual(['Trin B', 'Trin A', 'Trin C'])
    })
    await settled(wrapper, 'Flyttet til plads 2 af 3.')
    expect(document.activeElement?.id).toBe(`move-down-${idOf('Trin A')}`)
    await wrapper.get(`#move-up-${idOf('Trin C')}`).trigger('click')
    await eventually(() => {
      expect(steps().map((step) => step.title)).toEqual(['Trin B', 'Trin C', 'Trin A'])
    })

    await wrapper.get(`#step-edit-button-${idOf('Trin C')}`).trigger('click')
    const editTitle = `#step-edit-${idOf('Trin C')}-title`
    await eventually(() => {
      expect(document.activeElement?.id).toBe(editTitle.slice(1))
    })
    await wrapper.get(editTitle).setValue('Trin C, kortere')
    await wrapper.get(`#step-edit-${idOf('Trin C')}-due`).setValue('2027-01-04')
    await wrapper.get('[data-test="step-edit"]').trigger('submit')
    await eventually(() => {
      expect(titles(wrapper)).toEqual(['Trin B', 'Trin C, kortere', 'Trin A'])
    })
    expect(steps()[1]?.due).toBe('2027-01-04')

    await wrapper.get('[data-test="step-remove-0"]').trigger('click')
    await settled(wrapper, 'Trinnet er slettet.')
    expect(titles(wrapper)).toEqual(['Trin C, kortere', 'Trin A'])
    await wrapper.get('[data-test="undo"]').trigger('click')
    await eventually(() => {
      expect(titles(wrapper)).toEqual(['Trin B', 'Trin C, kortere', 'Trin A'])
    })

    await reopenVault()
    await eventually(() => {
      expect(titles(wrapper)).toEqual(['Trin B', 'Trin C, kortere', 'Trin A'])
    })
  })
})
