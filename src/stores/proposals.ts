/**
 * Her worker's proposals on her phone (issue #15 item 3): receiving a proposal package, and her
 * decision on each. The rules are `src/domain/proposals.ts`; the bytes
 * `src/data/sharing/proposalPackage.ts`.
 *
 * - A package opens only with the key of her current pairing while it is active (not after she
 *   unpaired, not after the course's end); a refused package changes nothing.
 * - The proposals new to her phone are written in one transaction; one already there (pending
 *   or decided) is never replaced.
 * - Accepting writes the proposal as accepted and the record it proposes, parsed by its schema,
 *   in one transaction; a change her plan cannot take (the merged record is not valid) changes
 *   nothing and says so. Rejecting writes only the decision. Her plan changes by nothing else.
 */
import { computed } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CivilDate } from '@/domain/civilDate'
import { acceptsProposalsFrom, currentPairing } from '@/domain/pairing'
import { acceptedRecord, decided, newProposals, pendingProposals, viewProposal } from '@/domain/proposals'
import { SharePackageError, type SharePackageErrorCode } from '@/data/sharing/package'
import { decodeProposalPackage } from '@/data/sharing/proposalPackage'
import { safeParseRecord, type Plan, type Proposal, type TrinRecordInput } from '@/schemas'
import { useRecordsStore } from './records'

/** What receiving a proposal package did. */
export type ProposalReceiveOutcome =
  | { readonly ok: true; readonly added: number }
  | { readonly ok: false; readonly code: SharePackageErrorCode | 'not-paired' }

/** What a decision did. */
export type DecisionOutcome =
  { readonly ok: true } | { readonly ok: false; readonly code: 'unknown' | 'gone' | 'invalid' }

export const useProposalsStore = defineStore('proposals', () => {
  const records = useRecordsStore()

  /** Her worker's proposals waiting for her decision, oldest first. */
  const pending = computed(() => pendingProposals(records.live))

  /** Her decided proposals, newest decision first (what became of each). */
  const decidedProposals = computed(() =>
    records
      .byKind('proposal')
      .filter((proposal) => proposal.status !== 'pending')
      .sort((a, b) => ((a.decidedAt ?? '') < (b.decidedAt ?? '') ? 1 : -1)),
  )

  /** The record accepting `proposal` would write, parsed; null when it cannot be accepted. */
  function acceptedInput(proposal: Proposal): TrinRecordInput | null {
    const record = acceptedRecord(proposal, records.live, proposal.updatedAt)
    if (record === null) return null
    const parsed = safeParseRecord(record)
    return parsed.success ? parsed.data : null
  }

  /** Whether she can accept it as it stands (its target is there and the result is valid). */
  function canAccept(proposal: Proposal): boolean {
    return acceptedInput(proposal) !== null
  }

  /** Opens a proposal package under her current pairing on `today` and keeps the new proposals. */
  async function receive(
    bytes: Uint8Array,
    plan: Plan | null,
    today: CivilDate,
  ): Promise<ProposalReceiveOutcome> {
    const pairing = currentPairing(records.byKind('pairing'))
    if (pairing === null) return { ok: false, code: 'not-paired' }
    let decoded
    try {
      decoded = await decodeProposalPackage(bytes, {
        pairingId: pairing.pairingId,
        shareKey: pairing.shareKey,
        ended: !acceptsProposalsFrom(pairing, plan, today),
      })
    } catch (error) {
      if (error instanceof SharePackageError) return { ok: false, code: error.code }
      return { ok: false, code: 'bad-format' }
    }
    const fresh = newProposals([...records.recordsById.values()], decoded.proposals, pairing.pairingId)
    if (fresh.length > 0) await records.saveMany(fresh)
    return { ok: true, added: fresh.length }
  }

  function find(id: string): Proposal | undefined {
    return pending.value.find((proposal) => proposal.id === id)
  }

  /** She accepts a proposal: the decision and the changed record in one write. */
  async function accept(id: string): Promise<DecisionOutcome> {
    const proposal = find(id)
    if (proposal === undefined) return { ok: false, code: 'unknown' }
    if (viewProposal(proposal, records.live).state === 'gone') return { ok: false, code: 'gone' }
    const input = acceptedInput(proposal)
    if (input === null) return { ok: false, code: 'invalid' }
    await records.saveMany([decided(proposal, 'accepted', records.tick()), input])
    return { ok: true }
  }

  /** She says no: only the decision is written. */
  async function reject(id: string): Promise<DecisionOutcome> {
    const proposal = find(id)
    if (proposal === undefined) return { ok: false, code: 'unknown' }
    await records.save(decided(proposal, 'rejected', records.tick()))
    return { ok: true }
  }

  /**
   * Accepts every pending proposal she can accept, in one write; those she cannot (gone, or
   * invalid as they stand) stay pending for her to look at. Returns how many were accepted.
   */
  async function acceptAll(): Promise<number> {
    const writes: TrinRecordInput[] = []
    const touched = new Set<string>()
    for (const proposal of pending.value) {
      // Two proposals for the same record: the first is taken here, the next waits for her.
      if (touched.has(proposal.target.id)) continue
      const input = acceptedInput(proposal)
      if (input === null) continue
      touched.add(proposal.target.id)
      writes.push(decided(proposal, 'accepted', records.tick()), input)
    }
    if (writes.length > 0) await records.saveMany(writes)
    return writes.length / 2
  }

  /** Rejects every pending proposal, in one write. */
  async function rejectAll(): Promise<number> {
    const writes = pending.value.map((proposal) => decided(proposal, 'rejected', records.tick()))
    if (writes.length > 0) await records.saveMany(writes)
    return writes.length
  }

  return { pending, decidedProposals, canAccept, receive, accept, reject, acceptAll, rejectAll }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProposalsStore, import.meta.hot))
