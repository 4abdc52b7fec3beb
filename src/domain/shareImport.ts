/**
 * The worker's side of a share package (issue #14 items 3 and 6): applying a decoded package to
 * the worker device's read-only copy of her shared plan.
 *
 * A package carries the **whole** projection at its sequence number (`src/domain/sharing.ts`),
 * plus tombstones for every id sent before and not shared now. So:
 * - a package newer than the copy replaces it: exactly its records, none of its tombstones;
 * - the same package again, or an older one after a newer one, changes nothing (the very same
 *   copy comes back, so a caller can tell by identity that there is nothing to save);
 * - a tombstoned record never comes back from an older package, because older packages are
 *   refused by their sequence number; it comes back only when a newer package shares it again;
 * - a lost package costs nothing: the next one carries everything, tombstones included.
 * A copy that has never seen a package and was paired by short code takes the pairing id of
 * the first package that decrypted; a package for another pairing is refused.
 *
 * Pure: the package has been decrypted and parsed by `src/data/sharing/package.ts`.
 */
import type { CivilDate } from './civilDate'
import type { ShareableRecord } from './sharing'

/** The worker device's copy of one citizen's shared plan. */
export interface WorkerCopy {
  /** The pairing it belongs to; null until the first package on a device paired by short code. */
  readonly pairingId: string | null
  /** The sequence number of the package applied last; 0 before any. */
  readonly seq: number
  /** The shared records, in id order. */
  readonly records: readonly ShareableRecord[]
  /** Ids the last package dropped, sorted (what the worker's screens no longer show). */
  readonly tombstones: readonly string[]
  /** The day her phone made the package applied last (in this device's time zone); absent before any. */
  readonly madeOn?: CivilDate
}

/** What import needs of a decoded package. */
export interface ImportablePackage {
  readonly header: {
    readonly pairingId: string
    readonly seq: number
    /** The day the pairing ends as her phone knew it when it made the package (null: not known). */
    readonly endsOn?: CivilDate | null
    /** The day her phone made it, as this device's calendar reads its stamp (`packageMadeOn`). */
    readonly madeOn?: CivilDate
  }
  readonly body: { readonly records: readonly ShareableRecord[]; readonly tombstones: readonly string[] }
}

/** The outcome of an import. */
export type ShareImportResult =
  | { readonly ok: true; readonly changed: true; readonly copy: WorkerCopy }
  | {
      readonly ok: true
      readonly changed: false
      readonly copy: WorkerCopy
      readonly why: 'already-applied' | 'older'
    }
  | { readonly ok: false; readonly code: 'wrong-pairing'; readonly copy: WorkerCopy }

/** A copy before any package. */
export function emptyWorkerCopy(pairingId: string | null): WorkerCopy {
  return { pairingId, seq: 0, records: [], tombstones: [] }
}

/** Applies a package to the worker's copy (see the rules above). Never throws. */
export function importSharePackage(copy: WorkerCopy, pkg: ImportablePackage): ShareImportResult {
  if (copy.pairingId !== null && copy.pairingId !== pkg.header.pairingId)
    return { ok: false, code: 'wrong-pairing', copy }
  if (pkg.header.seq === copy.seq) return { ok: true, changed: false, copy, why: 'already-applied' }
  if (pkg.header.seq < copy.seq) return { ok: true, changed: false, copy, why: 'older' }
  const dropped = new Set(pkg.body.tombstones)
  const records = pkg.body.records.filter((record) => !dropped.has(record.id))
  return {
    ok: true,
    changed: true,
    copy: {
      pairingId: pkg.header.pairingId,
      seq: pkg.header.seq,
      records: [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      tombstones: [...dropped].sort(),
      ...(pkg.header.madeOn === undefined ? {} : { madeOn: pkg.header.madeOn }),
    },
  }
}
