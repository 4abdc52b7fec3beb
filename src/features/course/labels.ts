import { dayOneKind } from '@/domain/courseEdits'
import type { TargetGroup } from '@/schemas'

/** Message key of the label for the day-1 date field (what day 1 is: see `dayOneKind`). */
export function dayOneLabel(group: TargetGroup | null): string {
  return `onboarding.dates.dayOne.${dayOneKind(group)}`
}
