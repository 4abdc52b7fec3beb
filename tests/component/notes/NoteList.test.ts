import { describe, expect, it } from 'vitest'
import { useRecordsStore } from '@/stores/records'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { reopenVault, storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

async function goal(records: Records) {
  await storePlan(records)
  const area = await records.create('focusArea', {
    catalogKey: 'mentalHealth',
    icon: 'mind',
    phases: [1],
    order: 0,
  })
  return records.create('goal', { focusAreaId: area.id, title: 'Sove bedre', status: 'onTheWay', order: 0 })
}

const notes = () => useRecordsStore().byKind('note')

describe('Notes', () => {
  it('adds a short note to a goal as written, asks for text when empty, deletes with an undo', async () => {
    const app = await mountPlanApp({ seed: goal, path: (seeded) => `/plan/goals/${seeded.id}` })
    const { wrapper, seeded } = app
    await settled(wrapper, 'Skriv kort, hvad der virkede, og hvad der var svært.')
    const form = wrapper.get('[data-test="notes"] form')
    const text = wrapper.get('[data-test="note-text"]')

    await text.setValue('   ')
    await form.trigger('submit')
    await settled(wrapper, 'Skriv noget her.')
    expect(text.attributes('aria-invalid')).toBe('true')
    expect(notes()).toEqual([])

    await text.setValue('Det hjalp at gå en tur.\nKaffe om aftenen var svært.')
    await form.trigger('submit')
    await eventually(() => {
      expect(notes()).toHaveLength(1)
    })
    expect(notes()[0]).toMatchObject({
      target: { kind: 'goal', id: seeded.id },
      text: 'Det hjalp at gå en tur.\nKaffe om aftenen var svært.',
      shared: false,
    })
    await settled(wrapper, 'Skrevet 23. november 2026')
    expect(wrapper.get('.note__text').text()).toContain('Kaffe om aftenen var svært.')

    await reopenVault()
    await settled(wrapper, 'Det hjalp at gå en tur.')

    await wrapper.get('[data-test="note-remove"]').trigger('click')
    await settled(wrapper, 'Noten er slettet.')
    expect(notes()).toEqual([])
    await wrapper.get('[data-test="undo"]').trigger('click')
    await eventually(() => {
      expect(notes()).toHaveLength(1)
    })
    await settled(wrapper, 'Det hjalp at gå en tur.')
  })

  it('notes on an activity stay with that activity', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        const first = await records.create('activity', {
          title: 'Motion',
          repeat: 'none',
          priority: 'now',
          done: false,
        })
        const other = await records.create('activity', {
          title: 'Andet',
          repeat: 'none',
          priority: 'now',
          done: false,
        })
        await records.create('note', {
          target: { kind: 'activity', id: other.id },
          text: 'Hører til den anden.',
        })
        return first
      },
      path: (first) => `/activities/${first.id}`,
      locale: 'en',
    })
    const { wrapper, seeded } = app
    await settled(wrapper, 'Write briefly what worked and what was hard.')
    expect(wrapper.text()).not.toContain('Hører til den anden.')
    await wrapper.get('[data-test="note-text"]').setValue('Easier in the morning.')
    await wrapper.get('[data-test="notes"] form').trigger('submit')
    await eventually(() => {
      expect(
        notes()
          .filter((note) => note.target.id === seeded.id)
          .map((note) => note.text),
      ).toEqual(['Easier in the morning.'])
    })
    await settled(wrapper, 'Easier in the morning.')
  })
})
