/**
 * The worker's visit log on a citizen's screen (src/features/worker/WorkerVisitLog.vue and
 * WorkerVisitForm.vue): logging a visit through its own screen (checks said beside the fields;
 * without her shared course the stage is chosen by hand), the list newest first, the 4:2:1 table
 * (the guide from phase 1's time), editing, and deleting only after a yes.
 */
import { describe, expect, it } from 'vitest'
import { writeDeviceSettings } from '@/stores/deviceSettings'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { useWorkerVisitsStore } from '@/stores/workerVisits'
import { day } from '../../factories/records'
import { eventually, mountApp, settled } from '../support/mount'
import { freshAppEachTest } from '../support/fixtures'

freshAppEachTest()
// The component tests' clock stands on 23 November 2026.

async function pairSara(): Promise<string> {
  localStorage.clear()
  writeDeviceSettings({ w: true })
  await useVaultStore().open()
  const result = await useWorkerPairingsStore().pair(
    { from: 'offer', pairingId: '0123456789abcdef0123456789abcdef', shareKey: '5a'.repeat(32), endsOn: null },
    'Sara',
    day('2026-11-20'),
  )
  if (!result.ok) throw new Error('not paired')
  return result.pairing.id
}

describe("the worker's visit log", () => {
  it('logs a visit on its own screen and shows it in the list and the table', async () => {
    let id = ''
    const { wrapper, router } = await mountApp({
      path: () => `/worker/citizens/${id}`,
      before: async () => {
        id = await pairSara()
      },
    })
    await settled(wrapper, 'Besøg og tid')
    expect(wrapper.find('[data-test="worker-visit-empty"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="worker-visit-chart"]').exists()).toBe(false)

    await wrapper.get('[data-test="worker-visit-add"]').trigger('click')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerVisitNew')
    })
    await settled(wrapper, 'Nyt besøg')
    await wrapper.get('#worker-visit-minutes').setValue('1,5')
    await wrapper.get('[data-test="worker-visit-form"]').trigger('submit')
    await settled(wrapper, 'Skriv et helt antal minutter')
    expect(wrapper.text()).toContain('Vælg, hvordan I mødtes')
    // She does not share her course: the stage is asked for.
    expect(wrapper.find('[data-test="worker-visit-stage"]').exists()).toBe(false)

    await wrapper.get('#worker-visit-minutes').setValue('90')
    await wrapper.get('#worker-visit-mode-home').setValue(true)
    await wrapper.get('#worker-visit-place').setValue('  Herberget  ')
    await wrapper.get('#worker-visit-stage').setValue('phase1')
    await wrapper.get('[data-test="worker-visit-form"]').trigger('submit')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerCitizen')
    })
    await settled(wrapper, '90\u00a0min')
    const [visit] = useWorkerVisitsStore().visitsFor(id)
    expect(visit).toMatchObject({ minutes: 90, mode: 'home', place: 'Herberget', stage: 'phase1' })
    const list = wrapper.get('[data-test="worker-visit-list"]').text()
    expect(list).toContain('Hjemmebesøg')
    expect(list).toContain('Herberget')
    const table = wrapper.get('[data-test="worker-visit-table"]')
    expect(table.get('caption').text().replace(/\s/g, ' ')).toBe('Tid pr. fase')
    expect(table.get('[data-stage="phase1"] [data-column="used"]').text().replace(/\s/g, ' ')).toBe(
      '1 t 30 min',
    )
    expect(table.get('[data-stage="phase1"] [data-column="guide"]').text().replace(/\s/g, ' ')).toBe(
      '1 t 30 min',
    )
    expect(table.get('[data-stage="phase2"] [data-column="guide"]').text().replace(/\s/g, ' ')).toBe(
      'Ingen endnu',
    )
  })

  it('gives phase 2 half of phase 1 as its guide, edits, and deletes only after a yes', async () => {
    let id = ''
    const { wrapper, router } = await mountApp({
      path: () => `/worker/citizens/${id}`,
      before: async () => {
        id = await pairSara()
        const visits = useWorkerVisitsStore()
        await visits.add(id, { date: day('2026-09-01'), minutes: 240, mode: 'home', stage: 'phase1' })
        await visits.add(id, { date: day('2026-11-20'), minutes: 60, mode: 'phone', stage: 'phase2' })
      },
    })
    await settled(wrapper, 'Tid pr. fase')
    const table = () => wrapper.get('[data-test="worker-visit-table"]')
    expect(table().get('[data-stage="phase2"] [data-column="used"]').text().replace(/\s/g, ' ')).toBe('1 t')
    expect(table().get('[data-stage="phase2"] [data-column="guide"]').text().replace(/\s/g, ' ')).toBe('2 t')
    expect(table().get('[data-stage="phase3"] [data-column="guide"]').text().replace(/\s/g, ' ')).toBe(
      'Ingen endnu',
    )
    expect(table().get('[data-stage="total"]').text()).toContain('5\u00a0t')
    expect(wrapper.findAll('[data-test="worker-visit-drawing"] rect').length).toBeGreaterThanOrEqual(4)
    // Newest first.
    const items = wrapper.findAll('[data-test="worker-visit-list"] li')
    expect(items[0]?.text()).toContain('Telefonsamtale')

    await items[0]?.get('[data-test="worker-visit-edit"]').trigger('click')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerVisitEdit')
    })
    await settled(wrapper, 'Ret besøget')
    expect(wrapper.get<HTMLInputElement>('#worker-visit-minutes').element.value).toBe('60')
    await wrapper.get('#worker-visit-minutes').setValue('30')
    await wrapper.get('[data-test="worker-visit-form"]').trigger('submit')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerCitizen')
    })
    await settled(wrapper, '30\u00a0min')

    const first = () => wrapper.findAll('[data-test="worker-visit-list"] li')[0]
    await first()?.get('[data-test="worker-visit-remove"]').trigger('click')
    await settled(wrapper, 'slettes fra din log')
    await first()?.get('[data-test="worker-visit-remove-no"]').trigger('click')
    expect(useWorkerVisitsStore().visitsFor(id)).toHaveLength(2)
    await first()?.get('[data-test="worker-visit-remove"]').trigger('click')
    await first()?.get('[data-test="worker-visit-remove-yes"]').trigger('click')
    await eventually(() => {
      expect(useWorkerVisitsStore().visitsFor(id)).toHaveLength(1)
    })
    await eventually(() => {
      expect(wrapper.findAll('[data-test="worker-visit-list"] li')).toHaveLength(1)
    })
  })
})
