/**
 * A pairing with the CTI worker's device (issue #14 item 2; DESIGN.md, "Sharing and
 * co-editing"): made once, at a visit, by QR code (or the short code where a camera fails). It
 * holds the share key every share package is encrypted with, so it is its own record kind:
 * never shared, never in a package, and the only place the key lives on her phone. Unpairing
 * sets `endedAt` and never touches her own data key. Rules: `src/domain/pairing.ts`.
 *
 * Also the **pairing offer**: what the QR code carries from her phone to the worker's.
 */
import { z } from './zod'
import { baseRecordShape, civilDate, hlc, personName, uuid } from './base'
import { isDeviceId } from '@/domain/clock'

/** A pairing id: 128 random bits as 32 lowercase hex digits. In the clear in every package header. */
export const pairingIdSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/, { message: 'Invalid pairing id' }))

/** A share key: 256 random bits (AES-256-GCM) as 64 lowercase hex digits. */
export const shareKeySchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: 'Invalid share key' }))

/** Most record ids one pairing remembers as sent (a citizen's plan is small; see README, Speed). */
export const MAX_SENT_IDS = 20_000

/** The pairing record. */
export const sharePairingSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('pairing'),
    pairingId: pairingIdSchema,
    shareKey: shareKeySchema,
    /** The day she paired (shown as "since"; the record's stamps say the exact moment). */
    pairedOn: civilDate,
    /** The worker's device, once known (a device paired by short code says who it is later). */
    worker: z.nullable(
      z.strictObject({
        deviceId: z.string().check(z.refine(isDeviceId, { message: 'Invalid device id' })),
        label: z.optional(personName),
      }),
    ),
    /** The sequence number of the last package sent; 0 before the first. */
    lastSeq: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
    /** The day the last package was made (shown as "last sent"); absent before the first. */
    lastSentOn: z.optional(civilDate),
    /** Every record id sent so far, sorted: what the tombstones are counted from. */
    sentIds: z.array(uuid).check(z.maxLength(MAX_SENT_IDS)),
    /** When she unpaired; absent while the pairing lasts (it also ends with the course). */
    endedAt: z.optional(hlc),
  })
  .check(z.refine((pairing) => !pairing.shared, { message: 'A pairing is never shared', path: ['shared'] }))

/** The pairing record. */
export type SharePairing = z.infer<typeof sharePairingSchema>

/** What the pairing QR code carries: enough for the worker's phone to read her packages. */
export const pairingOfferSchema = z.strictObject({
  pairingId: pairingIdSchema,
  shareKey: shareKeySchema,
  /** The day the pairing ends by itself (the course's end, pauses included); null while unknown. */
  endsOn: z.nullable(civilDate),
})

/** A pairing offer. */
export type PairingOffer = z.infer<typeof pairingOfferSchema>
