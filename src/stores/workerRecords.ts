import { computed, onScopeDispose, type ComputedRef } from 'vue'
import type { Author, RecordKind, RecordOf } from '@/schemas'
import { useRecordsStore } from './records'
import { useVaultStore } from './vault'

/**
 * The author of what the worker's own device writes: the worker, by this device's id (a device
 * without an id yet writes as the citizen, as the records store does).
 */
export function useWorkerAuthor(): () => Author {
  const vault = useVaultStore()
  return () => (vault.deviceId === null ? 'citizen' : `worker:${vault.deviceId}`)
}

/**
 * A worker store's own live records of one kind, for use inside the store's setup. A computed
 * keeps its last result until read again, so it is read at the lock (after the records store has
 * cleared): none of them outlives the lock in this cache, or the lock fails loudly (`what` names
 * them in the error).
 */
export function useLiveWorkerRecords<K extends RecordKind>(
  kind: K,
  what: string,
): ComputedRef<readonly RecordOf<K>[]> {
  const records = useRecordsStore()
  const vault = useVaultStore()
  const live = computed(() => records.byKind(kind))
  const stopClose = vault.onClose(() => {
    if (live.value.length > 0) throw new Error(`${what} survived the lock`)
  })
  onScopeDispose(stopClose)
  return live
}
