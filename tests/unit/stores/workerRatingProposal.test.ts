/**
 * The worker's own rating as a proposal (issue #15 item 3), end to end through the real stores,
 * vault and packages: on the worker's phone the form's value (`checkWorkerRating`) proposed with
 * `proposeNew`, sealed into a proposal package and decoded back — its fields parse by the rating
 * record's schema; on her phone the same proposal accepted writes a valid rating by the worker
 * (respondent `worker`) that her ratings history shows as the worker's.
 */
import { describe, expect, it } from 'vitest'
import { decodeProposalPackage, encodeProposalPackage } from '@/data/sharing/proposalPackage'
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
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { useWorkerProposalsStore } from '@/stores/workerProposals'
import { day, FACTORY_WORKER, makePlan, makeSharePairing, newId } from '../../factories/records'
import { herSharePackage, KEY, PAIRING, pairByOffer, STAMP, TODAY } from '../../support/workerVault'
import { freshStoresForEachTest } from '../../support/storesVault'

const plan = makePlan({ shared: true, targetGroup: 'psychiatry' })

freshStoresForEachTest()

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
    const { id } = await pairByOffer()
    const share = await herSharePackage(
      1,
      { records: [plan], tombstones: [], decisions: [] },
      { endsOn: day('2027-03-01') },
    )
    await useWorkerPairingsStore().receive(id, share, TODAY)

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
