/**
 * The worker's visit log store (src/stores/workerVisits.ts) with the real vault: a visit is
 * written by the worker into the vault, read back after the lock, edited, removed as a tombstone
 * without its place, and its stage comes from the plan in her shared copy.
 */
import { describe, expect, it } from 'vitest'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { useWorkerVisitsStore } from '@/stores/workerVisits'
import { day, makePlan } from '../../factories/records'
import { herSharePackage, pairByOffer, TODAY } from '../../support/workerVault'
import { freshStoresForEachTest } from '../../support/storesVault'

freshStoresForEachTest()

const pairing = () => pairByOffer({ endsOn: '2027-05-23' })

describe('useWorkerVisitsStore', () => {
  it('logs visits per citizen, newest first, written by the worker and kept over the lock', async () => {
    const store = useWorkerVisitsStore()
    const sara = await pairing()
    const first = await store.add(sara.id, {
      date: day('2026-11-01'),
      minutes: 60,
      mode: 'home',
      stage: null,
    })
    const second = await store.add(sara.id, {
      date: day('2026-12-01'),
      minutes: 30,
      mode: 'phone',
      place: 'Telefon',
      stage: 'phase2',
    })
    await store.add(crypto.randomUUID(), {
      date: day('2026-12-02'),
      minutes: 15,
      mode: 'network',
      stage: null,
    })
    expect(first).toMatchObject({ kind: 'workerVisit', citizen: sara.id, shared: false })
    expect(first.author).toMatch(/^worker:[0-9a-f]{16}$/)
    expect(store.visitsFor(sara.id).map((visit) => visit.id)).toEqual([second.id, first.id])

    useVaultStore().close()
    expect(useWorkerVisitsStore().visits).toHaveLength(0)
    await useVaultStore().open()
    expect(useWorkerVisitsStore().visitsFor(sara.id)).toEqual([second, first])
  })

  it('edits a visit to hold exactly the form, and removes one without its place', async () => {
    const store = useWorkerVisitsStore()
    const sara = await pairing()
    const visit = await store.add(sara.id, {
      date: day('2026-12-01'),
      minutes: 30,
      mode: 'phone',
      place: 'Kontoret',
      stage: null,
    })
    const edited = await store.edit(visit.id, {
      date: day('2026-12-02'),
      minutes: 45,
      mode: 'authority',
      stage: 'phase2',
    })
    expect(edited).toMatchObject({ id: visit.id, minutes: 45, mode: 'authority', stage: 'phase2' })
    expect(edited && 'place' in edited).toBe(false)
    expect(
      await store.edit(crypto.randomUUID(), { date: TODAY, minutes: 1, mode: 'home', stage: null }),
    ).toBeUndefined()

    const kept = await store.add(sara.id, {
      date: TODAY,
      minutes: 20,
      mode: 'home',
      place: 'Hjemme',
      stage: null,
    })
    await store.remove(kept.id)
    expect(store.visitsFor(sara.id).map((v) => v.id)).toEqual([visit.id])
    const tombstone = useRecordsStore().recordsById.get(kept.id)
    expect(tombstone).toMatchObject({ deleted: true, minutes: 20 })
    expect(tombstone && 'place' in tombstone).toBe(false)
  })

  it('takes the stage from the plan she shares, null without it', async () => {
    const store = useWorkerVisitsStore()
    const sara = await pairing()
    expect(store.stageFor(sara.id, day('2026-09-01'))).toBeNull()
    const bytes = await herSharePackage(1, { records: [makePlan({ shared: true })], tombstones: [] })
    expect(await useWorkerPairingsStore().receive(sara.id, bytes, TODAY)).toMatchObject({ ok: true })
    expect(store.stageFor(sara.id, day('2026-09-01'))).toBe('phase1')
    expect(store.stageFor(sara.id, day('2027-03-01'))).toBe('phase3')
    expect(store.stageFor(crypto.randomUUID(), day('2026-09-01'))).toBeNull()
  })
})
