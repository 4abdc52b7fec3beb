import { afterEach, describe, expect, it } from 'vitest'
import HomeThingItem from '@/features/home/HomeThingItem.vue'
import type { ThingToDo } from '@/domain/home'
import { mountInApp, unmountAll } from '../support/mount'

afterEach(() => {
  unmountAll()
})

const thing: ThingToDo = {
  id: 'step-1',
  kind: 'subGoal',
  title: 'Søge boligstøtte',
  goalId: 'goal-1',
  due: null,
  time: null,
  overdue: false,
  dueToday: false,
  repeat: 'none',
  priority: 'now',
}

describe('HomeThingItem', () => {
  it('ticks once, names the thing, and clears the tick when the save failed', async () => {
    const wrapper = await mountInApp(HomeThingItem, { props: { thing }, route: '/' })
    const box = wrapper.get<HTMLInputElement>('[data-test="next-thing-done"]')
    expect(box.attributes('aria-describedby')).toBe('todo-step-1-title')
    await box.setValue(true)
    const done = wrapper.emitted('done')
    expect(done).toHaveLength(1)
    expect(box.element.checked).toBe(true)
    const [emittedThing, untick] = done?.[0] as [ThingToDo, () => void]
    expect(emittedThing).toBe(thing)
    untick()
    await wrapper.vm.$nextTick()
    expect(box.element.checked).toBe(false)
  })
})
