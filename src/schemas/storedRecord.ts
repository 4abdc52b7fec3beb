/**
 * The vault's record parser (`src/data/repositories/records.ts`): on the first screen, since
 * every unlock parses every record with it (issue #11, README, Speed). It answers exactly as
 * `safeParseRecord` (`recordUnion.ts`) does, the same schemas giving the same result, but
 * carries only the schemas of the kinds a citizen's phone holds from its first day: the plan's
 * content (`shareable.ts`), loaded instrument packs (already an envelope: the pack itself is
 * parsed by the screens that use it), her pairings with a worker's phone, a visit in progress.
 *
 * Any other record — a proposal (with its per-field checks against every kind it can target),
 * a worker device's `workerPairing` and `workerVisit`, or anything that is not a record of a
 * first-screen kind at all — is parsed by the whole union (`recordUnion.ts`), loaded the first
 * time one is met (from the precache, offline too). So a worker's phone refuses a malformed
 * record of its own kinds exactly as before (tests/unit/data/storedRecord.test.ts), and a
 * citizen's first screen does not carry the worker's schemas.
 */
import { z } from './zod'
import type * as Union from './recordUnion'
import { instrumentPackRecordSchema } from './instrumentPackRecord'
import { sharePairingSchema } from './pairing'
import { shareableRecordSchemas } from './shareable'
import { visitSessionSchema } from './visitSession'

const firstScreenSchemas = [
  ...shareableRecordSchemas,
  instrumentPackRecordSchema,
  sharePairingSchema,
  visitSessionSchema,
] as const

/** The kinds parsed without loading the whole union. */
export const firstScreenKinds: readonly Union.RecordKind[] = firstScreenSchemas.flatMap(
  (schema) => schema.shape.kind.def.values,
)

const firstScreenRecordSchema = z.discriminatedUnion('kind', firstScreenSchemas)

/** What parsing one record gives, as `safeParseRecord` gives it. */
export type StoredRecordResult = z.util.SafeParseResult<Union.TrinRecord>

let whole: Promise<typeof Union> | null = null

/** The whole record union (`recordUnion.ts`), loaded once; a failed load is tried again next time. */
function loadWholeUnion(): Promise<typeof Union> {
  whole ??= import('./recordUnion').catch((error: unknown) => {
    whole = null
    throw error
  })
  return whole
}

/** Whether `input` names a kind of the first screen's union (so that union parses it as the whole one would). */
function isFirstScreenKind(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false
  const { kind } = input as { readonly kind?: unknown }
  return typeof kind === 'string' && (firstScreenKinds as readonly string[]).includes(kind)
}

/**
 * Parses untrusted input as a record without throwing, as `safeParseRecord` does.
 * @throws only when the whole union is needed and cannot be loaded.
 */
export async function safeParseStoredRecord(input: unknown): Promise<StoredRecordResult> {
  if (isFirstScreenKind(input)) return firstScreenRecordSchema.safeParse(input)
  return (await loadWholeUnion()).safeParseRecord(input)
}
