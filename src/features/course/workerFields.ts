import { personName, phone, type PlanWorker } from '@/schemas'

/** The worker's name and phone as typed: a worker, no worker (both empty), or the field at fault. */
export type WorkerCheck =
  | { readonly ok: true; readonly worker: PlanWorker | null }
  | { readonly ok: false; readonly field: 'name' | 'phone'; readonly message: string }

/** Checks the format of the two worker fields with the plan schema's own rules. */
export function checkWorker(nameText: string, phoneText: string): WorkerCheck {
  const name = nameText.trim()
  const number = phoneText.trim()
  if (name === '' && number === '') return { ok: true, worker: null }
  if (name === '') return { ok: false, field: 'name', message: 'onboarding.worker.nameNeeded' }
  const parsedName = personName.safeParse(name)
  if (!parsedName.success) return { ok: false, field: 'name', message: 'onboarding.worker.nameTooLong' }
  if (number === '') return { ok: true, worker: { name: parsedName.data } }
  const parsedPhone = phone.safeParse(number)
  if (!parsedPhone.success) return { ok: false, field: 'phone', message: 'onboarding.worker.phoneInvalid' }
  return { ok: true, worker: { name: parsedName.data, phone: parsedPhone.data } }
}

/** The `tel:` address of a phone number (digits and + only; the schema allows nothing unsafe). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`
}
