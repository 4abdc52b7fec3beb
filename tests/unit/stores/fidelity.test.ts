// @vitest-environment happy-dom
/**
 * The hidden fidelity reminders (src/stores/fidelity.ts) with the real vault: one citizen's on
 * her pairing record, kept across a lock and erased with the pairing; the caseload-size one in
 * the device settings.
 */
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { useFidelityStore } from '@/stores/fidelity'
import { readDeviceSettings } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day } from '../../factories/records'
import { pairByOffer } from '../../support/workerVault'
import { freshStoresForEachTest } from '../../support/storesVault'

freshStoresForEachTest({ clearLocalStorage: true })

const pair = () => pairByOffer({ endsOn: '2027-05-24' })

describe('useFidelityStore', () => {
  it("keeps a citizen's hidden reminders on her pairing, across a lock, and erases them with it", async () => {
    const pairing = await pair()
    expect(pairing.dismissed).toBeUndefined()
    const store = useFidelityStore()
    await store.dismiss(pairing.id, 'rating:phase1:2026-11-10')
    await store.dismiss(pairing.id, 'focusAreas:2026-11-24:2:4')
    await store.dismiss(pairing.id, 'rating:phase1:2026-11-10')
    expect(useWorkerPairingsStore().byId(pairing.id)?.dismissed).toEqual([
      'focusAreas:2026-11-24:2:4',
      'rating:phase1:2026-11-10',
    ])

    useVaultStore().close()
    await useVaultStore().open()
    expect(useWorkerPairingsStore().byId(pairing.id)?.dismissed).toEqual([
      'focusAreas:2026-11-24:2:4',
      'rating:phase1:2026-11-10',
    ])

    await useWorkerPairingsStore().unpair(pairing.id, day('2026-12-07'))
    const tombstone = useRecordsStore().recordsById.get(pairing.id)
    expect(tombstone).toMatchObject({ deleted: true, label: '-' })
    expect(tombstone?.kind === 'workerPairing' ? tombstone.dismissed : 'not a pairing').toBeUndefined()
  })

  it('does nothing for a pairing that is not there', async () => {
    await useFidelityStore().dismiss(crypto.randomUUID(), 'rating:phase1:2026-11-10')
    expect(useWorkerPairingsStore().pairings).toEqual([])
  })

  it('keeps the caseload-size reminder hidden in the device settings', () => {
    const store = useFidelityStore()
    expect(store.caseloadHidden).toBeNull()
    expect(store.dismissCaseload(11)).toBe(true)
    expect(store.caseloadHidden).toBe(11)
    expect(readDeviceSettings().k).toBe(11)
    setActivePinia(createPinia())
    expect(useFidelityStore().caseloadHidden).toBe(11)
  })
})
