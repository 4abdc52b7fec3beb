/**
 * One visit in a CTI worker's own visit log (issue #15 item 4): the time the worker spent with
 * one citizen on a day, and how. Only ever on a device set up as a worker device, in its
 * encrypted vault; never shared, never in a package: its kind is in `neverSharedKinds`, which
 * keeps it out of every projection whatever its flag says (no refine of its own here, as the
 * worker pairing has: the schema is in the first screen's bytes).
 *
 * It holds no plan content: no goals, no names of her network, only the pairing it belongs to,
 * the day, the minutes, the kind of contact, an optional place the worker typed, and the course
 * stage on that day as it was computed from her shared plan when the visit was logged (null when
 * she does not share her course). So the log stays meaningful after her shared plan is erased at
 * the end of access (item 6). Rules: `src/domain/visitLog.ts`.
 */
import { z } from './zod'
import { baseRecordShape, civilDate, courseStage, shortText, uuid } from './base'

/** How the worker met her: a home visit, a phone call, a meeting with her network, accompanying her to an authority. */
export const workerVisitModes = ['home', 'phone', 'network', 'authority'] as const
/** How the worker met her. */
export const workerVisitMode = z.enum(workerVisitModes)
/** How the worker met her. */
export type WorkerVisitMode = z.infer<typeof workerVisitMode>

/** Most minutes one visit can take: a whole day. */
export const MAX_VISIT_MINUTES = 1440

/** The worker-visit record. */
export const workerVisitSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('workerVisit'),
  /** The `workerPairing` record's id: the citizen the visit was with. */
  citizen: uuid,
  /** The day of the visit. */
  date: civilDate,
  minutes: z.int().check(z.minimum(1), z.maximum(MAX_VISIT_MINUTES)),
  mode: workerVisitMode,
  /** Where, in the worker's words (optional, short). */
  place: z.optional(shortText),
  /** Her course stage on `date`, from her shared plan when logged; null when not shared. */
  stage: z.nullable(courseStage),
})

/** The worker-visit record. */
export type WorkerVisit = z.infer<typeof workerVisitSchema>
