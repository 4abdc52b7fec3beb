/**
 * The plan: one per citizen device, the root every other record hangs from.
 *
 * Phase dates are not stored: they are computed by a pure function from `transitionDate`,
 * `pauses` and `restarts` (DESIGN.md), so the stored facts can never disagree with them.
 */
import { z } from './zod'
import {
  baseRecordShape,
  civilDate,
  hasNoDuplicates,
  hlc,
  instrumentKey,
  instrumentKeys,
  longText,
  personName,
  phone,
  shortText,
  uuid,
} from './base'
import { isDeviceId } from '@/domain/clock'

/** The target groups CTI is used with (CTI-BRIEF.md, "Who uses it"). */
export const targetGroups = [
  'homelessness',
  'shelter',
  'psychiatry',
  'greenlanders',
  'employment',
  'aftercare',
  'other',
] as const
/** The citizen's target group; decides defaults such as the lock and the focus-area catalogue. */
export const targetGroup = z.enum(targetGroups)
/** The citizen's target group. */
export type TargetGroup = z.infer<typeof targetGroup>

/** Why a course was paused (CTI-BRIEF.md, "Pause"). */
export const pauseReasons = ['hospital', 'prison', 'treatment', 'other'] as const

/** A pause of the phase clock; `end` is null while the pause lasts. */
export const pauseSchema = z
  .strictObject({
    id: uuid,
    start: civilDate,
    end: civilDate.nullable(),
    reason: z.enum(pauseReasons),
    note: longText.optional(),
  })
  // YYYY-MM-DD compares correctly as a string. `end` is the day the clock runs again, so a
  // pause must last at least one day (the phase engine refuses an empty pause too).
  .refine((pause) => pause.end === null || pause.end > pause.start, {
    message: 'A pause must end after the day it starts',
    path: ['end'],
  })
/** A pause of the course. */
export type Pause = z.infer<typeof pauseSchema>

/** A restart of the course from scratch after a new assessment: the phases count from `on`. */
export const restartSchema = z.strictObject({
  on: civilDate,
  reason: longText.optional(),
})
/** A restart of the course. */

/** The CTI worker as the citizen wants to see them in the plan. */
export const planWorkerSchema = z.strictObject({
  name: personName,
  phone: phone.optional(),
})
/** The CTI worker's name and phone. */
export type PlanWorker = z.infer<typeof planWorkerSchema>

/** The worker device this plan is paired with (set once at a visit, by QR code). */
export const pairingSchema = z.strictObject({
  workerDeviceId: z.string().refine(isDeviceId, { message: 'Invalid device id' }),
  pairedAt: hlc,
})
/** A pairing with one worker device. */

/** The plan record. */
export const planSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('plan'),
  targetGroup,
  /** The citizen's own words when the target group is 'other'; ignored otherwise. */
  targetGroupOther: shortText.optional(),
  /** First day of the contact period, before the move. */
  contactStart: civilDate,
  /** The day the transition happens (move, discharge); phase 1 starts here. Absent until known. */
  transitionDate: civilDate.optional(),
  pauses: z
    .array(pauseSchema)
    .max(50)
    .refine((pauses) => hasNoDuplicates(pauses.map((pause) => pause.id)), {
      message: 'Pause ids must be unique',
    }),
  restarts: z.array(restartSchema).max(50),
  /** Instruments the citizen chose to use, each at most once. */
  instruments: z
    .array(instrumentKey)
    .max(instrumentKeys.length)
    .refine(hasNoDuplicates, { message: 'Each instrument may be chosen once' }),
  worker: planWorkerSchema.optional(),
  /** Null when no worker device is paired (never paired, unpaired, or the course ended). */
  pairing: pairingSchema.nullable().default(null),
})
/** The plan record. */
export type Plan = z.infer<typeof planSchema>
