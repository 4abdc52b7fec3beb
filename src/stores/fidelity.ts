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
 * it is kept in the device settings (field `k`).
 */
export const useFidelityStore = defineStore('fidelity', () => {
  const records = useRecordsStore()
  const pairings = useWorkerPairingsStore()
  /** The caseload-size reminder hidden (its `dismissalId`), or null. */
  const caseloadHidden = ref<string | null>(readDeviceSettings().k)

  /** Hides one reminder about the citizen of pairing `pairingId`. A failed save rethrows. */
  async function dismiss(pairingId: string, id: string): Promise<void> {
    const pairing = pairings.byId(pairingId)
    if (!pairing) return
    await records.save({ ...pairing, dismissed: withDismissal(pairing.dismissed, id) })
  }

  /** Hides the caseload-size reminder; false when storage refused it (hidden for this visit). */
  function dismissCaseload(id: `caseloadSize:${number}`): boolean {
    caseloadHidden.value = id
    return writeDeviceSettings({ k: id })
  }

  return { caseloadHidden, dismiss, dismissCaseload }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFidelityStore, import.meta.hot))
