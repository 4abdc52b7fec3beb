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
  timeOfDay,
  uuid,
} from './base'
import { isDeviceId } from '@/domain/clock'
import { handoverPlanSchema } from './handoverPlan'
import { focusAreaCatalogKey, focusAreaCatalogKeys } from './focusArea'

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
    end: z.nullable(civilDate),
    reason: z.enum(pauseReasons),
    note: z.optional(longText),
  })
  // YYYY-MM-DD compares correctly as a string. `end` is the day the clock runs again, so a
  // pause must last at least one day (the phase engine refuses an empty pause too).
  .check(
    z.refine((pause) => pause.end === null || pause.end > pause.start, {
      message: 'A pause must end after the day it starts',
      path: ['end'],
    }),
  )
/** A pause of the course. */
export type Pause = z.infer<typeof pauseSchema>

/** A restart of the course from scratch after a new assessment: the phases count from `on`. */
export const restartSchema = z.strictObject({
  on: civilDate,
  reason: z.optional(longText),
})

/** The CTI worker as the citizen wants to see them in the plan. */
export const planWorkerSchema = z.strictObject({
  name: personName,
  phone: z.optional(phone),
})
/** The CTI worker's name and phone. */
export type PlanWorker = z.infer<typeof planWorkerSchema>

/**
 * When she sees her worker next (issue #14 item 5): set at the end of a visit or on Home, shown
 * on Home with a calendar file. A place is her own words ("Jobcentret", "at home").
 */
export const nextMeetingSchema = z.strictObject({
  date: civilDate,
  /** Local time `HH:MM`; without it the meeting is that day. */
  time: z.optional(timeOfDay),
  place: z.optional(shortText),
})
/** The next meeting with the worker. */
export type NextMeeting = z.infer<typeof nextMeetingSchema>

/** The worker device this plan is paired with (set once at a visit, by QR code). */
export const pairingSchema = z.strictObject({
  workerDeviceId: z.string().check(z.refine(isDeviceId, { message: 'Invalid device id' })),
  pairedAt: hlc,
})

/**
 * Someone the citizen must be kept safe from (a violent ex-partner; issue #12 item 2). Never a
 * contact: such a person exists only here, in her safety notes, so no list, share, export, print
 * or map that handles contacts can ever show them. Contacts name them by `id` only
 * (`contact.safety.mustNotTell`).
 */
export const keptSafeFromSchema = z.strictObject({
  id: uuid,
  /** A name or any word she recognises them by. */
  name: personName,
  notes: z.optional(longText),
})
/** Someone the citizen must be kept safe from. */
export type KeptSafeFrom = z.infer<typeof keptSafeFromSchema>

/** The citizen's safety notes: kept with the plan, never shared (`src/domain/network.ts`). */
export const safetyNotesSchema = z.strictObject({
  keptSafeFrom: z.array(keptSafeFromSchema).check(
    z.maxLength(10),
    z.refine((people) => hasNoDuplicates(people.map((person) => person.id)), {
      message: 'Ids must be unique',
    }),
  ),
})
/** The citizen's safety notes. */
export type SafetyNotes = z.infer<typeof safetyNotesSchema>

/** The plan record. */
export const planSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('plan'),
  targetGroup,
  /** The citizen's own words when the target group is 'other'; ignored otherwise. */
  targetGroupOther: z.optional(shortText),
  /** First day of the contact period, before the move. */
  contactStart: civilDate,
  /** The day the transition happens (move, discharge); phase 1 starts here. Absent until known. */
  transitionDate: z.optional(civilDate),
  pauses: z.array(pauseSchema).check(
    z.maxLength(50),
    z.refine((pauses) => hasNoDuplicates(pauses.map((pause) => pause.id)), {
      message: 'Pause ids must be unique',
    }),
  ),
  restarts: z.array(restartSchema).check(z.maxLength(50)),
  /** Instruments the citizen chose to use, each at most once. */
  instruments: z
    .array(instrumentKey)
    .check(
      z.maxLength(instrumentKeys.length),
      z.refine(hasNoDuplicates, { message: 'Each instrument may be chosen once' }),
    ),
  worker: z.optional(planWorkerSchema),
  /** The next meeting with the worker; absent when none is set (or it was cleared). */
  nextMeeting: z.optional(nextMeetingSchema),
  /** Null when no worker device is paired (never paired, unpaired, or the course ended). */
  pairing: z._default(z.nullable(pairingSchema), null),
  endedOn: z.optional(civilDate), // the day she ended the course early (src/domain/ending.ts)
  safetyNotes: z.optional(safetyNotesSchema),
  handover: z.optional(handoverPlanSchema),
  /** Rating dimensions she switched off as not applying to her (no children; src/domain/lifeAreas.ts). */
  ratingDimensionsOff: z.optional(
    z
      .array(focusAreaCatalogKey)
      .check(
        z.maxLength(focusAreaCatalogKeys.length),
        z.refine(hasNoDuplicates, { message: 'Each dimension once' }),
      ),
  ),
})
/** The plan record. */
export type Plan = z.infer<typeof planSchema>
