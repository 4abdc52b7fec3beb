/**
 * The worker's proposals store (src/stores/workerProposals.ts) with the real vault and real
 * encoded packages: proposing an edit and a new record, withdrawing, the proposal package decoded
 * back, the sequence number kept, refusals, and her decisions arriving with her share package.
 */
import { describe, expect, it } from 'vitest'
import { decodeProposalPackage } from '@/data/sharing/proposalPackage'
import type { ShareableRecord } from '@/domain/sharing'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { useWorkerProposalsStore } from '@/stores/workerProposals'
import { day, makeGoal, makeSubGoal } from '../../factories/records'
import { herSharePackage, KEY, PAIRING, STAMP, TODAY } from '../../support/workerVault'
import { freshStoresForEachTest } from '../../support/storesVault'

const goal = makeGoal({ shared: true, title: 'Sove bedre' })
const subGoal = makeSubGoal({ shared: true, goalId: goal.id, title: 'Gå i seng kl. 23', done: false })

function sharePackage(
  seq: number,
  records: ShareableRecord[],
  decisions: { id: string; status: 'accepted' | 'rejected' }[] = [],
) {
  return herSharePackage(
    seq,
    { records, tombstones: [], decisions: decisions.map((d) => ({ ...d, decidedAt: STAMP })) },
    { endsOn: day('2027-03-01') },
  )
}

freshStoresForEachTest()

async function pairedWithPlan(from: 'offer' | 'short-code' = 'offer') {
  const pairings = useWorkerPairingsStore()
  const source =
    from === 'offer'
      ? { from: 'offer' as const, pairingId: PAIRING, shareKey: KEY, endsOn: day('2027-03-01') }
      : { from: 'short-code' as const, shareKey: KEY }
  const result = await pairings.pair(source, 'Sara', TODAY)
  if (!result.ok) throw new Error('not paired')
  if (from === 'offer')
    await pairings.receive(result.pairing.id, await sharePackage(1, [goal, subGoal]), TODAY)
  return result.pairing.id
}

describe('useWorkerProposalsStore', () => {
  it('proposes an edit based on the copy and a new record, by this worker, kept in the vault', async () => {
    const id = await pairedWithPlan()
    const store = useWorkerProposalsStore()
    const edit = await store.proposeEdit(
      id,
      subGoal,
      { title: 'Gå i seng kl. 22', done: false },
      TODAY,
      ' Prøv ',
    )
    const fresh = await store.proposeNew(
      id,
      'activity',
      { title: 'Gåtur', goalId: goal.id, repeat: 'none', priority: 'now', done: false },
      TODAY,
    )
    if (!edit.ok || !fresh.ok) throw new Error('not proposed')
    expect(edit.proposal).toMatchObject({
      target: { kind: 'subGoal', id: subGoal.id },
      baseUpdatedAt: subGoal.updatedAt,
      base: { title: 'Gå i seng kl. 23' },
      changes: { title: 'Gå i seng kl. 22' },
      comment: 'Prøv',
      status: 'pending',
    })
    expect(edit.proposal.author).toMatch(/^worker:[0-9a-f]{16}$/)
    expect(fresh.proposal).toMatchObject({ target: { kind: 'activity' }, baseUpdatedAt: null, base: {} })
    expect(fresh.proposal.createdAt > edit.proposal.createdAt).toBe(true)
    useVaultStore().close()
    await useVaultStore().open()
    expect(
      useWorkerPairingsStore()
        .byId(id)
        ?.proposals.map((p) => p.id),
    ).toEqual([edit.proposal.id, fresh.proposal.id])
  })

  it('refuses an edit that changes nothing, and anything on an ended pairing', async () => {
    const id = await pairedWithPlan()
    const store = useWorkerProposalsStore()
    expect(await store.proposeEdit(id, subGoal, { title: subGoal.title }, TODAY)).toEqual({
      ok: false,
      code: 'unchanged',
    })
    const ended = day('2027-03-01')
    expect(await store.proposeNew(id, 'note', { text: 'x' }, ended)).toEqual({
      ok: false,
      code: 'pairing-ended',
    })
    expect(await store.preparePackage(id, ended)).toEqual({ ok: false, code: 'pairing-ended' })
    expect(await store.preparePackage('nope', TODAY)).toEqual({ ok: false, code: 'unknown-pairing' })
    expect(await store.preparePackage(id, TODAY)).toEqual({ ok: false, code: 'nothing-to-send' })
  })

  it('refuses a package before her first one when paired by short code', async () => {
    const id = await pairedWithPlan('short-code')
    const store = useWorkerProposalsStore()
    expect(
      await store.proposeNew(id, 'note', { text: 'Hej', target: { kind: 'goal', id: goal.id } }, TODAY),
    ).toMatchObject({ ok: true })
    expect(await store.preparePackage(id, TODAY)).toEqual({ ok: false, code: 'no-pairing-id' })
  })

  it('seals every pending proposal with the next sequence number; withdrawn ones are left out', async () => {
    const id = await pairedWithPlan()
    const store = useWorkerProposalsStore()
    const a = await store.proposeEdit(id, subGoal, { done: true }, TODAY)
    const b = await store.proposeNew(
      id,
      'note',
      { text: 'Godt gået', target: { kind: 'goal', id: goal.id } },
      TODAY,
    )
    const c = await store.proposeNew(
      id,
      'note',
      { text: 'Fortrudt', target: { kind: 'goal', id: goal.id } },
      TODAY,
    )
    if (!a.ok || !b.ok || !c.ok) throw new Error('not proposed')
    expect(await store.withdraw(id, c.proposal.id)).toBe(true)

    const first = await store.preparePackage(id, TODAY)
    if (!first.ok) throw new Error(first.code)
    expect(first).toMatchObject({ seq: 1, count: 2 })
    const decoded = await decodeProposalPackage(first.bytes, {
      pairingId: PAIRING,
      shareKey: KEY,
      ended: false,
    })
    expect(decoded.header).toMatchObject({ pairingId: PAIRING, seq: 1 })
    expect(decoded.proposals).toEqual([a.proposal, b.proposal])

    const second = await store.preparePackage(id, TODAY)
    expect(second).toMatchObject({ ok: true, seq: 2 })
    expect(useWorkerPairingsStore().byId(id)?.proposalSeq).toBe(2)
  })

  it('takes her decisions from her next share package: decided ones are neither sent nor withdrawn', async () => {
    const id = await pairedWithPlan()
    const store = useWorkerProposalsStore()
    const pairings = useWorkerPairingsStore()
    const a = await store.proposeEdit(id, subGoal, { done: true }, TODAY)
    const b = await store.proposeNew(
      id,
      'note',
      { text: 'Nej tak', target: { kind: 'goal', id: goal.id } },
      TODAY,
    )
    const c = await store.proposeNew(
      id,
      'note',
      { text: 'Venter', target: { kind: 'goal', id: goal.id } },
      TODAY,
    )
    if (!a.ok || !b.ok || !c.ok) throw new Error('not proposed')
    const back = await sharePackage(
      2,
      [goal, { ...subGoal, done: true }],
      [
        { id: a.proposal.id, status: 'accepted' },
        { id: b.proposal.id, status: 'rejected' },
      ],
    )
    expect(await pairings.receive(id, back, TODAY)).toMatchObject({ ok: true, changed: true })
    expect(pairings.byId(id)?.proposals.map((p) => p.status)).toEqual(['accepted', 'rejected', 'pending'])
    expect(await store.withdraw(id, a.proposal.id)).toBe(false)
    const next = await store.preparePackage(id, TODAY)
    if (!next.ok) throw new Error(next.code)
    const decoded = await decodeProposalPackage(next.bytes, {
      pairingId: PAIRING,
      shareKey: KEY,
      ended: false,
    })
    expect(decoded.proposals.map((p) => p.id)).toEqual([c.proposal.id])
  })

  it('erases the proposals with the pairing', async () => {
    const id = await pairedWithPlan()
    await useWorkerProposalsStore().proposeEdit(id, subGoal, { done: true }, TODAY)
    await useWorkerPairingsStore().unpair(id, TODAY)
    expect(useWorkerPairingsStore().byId(id)).toBeUndefined()
  })
})
