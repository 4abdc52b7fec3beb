/**
 * The worker's own rating as a proposal (issue #15 item 3), end to end through the real stores,
 * vault and packages: on the worker's phone the form's value (`checkWorkerRating`) proposed with
 * `proposeNew`, sealed into a proposal package and decoded back — its fields parse by the rating
 * record's schema; on her phone the same proposal accepted writes a valid rating by the worker
 * (respondent `worker`) that her ratings history shows as the worker's.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deleteDatabase } from '@/data/db'
import { encodeSharePackage } from '@/data/sharing/package'
import { decodeProposalPackage, encodeProposalPackage } from '@/data/sharing/proposalPackage'
import { asHlc } from '@/domain/clock'
import { lifeAreaDimensions } from '@/domain/lifeAreas'
import { newRecordProposal } from '@/domain/proposals'
import { ratingHistory } from '@/domain/ratingFlow'
import {
  checkWorkerRating,
  emptyWorkerRating,
  workerRatingDimensions,
  type WorkerRatingValue,
} from '@/domain/workerRating'
import { ratingSchema, type Rating } from '@/schemas'
import { useProposalsStore } from '@/stores/proposals'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { useWorkerProposalsStore } from '@/stores/workerProposals'
import { day, FACTORY_WORKER, makePlan, makeSharePairing, newId } from '../../factories/records'

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const TODAY = day('2026-12-07')
const STAMP = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2')
const plan = makePlan({ shared: true, targetGroup: 'psychiatry' })

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
  vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-07T09:00:00.000Z'))
  await useVaultStore().open()
})

afterEach(() => {
  useVaultStore().close()
})

/** What the worker's form gives for a rating of the first two dimensions. */
function formValue(): WorkerRatingValue {
  const dimensions = workerRatingDimensions([plan])
  const [first, second] = dimensions
  if (!first || !second) throw new Error('no dimensions')
  const draft = emptyWorkerRating(dimensions, 'phase1', TODAY)
  const checked = checkWorkerRating(dimensions, {
    ...draft,
    answers: {
      ...draft.answers,
      [first.key]: { answer: 6, oneStepBetter: 'Et fast besøg om ugen' },
      [second.key]: { answer: 'notApplicable', oneStepBetter: '' },
    },
    comment: 'Lad os tale om det næste gang',
  })
  if (!checked.ok) throw new Error('refused')
  return checked.value
}

describe("the worker's rating as a proposal", () => {
  it('is proposed as a new rating record and travels in the proposal package with fields the schema takes', async () => {
    const pairings = useWorkerPairingsStore()
    const paired = await pairings.pair(
      { from: 'offer', pairingId: PAIRING, shareKey: KEY, endsOn: day('2027-03-01') },
      'Sara',
      TODAY,
    )
    if (!paired.ok) throw new Error('not paired')
    const id = paired.pairing.id
    const share = await encodeSharePackage(
      { pairingId: PAIRING, seq: 1, createdAt: STAMP, endsOn: day('2027-03-01') },
      { records: [plan], tombstones: [], decisions: [] },
      KEY,
    )
    await pairings.receive(id, share, TODAY)

    const { fields, comment } = formValue()
    const store = useWorkerProposalsStore()
    const made = await store.proposeNew(id, 'rating', fields, TODAY, comment)
    if (!made.ok) throw new Error(made.code)
    expect(made.proposal).toMatchObject({
      target: { kind: 'rating' },
      baseUpdatedAt: null,
      base: {},
      comment: 'Lad os tale om det næste gang',
      status: 'pending',
    })

    const sent = await store.preparePackage(id, TODAY)
    if (!sent.ok) throw new Error(sent.code)
    const decoded = await decodeProposalPackage(sent.bytes, {
      pairingId: PAIRING,
      shareKey: KEY,
      ended: false,
    })
    expect(decoded.proposals).toEqual([made.proposal])
    const [proposal] = decoded.proposals
    if (!proposal) throw new Error('no proposal')
    const record = ratingSchema.safeParse({
      ...proposal.changes,
      id: proposal.target.id,
      kind: 'rating',
      createdAt: STAMP,
      updatedAt: STAMP,
      author: proposal.author,
      deleted: false,
    })
    expect(record.error?.issues ?? []).toEqual([])
    expect(record.data).toMatchObject({ respondent: 'worker', stage: 'phase1', date: TODAY })
  })

  it('on her phone, accepting writes a valid rating by the worker that her history shows as the worker’s', async () => {
    const pairing = makeSharePairing()
    await useRecordsStore().saveMany([pairing, makePlan({ targetGroup: 'psychiatry' })])
    const { fields, comment } = formValue()
    const ratingId = newId()
    const proposal = newRecordProposal('rating', ratingId, fields, {
      id: newId(),
      author: FACTORY_WORKER,
      stamp: STAMP,
      ...(comment === undefined ? {} : { comment }),
    })
    const bytes = await encodeProposalPackage(
      { pairingId: pairing.pairingId, seq: 1, createdAt: STAMP },
      [proposal],
      pairing.shareKey,
    )
    const store = useProposalsStore()
    await store.receive(bytes, null, TODAY)
    expect(await store.accept(proposal.id)).toEqual({ ok: true })

    const written = useRecordsStore().get(ratingId)
    expect(ratingSchema.safeParse(written).success).toBe(true)
    expect(written).toMatchObject({
      kind: 'rating',
      respondent: 'worker',
      author: FACTORY_WORKER,
      shared: true,
    })
    const first = lifeAreaDimensions('psychiatry')[0]?.key
    if (first === undefined) throw new Error('no dimension')
    expect((written as Rating).content).toMatchObject({
      type: 'lifeAreas',
      values: { [first]: { answer: 6, oneStepBetter: 'Et fast besøg om ugen' } },
    })
    const history = ratingHistory(useRecordsStore().byKind('rating'))
    expect(history).toEqual([{ stage: 'phase1', ratings: [written] }])
    expect(history[0]?.ratings[0]?.respondent).toBe('worker')
  })
})
