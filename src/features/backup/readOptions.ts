import { inject, type InjectionKey } from 'vue'
import type { ReadBackupOptions } from '@/data/backup/format'

/**
 * How backup files are read on these screens (inspect, verify). The app never provides it, so
 * the production key-derivation policy applies; tests provide their cheap test policy, the same
 * way they open the vault with it.
 */
export const backupReadOptionsKey: InjectionKey<ReadBackupOptions> = Symbol('backup read options')

export function useBackupReadOptions(): ReadBackupOptions {
  return inject(backupReadOptionsKey, {})
}
