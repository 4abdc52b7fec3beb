/**
 * A worker device's pairing with one citizen (issue #14 items 2, 4 and 6): the worker's side of
 * `pairing.ts`. One record per citizen, only ever on a device set up as a worker device, in its
 * encrypted vault. It holds the share key her packages open with, the label the worker typed
 * ("who": a first name or initials), and the worker's read-only copy of what she shares (the
 * `WorkerCopy` of `src/domain/shareImport.ts`). Never shared, never in a package. Rules:
 * `src/domain/workerPairing.ts`.
 *
 * The copy's records are parsed by the schemas of the kinds a package may carry
 * (`shareable.ts`; not the union of `index.ts`, which holds this kind).
 */
import { z } from './zod'
import { baseRecordShape, civilDate, personName, uuid } from './base'
import { shareableRecordSchemas } from './shareable'
import { pairingIdSchema, shareKeySchema } from './pairing'
import { proposalSchema } from './proposal'

/** Most proposals the worker keeps for one citizen (as a proposal package carries). */
export const MAX_WORKER_PROPOSALS = 500

/** Most records one copy holds (as a share package's body). */
export const MAX_COPY_RECORDS = 20_000

/**
 * The name a hidden fidelity reminder is kept by (`dismissalId`, src/domain/fidelity.ts). Only
 * ever compared with the names the rules make, so any short text is harmless.
 */
export const dismissalIdSchema = z.string().check(z.maxLength(80))

/** A record of a kind a share package may carry. */
export const sharedRecordSchema = z.discriminatedUnion('kind', shareableRecordSchemas)

/** The worker's copy of her shared plan, as the last package applied left it. */
export const workerCopySchema = z.strictObject({
  pairingId: z.nullable(pairingIdSchema),
  seq: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  records: z.array(sharedRecordSchema).check(z.maxLength(MAX_COPY_RECORDS)),
  tombstones: z.array(uuid).check(z.maxLength(MAX_COPY_RECORDS)),
  /** The day her phone made the last package (absent on copies from before it was kept). */
  madeOn: z.optional(civilDate),
})

/** The worker-device pairing record. */
export const workerPairingSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('workerPairing'),
    shareKey: shareKeySchema,
    /** The day the pairing ends by itself, as her phone said when pairing; null while unknown. */
    endsOn: z.nullable(civilDate),
    /** Who she is to the worker: what the worker typed (a first name or initials). */
    label: personName,
    /** The day the worker paired (the worker's "since"). */
    pairedAt: civilDate,
    /** The copy; its `pairingId` is null until the first package on a device paired by short code. */
    copy: workerCopySchema,
    /**
     * The fidelity reminders about her course the worker hid (issue #15 item 5), by
     * `dismissalId`; absent on records from before them. Erased with the copy. Written only by
     * this device (`withDismissal` keeps at most `MAX_DISMISSED`) and never imported, so the
     * first screen carries no count cap for it.
     */
    dismissed: z.optional(z.array(dismissalIdSchema)),
    /**
     * The worker's proposals for her (issue #15 item 3), pending or decided as her last package
     * said; erased with the pairing. Absent on records from before proposals.
     */
    proposals: z._default(z.array(proposalSchema).check(z.maxLength(MAX_WORKER_PROPOSALS)), []),
    /** The sequence number of the last proposal package this device made for her. */
    proposalSeq: z._default(z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)), 0),
  })
  .check(
    z.refine((pairing) => !pairing.shared, { message: 'A worker pairing is never shared', path: ['shared'] }),
  )

/** The worker-device pairing record. */
export type WorkerPairing = z.infer<typeof workerPairingSchema>
