// @vitest-environment happy-dom
/**
 * The hidden fidelity reminders (src/stores/fidelity.ts) with the real vault: one citizen's on
 * her pairing record, kept across a lock and erased with the pairing; the caseload-size one in
 * the device settings.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deleteDatabase } from '@/data/db'
import { useFidelityStore } from '@/stores/fidelity'
import { readDeviceSettings } from '@/stores/deviceSettings'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day } from '../../factories/records'

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'

beforeEach(async () => {
  await deleteDatabase()
  localStorage.clear()
  setActivePinia(createPinia())
  vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-07T09:00:00.000Z'))
  await useVaultStore().open()
})

afterEach(() => {
  useVaultStore().close()
})

async function pair() {
  const result = await useWorkerPairingsStore().pair(
    {
      from: 'offer',
      pairingId: '0123456789abcdef0123456789abcdef',
      shareKey: KEY,
      endsOn: day('2027-05-24'),
    },
    'Sara',
    day('2026-12-07'),
  )
  if (!result.ok) throw new Error('not paired')
  return result.pairing
}

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
