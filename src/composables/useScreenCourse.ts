import { onMounted } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useCourseToday, type CourseToday } from './useCourseToday'

/** What a screen about the plan starts from: the vault, the records, today, the plan, the course. */
export interface ScreenCourse extends CourseToday {
  readonly vault: ReturnType<typeof useVaultStore>
  readonly records: ReturnType<typeof useRecordsStore>
}

/**
 * The plan and its course today (`useCourseToday`) for a screen, opening the vault when the
 * screen appears, as every screen does; a failed open shows through `vault.status` and changes
 * nothing on disk.
 */
export function useScreenCourse(): ScreenCourse {
  const vault = useVaultStore()
  const records = useRecordsStore()
  onMounted(() => {
    vault.open().catch(() => undefined)
  })
  return { vault, records, ...useCourseToday() }
}
