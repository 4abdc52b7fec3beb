/**
 * Visit mode's screens (src/features/visit): Home's next meeting and the one-tap start; the
 * banner while the worker is here; the mark beside what the worker changed; the review in plain
 * words, with keep and undo written to the store; the meeting form's checks.
 */
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import VisitBanner from '@/features/visit/VisitBanner.vue'
import VisitNextMeeting from '@/features/visit/VisitNextMeeting.vue'
import { VisitMark } from '@/features/visit'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useVisitStore } from '@/stores/visit'
import { day } from '../../factories/records'
import { eventually, mountInApp, mountPlanApp, settled } from '../support/mount'
import { freshAppEachTest, storePlan } from '../support/fixtures'

freshAppEachTest()

async function openWithPlan(fields: Parameters<typeof storePlan>[1] = {}) {
  await useVaultStore().open()
  const records = useRecordsStore()
  const plan = await storePlan(records, { worker: { name: 'Lene' }, ...fields })
  return { records, plan }
}

describe('Home: the next meeting and the start of a visit', () => {
  it('says when she sees her worker next, and starts a visit with one tap', async () => {
    setActivePinia(createPinia())
    const { plan } = await openWithPlan({
      nextMeeting: { date: day('2026-12-10'), time: '10:00', place: 'Jobcentret' },
    })
    const wrapper = await mountInApp(VisitNextMeeting, { route: '/', keepPinia: true, props: { plan } })
    expect(wrapper.get('[data-test="next-meeting"]').text()).toBe(
      'Næste gang du ser Lene: torsdag den 10. december 2026 kl. 10:00',
    )
    expect(wrapper.get('[data-test="next-meeting-place"]').text()).toBe('Sted: Jobcentret')
    await wrapper.get('[data-test="visit-start"]').trigger('click')
    await eventually(() => {
      expect(useVisitStore().on).toBe(true)
    })
    expect(wrapper.find('[data-test="visit-start"]').exists()).toBe(false)
  })

  it('offers to write the next meeting when there is none', async () => {
    setActivePinia(createPinia())
    const { plan } = await openWithPlan()
    const wrapper = await mountInApp(VisitNextMeeting, { route: '/', keepPinia: true, props: { plan } })
    expect(wrapper.find('[data-test="next-meeting"]').exists()).toBe(false)
    expect(wrapper.get('[data-test="next-meeting-set"]').text()).toBe('Skriv, hvornår I ses næste gang')
  })
})

describe('while the worker is here', () => {
  it('shows the banner with the worker’s name and marks only what the worker changed', async () => {
    let stepId = ''
    let otherId = ''
    const banner = await mountInApp(VisitBanner, {
      route: '/',
      before: async () => {
        const { records } = await openWithPlan()
        const goal = await records.create('goal', {
          focusAreaId: crypto.randomUUID(),
          title: 'Egen bolig',
          status: 'onTheWay',
          order: 0,
        })
        const step = await records.create('subGoal', {
          goalId: goal.id,
          title: 'Ringe',
          done: false,
          order: 0,
        })
        stepId = step.id
        otherId = goal.id
        await useVisitStore().start()
        await records.save({ ...step, done: true })
      },
    })
    await settled(banner, 'Lene er her — ændringer markeres')
    const mark = await mountInApp(VisitMark, { keepPinia: true, props: { recordId: stepId } })
    expect(mark.text()).toBe('Ændret af Lene ved besøget')
    const none = await mountInApp(VisitMark, { keepPinia: true, props: { recordId: otherId } })
    expect(none.find('[data-test="visit-mark"]').exists()).toBe(false)
  })
})

describe('the review', () => {
  it('lists the changes in words; undo restores, keep keeps; then nothing waits', async () => {
    const { wrapper, seeded } = await mountPlanApp({
      seed: async (records) => {
        await storePlan(records, { worker: { name: 'Lene' } })
        const goal = await records.create('goal', {
          focusAreaId: crypto.randomUUID(),
          title: 'Egen bolig',
          status: 'onTheWay',
          order: 0,
        })
        const step = await records.create('subGoal', {
          goalId: goal.id,
          title: 'Ringe',
          done: false,
          order: 0,
        })
        const visit = useVisitStore()
        await visit.start(Date.now())
        await records.save({ ...step, title: 'Ringe til kommunen' })
        const added = await records.create('contact', {
          name: 'Boligrådgiver',
          networkKind: 'professional',
          closeness: 'distant',
        })
        await visit.end({ today: day('2026-11-23'), stage: 'phase1' }, Date.now() + 30 * 60_000)
        return { step, added }
      },
      path: () => '/visit/review',
    })
    await settled(wrapper, 'Ringe til kommunen')
    expect(wrapper.get('[data-test="visit-logged"]').text()).toBe('Besøget er skrevet i dit forløb: 30 min.')
    const [changed, added] = wrapper.findAll('[data-test="visit-change"]')
    expect(changed?.text()).toContain('Ændret')
    expect(changed?.text()).toContain('Titel: Ringe → Ringe til kommunen')
    expect(added?.text()).toContain('Tilføjet')
    expect(added?.text()).toContain('Person i dit netværk')

    await changed?.get('[data-test="visit-undo"]').trigger('click')
    await settled(wrapper, 'Fortrudt.')
    const records = useRecordsStore()
    expect(records.get(seeded.step.id)).toMatchObject({ title: 'Ringe', author: 'citizen' })
    await wrapper.get('[data-test="visit-keep"]').trigger('click')
    await settled(wrapper, 'Der er ingen ændringer, der venter.')
    expect(records.get(seeded.added.id)).toMatchObject({ name: 'Boligrådgiver' })
    expect(useVisitStore().session).toBeNull()
  })

  it('asks for a date before it saves the next meeting, then saves it on the plan', async () => {
    const { wrapper } = await mountPlanApp({
      seed: (records) => storePlan(records),
      path: () => '/visit/meeting',
    })
    await settled(wrapper, 'Næste møde')
    await wrapper.get('[data-test="visit-meeting-form"]').trigger('submit')
    await settled(wrapper, 'Skriv en dato.')
    await wrapper.get('#visit-meeting-date').setValue('2026-12-10')
    await wrapper.get('#visit-meeting-place').setValue('  Jobcentret ')
    await wrapper.get('[data-test="visit-meeting-form"]').trigger('submit')
    await settled(wrapper, 'Mødet er gemt.')
    expect(useRecordsStore().byKind('plan')[0]?.nextMeeting).toEqual({
      date: '2026-12-10',
      place: 'Jobcentret',
    })
  })
})
