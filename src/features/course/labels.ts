import { dayOneKind } from '@/domain/courseEdits'
import type { TargetGroup } from '@/schemas'
import type { MessageKey } from '@/app/i18n/keys'

/** Message key of the label for the day-1 date field (what day 1 is: see `dayOneKind`). */
export function dayOneLabel(group: TargetGroup | null): MessageKey {
  return `onboarding.dates.dayOne.${dayOneKind(group)}` satisfies MessageKey
}
