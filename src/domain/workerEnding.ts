/**
 * The end of access on the worker's phone (issue #15 item 6). Once a pairing has ended — its
 * `endsOn` has come (the course's end, pauses included, as her newest package said it), or her
 * **ending package** arrived, whose `endsOn` is the day she unpaired — the worker's copy offers
 * the handover she consented to share, read-only and saveable, and then her shared plan is
 * erased (data minimisation): by the worker's button, or by itself {@link ERASE_AFTER_DAYS} days
 * after the end, checked whenever the worker's app loads its pairings.
 *
 * **Why 14 days.** CTI ends with a handover to the network and the services that take over; the
 * worker may need the agreed handover for the closing meeting and for passing it on, which
 * usually happens within days of the end. Two weeks covers a closing meeting held the week
 * after and a worker's week off, and is short enough that a lost or stolen worker phone does
 * not carry citizens whose course is long over. Longer would be storage without a purpose.
 *
 * **Erasure** empties the copy (records, tombstones), replaces the share key with one no phone
 * ever made packages with (`UNUSABLE_SHARE_KEY`; the record schema needs a key, and an erased
 * pairing refuses every package before any key is tried), and keeps the label, the dates, the
 * pairing id and the last sequence number: the anchor of the worker's own visit log, without
 * any plan content. The unusable key is the mark of an erased pairing (`isErased`), so the
 * record's schema is unchanged.
 *
 * Pure: today comes in as an argument.
 */
import { addDays, type CivilDate } from './civilDate'
import { handoverSummary, type SummaryHandoverLine, type SummaryRecords } from './handoverSummary'
import { liveOfKind, type ShareableRecord } from './sharing'
import {
  erasedPairing,
  isErased,
  UNUSABLE_SHARE_KEY,
  workerPairingStatus,
  type WorkerPairingLike,
} from './workerPairing'

export { UNUSABLE_SHARE_KEY } from './workerPairing'

/** Days after the end before her shared plan is erased by itself (see the module comment). */
export const ERASE_AFTER_DAYS = 14

/** Where a worker pairing stands at its end. */
export type WorkerEndingState =
  | { readonly state: 'active' }
  | { readonly state: 'ended'; readonly since: CivilDate; readonly erasesOn: CivilDate }
  | { readonly state: 'erased'; readonly since: CivilDate }

/** Whether the pairing is active, ended (and the day its copy erases by itself), or erased. */
export function workerEndingState(
  pairing: Pick<WorkerPairingLike, 'endsOn' | 'shareKey'>,
  today: CivilDate,
): WorkerEndingState {
  const status = workerPairingStatus(pairing, today)
  if (status.active) return { state: 'active' }
  if (isErased(pairing)) return { state: 'erased', since: status.since }
  return { state: 'ended', since: status.since, erasesOn: addDays(status.since, ERASE_AFTER_DAYS) }
}

/** Whether the copy is to be erased by itself on `today`: ended, not erased, the days gone by. */
export function erasureDue(
  pairing: Pick<WorkerPairingLike, 'endsOn' | 'shareKey'>,
  today: CivilDate,
): boolean {
  const ending = workerEndingState(pairing, today)
  return ending.state === 'ended' && today >= ending.erasesOn
}

/**
 * The pairing with her shared plan erased on `today` (see the module comment); erased stays
 * erased. Its end is kept (`today` if none was known), so it reads as ended ever after.
 */
export function erasedAtEnd<P extends WorkerPairingLike>(pairing: P, today: CivilDate): P {
  if (isErased(pairing)) return pairing
  return {
    ...pairing,
    shareKey: UNUSABLE_SHARE_KEY,
    endsOn: pairing.endsOn ?? today,
    copy: { pairingId: pairing.copy.pairingId, seq: pairing.copy.seq, records: [], tombstones: [] },
    // The worker's proposals quote her plan: they go with it.
    proposals: [],
  }
}

/**
 * The handover she shared, as the summary's lines (`handoverSummary` with only the handover
 * plan ticked: the same lines, the same safety rules as her own summary), from the worker's
 * copy; empty when she shared no handover line.
 */
export function sharedHandoverLines(
  records: readonly ShareableRecord[],
  locale?: string,
): readonly SummaryHandoverLine[] {
  const plan = liveOfKind(records, 'plan')[0]
  const summaryRecords: SummaryRecords = {
    plan: plan ?? {},
    focusAreas: liveOfKind(records, 'focusArea'),
    goals: liveOfKind(records, 'goal'),
    subGoals: liveOfKind(records, 'subGoal'),
    contacts: liveOfKind(records, 'contact'),
    handoverItems: liveOfKind(records, 'handoverItem'),
    notes: [],
  }
  const choice = { goalIds: [], handoverPlan: true, contactIds: [], noteIds: [], worker: false }
  return handoverSummary(summaryRecords, choice, locale).handover ?? []
}

/**
 * What removing a pairing ("Fjern parringen") does on `today` (issue #15 item 6):
 * - `delete`: no visit is logged with her, so nothing anchors on the record; it goes, as a
 *   tombstone without her records, the label or the hidden reminders (`erasedPairing`);
 * - `erase`: visits are logged with her, so the record stays as the anchor of the worker's own
 *   visit log (the log and the time-per-phase numbers still count them): her shared plan is
 *   erased as at the end (`erasedAtEnd`), the pairing ends today (or on its earlier end), and the
 *   reminders hidden on it go (their names hold dates and counts of her course); label, paired
 *   on and pairing id stay. The list then shows it among the ended ones;
 * - `none`: already erased and visits anchor on it — there is nothing left to remove.
 */
export type PairingRemoval<P> =
  | { readonly action: 'delete'; readonly pairing: P }
  | { readonly action: 'erase'; readonly pairing: P }
  | { readonly action: 'none' }

/** What removing `pairing`, with `visits` visits logged with her, does on `today`. */
export function pairingRemoval<P extends WorkerPairingLike & { readonly label: string }>(
  pairing: P,
  visits: number,
  today: CivilDate,
): PairingRemoval<P> {
  if (visits <= 0) return { action: 'delete', pairing: erasedPairing(pairing) }
  if (isErased(pairing)) return { action: 'none' }
  const endsOn = pairing.endsOn !== null && pairing.endsOn < today ? pairing.endsOn : today
  return { action: 'erase', pairing: erasedAtEnd({ ...pairing, endsOn, dismissed: undefined }, today) }
}
