/**
 * Whether "Help now" shows, with the focus moves a disclosure needs: opening moves focus to the
 * panel's heading (a screen reader starts reading the numbers; `HelpNowSheet` does it once the
 * panel has loaded and mounted), closing returns it to the header button. Moving to another screen closes it, so a navigation tap always shows that screen.
 */
import { computed, nextTick, ref, watch, type ComputedRef, type Ref } from 'vue'
import { useRecordsStore } from '@/stores/records'
import type { TargetGroup } from '@/schemas'

export const HELP_NOW_PANEL_ID = 'help-now'
export const HELP_NOW_HEADING_ID = 'help-now-heading'

export interface HelpNowState {
  readonly open: Ref<boolean>
  toggle: () => void
  close: () => void
}

export function useHelpNow(closeWhenChanges: () => unknown): HelpNowState {
  const open = ref(false)

  function focusById(id: string): void {
    void nextTick(() => document.getElementById(id)?.focus())
  }
  function close(): void {
    if (!open.value) return
    open.value = false
    focusById('help-now-button')
  }
  function toggle(): void {
    if (open.value) {
      close()
      return
    }
    open.value = true
  }
  watch(closeWhenChanges, () => {
    open.value = false
  })
  return { open, toggle, close }
}

/**
 * The open plan's target group, or null while locked: the records are cleared on lock, so the
 * order of the lines on the lock screen never tells an onlooker which transition this is.
 */
export function useHelpNowGroup(): ComputedRef<TargetGroup | null> {
  const records = useRecordsStore()
  return computed(() => records.byKind('plan')[0]?.targetGroup ?? null)
}
