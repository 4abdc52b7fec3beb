import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import StartPage from '@/pages/StartPage.vue'
import { deleteDatabase } from '@/data/db'
import { parseCivilDate } from '@/domain/civilDate'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { mountInApp } from './support/mount'

// 12:00 UTC on 2026-11-23 is the same calendar day in every zone the tests may run in.
const NOW = new Date('2026-11-23T12:00:00Z')

async function settled(wrapper: VueWrapper, text: string): Promise<void> {
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.text()).toContain(text)
  })
}

let wrapper: VueWrapper | undefined

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await deleteDatabase()
})

afterEach(() => {
  wrapper?.unmount()
  useVaultStore().close()
  vi.useRealTimers()
})

describe('StartPage', () => {
  it('offers an example course when there is no plan, and shows its stage once chosen', async () => {
    wrapper = await mountInApp(StartPage)
    expect(wrapper.find('h1').text()).toBe('Hvor er jeg?')
    await settled(wrapper, 'Du har ikke en plan endnu')

    await wrapper.get('[data-test="sample-course"]').trigger('click')
    await settled(wrapper, 'Fase 1: Planlægning og opstart')
    // Day 1 was 40 days ago: today is day 41; phase 1 ends 2027-01-13 (day 1 2026-10-14 + 3 months − 1).
    expect(wrapper.text()).toContain('Dag 41 i forløbet')
    expect(wrapper.text()).toContain('52 dage tilbage af fasen')
    expect(wrapper.text()).toContain('Forløbet slutter 13. juli 2027.')
    expect(wrapper.text()).toContain('Næste skridt: Fase 2: Afprøvning og tilpasning begynder 14. januar 2027.')
    expect(wrapper.get('[aria-current="step"]').text()).toContain('Fase 1')
  })

  it('reads the plan back from the encrypted store after a lock', async () => {
    wrapper = await mountInApp(StartPage)
    await settled(wrapper, 'Du har ikke en plan endnu')
    await wrapper.get('[data-test="sample-course"]').trigger('click')
    await settled(wrapper, 'Dag 41 i forløbet')

    useVaultStore().close()
    await flushPromises()
    expect(wrapper.text()).not.toContain('Dag 41')
    expect(useRecordsStore().byKind('plan')).toEqual([])

    await useVaultStore().open()
    await settled(wrapper, 'Dag 41 i forløbet')
  })

  it('shows a paused course with the moved end date', async () => {
    wrapper = await mountInApp(StartPage)
    await settled(wrapper, 'Du har ikke en plan endnu')
    await useRecordsStore().create('plan', {
      targetGroup: 'shelter',
      contactStart: parseCivilDate('2026-09-01'),
      transitionDate: parseCivilDate('2026-10-01'),
      // Paused since 10 November, still open: every later date is provisional.
      pauses: [{ id: crypto.randomUUID(), start: parseCivilDate('2026-11-10'), end: null, reason: 'hospital' }],
      restarts: [],
      instruments: [],
    })
    await settled(wrapper, 'Forløbet er sat på pause siden 10. november 2026')
    expect(wrapper.text()).toContain('Datoerne er foreløbige')
    // Nine months from 1 October end on 30 June 2027; 14 paused days (10–23 Nov) push it to 14 July.
    expect(wrapper.text()).toContain('Forløbet slutter 14. juli 2027.')
  })

  it('speaks English when English is chosen', async () => {
    wrapper = await mountInApp(StartPage, { locale: 'en' })
    await settled(wrapper, 'You do not have a plan yet')
    await wrapper.get('[data-test="sample-course"]').trigger('click')
    await settled(wrapper, 'Phase 1: Planning and getting started')
    expect(wrapper.text()).toContain('Day 41 of the course')
    expect(wrapper.text()).toContain('52 days left in this phase')
  })
})
