import type { TargetGroup } from '@/schemas'

/**
 * What day 1 is called for each transition: the day of the move for most, the day housing
 * support starts for Greenlanders moving into it, the first day of work for those moving
 * into work (CTI-BRIEF.md, "Who uses it").
 */
const DAY_ONE = {
  homelessness: 'move',
  shelter: 'move',
  psychiatry: 'move',
  aftercare: 'move',
  greenlanders: 'support',
  employment: 'work',
  other: 'other',
} as const satisfies Record<TargetGroup, string>

/** Message key of the label for the day-1 date field. */
export function dayOneLabel(group: TargetGroup | null): string {
  return `onboarding.dates.dayOne.${group === null ? 'other' : DAY_ONE[group]}`
}
