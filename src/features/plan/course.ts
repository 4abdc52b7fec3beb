import type { Plan } from '@/schemas'
import type { CourseInput } from '@/domain/phases'
import { addDays, type CivilDate } from '@/domain/civilDate'

/**
 * The phase engine's input from a stored plan, or null while the day of the move is not
 * known yet. Stored pauses carry their reason and note; the engine needs only the dates.
 */
export function courseInputOf(plan: Plan): CourseInput | null {
  if (plan.transitionDate === undefined) return null
  return {
    contactStart: plan.contactStart,
    transitionDate: plan.transitionDate,
    pauses: plan.pauses.map((pause) => ({ start: pause.start, end: pause.end })),
    restarts: plan.restarts.map((restart) => restart.on),
  }
}

/**
 * The example course offered on an empty start page: it moved in 40 days ago after three
 * weeks of contact, so phase 1 is under way. Only the dates; the store stamps the record.
 */
export function sampleCourseDates(today: CivilDate): { contactStart: CivilDate; transitionDate: CivilDate } {
  return { contactStart: addDays(today, -61), transitionDate: addDays(today, -40) }
}
