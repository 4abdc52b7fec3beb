import { computed, type ComputedRef } from 'vue'
import { backupReminder, type BackupReminder } from '@/domain/backupReminders'
import { statusOf } from '@/domain/course'
import { useCourseToday } from '@/composables/useCourseToday'
import { useBackupHistory } from './backupHistory'

/**
 * The backup reminder due today (see `@/domain/backupReminders`), or null. Without a course to
 * go by (no day 1, or dates that break a rule, explained on Home) it counts months only.
 */
export function useBackupReminder(): {
  readonly reminder: ComputedRef<BackupReminder | null>
  readonly history: ReturnType<typeof useBackupHistory>
} {
  const history = useBackupHistory()
  const { today, course } = useCourseToday()
  const reminder = computed(() =>
    backupReminder({ lastBackup: history.lastBackup, today: today.value, course: statusOf(course.value) }),
  )
  return { reminder, history }
}
