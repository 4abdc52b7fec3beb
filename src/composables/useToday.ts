import { onScopeDispose, ref, type Ref } from 'vue'
import { civilDateOnDevice, type CivilDate } from '@/domain/civilDate'

function localToday(): CivilDate {
  return civilDateOnDevice(new Date())
}

/**
 * Today's date in the device's time zone, kept current across midnight and when the app
 * comes back from the background (a phone may sleep for days with the app open).
 */
export function useToday(options: { now?: () => CivilDate } = {}): Ref<CivilDate> {
  const read = options.now ?? localToday
  const today = ref(read())
  const refresh = (): void => {
    const next = read()
    if (next !== today.value) today.value = next
  }
  const timer = setInterval(refresh, 60_000)
  document.addEventListener('visibilitychange', refresh)
  onScopeDispose(() => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', refresh)
  })
  return today
}
