/**
 * The end of access in the worker device's pairings store (src/stores/workerPairings.ts, issue
 * #15 item 6) with the real vault and real encoded packages: her ending package (made by the
 * citizen's rule, `endingPackage`) ends the pairing and leaves only her shared handover; a later
 * package is refused; erasing by the button and by itself 14 days after the end empties the copy,
 * makes the key unusable and keeps the record (label, dates) across a reopening.
 */
import { describe, expect, it } from 'vitest'
import { endingPackage, nextPackage } from '@/domain/pairing'
import type { ShareableRecord } from '@/domain/sharing'
import { UNUSABLE_SHARE_KEY } from '@/domain/workerEnding'
import type { TrinRecord } from '@/schemas'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day, makeGoal, makeHandoverItem, makePlan, makeSharePairing } from '../../factories/records'
import { herSharePackage, PAIRING, pairByOffer, STAMP, TODAY } from '../../support/workerVault'
import { freshStoresForEachTest } from '../../support/storesVault'

const plan = makePlan({ shared: true })
const goal = makeGoal({ shared: false, title: 'Sove bedre' })
const need = makeHandoverItem({ shared: true, about: { kind: 'need', text: 'Følges til lægen' } })
// Her goal is private: it never reaches the worker's phone.
const herRecords: TrinRecord[] = [plan, goal, need]

freshStoresForEachTest()

/** Her phone's packages, made by her rules: the usual one, then the ending one. */
async function herPackages() {
  const first = nextPackage(herRecords, makeSharePairing(), STAMP, TODAY)
  const firstBytes = await herSharePackage(first.seq, first.body, { endsOn: day('2027-03-01') })
  const ending = endingPackage(herRecords, first.pairing, plan, STAMP, TODAY)
  if (ending === null) throw new Error('no ending package')
  const endingBytes = await herSharePackage(ending.seq, ending.body, { endsOn: ending.endsOn })
  const later = await herSharePackage(ending.seq + 1, first.body, { endsOn: null })
  return { first: { ...first, bytes: firstBytes }, ending: { ...ending, bytes: endingBytes }, later }
}

const idsOf = (records: readonly ShareableRecord[] | undefined) => records?.map((record) => record.id).sort()

describe('the end of access in the worker pairings store', () => {
  it('takes her ending package: the pairing ends that day, only her handover stays, nothing more comes in', async () => {
    const store = useWorkerPairingsStore()
    const pairing = await pairByOffer()
    const { first, ending, later } = await herPackages()
    await store.receive(pairing.id, first.bytes, TODAY)
    expect(idsOf(store.byId(pairing.id)?.copy.records)).toEqual(idsOf(first.body.records))
    expect(idsOf(first.body.records)).toEqual([plan.id, need.id].sort())

    expect(await store.receive(pairing.id, ending.bytes, TODAY)).toMatchObject({ ok: true, changed: true })
    const ended = store.byId(pairing.id)
    expect(ended?.endsOn).toBe(TODAY)
    expect(idsOf(ended?.copy.records)).toEqual([need.id])
    expect(ended?.copy.tombstones).toEqual([plan.id])

    const before = useRecordsStore().recordsById
    expect(await store.receive(pairing.id, later, TODAY)).toEqual({ ok: false, code: 'pairing-ended' })
    expect(useRecordsStore().recordsById).toBe(before)
  })

  it('erases by the button: the copy emptied, the key unusable, the label and dates kept, after a reopening too', async () => {
    const store = useWorkerPairingsStore()
    const pairing = await pairByOffer()
    const { first, ending, later } = await herPackages()
    await store.receive(pairing.id, first.bytes, TODAY)

    // Not while it lasts.
    await store.eraseAtEnd(pairing.id, day('2026-12-06'))
    await store.receive(pairing.id, ending.bytes, TODAY)
    await store.eraseAtEnd(pairing.id, TODAY)
    const expected = {
      label: 'Sara',
      pairedAt: TODAY,
      endsOn: TODAY,
      shareKey: UNUSABLE_SHARE_KEY,
      copy: { pairingId: PAIRING, seq: ending.seq, records: [], tombstones: [] },
    }
    expect(store.byId(pairing.id)).toMatchObject(expected)
    expect(store.byId(pairing.id)?.deleted).toBe(false)

    useVaultStore().close()
    await useVaultStore().open()
    const reopened = useWorkerPairingsStore()
    expect(reopened.byId(pairing.id)).toMatchObject(expected)
    expect(JSON.stringify(reopened.byId(pairing.id))).not.toContain(
      need.about.kind === 'need' ? need.about.text : '-',
    )
    expect(await reopened.receive(pairing.id, later, TODAY)).toEqual({ ok: false, code: 'pairing-ended' })
    expect(await reopened.receive(pairing.id, first.bytes, TODAY)).toEqual({
      ok: false,
      code: 'pairing-ended',
    })
  })

  it('erases by itself 14 days after the end, and only those', async () => {
    const store = useWorkerPairingsStore()
    const longAgo = await pairByOffer({
      endsOn: '2026-11-20',
      label: 'A',
      key: 'aa'.repeat(32),
      pairingId: 'aa'.repeat(16),
    })
    const recently = await pairByOffer({
      endsOn: '2026-11-30',
      label: 'B',
      key: 'bb'.repeat(32),
      pairingId: 'bb'.repeat(16),
    })
    const active = await pairByOffer({
      endsOn: '2027-03-01',
      label: 'C',
      key: 'cc'.repeat(32),
      pairingId: 'cc'.repeat(16),
    })
    expect(await store.eraseDue(TODAY)).toBe(1)
    const erased = (id: string) => store.byId(id)?.shareKey === UNUSABLE_SHARE_KEY
    expect(store.byId(longAgo.id)).toMatchObject({ label: 'A', copy: { records: [] } })
    expect([erased(longAgo.id), erased(recently.id), erased(active.id)]).toEqual([true, false, false])
    // Checked again: nothing more to do.
    expect(await store.eraseDue(TODAY)).toBe(0)
    expect(await store.eraseDue(day('2026-12-14'))).toBe(1)
    expect(erased(recently.id)).toBe(true)
  })
})
