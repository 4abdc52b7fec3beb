/**
 * The pairing with the worker's device (issue #14 item 2): whether it is active, ended by her or
 * ended by the course, what a sent package does to it, and the **short code** typed where a
 * camera fails.
 *
 * **The short code is the share key itself**, 256 bits in Crockford Base32 with 24 check bits:
 * 56 characters, shown as 14 groups of 4 (`7K3M-…`). Why safe enough: there is nothing in it to
 * guess — it is the whole key, not a short secret stretched into one, so no offline guessing of
 * a short PIN can open a package. Its only risk is being read off her screen, exactly as the QR
 * code can be, so it is shown only on demand, at the visit. The check bits catch a mistyped
 * character (one slip in 16 million gets through, and then the first package fails to decrypt:
 * nothing is changed). Crockford's alphabet has no I, L, O or U; typing them is forgiven (I and L
 * read as 1, O as 0), as are lower case, spaces and hyphens. The pairing id does not travel in
 * the short code: it is in the clear in every package header, authenticated by the key, so a
 * worker device paired by short code learns it from the first package that decrypts.
 *
 * Pure: stamps and days come in as arguments; no schema is run here.
 */
import type { PairingOffer, Plan, SharePairing, TrinRecord } from '@/schemas'
import type { CivilDate } from './civilDate'
import type { Hlc } from './clock'
import { planCourseOn, statusOf } from './course'
import { crc32 } from './crc32'
import { courseEnding } from './ending'
import { proposalDecisions, type ProposalDecision } from './proposals'
import { parentIds, sentIdsAfter, shareProjection, shareTombstones, type ShareableRecord } from './sharing'

/** Where a pairing stands on a day. */
export type PairingStatus =
  | { readonly active: true; readonly endsOn: CivilDate | null }
  | { readonly active: false; readonly reason: 'unpaired' }
  | { readonly active: false; readonly reason: 'course-ended'; readonly since: CivilDate }

const LAST_DAY = '9999-12-31' as CivilDate

/**
 * The first day the pairing is over by itself: the day after the course's last day (pauses
 * included), or the day she ended the course early; null while it cannot be known (no day 1
 * yet, or a pause is open).
 */
export function pairingEndsOn(plan: Plan | null, today: CivilDate): CivilDate | null {
  if (plan === null) return null
  const ending = courseEnding(plan, statusOf(planCourseOn(plan, today)), LAST_DAY)
  return ending.ended ? ending.since : null
}

/** Whether the pairing is active on `today`, or why not (her unpairing wins over the course's end). */
export function pairingStatus(
  pairing: Pick<SharePairing, 'endedAt' | 'deleted'>,
  plan: Plan | null,
  today: CivilDate,
): PairingStatus {
  if (pairing.endedAt !== undefined || pairing.deleted) return { active: false, reason: 'unpaired' }
  const endsOn = pairingEndsOn(plan, today)
  if (endsOn !== null && today >= endsOn) return { active: false, reason: 'course-ended', since: endsOn }
  return { active: true, endsOn }
}

/** The pairing once she unpairs (an ended pairing stays ended: the first end is kept). */
export function withUnpaired(pairing: SharePairing, stamp: Hlc): SharePairing {
  if (pairing.endedAt !== undefined) return pairing
  return { ...pairing, endedAt: stamp, updatedAt: stamp }
}

/** The next package's sequence number and the pairing once that package (its projection) is sent. */
export function withPackageSent(
  pairing: SharePairing,
  projection: readonly { readonly id: string }[],
  stamp: Hlc,
  today?: CivilDate,
): { readonly seq: number; readonly pairing: SharePairing } {
  const seq = pairing.lastSeq + 1
  return {
    seq,
    pairing: {
      ...pairing,
      ...(today === undefined ? {} : { lastSentOn: today }),
      lastSeq: seq,
      sentIds: sentIdsAfter(pairing.sentIds, projection),
      updatedAt: stamp,
    },
  }
}

/**
 * The pairing this phone shares under: the one she made last (an ended one stays as the record
 * of what was shared; she can pair again, which ends the one before). Null before any.
 */
export function currentPairing(pairings: readonly SharePairing[]): SharePairing | null {
  let current: SharePairing | null = null
  for (const pairing of pairings) {
    if (pairing.deleted) continue
    if (current === null || pairing.createdAt > current.createdAt) current = pairing
  }
  return current
}

/** Whether she can pair on `today`: there is a plan and its course has not ended. */
export function canPair(plan: Plan | null, today: CivilDate): boolean {
  if (plan === null) return false
  const endsOn = pairingEndsOn(plan, today)
  return endsOn === null || today < endsOn
}

/** The fields of a pairing before it is saved. */
export type NewPairing = Pick<
  SharePairing,
  'pairingId' | 'shareKey' | 'pairedOn' | 'worker' | 'lastSeq' | 'sentIds'
>

/** The fields of a new pairing, from fresh random bytes (`random(n)` gives n bytes). */
export function newPairingFields(random: (length: number) => Uint8Array, today: CivilDate): NewPairing {
  const id = random(16)
  const key = random(32)
  if (id.length !== 16 || key.length !== 32) throw new RangeError('Not enough random bytes')
  return {
    pairingId: bytesToHex(id),
    shareKey: bytesToHex(key),
    pairedOn: today,
    worker: null,
    lastSeq: 0,
    sentIds: [],
  }
}

/** What the pairing QR code carries for a pairing: its id, its key, the day it ends by itself. */
export function pairingOfferOf(
  pairing: Pick<SharePairing, 'pairingId' | 'shareKey'>,
  plan: Plan | null,
  today: CivilDate,
): PairingOffer {
  return { pairingId: pairing.pairingId, shareKey: pairing.shareKey, endsOn: pairingEndsOn(plan, today) }
}

/** The next package: its number, what it carries, and the pairing once it is sent. */
export interface NextPackage {
  readonly seq: number
  readonly body: {
    readonly records: readonly ShareableRecord[]
    readonly tombstones: readonly string[]
    readonly decisions: readonly ProposalDecision[]
  }
  readonly pairing: SharePairing
}

/**
 * The next package under a pairing: the whole projection of what she shares now, and a
 * tombstone for every record sent before that is not shared any more (deleted, made private,
 * or waiting for what it belongs to), so the worker's copy drops it; and her decisions on the
 * proposals that came under this pairing.
 */
export function nextPackage(
  records: readonly TrinRecord[],
  pairing: SharePairing,
  stamp: Hlc,
  today: CivilDate,
): NextPackage {
  const projection = shareProjection(records)
  const tombstones = shareTombstones(pairing.sentIds, projection)
  const sent = withPackageSent(pairing, projection, stamp, today)
  const decisions = proposalDecisions(records, pairing.pairingId)
  return { seq: sent.seq, body: { records: projection, tombstones, decisions }, pairing: sent.pairing }
}

/**
 * What the **ending package** carries (issue #15 item 6): of the projection (exactly what a
 * package would carry now), her shared handover lines only, with the records they need to be
 * read — the goal or step a line is about (and the goal and focus area above a step or goal) and
 * the network contact who takes it over. Nothing else of her plan goes, so the worker's copy
 * keeps only the handover she consented to share. In id order, like the projection.
 */
export function endingProjection(records: readonly TrinRecord[]): ShareableRecord[] {
  const projection = shareProjection(records)
  const byId = new Map(projection.map((record) => [record.id, record]))
  const kept = new Set<string>()
  const keep = (id: string): void => {
    const record = byId.get(id)
    if (record === undefined || kept.has(id)) return
    kept.add(id)
    for (const parent of parentIds(record)) keep(parent)
  }
  for (const record of projection) if (record.kind === 'handoverItem') keep(record.id)
  return projection.filter((record) => kept.has(record.id))
}

/** The ending package: its number, the day in its header's `endsOn`, what it carries, the pairing after it. */
export interface EndingPackage extends NextPackage {
  /** The day she unpaired: the worker's phone ends the pairing on it. */
  readonly endsOn: CivilDate
}

/**
 * The one last package she may send when she unpairs (issue #15 item 6): made in the same step
 * as the unpairing, from an active pairing only, so nothing can be sent under the pairing after
 * it. It carries `endingProjection` and a tombstone for everything else sent before (the
 * worker's copy drops it), and her decisions on the worker's proposals; its header's `endsOn` is `today`, the day she unpaired — the header
 * field every package has, so the format does not change: the worker's phone takes the newest
 * package's `endsOn`, and the pairing is over there too. Null when the pairing is not active
 * (already ended by her or by the course: there is nothing to end).
 */
export function endingPackage(
  records: readonly TrinRecord[],
  pairing: SharePairing,
  plan: Plan | null,
  stamp: Hlc,
  today: CivilDate,
): EndingPackage | null {
  if (!pairingStatus(pairing, plan, today).active) return null
  const projection = endingProjection(records)
  const tombstones = shareTombstones(pairing.sentIds, projection)
  const sent = withPackageSent(withUnpaired(pairing, stamp), projection, stamp, today)
  const decisions = proposalDecisions(records, pairing.pairingId)
  return {
    seq: sent.seq,
    endsOn: today,
    body: { records: projection, tombstones, decisions },
    pairing: sent.pairing,
  }
}

/**
 * Whether a proposal package from the worker's phone may be taken in under `pairing` on
 * `today`: only while the pairing is active — not after she unpaired (an ending package sent or
 * not), not once the course has ended (pauses included), not without a pairing.
 */
export function acceptsProposalsFrom(
  pairing: Pick<SharePairing, 'endedAt' | 'deleted'> | null,
  plan: Plan | null,
  today: CivilDate,
): boolean {
  return pairing !== null && pairingStatus(pairing, plan, today).active
}

// ---------------------------------------------------------------------------------------------
// Bytes, hex, Crockford Base32

/** Lowercase hex of bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Bytes of an even-length hex string, or null when it is not one. */
export function hexToBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null
  const out = new Uint8Array(hex.length / 2)
  for (let index = 0; index < out.length; index += 1)
    out[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16)
  return out
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const FORGIVEN: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' }

/** Crockford Base32 of bytes (upper case, no padding): all in a QR code's alphanumeric set. */
export function base32Encode(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += CROCKFORD[(buffer >> bits) & 31] ?? ''
    }
  }
  if (bits > 0) out += CROCKFORD[(buffer << (5 - bits)) & 31] ?? ''
  return out
}

/**
 * Bytes of Crockford Base32 text, forgiving case, spaces, hyphens and I/L/O; null when a
 * character is not in the alphabet or the leftover bits are not zero (a truncated or padded code).
 */
export function base32Decode(text: string): Uint8Array | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '')
  const out: number[] = []
  let buffer = 0
  let bits = 0
  for (const char of clean) {
    const value = CROCKFORD.indexOf(FORGIVEN[char] ?? char)
    if (value < 0) return null
    buffer = ((buffer << 5) | value) & 0xffff
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out.push((buffer >> bits) & 0xff)
    }
  }
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) return null
  return Uint8Array.from(out)
}

// ---------------------------------------------------------------------------------------------
// The short code

const KEY_BYTES = 32
const CHECK_BYTES = 3
/** Characters in a short code (without the group separators). */
export const SHORT_CODE_LENGTH = ((KEY_BYTES + CHECK_BYTES) * 8) / 5
const GROUP = 4

function withCheck(key: Uint8Array): Uint8Array {
  const crc = crc32(key)
  const out = new Uint8Array(KEY_BYTES + CHECK_BYTES)
  out.set(key)
  out.set([(crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff], KEY_BYTES)
  return out
}

/** The short code of a share key (64 hex digits): 14 groups of 4 characters joined by hyphens. */
export function shortCodeOf(shareKeyHex: string): string {
  const key = hexToBytes(shareKeyHex)
  if (key?.length !== KEY_BYTES) throw new RangeError('A share key is 32 bytes')
  const code = base32Encode(withCheck(key))
  return (code.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join('-')
}

/** The share key (64 hex digits) a typed short code stands for, or null when it is mistyped. */
export function shareKeyOfShortCode(typed: string): string | null {
  const bytes = base32Decode(typed)
  if (bytes?.length !== KEY_BYTES + CHECK_BYTES) return null
  const key = bytes.subarray(0, KEY_BYTES)
  const expected = withCheck(key)
  return expected.every((byte, index) => byte === bytes[index]) ? bytesToHex(key) : null
}
