/**
 * A visit in progress on the citizen's phone: "my worker is here" (issue #14 item 5). While it
 * is on, every change is stamped with the worker as author and journalled here; when it ends she
 * keeps or undoes each change. Kept in the encrypted vault so the journal survives a reload or a
 * lock during the visit; never shared (`neverSharedKinds`), removed (a tombstone) once every
 * change is decided. Rules: `src/domain/visitMode.ts`.
 *
 * The records before and after the worker's change are kept as JSON text, parsed with the
 * record schemas when read (`src/domain/visitMode.ts` needs no copy of the record union here).
 */
import { z } from './zod'
import { author, baseRecordShape, uuid } from './base'

/** Most records one visit's journal holds (a visit is an hour or two of edits). */
export const MAX_VISIT_CHANGES = 500

/** A record's JSON: one record, far below the vault's own limits. */
const recordJson = z.string().check(z.minLength(2), z.maxLength(200_000))

/** One record the worker changed during the visit: as it was before (null: created) and after. */
export const visitChangeSchema = z.strictObject({
  recordId: uuid,
  before: z.nullable(recordJson),
  after: recordJson,
})
/** One journalled change. */
export type VisitChange = z.infer<typeof visitChangeSchema>

/** Milliseconds since 1970 (wall clock), for the visit's length. */
const wallMs = z.int().check(z.minimum(0), z.maximum(8_640_000_000_000_000))

/** The visit-session record. */
export const visitSessionSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('visitSession'),
    /** The author every change in this visit is stamped with (`workerAuthorFor`). */
    worker: author,
    startedAt: wallMs,
    /** Set when she ends the visit: from then on she reviews, and nothing is journalled. */
    endedAt: z.optional(wallMs),
    changes: z.array(visitChangeSchema).check(z.maxLength(MAX_VISIT_CHANGES)),
  })
  .check(
    z.refine((session) => !session.shared, { message: 'A visit session is never shared', path: ['shared'] }),
    z.refine((session) => session.worker !== 'citizen', {
      message: 'The visitor is a worker',
      path: ['worker'],
    }),
  )
/** The visit-session record. */
export type VisitSession = z.infer<typeof visitSessionSchema>
