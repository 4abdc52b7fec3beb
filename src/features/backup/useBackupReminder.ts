import { computed, type ComputedRef } from 'vue'
import { backupReminder, type BackupReminder } from '@/domain/backupReminders'
import { courseOn, type CourseStatus } from '@/domain/phases'
import { useToday } from '@/composables/useToday'
import { useRecordsStore } from '@/stores/records'
import { courseInputOf, currentPlan } from '@/features/plan/course'
import { useBackupHistory } from './backupHistory'

/** The backup reminder due today (see `@/domain/backupReminders`), or null. */
export function useBackupReminder(): {
  readonly reminder: ComputedRef<BackupReminder | null>
  readonly history: ReturnType<typeof useBackupHistory>
} {
  const records = useRecordsStore()
  const history = useBackupHistory()
  const today = useToday()
  const course = computed((): CourseStatus | null => {
    const plan = currentPlan(records.byKind('plan'))
    const input = plan === null ? null : courseInputOf(plan)
    if (input === null) return null
    try {
      return courseOn(input, today.value)
    } catch {
      // Dates that break a rule are explained on Home; the reminder then counts months only.
      return null
    }
  })
  const reminder = computed(() =>
    backupReminder({ lastBackup: history.lastBackup, today: today.value, course: course.value }),
  )
  return { reminder, history }
}
