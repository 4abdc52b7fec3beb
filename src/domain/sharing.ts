/**
 * What the citizen shares with her CTI worker (issue #14 item 1; DESIGN.md, "Sharing and
 * co-editing"): which records may ever be shared, sharing one record or a whole section, the
 * **projection** the worker's phone gets, and the **tombstones** that make the worker's copy
 * drop what is no longer shared.
 *
 * The rules, decided here once:
 * - **Never shared**: proposals, instrument packs, pairings and a visit's journal (not the plan's content), a
 *   private contact, and a contact that is or looks like someone she is kept safe from (by id,
 *   or by the same name typed as a contact). Those people live only in the plan's safety notes,
 *   which the projection strips; a contact's "must not tell" list and note are stripped too, and
 *   an activity's helper named like such a person is left out.
 * - **Each record has its own flag.** Sharing a goal does not share its sub-goals or notes:
 *   a shared parent never carries its private children along.
 * - **A shared child of a private parent is held back**, not shared alone: a sub-goal goes only
 *   with its goal, a goal only with its focus area, a note only with what it is about, a handover
 *   line only with its goal or sub-goal and with the contact who takes it over. The child keeps
 *   its flag (her choice is not undone behind her back) and goes with the first package after
 *   the parent is shared; the preview lists it as held back (`heldBack`). Why: a step without
 *   its goal tells the worker something she did not choose to show, and nothing dangles.
 *   An activity can stand alone, so it goes without its link to a private goal instead.
 * - **Stripped**: the plan without safety notes and without the pairing; references to
 *   records the worker does not get (contact ↔ goal and focus-area links, an activity's helper
 *   who is an unshared contact) are removed.
 * - **Tombstones**: every id sent in an earlier package that is not in the projection now
 *   (deleted, unshared, or held back). Sent ids are remembered for the pairing's life, so a
 *   package that never arrived costs nothing: the next one carries the same tombstones.
 *
 * Pure: records and stamps come in as arguments.
 */
import type {
  Activity,
  Contact,
  HandoverItem,
  KeptSafeFrom,
  Plan,
  RecordKind,
  RecordOf,
  TrinRecord,
} from '@/schemas'
import type { Hlc } from './clock'
import { isKeptSafeFrom, namesKeptSafeFrom, outwardContacts, outwardPlan } from './network'

/**
 * The kinds that are never shared: the worker's own proposals, the instrument packs (settings)
 * pairings (they hold the share key) and a visit in progress (its journal of her worker's
 * changes before she decides on them), and a worker's own visit log. Every other kind may be, record by record; a new kind
 * must be given a section below before it can be shared at all.
 */
export const neverSharedKinds = [
  'proposal',
  'instrumentPack',
  'pairing',
  'visitSession',
  'workerPairing',
  'workerVisit',
] as const satisfies readonly RecordKind[]

/** A kind that may be shared. */
export type ShareableKind = Exclude<RecordKind, (typeof neverSharedKinds)[number]>
/** A record of a kind that may be shared: what a share package carries. */
export type ShareableRecord = RecordOf<ShareableKind>

/** The live (not deleted) records of one kind in a shared copy, in their order. */
export function liveOfKind<K extends ShareableKind>(
  records: readonly ShareableRecord[],
  kind: K,
): Extract<ShareableRecord, { kind: K }>[] {
  return records.filter(
    (record): record is Extract<ShareableRecord, { kind: K }> => record.kind === kind && !record.deleted,
  )
}

/** Whether records of `kind` may ever be shared. */
export function isShareableKind(kind: RecordKind): kind is ShareableKind {
  return Object.hasOwn(sectionOfKind, kind)
}

/** Whether a record is of a kind that may be shared. */
export function isShareableRecord(record: TrinRecord): record is ShareableRecord {
  return isShareableKind(record.kind)
}

/** Why a record can never be shared, whatever its flag says. */
export type NeverSharedReason = 'kind' | 'private-contact' | 'kept-safe-from'

/** Why `record` can never be shared, or null when her flag decides. */
export function neverSharedReason(
  record: TrinRecord,
  keptSafeFrom: readonly KeptSafeFrom[],
): NeverSharedReason | null {
  if (!isShareableKind(record.kind)) return 'kind'
  if (record.kind !== 'contact') return null
  if (record.safety.keepPrivate) return 'private-contact'
  return isKeptSafeFrom(record, keptSafeFrom) ? 'kept-safe-from' : null
}

/** The people in her safety notes (from the live plan among `records`). */
export function keptSafeFromOf(records: readonly TrinRecord[]): readonly KeptSafeFrom[] {
  const plan = records.find((record): record is Plan => record.kind === 'plan' && !record.deleted)
  return plan?.safetyNotes?.keptSafeFrom ?? []
}

/**
 * `record` with its flag set to `shared`, stamped `stamp`; the same record when nothing changes;
 * null when it can never be shared (sharing refused; unsharing is always allowed).
 */
export function withShared<R extends TrinRecord>(
  record: R,
  shared: boolean,
  stamp: Hlc,
  keptSafeFrom: readonly KeptSafeFrom[],
): R | null {
  if (shared && neverSharedReason(record, keptSafeFrom) !== null) return null
  if (record.shared === shared) return record
  return { ...record, shared, updatedAt: stamp }
}

/** The sections of the plan that can be shared or unshared at once. */
export const shareSections = [
  'course',
  'goals',
  'activities',
  'network',
  'ratings',
  'handover',
  'visits',
  'notes',
] as const
/** A section of the plan. */
export type ShareSection = (typeof shareSections)[number]

const sectionOfKind: Readonly<Record<ShareableKind, ShareSection>> = {
  plan: 'course',
  focusArea: 'goals',
  goal: 'goals',
  subGoal: 'goals',
  activity: 'activities',
  contact: 'network',
  rating: 'ratings',
  handoverItem: 'handover',
  visit: 'visits',
  note: 'notes',
}

/** The section a record belongs to, or null for a kind that is never shared. */
export function sectionOf(record: TrinRecord): ShareSection | null {
  return isShareableKind(record.kind) ? sectionOfKind[record.kind] : null
}

/**
 * Sharing or unsharing a whole section at once: the records that change (to be saved), each
 * stamped `stamp`. Deleted records and records that can never be shared are left alone.
 */
export function withSectionShared(
  records: readonly TrinRecord[],
  section: ShareSection,
  shared: boolean,
  stamp: Hlc,
): TrinRecord[] {
  const keptSafeFrom = keptSafeFromOf(records)
  return records.flatMap((record) => {
    if (record.deleted || sectionOf(record) !== section) return []
    const changed = withShared(record, shared, stamp, keptSafeFrom)
    return changed === null || changed === record ? [] : [changed]
  })
}

/** Why a record whose flag says shared is not in the projection. */
export type HeldBackReason = NeverSharedReason | 'parent-not-shared'

/** A shared record the worker does not get, and why (for the preview). */
export interface HeldBack {
  readonly record: TrinRecord
  readonly reason: HeldBackReason
}

interface Decided {
  readonly projected: ReadonlyMap<string, ShareableRecord>
  readonly heldBack: readonly HeldBack[]
}

/** The records a child needs in the projection before it can go. */
export function parentIds(record: ShareableRecord): readonly string[] {
  switch (record.kind) {
    case 'goal':
      return [record.focusAreaId]
    case 'subGoal':
      return [record.goalId]
    case 'note':
      return [record.target.id]
    case 'handoverItem':
      return handoverParents(record)
    default:
      return []
  }
}

function handoverParents(item: HandoverItem): readonly string[] {
  const about = item.about.kind === 'need' ? [] : [item.about.id]
  const owner = item.owner?.kind === 'contact' ? [item.owner.contactId] : []
  return [...about, ...owner]
}

function liveById(records: readonly TrinRecord[]): Map<string, TrinRecord> {
  const live = new Map<string, TrinRecord>()
  for (const record of records) if (!record.deleted) live.set(record.id, record)
  return live
}

function decide(records: readonly TrinRecord[]): Decided {
  const keptSafeFrom = keptSafeFromOf(records)
  const live = liveById(records)
  const verdicts = new Map<string, HeldBackReason | null>()
  // Parents are at most three deep (area → goal → sub-goal → note); `visiting` guards a
  // crafted cycle, which counts as not shared.
  const visiting = new Set<string>()
  const verdictOf = (id: string): HeldBackReason | null => {
    const known = verdicts.get(id)
    if (known !== undefined) return known
    const record = live.get(id)
    if (record === undefined || !record.shared || visiting.has(id)) return 'parent-not-shared'
    visiting.add(id)
    const never = neverSharedReason(record, keptSafeFrom)
    const verdict =
      never ??
      (isShareableRecord(record) && parentIds(record).every((parent) => verdictOf(parent) === null)
        ? null
        : 'parent-not-shared')
    visiting.delete(id)
    verdicts.set(id, verdict)
    return verdict
  }
  const projected = new Map<string, ShareableRecord>()
  const heldBack: HeldBack[] = []
  for (const record of live.values()) {
    if (!record.shared) continue
    const reason = verdictOf(record.id)
    if (reason === null && isShareableRecord(record)) projected.set(record.id, record)
    else if (reason !== null) heldBack.push({ record, reason })
  }
  return { projected, heldBack }
}

function strippedActivity(
  activity: Activity,
  projected: ReadonlyMap<string, unknown>,
  keptSafeFrom: readonly KeptSafeFrom[],
): Activity {
  const { goalId, helper, ...rest } = activity
  const keepGoal = goalId !== undefined && projected.has(goalId)
  const keepHelper =
    helper !== undefined &&
    ('contactId' in helper ? projected.has(helper.contactId) : !namesKeptSafeFrom(helper.name, keptSafeFrom))
  return { ...rest, ...(keepGoal ? { goalId } : {}), ...(keepHelper ? { helper } : {}) }
}

function strippedContact(contact: Contact, projected: ReadonlyMap<string, unknown>): Contact {
  const [outward = contact] = outwardContacts([contact])
  return {
    ...outward,
    goalIds: outward.goalIds.filter((id) => projected.has(id)),
    focusAreaIds: outward.focusAreaIds.filter((id) => projected.has(id)),
  }
}

function stripped(
  record: ShareableRecord,
  projected: ReadonlyMap<string, unknown>,
  keptSafeFrom: readonly KeptSafeFrom[],
): ShareableRecord {
  switch (record.kind) {
    case 'plan':
      return { ...outwardPlan(record), pairing: null }
    case 'contact':
      return strippedContact(record, projected)
    case 'activity':
      return strippedActivity(record, projected, keptSafeFrom)
    default:
      return record
  }
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * What the worker's phone gets: exactly the shared records that may go (see the rules above),
 * each stripped of what must stay on her phone, in id order.
 */
export function shareProjection(records: readonly TrinRecord[]): ShareableRecord[] {
  const { projected } = decide(records)
  const keptSafeFrom = keptSafeFromOf(records)
  return [...projected.values()].map((record) => stripped(record, projected, keptSafeFrom)).sort(byId)
}

/** The records whose flag says shared but that the worker does not get, and why, in id order. */
export function heldBack(records: readonly TrinRecord[]): HeldBack[] {
  return [...decide(records).heldBack].sort((a, b) => byId(a.record, b.record))
}

/** The ids to tombstone: sent before, not in the projection now; sorted. */
export function shareTombstones(
  sentIds: readonly string[],
  projection: readonly { readonly id: string }[],
): string[] {
  const now = new Set(projection.map((record) => record.id))
  return [...new Set(sentIds)].filter((id) => !now.has(id)).sort()
}

/** Every id ever sent once this projection has gone too (kept for the pairing's life); sorted. */
export function sentIdsAfter(
  sentIds: readonly string[],
  projection: readonly { readonly id: string }[],
): string[] {
  return [...new Set([...sentIds, ...projection.map((record) => record.id)])].sort()
}

/** One step of a record's place in the plan's tree: its order among siblings, then its id. */
interface TreeStep {
  readonly order: number
  readonly id: string
}

/**
 * Where a record stands in the plan's tree, from the top: a focus area, then its goal, then the
 * sub-goal. Records outside the tree stand alone (order 0). A parent missing from `live` puts
 * the child after every whole tree of its section.
 */
function treePath(record: TrinRecord, live: ReadonlyMap<string, TrinRecord>): TreeStep[] {
  const own = { order: 'order' in record ? record.order : 0, id: record.id }
  const parentId =
    record.kind === 'goal' ? record.focusAreaId : record.kind === 'subGoal' ? record.goalId : null
  if (parentId === null) return [own]
  const parent = live.get(parentId)
  // A crafted parent of the wrong kind cannot loop: only goals and sub-goals have parents.
  const above =
    parent === undefined || parent.kind === record.kind
      ? [{ order: Number.MAX_SAFE_INTEGER, id: parentId }]
      : treePath(parent, live)
  return [...above, own]
}

function byPath(a: readonly TreeStep[], b: readonly TreeStep[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const left = a[index]
    const right = b[index]
    if (left === undefined || right === undefined) break
    if (left.order !== right.order) return left.order - right.order
    if (left.id !== right.id) return left.id < right.id ? -1 : 1
  }
  // A parent (the shorter path) comes before its children.
  return a.length - b.length
}

/**
 * `items` in the plan's reading order: a focus area before its goals, a goal before its
 * sub-goals, siblings by their order; records outside the tree by id.
 */
function inTreeOrder<T>(
  items: readonly T[],
  recordOf: (item: T) => TrinRecord,
  live: ReadonlyMap<string, TrinRecord>,
): T[] {
  const paths = new Map(items.map((item) => [item, treePath(recordOf(item), live)] as const))
  return [...items].sort((a, b) => byPath(paths.get(a) ?? [], paths.get(b) ?? []))
}

/** One section of the preview: what the worker sees, and what waits or never goes. */
export interface PreviewSection {
  readonly section: ShareSection
  readonly shown: readonly ShareableRecord[]
  readonly heldBack: readonly HeldBack[]
}

/**
 * "What my worker can see", by section in the plan's order: the projection (exactly what a
 * package carries) and the shared records waiting for their parent; sections with neither are
 * left out. Inside a section a focus area comes before its goals and a goal before its
 * sub-goals (siblings by their order); other records by id. Records that can never go are not listed at all: the preview is shown at visits, and
 * a private contact or someone she is kept safe from must not appear on it.
 */
export function previewSections(records: readonly TrinRecord[]): PreviewSection[] {
  const live = liveById(records)
  const shown = inTreeOrder(shareProjection(records), (record) => record, live)
  const waiting = inTreeOrder(
    heldBack(records).filter((entry) => entry.reason === 'parent-not-shared'),
    (entry) => entry.record,
    live,
  )
  return shareSections
    .map((section) => ({
      section,
      shown: shown.filter((record) => sectionOf(record) === section),
      heldBack: waiting.filter((entry) => sectionOf(entry.record) === section),
    }))
    .filter((entry) => entry.shown.length > 0 || entry.heldBack.length > 0)
}

/**
 * What a shared record that is held back waits for: the kind of the nearest record above it
 * (its focus area, goal, sub-goal, activity or contact) that is not shared or can never be,
 * `'unknown'` when that record is gone; null when the record goes with the next package, is
 * private, or can never be shared itself. Decided like the projection (`heldBack` reason
 * `'parent-not-shared'`), so the record's own screen says what the preview says.
 */
export function waitingFor(recordId: string, records: readonly TrinRecord[]): RecordKind | 'unknown' | null {
  // Only a shared record can wait; most controls on a screen are private ones.
  if (!records.some((record) => record.id === recordId && record.shared && !record.deleted)) return null
  const waiting = decide(records).heldBack.find(
    (entry) => entry.record.id === recordId && entry.reason === 'parent-not-shared',
  )
  if (waiting === undefined) return null
  const keptSafeFrom = keptSafeFromOf(records)
  const live = liveById(records)
  const seen = new Set<string>()
  const blocker = (record: TrinRecord): RecordKind | 'unknown' | null => {
    if (seen.has(record.id) || !isShareableRecord(record)) return null
    seen.add(record.id)
    for (const id of parentIds(record)) {
      const parent = live.get(id)
      if (parent === undefined) return 'unknown'
      if (!parent.shared || neverSharedReason(parent, keptSafeFrom) !== null) return parent.kind
      const above = blocker(parent)
      if (above !== null) return above
    }
    return null
  }
  return blocker(waiting.record) ?? 'unknown'
}

/** A pairing as far as the honest note needs it. */
export interface SentRecord {
  readonly sentIds: readonly string[]
  readonly endedAt?: unknown
  readonly deleted: boolean
}

/**
 * Whether any of `ids` was already sent to the worker by a pairing that has not ended: then
 * making it private must say that the worker keeps what was sent until the next package (its
 * tombstone) or the course's end. No pairing, or none that sent it: nothing to say. An ended
 * pairing's copy is erased on the worker's side, so it does not count either.
 */
export function alreadySent(ids: readonly string[], pairings: readonly SentRecord[]): boolean {
  const wanted = new Set(ids)
  return pairings.some(
    (pairing) =>
      !pairing.deleted && pairing.endedAt === undefined && pairing.sentIds.some((id) => wanted.has(id)),
  )
}

/** How much of a section is shared: the records she may share, and how many of them are. */
export interface SectionCount {
  readonly section: ShareSection
  /** Live records of the section that may be shared (never-shared ones are not counted). */
  readonly total: number
  readonly shared: number
}

/**
 * Per section, in the plan's order, how many records may be shared and how many are (for the
 * section switches). Private contacts and kept-safe-from persons are not counted at all, so
 * the counts shown at a visit do not reveal them.
 */
export function sectionCounts(records: readonly TrinRecord[]): SectionCount[] {
  const keptSafeFrom = keptSafeFromOf(records)
  const counts = new Map<ShareSection, { total: number; shared: number }>()
  for (const section of shareSections) counts.set(section, { total: 0, shared: 0 })
  for (const record of records) {
    const section = sectionOf(record)
    const count = section === null ? undefined : counts.get(section)
    if (record.deleted || count === undefined || neverSharedReason(record, keptSafeFrom) !== null) continue
    count.total += 1
    if (record.shared) count.shared += 1
  }
  return shareSections.map((section) => ({ section, total: 0, shared: 0, ...counts.get(section) }))
}
