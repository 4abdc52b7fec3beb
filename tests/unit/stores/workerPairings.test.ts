/**
 * The worker device's pairings store (src/stores/workerPairings.ts) with the real vault and real
 * encoded packages: pairing by QR offer and by short code, receiving newer / the same / older
 * packages, and every refusal (wrong key, another pairing, ended, broken bytes) changing nothing.
 */
import { describe, expect, it } from 'vitest'
import type { ShareableRecord } from '@/domain/sharing'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day, makeGoal, makeNote } from '../../factories/records'
import { herSharePackage, KEY, PAIRING, pairByOffer, TODAY } from '../../support/workerVault'
import { freshStoresForEachTest } from '../../support/storesVault'

const OTHER = 'fedcba9876543210fedcba9876543210'
const WRONG_KEY = 'ff'.repeat(32)

const goal = makeGoal({ shared: true, title: 'Sove bedre' })
const note = makeNote({ shared: true, text: 'Ring til kommunen' })

function packageOf(
  seq: number,
  records: ShareableRecord[],
  tombstones: string[] = [],
  { pairingId = PAIRING, key = KEY } = {},
): Promise<Uint8Array> {
  return herSharePackage(seq, { records, tombstones }, { pairingId, key })
}

freshStoresForEachTest()

describe('useWorkerPairingsStore', () => {
  it('pairs once per citizen, written by the worker into the vault', async () => {
    const store = useWorkerPairingsStore()
    const pairing = await pairByOffer()
    expect(pairing).toMatchObject({ kind: 'workerPairing', label: 'Sara', pairedAt: TODAY, shared: false })
    expect(pairing.author).toMatch(/^worker:[0-9a-f]{16}$/)
    const again = await store.pair({ from: 'short-code', shareKey: KEY }, 'Sara igen', TODAY)
    expect(again).toMatchObject({ ok: false, code: 'already-paired' })
    expect(store.pairings).toHaveLength(1)
    useVaultStore().close()
    await useVaultStore().open()
    expect(useWorkerPairingsStore().pairings).toEqual([pairing])
  })

  it('takes a newer package, ignores the same and an older one, drops what is tombstoned', async () => {
    const store = useWorkerPairingsStore()
    const pairing = await pairByOffer()
    const first = await packageOf(1, [goal, note])
    const second = await packageOf(2, [goal], [note.id])

    expect(await store.receive(pairing.id, first, TODAY)).toMatchObject({ ok: true, changed: true })
    expect(
      store
        .byId(pairing.id)
        ?.copy.records.map((r) => r.id)
        .sort(),
    ).toEqual([goal.id, note.id].sort())
    expect(await store.receive(pairing.id, first, TODAY)).toEqual({
      ok: true,
      changed: false,
      why: 'already-applied',
    })
    expect(await store.receive(pairing.id, second, TODAY)).toMatchObject({ ok: true, changed: true })
    expect(await store.receive(pairing.id, first, TODAY)).toEqual({ ok: true, changed: false, why: 'older' })
    expect(store.byId(pairing.id)?.copy).toEqual({
      pairingId: PAIRING,
      seq: 2,
      records: [goal],
      tombstones: [note.id],
      // The day her phone made it (10:00 UTC), on this device's calendar.
      madeOn: '2026-12-07',
    })
  })

  it('learns the pairing id from the first package when paired by short code', async () => {
    const store = useWorkerPairingsStore()
    const result = await store.pair({ from: 'short-code', shareKey: KEY }, 'S. H.', TODAY)
    if (!result.ok) throw new Error('not paired')
    expect(result.pairing.copy.pairingId).toBeNull()
    expect(await store.receive(result.pairing.id, await packageOf(3, [goal]), TODAY)).toMatchObject({
      ok: true,
    })
    expect(store.byId(result.pairing.id)?.copy).toMatchObject({ pairingId: PAIRING, seq: 3 })
    // From then on, another pairing's package is refused even with the same key.
    const foreign = await packageOf(4, [], [], { pairingId: OTHER })
    expect(await store.receive(result.pairing.id, foreign, TODAY)).toEqual({
      ok: false,
      code: 'wrong-pairing',
    })
  })

  it.each([
    ['a wrong key', () => packageOf(1, [goal], [], { key: WRONG_KEY }), TODAY, 'decrypt-failed'],
    ['another pairing', () => packageOf(1, [goal], [], { pairingId: OTHER }), TODAY, 'wrong-pairing'],
    ['an ended pairing', () => packageOf(1, [goal]), day('2027-03-01'), 'pairing-ended'],
    [
      'bytes that are no package',
      () => Promise.resolve(new TextEncoder().encode('hello')),
      TODAY,
      'bad-format',
    ],
    [
      'a changed byte',
      async () => {
        const bytes = await packageOf(1, [goal])
        bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1
        return bytes
      },
      TODAY,
      'decrypt-failed',
    ],
  ] as const)('refuses %s and changes nothing', async (_label, make, today, code) => {
    const store = useWorkerPairingsStore()
    const pairing = await pairByOffer()
    const before = useRecordsStore().recordsById
    expect(await store.receive(pairing.id, await make(), today)).toEqual({ ok: false, code })
    expect(useRecordsStore().recordsById).toBe(before)
    expect(store.byId(pairing.id)).toEqual(pairing)
  })

  it('says so for a pairing that is not on this device', async () => {
    expect(
      await useWorkerPairingsStore().receive(crypto.randomUUID(), await packageOf(1, []), TODAY),
    ).toEqual({
      ok: false,
      code: 'unknown-pairing',
    })
  })

  it('removes a pairing with its copy', async () => {
    const store = useWorkerPairingsStore()
    const pairing = await pairByOffer()
    await store.receive(pairing.id, await packageOf(1, [goal]), TODAY)
    await store.unpair(pairing.id, TODAY)
    expect(store.pairings).toEqual([])
    const tombstone = useRecordsStore().recordsById.get(pairing.id)
    expect(tombstone).toMatchObject({ deleted: true, label: '-', copy: { records: [], tombstones: [] } })
  })
})
