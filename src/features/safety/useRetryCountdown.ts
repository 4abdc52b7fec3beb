import { computed, onScopeDispose, ref, watch, type ComputedRef } from 'vue'

/**
 * Whole seconds until `retryAt` (epoch ms), counting down once a second; 0 when a try is allowed.
 * After several wrong passphrases the data layer sets the growing delay; this shows it.
 */
export function useRetryCountdown(
  retryAt: () => number | null,
  now: () => number = () => Date.now(),
): ComputedRef<number> {
  const tick = ref(now())
  let timer: ReturnType<typeof setInterval> | null = null

  function stop(): void {
    if (timer !== null) clearInterval(timer)
    timer = null
  }

  const seconds = computed(() => {
    const at = retryAt()
    return at === null ? 0 : Math.max(0, Math.ceil((at - tick.value) / 1000))
  })

  watch(
    retryAt,
    (at) => {
      tick.value = now()
      stop()
      if (at === null || at <= tick.value) return
      timer = setInterval(() => {
        tick.value = now()
        if (seconds.value === 0) stop()
      }, 1000)
    },
    { immediate: true },
  )
  onScopeDispose(stop)
  return seconds
}
