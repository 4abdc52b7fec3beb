/**
 * The course forms' messages: each problem code of the domain's checks (`@/domain/courseEdits`)
 * as the message key shown beside the field at fault. The rules themselves live in the domain.
 */
import type { MessageKey } from '@/app/i18n/keys'
import type { CourseErrorCode } from '@/domain/phases'
import type { CivilDate } from '@/domain/civilDate'
import { checkDates as checkDatesRules, type DatesProblem, type PauseDateProblem } from '@/domain/courseEdits'
import type { Plan } from '@/schemas'

/** The message shown for each way course dates can break the phase engine's rules. */
const courseErrorMessages = {
  'invalid-date': 'course.error.invalidDate',
  'contact-after-transition': 'course.error.contactAfterTransition',
  'restart-before-transition': 'course.error.restartBeforeTransition',
  'pause-before-start': 'course.error.pauseBeforeStart',
  'pause-end-before-start': 'course.error.pauseEndBeforeStart',
  'pause-empty': 'course.error.pauseEmpty',
  'pauses-overlap': 'course.error.pausesOverlap',
  'open-pause-not-last': 'course.error.openPauseNotLast',
  'pause-spans-restart': 'course.error.pauseSpansRestart',
  'pause-after-end': 'course.error.pauseAfterEnd',
  'date-out-of-range': 'course.error.dateOutOfRange',
} as const satisfies Record<CourseErrorCode, MessageKey>

const datesMessages = {
  ...courseErrorMessages,
  'day-one-needed': 'course.error.dayOneNeeded',
} as const satisfies Record<DatesProblem, MessageKey>

/** The message for a pause's start or end day. */
export const pauseDateMessages = {
  ...courseErrorMessages,
  'date-needed': 'course.error.dateNeeded',
} as const satisfies Record<PauseDateProblem, MessageKey>

/** The message when a pause has no reason. */
export const pauseReasonMessage = 'pause.reasonNeeded' satisfies MessageKey

/** Course dates as a form gives them: both checked, or the field at fault with a message key. */
export type DatesCheck =
  | { readonly ok: true; readonly contactStart: CivilDate; readonly transitionDate: CivilDate | null }
  | { readonly ok: false; readonly field: 'contactStart' | 'transitionDate'; readonly message: MessageKey }

/** What CourseDateFields offers its form: the typed dates when they keep the rules, else null. */
export interface CourseDateFieldsHandle {
  checked: (
    today: CivilDate,
    plan?: Pick<Plan, 'pauses' | 'restarts'>,
  ) => Extract<DatesCheck, { readonly ok: true }> | null
}

/** The domain's `checkDates`, with the problem as its message key. */
export function checkDates(
  contactText: string,
  transitionText: string,
  today: CivilDate,
  plan?: Pick<Plan, 'pauses' | 'restarts'>,
): DatesCheck {
  const checked = checkDatesRules(contactText, transitionText, today, plan)
  return checked.ok ? checked : { ok: false, field: checked.field, message: datesMessages[checked.problem] }
}
