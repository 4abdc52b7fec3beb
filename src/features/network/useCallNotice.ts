import { ref } from 'vue'
import { readDeviceSettings, writeDeviceSettings } from '@/stores/deviceSettings'

/**
 * "Calls and messages show in your phone's own logs": said once per device, the first time she
 * calls, texts or mails someone from Trin. That it was said is kept in the device's plaintext
 * settings entry (field `n`, `src/stores/deviceSettings.ts`): a neutral letter that says a
 * notice was seen, not who was called or that a network exists. Where storage is refused the
 * memory of this visit still keeps it from being said twice.
 */
const seenThisVisit = ref(false)

export function useCallNotice() {
  return {
    /** Whether the notice still has to be shown before a call, text or mail goes out. */
    needed: () => !seenThisVisit.value && !readDeviceSettings().n,
    acknowledge: () => {
      seenThisVisit.value = true
      writeDeviceSettings({ n: true })
    },
  }
}

/** For tests: forget this visit's memory (the stored setting is the test's to clear). */
export function forgetCallNoticeForTests(): void {
  seenThisVisit.value = false
}
