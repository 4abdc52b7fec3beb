/**
 * When the last backup was made and checked, for the reminders. Kept in plain localStorage
 * (`trin.backup`) because there is no encrypted place for settings yet; it holds one calendar
 * date and no plan content. What it reveals to someone who copies the browser's storage: that a
 * backup file was made on that day (the file itself is encrypted, its name neutral).
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { z } from '@/schemas/zod'
import { civilDate } from '@/schemas/base'
import type { CivilDate } from '@/domain/civilDate'
import { readLocal, writeLocal } from '@/features/safety/localSettings'

export const BACKUP_STORAGE_KEY = 'trin.backup'

const storedBackup = z.object({ lastBackup: civilDate.nullable().catch(null).default(null) })

export const useBackupHistory = defineStore('backupHistory', () => {
  /** The local date of the last backup that was made, read back and checked; null if none. */
  const lastBackup = ref<CivilDate | null>(readLocal(BACKUP_STORAGE_KEY, storedBackup).lastBackup)
  /** The reminder was put off today ("Not now"); for this visit only. */
  const snoozed = ref(false)

  /** Records a checked backup made on `date`. */
  function recordBackup(date: CivilDate): void {
    lastBackup.value = date
    snoozed.value = false
    writeLocal(BACKUP_STORAGE_KEY, { lastBackup: date })
  }

  return { lastBackup, snoozed, recordBackup }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBackupHistory, import.meta.hot))
