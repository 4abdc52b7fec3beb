/**
 * The worker's proposals (src/features/worker, issue #15 item 3): the form for a change of one of
 * her shared sub-goals is prefilled from the copy, refuses a change of nothing in words, saves a
 * proposal and shows it waiting for her; it can be withdrawn. An ended pairing offers no proposals.
 */
import { describe, expect, it } from 'vitest'
import { encodeSharePackage } from '@/data/sharing/package'
import { asHlc } from '@/domain/clock'
import { writeDeviceSettings } from '@/stores/deviceSettings'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day, makeGoal, makeSubGoal } from '../../factories/records'
import { eventually, mountApp, settled } from '../support/mount'
import { freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '5a'.repeat(32)
const goal = makeGoal({ shared: true, title: 'Egen bolig' })
const subGoal = makeSubGoal({ shared: true, goalId: goal.id, title: 'Søg om bolig', done: false })

async function pairedWithCopy(endsOn: string | null = null): Promise<string> {
  localStorage.clear()
  writeDeviceSettings({ w: true })
  await useVaultStore().open()
  const store = useWorkerPairingsStore()
  const result = await store.pair(
    { from: 'offer', pairingId: PAIRING, shareKey: KEY, endsOn: endsOn === null ? null : day(endsOn) },
    'Sara',
    day('2026-11-20'),
  )
  if (!result.ok) throw new Error('not paired')
  const bytes = await encodeSharePackage(
    {
      pairingId: PAIRING,
      seq: 1,
      createdAt: asHlc('2026-11-21T10:00:00.000Z-0000-00000000000000b2'),
      // Her package says when the pairing ends (the newest package's end is kept).
      endsOn: endsOn === null ? null : day(endsOn),
    },
    { records: [goal, subGoal], tombstones: [] },
    KEY,
  )
  await store.receive(result.pairing.id, bytes, day('2026-11-21'))
  return result.pairing.id
}

describe("the worker's proposals", () => {
  it('proposes a change of a sub-goal, shows it waiting, and withdraws it', async () => {
    let id = ''
    const { wrapper, router } = await mountApp({
      path: () => `/worker/citizens/${id}/propose/edit/${subGoal.id}`,
      before: async () => {
        id = await pairedWithCopy()
      },
    })
    await settled(wrapper, 'Foreslå en ændring')
    const title = wrapper.get<HTMLInputElement>('#worker-propose-title')
    expect(title.element.value).toBe('Søg om bolig')
    await wrapper.get('[data-test="worker-propose-form"]').trigger('submit')
    await settled(wrapper, 'Forslaget ændrer ingenting')
    await title.setValue('Søg om bolig i dag')
    await wrapper.get('[data-test="worker-propose-form"]').trigger('submit')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerProposals')
    })
    await settled(wrapper, 'Venter på hende')
    expect(wrapper.text()).toContain('Ændring af et delmål')
    expect(useWorkerPairingsStore().byId(id)?.proposals[0]?.changes).toEqual({ title: 'Søg om bolig i dag' })
    await wrapper.get('[data-test="worker-proposal-withdraw"]').trigger('click')
    await settled(wrapper, 'Du har ingen forslag til hende endnu')
    expect(useWorkerPairingsStore().byId(id)?.proposals).toEqual([])
  })

  it('offers no proposals once the pairing has ended', async () => {
    let id = ''
    const { wrapper } = await mountApp({
      path: () => `/worker/citizens/${id}`,
      before: async () => {
        id = await pairedWithCopy('2026-11-22')
      },
    })
    await settled(wrapper, 'Egen bolig')
    expect(wrapper.find('[data-test="worker-propose"]').exists()).toBe(false)
  })
})
