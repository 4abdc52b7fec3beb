/**
 * The worker's own rating (src/features/worker/WorkerRatingForm.vue, issue #15 item 3): one
 * group per dimension her own rating asks (her shared plan's transition), refused in words with
 * nothing on the scale, then saved as a pending proposal for a new rating by the worker.
 */
import { describe, expect, it } from 'vitest'
import { encodeSharePackage } from '@/data/sharing/package'
import { asHlc } from '@/domain/clock'
import { lifeAreaDimensions } from '@/domain/lifeAreas'
import { ratingSchema } from '@/schemas'
import { writeDeviceSettings } from '@/stores/deviceSettings'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day, makePlan } from '../../factories/records'
import { eventually, mountApp, settled } from '../support/mount'
import { freshAppEachTest } from '../support/fixtures'

freshAppEachTest()

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '5a'.repeat(32)
const plan = makePlan({ shared: true, targetGroup: 'psychiatry' })

async function pairedWithPlan(): Promise<string> {
  localStorage.clear()
  writeDeviceSettings({ w: true })
  await useVaultStore().open()
  const store = useWorkerPairingsStore()
  const result = await store.pair(
    { from: 'offer', pairingId: PAIRING, shareKey: KEY, endsOn: null },
    'Sara',
    day('2026-11-20'),
  )
  if (!result.ok) throw new Error('not paired')
  const bytes = await encodeSharePackage(
    {
      pairingId: PAIRING,
      seq: 1,
      createdAt: asHlc('2026-11-21T10:00:00.000Z-0000-00000000000000b2'),
      endsOn: null,
    },
    { records: [plan], tombstones: [] },
    KEY,
  )
  await store.receive(result.pairing.id, bytes, day('2026-11-21'))
  return result.pairing.id
}

describe("the worker's own rating", () => {
  it('asks her dimensions, refuses nothing on the scale, and saves a rating proposal', async () => {
    let id = ''
    const { wrapper, router } = await mountApp({
      path: () => `/worker/citizens/${id}/propose/rating`,
      before: async () => {
        id = await pairedWithPlan()
      },
    })
    await settled(wrapper, 'Din egen vurdering')
    const keys = lifeAreaDimensions('psychiatry').map((dimension) => dimension.key)
    expect(
      wrapper
        .findAll('[data-test="worker-rating-dimension"]')
        .map((group) => group.attributes('data-dimension')),
    ).toEqual(keys)
    const [first, second] = keys
    await wrapper.get('#worker-rating-stage-phase2').setValue(true)
    await wrapper.get(`#worker-rating-${String(second)}-notApplicable`).setValue(true)
    await wrapper.get('[data-test="worker-rating-form"]').trigger('submit')
    await settled(wrapper, 'Giv mindst ét område et tal fra 1 til 10.')
    expect(wrapper.get('[data-test="worker-rating-problem"]').text()).toContain('mindst ét område')

    await wrapper.get(`#worker-rating-${String(first)}-8`).setValue(true)
    await wrapper.get(`#worker-rating-note-${String(first)}`).setValue('Et job med faste tider')
    await wrapper.get('#worker-rating-comment').setValue('Lad os tale om det')
    await wrapper.get('[data-test="worker-rating-form"]').trigger('submit')
    await eventually(() => {
      expect(router.currentRoute.value.name).toBe('workerProposals')
    })
    await settled(wrapper, 'Venter på hende')
    expect(wrapper.text()).toContain('Din vurdering')
    const proposal = useWorkerPairingsStore().byId(id)?.proposals[0]
    expect(proposal).toMatchObject({ target: { kind: 'rating' }, comment: 'Lad os tale om det' })
    expect(proposal?.changes).toMatchObject({
      respondent: 'worker',
      stage: 'phase2',
      content: {
        type: 'lifeAreas',
        values: {
          [String(first)]: { answer: 8, oneStepBetter: 'Et job med faste tider' },
          [String(second)]: { answer: 'notApplicable' },
        },
      },
    })
    const parsed = ratingSchema.safeParse({
      ...proposal?.changes,
      id: proposal?.target.id,
      kind: 'rating',
      createdAt: proposal?.createdAt,
      updatedAt: proposal?.updatedAt,
      author: proposal?.author,
      deleted: false,
    })
    expect(parsed.error?.issues ?? []).toEqual([])
  })
})
