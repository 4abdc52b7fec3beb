/**
 * The words and icons of sharing, in one place for every control and view: each section's
 * heading and icon, and why a record can never be shared.
 */
import type { IconName } from '@/components/AppIcon.vue'
import type { NeverSharedReason, ShareSection } from '@/domain/sharing'

/** Each section's heading. */
export const sectionKeys = {
  course: 'sharing.section.course',
  goals: 'sharing.section.goals',
  activities: 'sharing.section.activities',
  network: 'sharing.section.network',
  ratings: 'sharing.section.ratings',
  handover: 'sharing.section.handover',
  visits: 'sharing.section.visits',
  notes: 'sharing.section.notes',
} as const satisfies Record<ShareSection, string>

/** Each section's icon. */
export const sectionIcons = {
  course: 'calendar',
  goals: 'flag',
  activities: 'list',
  network: 'people',
  ratings: 'plan',
  handover: 'next',
  visits: 'person',
  notes: 'note',
} as const satisfies Record<ShareSection, IconName>

const neverKeys = {
  'private-contact': 'sharing.never.privateContact',
  'kept-safe-from': 'sharing.never.keptSafeFrom',
  kind: 'sharing.never.kind',
} as const satisfies Record<NeverSharedReason, string>

/** Why a record can never be shared, in words; null when it can be. */
export function neverSharedKey(
  reason: NeverSharedReason | null,
): (typeof neverKeys)[NeverSharedReason] | null {
  return reason === null ? null : neverKeys[reason]
}
