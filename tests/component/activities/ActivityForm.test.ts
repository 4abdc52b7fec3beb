import { describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { findProperty, parseIcs, unescapeIcsText } from '@/domain/ics'
import { useRecordsStore } from '@/stores/records'
import type { Activity } from '@/schemas'
import { day } from '../../factories/records'
import { eventually, mountPlanApp, settled, type Records } from '../support/mount'
import { reopenVault, storePlan, freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

async function planWithGoal(records: Records) {
  await storePlan(records)
  const area = await records.create('focusArea', {
    catalogKey: 'physicalHealth',
    icon: 'heart',
    phases: [1],
    order: 0,
  })
  return records.create('goal', {
    focusAreaId: area.id,
    title: 'Få en fast læge',
    status: 'onTheWay',
    order: 0,
  })
}

const activities = (): readonly Activity[] => useRecordsStore().byKind('activity')
const submit = (wrapper: VueWrapper) => wrapper.get('[data-test="activity-form"]').trigger('submit')

describe('Activity form', () => {
  it('says what is missing beside each field and puts focus on the first; saves nothing', async () => {
    const app = await mountPlanApp({ seed: planWithGoal, path: () => '/activities/new' })
    const { wrapper } = app
    await settled(wrapper, 'Ny aktivitet')
    await wrapper.get('#activity-time').setValue('10:00')
    await wrapper.get('#activity-repeat').setValue('weekly')
    await submit(wrapper)
    await settled(wrapper, 'Skriv noget her.')
    expect(wrapper.get('#activity-title-error').text()).toBe('Skriv noget her.')
    expect(wrapper.get('#activity-time-error').text()).toBe(
      'Vælg også en dato, når du skriver et klokkeslæt.',
    )
    expect(wrapper.get('#activity-repeat-error').text()).toBe('Vælg en dato for første gang.')
    expect(wrapper.get('#activity-time').attributes('aria-describedby')).toBe('activity-time-error')
    expect(wrapper.get('#activity-title').attributes('aria-invalid')).toBe('true')
    expect(document.activeElement?.id).toBe('activity-title')
    expect(activities()).toEqual([])

    await wrapper.get('#activity-title').setValue('Ringe til lægen')
    await wrapper.get('#activity-date').setValue('2026-12-01')
    await submit(wrapper)
    await eventually(() => {
      expect(activities()).toHaveLength(1)
    })
    expect(wrapper.find('#activity-title-error').exists()).toBe(false)
  })

  it('creates an activity with every field, keeps it after a lock, and edits clear what is emptied', async () => {
    const app = await mountPlanApp({ seed: planWithGoal, path: (goal) => `/activities/new?goal=${goal.id}` })
    const { wrapper, router, seeded: goal } = app
    await settled(wrapper, 'Hvad vil du gøre?')
    // Opened from the goal: the goal is chosen already.
    expect(wrapper.get<HTMLSelectElement>('#activity-goal').element.value).toBe(goal.id)
    expect(wrapper.get('#activity-goal optgroup').attributes('label')).toBe('Fysisk helbred')

    await wrapper.get('#activity-title').setValue('Møde hos lægen')
    await wrapper.get('#activity-date').setValue('2026-12-01')
    await wrapper.get('#activity-time').setValue('14:30')
    await wrapper.get('#activity-repeat').setValue('monthly')
    await wrapper.get('#activity-place').setValue('Lægehuset')
    await wrapper.get('#activity-helper').setValue('Mette')
    await wrapper.get('[data-test="priority-later"]').setValue(true)
    await submit(wrapper)
    await eventually(() => {
      expect(activities()).toHaveLength(1)
    })
    const [created] = activities()
    expect(created).toMatchObject({
      title: 'Møde hos lægen',
      goalId: goal.id,
      date: '2026-12-01',
      time: '14:30',
      repeat: 'monthly',
      place: 'Lægehuset',
      helper: { name: 'Mette' },
      priority: 'later',
      done: false,
    })
    await eventually(() => {
      expect(router.currentRoute.value.fullPath).toBe(`/activities/${created?.id ?? ''}`)
    })
    await settled(wrapper, 'Aktiviteten er gemt. Nu kan du lægge den i kalenderen.')
    expect(wrapper.get('h1').text()).toBe('Møde hos lægen')
    // Focus starts the saved activity's screen at its title.
    await eventually(() => {
      expect(document.activeElement).toBe(wrapper.get('h1').element)
    })

    await reopenVault()
    await eventually(() => {
      expect(wrapper.get<HTMLInputElement>('#activity-place').element.value).toBe('Lægehuset')
    })
    await wrapper.get('#activity-place').setValue('  ')
    await wrapper.get('#activity-helper').setValue('')
    await wrapper.get('#activity-goal').setValue('')
    await wrapper.get('[data-test="activity-done"]').setValue(true)
    await submit(wrapper)
    await settled(wrapper, 'Gemt.')
    const saved = activities()[0]
    expect(saved).toMatchObject({ id: created?.id, title: 'Møde hos lægen', done: true, time: '14:30' })
    for (const key of ['place', 'helper', 'goalId'] as const) expect(saved && key in saved).toBe(false)
  })

  it('keeps a helper from the network, and can switch to a written name', async () => {
    const contactId = crypto.randomUUID()
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        return records.create('activity', {
          title: 'Gå tur',
          repeat: 'none',
          priority: 'now',
          done: false,
          helper: { contactId },
        })
      },
      path: (activity) => `/activities/${activity.id}`,
    })
    const { wrapper } = app
    // The contact is not there (deleted, or from a merge): still chosen, and said plainly.
    await settled(wrapper, 'En, der er slettet fra netværket')
    expect((wrapper.get('#activity-helper-choice').element as HTMLSelectElement).value).toBe(contactId)
    await wrapper.get('#activity-title').setValue('Gå en lang tur')
    await submit(wrapper)
    await settled(wrapper, 'Gemt.')
    expect(activities()[0]?.helper).toEqual({ contactId })

    await wrapper.get('#activity-helper-choice').setValue('')
    await eventually(() => {
      expect(wrapper.find('#activity-helper').exists()).toBe(true)
    })
    await wrapper.get('#activity-helper').setValue('Naboen Ali')
    await submit(wrapper)
    await eventually(() => {
      expect(activities()[0]?.helper).toEqual({ name: 'Naboen Ali' })
    })
  })

  it('chooses who helps from the network, leaving private contacts out of the choice', async () => {
    const ids: string[] = []
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        const base = { focusAreaIds: [], goalIds: [], closeness: 'some' as const, closenessHistory: [] }
        const safety = { keepPrivate: false, hideAddress: false, mustNotTell: [] }
        ids.push(
          (await records.create('contact', { ...base, name: 'Mor', networkKind: 'family', safety })).id,
        )
        ids.push(
          (
            await records.create('contact', {
              ...base,
              name: 'Sanne',
              networkKind: 'friend',
              safety: { ...safety, keepPrivate: true },
            })
          ).id,
        )
        return null
      },
      path: () => '/activities/new',
    })
    const { wrapper } = app
    await settled(wrapper, 'Ny aktivitet')
    const options = wrapper.findAll('#activity-helper-choice option').map((option) => option.text())
    expect(options).toEqual(['Skriv et navn', 'Mor'])
    await wrapper.get('#activity-title').setValue('Handle ind')
    await wrapper.get('#activity-helper-choice').setValue(ids[0])
    expect(wrapper.find('#activity-helper').exists()).toBe(false)
    await submit(wrapper)
    await eventually(() => {
      expect(activities()[0]?.helper).toEqual({ contactId: ids[0] })
    })
  })

  it('downloads a valid calendar file with a neutral name and title unless the citizen chooses to show it', async () => {
    const blobs: Blob[] = []
    const names: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:trin-test'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        return records.create('activity', {
          title: 'Møde på krisecentret',
          date: day('2026-12-01'),
          time: '10:00',
          repeat: 'weekly',
          place: 'Krisecentret',
          priority: 'now',
          done: false,
        })
      },
      path: (activity) => `/activities/${activity.id}`,
    })
    const { wrapper, seeded } = app
    await settled(wrapper, 'Læg i kalender')
    await wrapper.get('[data-test="calendar-download"]').trigger('click')
    await settled(wrapper, 'Filen aftale.ics er hentet.')
    expect(names).toEqual(['aftale.ics'])
    const neutral = parseIcs(new Uint8Array((await blobs[0]?.arrayBuffer()) ?? new ArrayBuffer(0)))
    const [event] = neutral.events
    expect(unescapeIcsText(findProperty(event ?? [], 'SUMMARY')?.value ?? '')).toBe('Aftale')
    expect(findProperty(event ?? [], 'LOCATION')).toBeUndefined()
    expect(findProperty(event ?? [], 'DTSTART')?.value).toBe('20261201T100000')
    expect(findProperty(event ?? [], 'RRULE')?.value).toBe('FREQ=WEEKLY')
    expect(findProperty(event ?? [], 'UID')?.value).toBe(seeded.id)

    await wrapper.get('[data-test="calendar-details"]').setValue(true)
    await wrapper.get('[data-test="calendar-download"]').trigger('click')
    const detailed = parseIcs((await blobs[1]?.text()) ?? '')
    expect(unescapeIcsText(findProperty(detailed.events[0] ?? [], 'SUMMARY')?.value ?? '')).toBe(
      'Møde på krisecentret',
    )
    expect(unescapeIcsText(findProperty(detailed.events[0] ?? [], 'LOCATION')?.value ?? '')).toBe(
      'Krisecentret',
    )
  })

  it('without a date there is no calendar file, only what to do about it', async () => {
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        return records.create('activity', {
          title: 'Lære e-Boks',
          repeat: 'none',
          priority: 'later',
          done: false,
        })
      },
      path: (activity) => `/activities/${activity.id}`,
    })
    await settled(app.wrapper, 'Giv aktiviteten en dato. Så kan du lægge den i kalenderen.')
    expect(app.wrapper.find('[data-test="calendar-download"]').exists()).toBe(false)
  })

  it('speaks English, down to the calendar file’s name', async () => {
    const names: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:trin-test')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download)
    })
    const app = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records)
        return records.create('activity', {
          title: 'Doctor',
          date: day('2026-12-01'),
          repeat: 'none',
          priority: 'now',
          done: false,
        })
      },
      path: (activity) => `/activities/${activity.id}`,
      locale: 'en',
    })
    const { wrapper } = app
    await settled(wrapper, 'Show the activity’s title and place in my calendar')
    expect(wrapper.text()).toContain('Otherwise the calendar only says “Appointment”.')
    await wrapper.get('[data-test="calendar-download"]').trigger('click')
    expect(names).toEqual(['appointment.ics'])
  })
})
