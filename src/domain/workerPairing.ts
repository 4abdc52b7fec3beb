/**
 * The worker device's pairings (issue #14 items 2, 4 and 6): one per citizen, made by scanning
 * her pairing QR code or typing her short code, holding the worker's read-only copy of what she
 * shares. The rules:
 * - a pairing ends by itself on `endsOn` (the first day it is over, as her phone said at pairing;
 *   pauses included): from then on every package is refused and the list says "ended";
 * - a pairing made by short code knows no pairing id until the first package opens with its key;
 * - the same citizen is not paired twice (the same share key);
 * - a package is applied by `importSharePackage`: newer replaces, the same or an older one
 *   changes nothing, another pairing's is refused.
 *
 * Pure: today and the decoded package come in as arguments.
 */
import { civilDateInZone, minCivil, type CivilDate } from './civilDate'
import { parseHlc } from './clock'
import { importSharePackage, type ImportablePackage, type WorkerCopy } from './shareImport'

/** What the rules need of a worker pairing (the record is `WorkerPairing` in `src/schemas`). */
export interface WorkerPairingLike {
  readonly shareKey: string
  readonly endsOn: CivilDate | null
  readonly pairedAt: CivilDate
  readonly copy: WorkerCopy
  /** The fidelity reminders the worker hid (`src/domain/fidelity.ts`). */
  readonly dismissed?: readonly string[] | undefined
}

/**
 * The share key an erased pairing keeps (`src/domain/workerEnding.ts`): all zeros, never one her
 * phone made (those are 256 random bits). It is also the mark of an erased pairing, so the record
 * needs no field of its own.
 */
export const UNUSABLE_SHARE_KEY = '0'.repeat(64)

/** Whether her shared plan has been erased from this pairing (its key made unusable). */
export function isErased(pairing: { readonly shareKey?: string }): boolean {
  return pairing.shareKey === UNUSABLE_SHARE_KEY
}

/** Where a worker pairing stands on a day. */
export type WorkerPairingStatus =
  | { readonly active: true; readonly endsOn: CivilDate | null }
  | { readonly active: false; readonly since: CivilDate }

/**
 * Whether the pairing still lasts on `today`, or since when it has ended; an erased pairing has
 * ended whatever the day (a clock set back does not make it last again).
 */
export function workerPairingStatus(
  pairing: Pick<WorkerPairingLike, 'endsOn'> & { readonly shareKey?: string },
  today: CivilDate,
): WorkerPairingStatus {
  if (pairing.endsOn !== null && (today >= pairing.endsOn || isErased(pairing)))
    return { active: false, since: pairing.endsOn }
  return { active: true, endsOn: pairing.endsOn }
}

/** What a new pairing is made from: her QR code's offer, or the share key of her typed short code. */
export type PairingSource =
  | {
      readonly from: 'offer'
      readonly pairingId: string
      readonly shareKey: string
      readonly endsOn: CivilDate | null
    }
  | { readonly from: 'short-code'; readonly shareKey: string }

/** The fields of a new pairing (its identity and stamps come from the store). */
export function newWorkerPairing(
  source: PairingSource,
  label: string,
  pairedAt: CivilDate,
): {
  shareKey: string
  endsOn: CivilDate | null
  label: string
  pairedAt: CivilDate
  copy: { pairingId: string | null; seq: number; records: never[]; tombstones: string[] }
} {
  return {
    shareKey: source.shareKey,
    endsOn: source.from === 'offer' ? source.endsOn : null,
    label: label.trim(),
    pairedAt,
    copy: {
      pairingId: source.from === 'offer' ? source.pairingId : null,
      seq: 0,
      records: [],
      tombstones: [],
    },
  }
}

/** The pairing already made with the same share key (the same citizen paired again), if any. */
export function samePairing<P extends Pick<WorkerPairingLike, 'shareKey' | 'copy'>>(
  pairings: readonly P[],
  source: PairingSource,
): P | undefined {
  return pairings.find(
    (pairing) =>
      pairing.shareKey === source.shareKey ||
      (source.from === 'offer' && pairing.copy.pairingId === source.pairingId),
  )
}

/** What `decodeSharePackage` is to expect of a package for this pairing on `today`. */
export function packageExpectation(
  pairing: Pick<WorkerPairingLike, 'shareKey' | 'endsOn' | 'copy'>,
  today: CivilDate,
): { readonly pairingId: string | null; readonly shareKey: string; readonly ended: boolean } {
  return {
    pairingId: pairing.copy.pairingId,
    shareKey: pairing.shareKey,
    ended: !workerPairingStatus(pairing, today).active || isErased(pairing),
  }
}

/**
 * The day her phone made a package, read from its header's stamp on this device's calendar
 * (`timeZone`); never after `today`, since her phone's clock may run ahead.
 */
export function packageMadeOn(createdAt: string, timeZone: string, today: CivilDate): CivilDate {
  return minCivil(civilDateInZone(new Date(parseHlc(createdAt).wallMs), timeZone), today)
}

/** What receiving a decoded package does to a pairing. */
export type ReceiveResult<P> =
  | { readonly ok: true; readonly changed: true; readonly pairing: P }
  | { readonly ok: true; readonly changed: false; readonly why: 'already-applied' | 'older' }
  | { readonly ok: false; readonly code: 'wrong-pairing' | 'pairing-ended' }

/**
 * Applies a decoded package to a pairing on `today`: refused once the pairing has ended or when
 * it is another pairing's; otherwise `importSharePackage` decides. Never throws.
 */
export function receivePackage<P extends WorkerPairingLike>(
  pairing: P,
  pkg: ImportablePackage,
  today: CivilDate,
): ReceiveResult<P> {
  if (!workerPairingStatus(pairing, today).active || isErased(pairing))
    return { ok: false, code: 'pairing-ended' }
  const result = importSharePackage(pairing.copy, pkg)
  if (!result.ok) return { ok: false, code: result.code }
  if (!result.changed) return { ok: true, changed: false, why: result.why }
  // The newest package says when the pairing ends as her phone knows it now (a pause moves it).
  const endsOn = pkg.header.endsOn === undefined ? pairing.endsOn : pkg.header.endsOn
  return { ok: true, changed: true, pairing: { ...pairing, endsOn, copy: result.copy } }
}

/**
 * The pairings as the worker's list shows them: active ones first, then the newest pairing
 * first, then by label (`compareLabels`, the screen's language's collation).
 */
export function pairingsInListOrder<
  P extends Pick<WorkerPairingLike, 'endsOn' | 'pairedAt'> & { readonly label: string },
>(
  pairings: readonly P[],
  today: CivilDate,
  compareLabels: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): P[] {
  const rank = (pairing: P): number => (workerPairingStatus(pairing, today).active ? 0 : 1)
  return [...pairings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.pairedAt > b.pairedAt ? -1 : a.pairedAt < b.pairedAt ? 1 : 0) ||
      compareLabels(a.label, b.label),
  )
}

/**
 * Whether this device may be set up as a worker's device: only while it is open and holds
 * nothing at all (no plan, no record, nothing unreadable). A worker's device never holds a
 * citizen's own plan, and a citizen's plan is never hidden behind a worker's Home.
 */
export function mayBecomeWorkerDevice(store: {
  readonly open: boolean
  readonly records: number
  readonly unreadable: number
}): boolean {
  return store.open && store.records === 0 && store.unreadable === 0
}

/**
 * What is left of a removed pairing: no records, no tombstones, no label the worker typed, no
 * hidden reminders (their names hold dates and counts of her course).
 */
export function erasedPairing<P extends WorkerPairingLike & { readonly label: string }>(pairing: P): P {
  return {
    ...pairing,
    label: '-',
    dismissed: undefined,
    copy: { pairingId: pairing.copy.pairingId, seq: pairing.copy.seq, records: [], tombstones: [] },
  }
}
