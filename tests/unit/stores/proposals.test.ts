/**
 * Her proposals store (src/stores/proposals.ts) with the real vault and real proposal packages:
 * receiving (new ones kept once, refusals change nothing), accepting (the record and the
 * decision in one write, a stale field taking the worker's value only because she chose it),
 * rejecting (her plan untouched), all at once, and a change her plan cannot take.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { encodeProposalPackage } from '@/data/sharing/proposalPackage'
import { asHlc } from '@/domain/clock'
import { editProposal, newRecordProposal } from '@/domain/proposals'
import type { Proposal, SubGoal, TrinRecord } from '@/schemas'
import { useProposalsStore } from '@/stores/proposals'
import { useRecordsStore } from '@/stores/records'
import { day, FACTORY_WORKER, makeGoal, makeSharePairing, makeSubGoal, newId } from '../../factories/records'
import { freshStoresForEachTest } from '../../support/storesVault'

const TODAY = day('2026-12-07')
const STAMP = asHlc('2026-12-06T10:00:00.000Z-0000-00000000000000b2')
const pairing = makeSharePairing()
const goal = makeGoal({ shared: true })
const subGoal = makeSubGoal({ goalId: goal.id, shared: true, title: 'Ring til boligkontoret' })

const made = () => ({ id: newId(), author: FACTORY_WORKER, stamp: STAMP })

function rename(title: string, target: SubGoal = subGoal): Proposal {
  const proposal = editProposal(target, { title }, made())
  if (proposal === null) throw new Error('no change')
  return proposal
}

function packageOf(proposals: Proposal[], seq = 1, key = pairing.shareKey): Promise<Uint8Array> {
  return encodeProposalPackage({ pairingId: pairing.pairingId, seq, createdAt: STAMP }, proposals, key)
}

function snapshot(): string {
  const records = useRecordsStore()
  return JSON.stringify([...records.recordsById.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
}

function current(id: string): TrinRecord | undefined {
  return useRecordsStore().get(id)
}

freshStoresForEachTest()

beforeEach(async () => {
  await useRecordsStore().saveMany([pairing, goal, subGoal])
})

describe('useProposalsStore', () => {
  it('keeps the new proposals of a package once, marked with the pairing', async () => {
    const store = useProposalsStore()
    const proposal = rename('Ring mandag')
    expect(await store.receive(await packageOf([proposal]), null, TODAY)).toEqual({ ok: true, added: 1 })
    expect(store.pending.map((p) => [p.id, p.pairingId])).toEqual([[proposal.id, pairing.pairingId]])
    // The same package again, or a later one carrying it too, adds nothing.
    expect(await store.receive(await packageOf([proposal]), null, TODAY)).toEqual({ ok: true, added: 0 })
    expect(await store.receive(await packageOf([proposal], 2), null, TODAY)).toEqual({ ok: true, added: 0 })
    expect(current(subGoal.id)).toMatchObject({ title: 'Ring til boligkontoret' })
  })

  it.each([
    ['another key', async () => packageOf([rename('x')], 1, 'ab'.repeat(32)), 'decrypt-failed'],
    ['broken bytes', () => Promise.resolve(new Uint8Array([1, 2, 3])), 'bad-format'],
  ])('refuses %s and changes nothing', async (_name, bytes, code) => {
    const store = useProposalsStore()
    const before = snapshot()
    expect(await store.receive(await bytes(), null, TODAY)).toEqual({ ok: false, code })
    expect(snapshot()).toBe(before)
  })

  it('refuses every package once she has unpaired', async () => {
    const records = useRecordsStore()
    await records.save({ ...pairing, endedAt: STAMP })
    const store = useProposalsStore()
    const before = snapshot()
    expect(await store.receive(await packageOf([rename('x')]), null, TODAY)).toEqual({
      ok: false,
      code: 'pairing-ended',
    })
    expect(snapshot()).toBe(before)
  })

  it('accepting writes the proposed field and the decision; nothing else of hers changes', async () => {
    const store = useProposalsStore()
    const proposal = rename('Ring mandag')
    await store.receive(await packageOf([proposal]), null, TODAY)
    expect(await store.accept(proposal.id)).toEqual({ ok: true })
    expect(current(subGoal.id)).toMatchObject({ title: 'Ring mandag', done: false, goalId: goal.id })
    expect(current(proposal.id)).toMatchObject({ status: 'accepted' })
    expect(store.pending).toEqual([])
    // Decided once: deciding again does nothing.
    expect(await store.reject(proposal.id)).toEqual({ ok: false, code: 'unknown' })
  })

  it('rejecting writes only the decision', async () => {
    const store = useProposalsStore()
    const proposal = rename('Ring mandag')
    await store.receive(await packageOf([proposal]), null, TODAY)
    const before = JSON.stringify(current(subGoal.id))
    expect(await store.reject(proposal.id)).toEqual({ ok: true })
    expect(JSON.stringify(current(subGoal.id))).toBe(before)
    expect(current(proposal.id)).toMatchObject({ status: 'rejected' })
  })

  it('a new activity is added to her plan when she accepts, shared back to the worker', async () => {
    const store = useProposalsStore()
    const activityId = newId()
    const proposal = newRecordProposal(
      'activity',
      activityId,
      { title: 'Gå til jobcentret', goalId: goal.id, repeat: 'none', priority: 'now', done: false },
      made(),
    )
    await store.receive(await packageOf([proposal]), null, TODAY)
    expect(current(activityId)).toBeUndefined()
    expect(await store.accept(proposal.id)).toEqual({ ok: true })
    expect(current(activityId)).toMatchObject({ kind: 'activity', author: FACTORY_WORKER, shared: true })
  })

  it('a change her plan cannot take is refused and stays for her to reject', async () => {
    const store = useProposalsStore()
    const proposal = editProposal(subGoal, { doneAt: '2026-12-01' }, made())
    if (proposal === null) throw new Error('no change')
    await store.receive(await packageOf([proposal]), null, TODAY)
    expect(store.canAccept(store.pending[0] ?? proposal)).toBe(false)
    expect(await store.accept(proposal.id)).toEqual({ ok: false, code: 'invalid' })
    expect(current(subGoal.id)).not.toHaveProperty('doneAt')
    expect(await store.acceptAll()).toBe(0)
    expect(await store.rejectAll()).toBe(1)
  })

  it('all at once: one proposal per record is taken, the next for it waits for her', async () => {
    const store = useProposalsStore()
    const first = rename('Først')
    const second = rename('Bagefter')
    await store.receive(await packageOf([first, second]), null, TODAY)
    expect(await store.acceptAll()).toBe(1)
    expect(store.pending.map((p) => p.id)).toHaveLength(1)
    // The waiting one is now stale: she sees both values before she decides.
    expect(current(subGoal.id)).toMatchObject({ title: 'Først' })
    expect(store.pending[0]?.id).toBe(second.id)
  })
})
