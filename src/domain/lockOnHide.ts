/**
 * Whether hiding the app (another app, the home screen, the screen off) locks it, when the
 * citizen has not chosen. On for the shelter transition: a woman leaving a shelter may live with
 * or near the person she left, and a phone put down for a moment must not show her plan. For
 * other transitions the auto-lock after a few minutes is the default, so a plan can be looked at
 * between calls without typing the passphrase each time. The citizen's own choice always wins.
 */
import type { TargetGroup } from '@/schemas'

/** Target groups for which leaving the app locks it unless the citizen turned that off. */
const LOCK_ON_HIDE_TARGET_GROUPS: readonly TargetGroup[] = ['shelter']

/** The default for a plan's target group; false while no plan is known (onboarding, locked). */
export function lockOnHideDefault(targetGroup: TargetGroup | undefined): boolean {
  return targetGroup !== undefined && LOCK_ON_HIDE_TARGET_GROUPS.includes(targetGroup)
}

/** The setting in force: the citizen's choice if there is one (`null`: none), else the default. */
export function lockOnHideInForce(choice: boolean | null, targetGroup: TargetGroup | undefined): boolean {
  return choice ?? lockOnHideDefault(targetGroup)
}
