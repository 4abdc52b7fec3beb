import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { deleteDatabase } from '@/data/db'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { usePreferencesStore } from '@/stores/preferences'
import type { Plan } from '@/schemas'
import { day } from '../factories/records'
import { mountApp, settled, type MountedApp } from './support/mount'
import { planRoute } from './support/fixtures'

// 12:00 UTC on 2026-11-23 is the same calendar day in every zone the tests may run in.
const NOW = new Date('2026-11-23T12:00:00Z')

/** A plan whose day 1 was 40 days before NOW, after three weeks of contact. */
async function storePlan(fields: Partial<Plan> = {}): Promise<Plan> {
  await useVaultStore().open()
  return useRecordsStore().create('plan', {
    targetGroup: 'shelter',
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses: [],
    restarts: [],
    instruments: [],
    ...fields,
  })
}

let app: MountedApp | undefined

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await deleteDatabase()
})

afterEach(() => {
  app?.wrapper.unmount()
  app = undefined
  useVaultStore().close()
  usePreferencesStore().easyRead = false
  vi.useRealTimers()
})

describe('Home ("Where am I")', () => {
  it('sends a first visit without a plan to onboarding', async () => {
    app = await mountApp()
    await settled(app.wrapper, 'Vælg sprog')
    expect(app.router.currentRoute.value.name).toBe('onboarding')
    expect(useRecordsStore().byKind('plan')).toEqual([])
  })

  it('shows the phase, days left, the end date and what changes next for a move 40 days ago', async () => {
    app = await mountApp({ before: () => storePlan().then(() => undefined) })
    await settled(app.wrapper, 'Fase 1: Planlægning og opstart')
    const text = app.wrapper.text()
    expect(app.wrapper.find('h1').text()).toBe('Hvor er jeg?')
    // Day 1 was 2026-10-14: today is day 41; phase 1 ends 2027-01-13; the course ends 2027-07-13.
    expect(text).toContain('Dag 41 i forløbet')
    expect(app.wrapper.get('[data-test="days-left-phase"]').text()).toBe('52 dage tilbage af fasen')
    expect(app.wrapper.get('[data-test="days-left-course"]').text()).toBe('233 dage tilbage af forløbet')
    expect(app.wrapper.get('[data-test="course-end"]').text()).toBe('Forløbet slutter 13. juli 2027.')
    expect(app.wrapper.get('[data-test="course-end"]').attributes('data-date')).toBe('2027-07-13')
    // What this phase means now, and how contact changes.
    expect(text).toContain('I denne fase ser I hinanden mest')
    expect(text).toContain('Mest kontakt med din CTI-medarbejder')
    // What changes next, and when.
    expect(app.wrapper.get('[data-test="next-change-days"]').text()).toBe('Om 52 dage')
    expect(app.wrapper.get('[data-test="next-change"]').text()).toBe('Fase 2 begynder 14. januar 2027.')
    expect(text).toContain('Så ser du din CTI-medarbejder mindre, cirka halvt så meget som nu.')
    // The timeline marks today's stage, for sighted users and screen readers alike.
    expect(app.wrapper.get('[aria-current="step"]').text()).toContain('Fase 1')
    expect(text).toContain('I dag er det 23. nov. 2026.')
    expect((app.wrapper.get('#phase-progress').element as HTMLProgressElement).value).toBe(45)
  })

  it('shows a paused course, its moved end date and the pause on the timeline', async () => {
    app = await mountApp({
      before: () =>
        storePlan({
          contactStart: day('2026-09-01'),
          transitionDate: day('2026-10-01'),
          // Paused since 10 November, still open: every later date is provisional.
          pauses: [{ id: crypto.randomUUID(), start: day('2026-11-10'), end: null, reason: 'hospital' }],
        }).then(() => undefined),
    })
    await settled(app.wrapper, 'Forløbet er sat på pause siden 10. november 2026')
    expect(app.wrapper.text()).toContain('Datoerne er foreløbige')
    // Nine months from 1 October end on 30 June 2027; 14 paused days (10–23 Nov) push it to 14 July.
    expect(app.wrapper.get('[data-test="course-end"]').text()).toBe('Forløbet slutter 14. juli 2027.')
    expect(app.wrapper.text()).toContain('Datoen kan blive senere, fordi forløbet holder pause.')
    const pause = app.wrapper.get('[data-test="timeline-pause"]')
    expect(pause.text()).toContain('Pause: Indlagt på hospitalet')
    expect(pause.text()).toContain('Fra 10. nov. 2026. Pausen varer stadig.')

    const resume = app.wrapper
      .findAll('a[href="/course"]')
      .find((link) => link.text() === 'Genoptag forløbet')
    await resume?.trigger('click')
    await settled(app.wrapper, 'Forløbet har holdt pause siden 10. november 2026.')
    expect(app.router.currentRoute.value.name).toBe('course')
  })

  it('lists the next things to do, overdue first, and links to the plan when it exists', async () => {
    app = await mountApp({
      stubRoutes: [planRoute],
      before: async () => {
        await storePlan()
        const records = useRecordsStore()
        const goal = await records.create('goal', {
          focusAreaId: crypto.randomUUID(),
          title: 'Få styr på økonomien',
          status: 'onTheWay',
          order: 0,
        })
        const reached = await records.create('goal', {
          focusAreaId: crypto.randomUUID(),
          title: 'Nået',
          status: 'reached',
          order: 1,
        })
        await records.create('activity', {
          title: 'Ring til lægen',
          date: day('2026-11-23'),
          time: '10:30',
          repeat: 'none',
          priority: 'now',
          done: false,
        })
        await records.create('subGoal', {
          goalId: goal.id,
          title: 'Åbne e-Boks',
          due: day('2026-11-20'),
          done: false,
          order: 0,
        })
        await records.create('subGoal', {
          goalId: reached.id,
          title: 'Skal ikke vises',
          due: day('2026-11-24'),
          done: false,
          order: 0,
        })
        await records.create('activity', {
          title: 'Senere en dag',
          repeat: 'none',
          priority: 'later',
          done: false,
        })
      },
    })
    await settled(app.wrapper, 'Ring til lægen')
    const items = app.wrapper.get('[data-test="next-things"]').findAll('li')
    expect(items.map((item) => item.find('.todo__title').text())).toEqual(['Åbne e-Boks', 'Ring til lægen'])
    expect(items[0]?.text()).toContain('For sent: skulle være gjort 20. november 2026')
    expect(items[1]?.text()).toContain('I dag')
    expect(items[1]?.text()).toContain('kl. 10:30')
    expect(app.wrapper.get('a[href="/plan"]').text()).toBe('Gå til din plan')
  })

  it('invites the first to-dos when there are none, without a link to a plan screen that does not exist yet', async () => {
    app = await mountApp({ withoutRoutes: ['plan'], before: () => storePlan().then(() => undefined) })
    await settled(app.wrapper, 'Her kommer dine trin og aktiviteter')
    expect(app.wrapper.find('a[href="/plan"]').exists()).toBe(false)
  })

  it('reads the plan back from the encrypted store after a lock', async () => {
    app = await mountApp({ before: () => storePlan().then(() => undefined) })
    await settled(app.wrapper, 'Dag 41 i forløbet')

    useVaultStore().close()
    await flushPromises()
    expect(app.wrapper.text()).not.toContain('Dag 41')
    expect(useRecordsStore().byKind('plan')).toEqual([])

    await useVaultStore().open()
    await settled(app.wrapper, 'Dag 41 i forløbet')
    expect(app.router.currentRoute.value.name).toBe('start')
  })

  it('shows the contact period and a way to add day 1 when the day of the move is not known', async () => {
    app = await mountApp({
      before: async () => {
        await useVaultStore().open()
        await useRecordsStore().create('plan', {
          targetGroup: 'homelessness',
          contactStart: day('2026-11-01'),
          pauses: [],
          restarts: [],
          instruments: [],
        })
      },
    })
    await settled(app.wrapper, 'Kontaktperiode')
    expect(app.wrapper.get('#course-status-heading').text()).toBe('Kontaktperiode')
    expect(app.wrapper.findAll('a[href="/course"]').map((link) => link.text())).toContain('Skriv dag 1')
    expect(app.wrapper.find('[data-test="days-left-phase"]').exists()).toBe(false)
  })

  it('shows the CTI worker with a button to call', async () => {
    app = await mountApp({
      before: () =>
        storePlan({ worker: { name: 'Mette Hansen', phone: '+45 12 34 56 78' } }).then(() => undefined),
    })
    await settled(app.wrapper, 'Mette Hansen')
    const call = app.wrapper.get('a[href^="tel:"]')
    expect(call.attributes('href')).toBe('tel:+4512345678')
    expect(call.text()).toBe('Ring +45 12 34 56 78')
  })

  it('speaks English, and easy read shortens the explanations', async () => {
    app = await mountApp({ locale: 'en', before: () => storePlan().then(() => undefined) })
    await settled(app.wrapper, 'Phase 1: Planning and getting started')
    expect(app.wrapper.text()).toContain('Day 41 of the course')
    expect(app.wrapper.text()).toContain('52 days left in this phase')
    expect(app.wrapper.get('[data-test="next-change"]').text()).toBe('Phase 2 begins on January 14, 2027.')
    expect(app.wrapper.text()).not.toContain('You make the plan together. You meet often.')

    usePreferencesStore().easyRead = true
    await flushPromises()
    expect(app.wrapper.text()).toContain('You make the plan together. You meet often.')
  })
})
