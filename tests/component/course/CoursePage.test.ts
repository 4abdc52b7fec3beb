import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { deleteDatabase } from '@/data/db'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import type { Plan } from '@/schemas'
import { day } from '../../factories/records'
import { mountApp, settled, type MountedApp } from '../support/mount'

const NOW = new Date('2026-11-23T12:00:00Z')

async function storePlan(fields: Partial<Plan> = {}): Promise<void> {
  await useVaultStore().open()
  await useRecordsStore().create('plan', {
    targetGroup: 'shelter',
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses: [],
    restarts: [],
    instruments: [],
    ...fields,
  })
}

function storedPlan(): Plan {
  const [plan] = useRecordsStore().byKind('plan')
  if (plan === undefined) throw new Error('no plan stored')
  return plan
}

async function submit(wrapper: VueWrapper, test: string): Promise<void> {
  await wrapper.get(`[data-test="${test}"]`).trigger('submit')
  await flushPromises()
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
  vi.useRealTimers()
})

describe('Course details', () => {
  it('pauses the course for 20 days and resumes it: every later date moves by 20 days', async () => {
    app = await mountApp({ path: '/course', before: () => storePlan() })
    const { wrapper, router } = app
    await settled(wrapper, 'Sæt forløbet på pause')
    expect(wrapper.get('#pause-start').element).toHaveProperty('value', '2026-11-23')

    await wrapper.get('#pause-start').setValue('2026-10-24')
    await wrapper.get('#pause-reason-hospital').setValue(true)
    await wrapper.get('#pause-note').setValue('Ortopædkirurgisk afsnit')
    await submit(wrapper, 'pause-course')
    await settled(wrapper, 'Forløbet holder nu pause.')
    const [stored, ...more] = storedPlan().pauses
    expect(more).toEqual([])
    expect(stored).toMatchObject({
      start: '2026-10-24',
      end: null,
      reason: 'hospital',
      note: 'Ortopædkirurgisk afsnit',
    })
    expect(wrapper.text()).toContain('Forløbet har holdt pause siden 24. oktober 2026.')
    expect(document.activeElement).toBe(wrapper.get('#resume-heading').element)
    expect(wrapper.get('[data-test="pause-history"]').text()).toContain(
      'Fra 24. oktober 2026. Pausen varer stadig.',
    )

    await wrapper.get('#resume-date').setValue('2026-11-13')
    await submit(wrapper, 'resume-course')
    await settled(wrapper, 'Forløbet er genoptaget, og datoerne er rykket.')
    expect(storedPlan().pauses[0]?.end).toBe('2026-11-13')
    const history = wrapper.get('[data-test="pause-history"]').text()
    expect(history).toContain('Indlagt på hospitalet')
    expect(history).toContain('Fra 24. oktober 2026 til 12. november 2026')
    expect(history).toContain('20 dage')
    expect(history).toContain('Ortopædkirurgisk afsnit')
    // Running again: the course can be paused anew.
    expect(wrapper.find('#pause-start').exists()).toBe(true)

    await router.push('/')
    await settled(wrapper, 'Dag 21 i forløbet')
    // Without the pause the course ended 13 July 2027; 20 paused days move it to 2 August.
    expect(wrapper.get('[data-test="course-end"]').attributes('data-date')).toBe('2027-08-02')
    expect(wrapper.get('[data-test="course-end"]').text()).toBe('Forløbet slutter 2. august 2027.')
    expect(wrapper.get('[data-test="next-change"]').text()).toBe('Fase 2 begynder 3. februar 2027.')
    expect(wrapper.get('[data-test="timeline-pause"]').text()).toContain('20 dage')

    useVaultStore().close()
    await useVaultStore().open()
    expect(storedPlan().pauses).toHaveLength(1)
  })

  it('refuses a pause before day 1 or without a reason, and stores nothing', async () => {
    app = await mountApp({ path: '/course', before: () => storePlan() })
    const { wrapper } = app
    await settled(wrapper, 'Sæt forløbet på pause')
    await submit(wrapper, 'pause-course')
    expect(wrapper.get('#pause-reason-error').text()).toBe('Vælg hvorfor.')
    expect(document.activeElement).toBe(wrapper.get('#pause-reason-hospital').element)

    await wrapper.get('#pause-reason-prison').setValue(true)
    await wrapper.get('#pause-start').setValue('2026-10-01')
    await submit(wrapper, 'pause-course')
    expect(wrapper.get('#pause-start-error').text()).toBe('En pause kan først begynde fra dag 1.')
    expect(wrapper.get('#pause-start').attributes('aria-describedby')).toBe('pause-start-error')
    expect(storedPlan().pauses).toEqual([])
  })

  it('refuses to resume on the day the pause began', async () => {
    app = await mountApp({
      path: '/course',
      before: () =>
        storePlan({
          pauses: [{ id: crypto.randomUUID(), start: day('2026-11-23'), end: null, reason: 'treatment' }],
        }),
    })
    const { wrapper } = app
    await settled(wrapper, 'Genoptag forløbet')
    // The suggested day is the day after the pause began, since it began today.
    expect(wrapper.get('#resume-date').element).toHaveProperty('value', '2026-11-24')
    await wrapper.get('#resume-date').setValue('2026-11-23')
    await submit(wrapper, 'resume-course')
    expect(wrapper.get('#resume-date-error').text()).toBe('Vælg en dag efter den dag, pausen begyndte.')
    expect(storedPlan().pauses[0]?.end).toBeNull()
  })

  it('changes the dates, and refuses a contact period after day 1 while keeping the input', async () => {
    app = await mountApp({ path: '/course', before: () => storePlan() })
    const { wrapper } = app
    await settled(wrapper, 'Datoer')
    expect(wrapper.get('#course-transition-date').element).toHaveProperty('value', '2026-10-14')

    await wrapper.get('#course-contact-start').setValue('2026-11-01')
    await submit(wrapper, 'save-dates')
    expect(wrapper.get('#course-contact-start-error').text()).toBe(
      'Kontaktperioden skal begynde på dag 1 eller før.',
    )
    expect(wrapper.get('#course-contact-start').element).toHaveProperty('value', '2026-11-01')
    expect(storedPlan().contactStart).toBe('2026-09-23')

    await wrapper.get('#course-transition-date').setValue('2026-11-02')
    await submit(wrapper, 'save-dates')
    await settled(wrapper, 'Gemt.')
    expect(storedPlan()).toMatchObject({ contactStart: '2026-11-01', transitionDate: '2026-11-02' })
  })

  it('changes the transition and the worker, and removes the worker', async () => {
    app = await mountApp({ path: '/course', before: () => storePlan({ worker: { name: 'Mette Hansen' } }) })
    const { wrapper } = app
    await settled(wrapper, 'Din CTI-medarbejder')
    expect(wrapper.get('#course-worker-name').element).toHaveProperty('value', 'Mette Hansen')

    await wrapper.get('#course-group-other').setValue(true)
    await wrapper.get('#course-group-other-text').setValue('Ud af fængsel')
    await submit(wrapper, 'save-transition')
    await vi.waitFor(() => {
      expect(storedPlan()).toMatchObject({ targetGroup: 'other', targetGroupOther: 'Ud af fængsel' })
    })

    await wrapper.get('#course-worker-phone').setValue('ring')
    await submit(wrapper, 'save-worker')
    expect(wrapper.get('#course-worker-phone-error').text()).toContain('Et telefonnummer må kun have tal')
    await wrapper.get('#course-worker-phone').setValue('87 65 43 21')
    await submit(wrapper, 'save-worker')
    await vi.waitFor(() => {
      expect(storedPlan().worker).toEqual({ name: 'Mette Hansen', phone: '87 65 43 21' })
    })

    const remove = wrapper.findAll('button').find((button) => button.text() === 'Fjern CTI-medarbejder')
    await remove?.trigger('click')
    await settled(wrapper, 'CTI-medarbejderen er fjernet fra planen.')
    expect(storedPlan().worker).toBeUndefined()
    expect(wrapper.get('#course-worker-name').element).toHaveProperty('value', '')
  })

  it('deletes a pause recorded by mistake after asking, and the dates move back', async () => {
    app = await mountApp({
      path: '/course',
      before: () =>
        storePlan({
          pauses: [
            { id: crypto.randomUUID(), start: day('2026-10-24'), end: day('2026-11-13'), reason: 'other' },
          ],
        }),
    })
    const { wrapper, router } = app
    await settled(wrapper, 'Slet pausen')
    const ask = wrapper.findAll('button').find((button) => button.text() === 'Slet pausen')
    await ask?.trigger('click')
    expect(wrapper.text()).toContain('Vil du slette pausen? Så rykker datoerne tilbage.')
    const no = wrapper.findAll('button').find((button) => button.text() === 'Nej, behold den')
    await no?.trigger('click')
    await flushPromises()
    expect(storedPlan().pauses).toHaveLength(1)

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Slet pausen')
      ?.trigger('click')
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Ja, slet den')
      ?.trigger('click')
    await settled(wrapper, 'Pausen er slettet.')
    expect(storedPlan().pauses).toEqual([])
    expect(wrapper.text()).toContain('Forløbet har ikke holdt pause.')

    await router.push('/')
    await settled(wrapper, 'Forløbet slutter 13. juli 2027.')
  })

  it('speaks English', async () => {
    app = await mountApp({ path: '/course', locale: 'en', before: () => storePlan() })
    await settled(app.wrapper, 'Pause the course')
    expect(app.wrapper.find('h1').text()).toBe('Your course')
    expect(app.wrapper.get('label[for="pause-reason-treatment"]').text()).toBe('In treatment away from home')
    expect(app.wrapper.get('label[for="course-transition-date"]').text()).toBe(
      'Day 1: the day you move into your own home',
    )
  })
})
