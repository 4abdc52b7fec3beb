/**
 * Record schemas: the single source of every persisted record's TypeScript type
 * (DESIGN.md, "Data model"). Everything that crosses a boundary — IndexedDB, backups, share and
 * proposal packages — is parsed with `parseRecord` / `safeParseRecord` before use.
 */
import { z } from './zod'
import { activitySchema } from './activity'
import { contactSchema } from './contact'
import { focusAreaSchema } from './focusArea'
import { goalSchema } from './goal'
import { handoverItemSchema } from './handoverItem'
import { instrumentPackRecordSchema } from './instrumentPackRecord'
import { noteSchema } from './note'
import { sharePairingSchema } from './pairing'
import { planSchema } from './plan'
import { proposalSchema, proposalTargetKinds } from './proposal'
import { ratingSchema } from './rating'
import { subGoalSchema } from './subGoal'
import { visitSchema } from './visit'
import { visitSessionSchema } from './visitSession'
import { workerPairingSchema } from './workerPairing'
import { workerVisitSchema } from './workerVisit'
import type { RecordKind, RecordOf } from './recordUnion'

export * from './base'
export * from './json'
export * from './plan'
export * from './focusArea'
export * from './goal'
export * from './subGoal'
export * from './activity'
export * from './contact'
export * from './rating'
export * from './visit'
export * from './note'
export * from './handoverItem'
export * from './handoverPlan'
export * from './proposal'
export * from './instrumentPackRecord'
export * from './pairing'
export * from './visitSession'
export * from './workerPairing'
export * from './workerVisit'

export { SCHEMA_VERSION } from './version'
export * from './recordUnion'

/**
 * Every record kind, in the order the plan is usually read: every kind a proposal can target,
 * then proposals themselves, then the instrument packs the screens use (settings-like: a worker
 * does not propose them), then the pairings with a worker's device, a visit in progress and, on a worker device, the pairing with each citizen and the worker's visit log (all never shared). (A test checks it is complete.)
 */
export const recordKinds = [
  ...proposalTargetKinds,
  'proposal',
  'instrumentPack',
  'pairing',
  'visitSession',
  'workerPairing',
  'workerVisit',
] as const satisfies readonly RecordKind[]

/** The schema for each kind, for code that handles one kind at a time. */
export const recordSchemas = {
  plan: planSchema,
  focusArea: focusAreaSchema,
  goal: goalSchema,
  subGoal: subGoalSchema,
  activity: activitySchema,
  contact: contactSchema,
  rating: ratingSchema,
  visit: visitSchema,
  note: noteSchema,
  handoverItem: handoverItemSchema,
  proposal: proposalSchema,
  instrumentPack: instrumentPackRecordSchema,
  pairing: sharePairingSchema,
  visitSession: visitSessionSchema,
  workerPairing: workerPairingSchema,
  workerVisit: workerVisitSchema,
} as const satisfies { [K in RecordKind]: z.ZodMiniType<RecordOf<K>> }

/** Whether `kind` names a record kind. */
export function isRecordKind(kind: unknown): kind is RecordKind {
  return typeof kind === 'string' && (recordKinds as readonly string[]).includes(kind)
}
