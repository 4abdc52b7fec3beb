import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { withDismissal } from '@/domain/fidelity'
import { readDeviceSettings, writeDeviceSettings } from './deviceSettings'
import { useRecordsStore } from './records'
import { useWorkerPairingsStore } from './workerPairings'

/**
 * The fidelity reminders the worker hid (issue #15 item 5; the rules are `src/domain/fidelity.ts`).
 * One citizen's are kept on her `workerPairing` record (`dismissed`), in the encrypted vault,
 * and go with the pairing when it is removed. The caseload-size reminder is about no citizen:
 * it is kept in the device settings (field `k`: the size at which it was hidden — a number is
 * all the first screen's settings schema has room for).
 */
export const useFidelityStore = defineStore('fidelity', () => {
  const records = useRecordsStore()
  const pairings = useWorkerPairingsStore()
  /** The caseload size at which its reminder was hidden, or null. */
  const caseloadHidden = ref<number | null>(readDeviceSettings().k)

  /** Hides one reminder about the citizen of pairing `pairingId`. A failed save rethrows. */
  async function dismiss(pairingId: string, id: string): Promise<void> {
    const pairing = pairings.byId(pairingId)
    if (!pairing) return
    await records.save({ ...pairing, dismissed: withDismissal(pairing.dismissed, id) })
  }

  /**
   * Hides the caseload-size reminder at this size (it shows again at another); false when
   * storage refused it (hidden for this visit all the same).
   */
  function dismissCaseload(count: number): boolean {
    caseloadHidden.value = count
    return writeDeviceSettings({ k: count })
  }

  return { caseloadHidden, dismiss, dismissCaseload }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFidelityStore, import.meta.hot))
