/**
 * A loaded instrument pack, kept encrypted in the vault like every record (issue #13, item 4).
 * `pack` is the pack file's JSON as it was checked when loaded: the first screen parses every
 * record, so it carries only a bounded string here; the screens that use a pack parse it with
 * `instrumentPackSchema` (`instrumentPack.ts`) in their own lazily loaded chunk.
 */
import { z } from './zod'
import { baseRecordShape } from './base'

/** The instrument pack record. */
export const instrumentPackRecordSchema = z.strictObject({
  ...baseRecordShape,
  kind: z.literal('instrumentPack'),
  /** The pack as JSON, at most `MAX_PACK_FILE_CHARS` (written out: a few bytes fewer on the first screen). */
  pack: z.string().check(z.maxLength(200000)),
})
/** The instrument pack record. */
export type InstrumentPackRecord = z.infer<typeof instrumentPackRecordSchema>
