import { checkWorker as checkWorkerRules, type WorkerProblem } from '@/domain/courseEdits'
import type { PlanWorker } from '@/schemas'
import type { MessageKey } from '@/app/i18n/keys'

const workerMessages = {
  nameNeeded: 'onboarding.worker.nameNeeded',
  nameTooLong: 'onboarding.worker.nameTooLong',
  phoneInvalid: 'onboarding.worker.phoneInvalid',
} as const satisfies Record<WorkerProblem, MessageKey>

/** The worker's name and phone as typed: a worker, no worker (both empty), or the field at fault. */
export type WorkerCheck =
  | { readonly ok: true; readonly worker: PlanWorker | null }
  | { readonly ok: false; readonly field: 'name' | 'phone'; readonly message: MessageKey }

/** What CourseWorkerFields offers its form: check what was typed, or clear the messages. */
export interface CourseWorkerFieldsHandle {
  checked: () => Extract<WorkerCheck, { readonly ok: true }> | null
  clear: () => void
}

/** The domain's `checkWorker`, with the problem as its message key. */
export function checkWorker(nameText: string, phoneText: string): WorkerCheck {
  const checked = checkWorkerRules(nameText, phoneText)
  return checked.ok ? checked : { ok: false, field: checked.field, message: workerMessages[checked.problem] }
}

/** The `tel:` address of a phone number (digits and + only; the schema allows nothing unsafe). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`
}
