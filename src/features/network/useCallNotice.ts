import { ref } from 'vue'

/**
 * "Calls and messages show in your phone's own logs": said once, the first time she calls,
 * texts or mails someone from Trin after the app starts. Held in memory only — storing that
 * she has seen it would itself say, to someone reading the browser's storage, that she uses a
 * network list — so after a reload it is said once more, which does no harm.
 */
const seen = ref(false)

export function useCallNotice() {
  return {
    /** Whether the notice still has to be shown before a call, text or mail goes out. */
    needed: () => !seen.value,
    acknowledge: () => {
      seen.value = true
    },
  }
}
