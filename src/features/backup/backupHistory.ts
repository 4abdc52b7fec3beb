/**
 * When the last backup was saved and checked, for the reminders. Kept in the one plaintext
 * settings entry (`@/stores/deviceSettings`, field `b`) because there is no encrypted
 * place for settings yet; it holds one calendar date and no plan content. What it reveals to
 * someone who copies the browser's storage: that a backup file was saved on that day (the file
 * itself is encrypted, its name neutral).
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { CivilDate } from '@/domain/civilDate'
import { readDeviceSettings, writeDeviceSettings } from '@/stores/deviceSettings'

export const useBackupHistory = defineStore('backupHistory', () => {
  /** The local date of the last backup that was saved, read back and checked; null if none. */
  const lastBackup = ref<CivilDate | null>(readDeviceSettings().b)
  /** The reminder was put off today ("Not now"); for this visit only. */
  const snoozed = ref(false)

  /** Records a checked backup saved on `date`. */
  function recordBackup(date: CivilDate): void {
    lastBackup.value = date
    snoozed.value = false
    writeDeviceSettings({ b: date })
  }

  return { lastBackup, snoozed, recordBackup }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBackupHistory, import.meta.hot))
