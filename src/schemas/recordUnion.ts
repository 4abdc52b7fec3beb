/**
 * The union of every record kind (`trinRecordSchema`), the record types drawn from it and the
 * parser every boundary uses (`parseRecord` / `safeParseRecord`), re-exported by `index.ts`.
 * Its own module so that the vault's parser (`storedRecord.ts`) can load it, and nothing else,
 * when it first meets a kind the first screen carries no schema for (README, Speed).
 */
import { z } from './zod'
import { instrumentPackRecordSchema } from './instrumentPackRecord'
import { sharePairingSchema } from './pairing'
import { proposalSchema } from './proposal'
import { shareableRecordSchemas } from './shareable'
import { visitSessionSchema } from './visitSession'
import { workerPairingSchema } from './workerPairing'
import { workerVisitSchema } from './workerVisit'

/** Any record, chosen by its `kind`. */
export const trinRecordSchema = z.discriminatedUnion('kind', [
  ...shareableRecordSchemas,
  proposalSchema,
  instrumentPackRecordSchema,
  sharePairingSchema,
  visitSessionSchema,
  workerPairingSchema,
  workerVisitSchema,
])

/** Any record. */
export type TrinRecord = z.infer<typeof trinRecordSchema>
/** What a record looks like before parsing fills defaults (e.g. `shared` may be absent). */
export type TrinRecordInput = z.input<typeof trinRecordSchema>
/** The kind of a record. */
export type RecordKind = TrinRecord['kind']
/** The record type of one kind, e.g. `RecordOf<'goal'>` is `Goal`. */
export type RecordOf<K extends RecordKind> = Extract<TrinRecord, { kind: K }>

/**
 * Parses untrusted input as a record.
 * @throws z.core.$ZodError describing every problem found.
 */
export function parseRecord(input: unknown): TrinRecord {
  return trinRecordSchema.parse(input)
}

/** Parses untrusted input as a record without throwing. */
export function safeParseRecord(input: unknown): z.util.SafeParseResult<TrinRecord> {
  return trinRecordSchema.safeParse(input)
}
