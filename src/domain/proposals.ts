/**
 * Proposals (issue #15 item 3; DESIGN.md, "Sharing and co-editing"): the worker's edits to her
 * plan, which **she** decides on. Principle 13: the worker is a sparring partner, never the one
 * who decides; her phone is the only writer of her plan.
 *
 * - A proposal is immutable once made. It names its target (kind and id), the changed fields
 *   with their proposed values, and for an edit the **version of each field it was based on**:
 *   the value the worker's copy held (`base`), plus the record's stamp (`baseUpdatedAt`). A
 *   proposal for a new record has no base.
 * - On her phone a field is **stale** when its value is no longer the base: she changed it since
 *   the worker saw it. Both values are shown side by side; nothing is overwritten silently.
 * - She accepts or rejects each proposal (or all). Accepting writes the proposed fields over
 *   hers and nothing else (merge per field); rejecting changes nothing in her plan. A proposal
 *   whose target is gone from her phone can only be set aside (rejected).
 * - A proposal package carries every proposal the worker has not yet seen decided, so a lost
 *   package costs nothing and a duplicate or an older one adds nothing: a proposal already on
 *   her phone (pending or decided) is never replaced.
 * - Her decisions go back in her next share package (`proposalDecisions`); on the worker's
 *   phone the first decision for a proposal is kept (`withDecisions`).
 *
 * Pure: stamps, ids and records come in as arguments. The stores parse what these functions
 * build with the record schemas before anything is written.
 */
import type { Author, JsonValue, Proposal, ProposalTargetKind, TrinRecord } from '@/schemas'
import type { Hlc } from './clock'

/** A field value as a proposal holds it: JSON, with null for "empty". */
export type FieldValue = JsonValue

/** One decision, as it travels back to the worker in a share package. */
export interface ProposalDecision {
  readonly id: string
  readonly status: 'accepted' | 'rejected'
  readonly decidedAt: Hlc
}

/** One changed field of a proposal, as her review shows it. */
export interface ProposalField {
  readonly field: string
  /** What the worker saw (null: empty); undefined for a new record. */
  readonly base: FieldValue | undefined
  /** What the worker proposes (null: empty it). */
  readonly proposed: FieldValue
  /** What her phone holds now (null: empty); undefined for a new record. */
  readonly current: FieldValue | undefined
  /** She changed it since the worker saw it: show both values side by side. */
  readonly stale: boolean
  /** Her phone already holds the proposed value: accepting changes nothing here. */
  readonly same: boolean
}

/** What a proposal would do on her phone now. */
export type ProposalView =
  | { readonly state: 'new'; readonly fields: readonly ProposalField[] }
  | {
      readonly state: 'edit'
      readonly target: TrinRecord
      readonly stale: boolean
      readonly fields: readonly ProposalField[]
    }
  /** An edit of something no longer on her phone, or a new record whose id is taken. */
  | { readonly state: 'gone' }

/** Deep equality of JSON values (object key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]))
  )
}

/** A record's field as a proposal compares it: absent reads as null. */
export function fieldOf(record: TrinRecord, field: string): FieldValue {
  const value = (record as unknown as Record<string, unknown>)[field]
  return value === undefined ? null : (value as FieldValue)
}

function findRecord(records: readonly TrinRecord[], id: string): TrinRecord | undefined {
  return records.find((record) => record.id === id)
}

/** What `proposal` would do to `records` (her plan on her phone) now. */
export function viewProposal(proposal: Proposal, records: readonly TrinRecord[]): ProposalView {
  const target = findRecord(records, proposal.target.id)
  if (proposal.baseUpdatedAt === null) {
    if (target !== undefined) return { state: 'gone' }
    return {
      state: 'new',
      fields: Object.entries(proposal.changes).map(([field, proposed]) => ({
        field,
        base: undefined,
        proposed,
        current: undefined,
        stale: false,
        same: false,
      })),
    }
  }
  if (target === undefined || target.deleted || target.kind !== proposal.target.kind) return { state: 'gone' }
  const fields = Object.entries(proposal.changes).map(([field, proposed]) => {
    const current = fieldOf(target, field)
    const base = proposal.base[field] ?? null
    const same = sameValue(current, proposed)
    return { field, base, proposed, current, stale: !same && !sameValue(current, base), same }
  })
  return { state: 'edit', target, stale: fields.some((field) => field.stale), fields }
}

/** The record accepting `proposal` writes, or null when it cannot be accepted (target gone). */
export function acceptedRecord(
  proposal: Proposal,
  records: readonly TrinRecord[],
  stamp: Hlc,
): Record<string, unknown> | null {
  const view = viewProposal(proposal, records)
  if (view.state === 'gone') return null
  const changes: Record<string, unknown> = {}
  const cleared: string[] = []
  for (const [field, value] of Object.entries(proposal.changes)) {
    if (value === null) cleared.push(field)
    else changes[field] = value
  }
  if (view.state === 'new') {
    return {
      ...changes,
      id: proposal.target.id,
      kind: proposal.target.kind,
      createdAt: stamp,
      updatedAt: stamp,
      author: proposal.author,
      deleted: false,
      // The worker wrote it and already knows it: what she accepts from the worker is shared
      // back (she can stop sharing it like anything else).
      shared: true,
    }
  }
  const next: Record<string, unknown> = { ...view.target, ...changes, updatedAt: stamp }
  for (const field of cleared) Reflect.deleteProperty(next, field)
  return next
}

/** The proposal once she decided (a decided proposal stays as it is). */
export function decided(proposal: Proposal, status: 'accepted' | 'rejected', stamp: Hlc): Proposal {
  if (proposal.status !== 'pending') return proposal
  return { ...proposal, status, decidedAt: stamp, updatedAt: stamp }
}

/** The proposals on her phone waiting for her decision, oldest first. */
export function pendingProposals(records: readonly TrinRecord[]): Proposal[] {
  return records
    .filter((record): record is Proposal => record.kind === 'proposal' && !record.deleted)
    .filter((proposal) => proposal.status === 'pending')
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
}

/**
 * Of the proposals in a package under `pairingId`, those new to her phone, marked with the
 * pairing: a proposal already there — pending, accepted or rejected — is never replaced
 * (proposals are immutable; her decision stands), and no record id is ever overwritten by one.
 */
export function newProposals(
  records: readonly TrinRecord[],
  incoming: readonly Proposal[],
  pairingId: string,
): Proposal[] {
  const known = new Set(records.map((record) => record.id))
  const fresh: Proposal[] = []
  for (const proposal of incoming) {
    if (known.has(proposal.id)) continue
    known.add(proposal.id)
    fresh.push({ ...proposal, pairingId })
  }
  return fresh
}

/**
 * Her decisions, for the next share package under `pairingId`: every decided proposal that came
 * under that pairing, in id order (another worker's proposals are none of this worker's business).
 */
export function proposalDecisions(records: readonly TrinRecord[], pairingId: string): ProposalDecision[] {
  const decisions: ProposalDecision[] = []
  for (const record of records) {
    if (record.kind !== 'proposal' || record.status === 'pending' || record.decidedAt === undefined) continue
    if (record.pairingId !== pairingId) continue
    decisions.push({ id: record.id, status: record.status, decidedAt: record.decidedAt })
  }
  return decisions.sort((a, b) => (a.id < b.id ? -1 : 1))
}

/** The worker's proposals once her decisions are known: the first decision for each is kept. */
export function withDecisions(
  proposals: readonly Proposal[],
  decisions: readonly ProposalDecision[],
): Proposal[] {
  const byId = new Map(decisions.map((decision) => [decision.id, decision]))
  return proposals.map((proposal) => {
    const decision = byId.get(proposal.id)
    if (decision === undefined || proposal.status !== 'pending') return proposal
    return { ...proposal, status: decision.status, decidedAt: decision.decidedAt }
  })
}

/** What the next proposal package carries: every proposal the worker has not seen decided. */
export function proposalsToSend(proposals: readonly Proposal[]): Proposal[] {
  return proposals.filter((proposal) => proposal.status === 'pending')
}

/** Who makes a proposal, and when. */
export interface ProposalStamp {
  readonly id: string
  readonly author: Author
  readonly stamp: Hlc
  readonly comment?: string
}

function proposalOf(
  made: ProposalStamp,
  target: { kind: ProposalTargetKind; id: string },
  baseUpdatedAt: Hlc | null,
  base: Record<string, FieldValue>,
  changes: Record<string, FieldValue>,
): Proposal {
  const comment = made.comment?.trim()
  return {
    id: made.id,
    kind: 'proposal',
    createdAt: made.stamp,
    updatedAt: made.stamp,
    author: made.author,
    deleted: false,
    shared: false,
    target,
    baseUpdatedAt,
    base,
    changes,
    ...(comment ? { comment } : {}),
    status: 'pending',
  }
}

/**
 * A proposal to change fields of a record the worker's copy holds, based on the copy's values;
 * null when nothing would change. Fields whose proposed value equals the copy's are left out.
 */
export function editProposal(
  target: TrinRecord & { kind: ProposalTargetKind },
  wanted: Readonly<Record<string, FieldValue>>,
  made: ProposalStamp,
): Proposal | null {
  const base: Record<string, FieldValue> = {}
  const changes: Record<string, FieldValue> = {}
  for (const [field, value] of Object.entries(wanted)) {
    const seen = fieldOf(target, field)
    if (sameValue(seen, value)) continue
    base[field] = seen
    changes[field] = value
  }
  if (Object.keys(changes).length === 0) return null
  return proposalOf(made, { kind: target.kind, id: target.id }, target.updatedAt, base, changes)
}

/** A proposal for a new record (an activity, a note, the worker's own rating …) with id `recordId`. */
export function newRecordProposal(
  kind: ProposalTargetKind,
  recordId: string,
  fields: Readonly<Record<string, FieldValue>>,
  made: ProposalStamp,
): Proposal {
  return proposalOf(made, { kind, id: recordId }, null, {}, { ...fields })
}
