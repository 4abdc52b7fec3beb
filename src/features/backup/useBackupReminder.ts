import { computed, type ComputedRef } from 'vue'
import {
  backupReminder,
  reminderGraceOf,
  type BackupReminder,
  type ReminderGrace,
} from '@/domain/backupReminders'
import { statusOf } from '@/domain/course'
import { useCourseToday } from '@/composables/useCourseToday'
import { useRecordsStore } from '@/stores/records'
import { useBackupHistory } from './backupHistory'

/**
 * The backup reminder due today (see `@/domain/backupReminders`), or null. Without a course to
 * go by (no day 1, or dates that break a rule, explained on Home) it counts months only. The
 * grace period counts from the day the plan record was made, on this phone's calendar.
 */
export function useBackupReminder(): {
  readonly reminder: ComputedRef<BackupReminder | null>
  readonly history: ReturnType<typeof useBackupHistory>
} {
  const history = useBackupHistory()
  const records = useRecordsStore()
  const { today, course, plan } = useCourseToday()
  const grace = computed((): ReminderGrace | undefined => {
    if (plan.value === null) return undefined
    return reminderGraceOf(plan.value, records.live, Intl.DateTimeFormat().resolvedOptions().timeZone)
  })
  const reminder = computed(() =>
    backupReminder({
      lastBackup: history.lastBackup,
      today: today.value,
      course: statusOf(course.value),
      grace: grace.value,
    }),
  )
  return { reminder, history }
}
