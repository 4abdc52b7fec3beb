import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CivilDate } from '@/domain/civilDate'
import {
  editProposal,
  newRecordProposal,
  proposalsToSend,
  type FieldValue,
  type ProposalStamp,
} from '@/domain/proposals'
import { workerPairingStatus } from '@/domain/workerPairing'
import { encodeProposalPackage } from '@/data/sharing/proposalPackage'
import {
  MAX_WORKER_PROPOSALS,
  type Proposal,
  type ProposalTargetKind,
  type TrinRecord,
  type WorkerPairing,
} from '@/schemas'
import { useRecordsStore } from './records'
import { useWorkerPairingsStore } from './workerPairings'
import { useWorkerAuthor } from './workerRecords'

/** Why the worker's device made no proposal or no package. */
export type ProposeRefusal =
  /** No such pairing on this device. */
  | 'unknown-pairing'
  /** The pairing has ended: nothing more goes to her. */
  | 'pairing-ended'
  /** The edit changes nothing. */
  | 'unchanged'
  /** As many proposals as a package carries are already waiting. */
  | 'too-many'

/** Why no package was made. */
export type PrepareRefusal =
  | 'unknown-pairing'
  | 'pairing-ended'
  /** Paired by short code and no package from her yet: the pairing's id is still unknown. */
  | 'no-pairing-id'
  /** No proposal waits for her decision. */
  | 'nothing-to-send'

/** The outcome of proposing. */
export type ProposeOutcome =
  { readonly ok: true; readonly proposal: Proposal } | { readonly ok: false; readonly code: ProposeRefusal }

/** The outcome of preparing a proposal package. */
export type PrepareOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly seq: number; readonly count: number }
  | { readonly ok: false; readonly code: PrepareRefusal }

/**
 * The worker's proposals for one citizen (issue #15 item 3, the worker's side), kept on the
 * `workerPairing` record in the encrypted vault (`proposals`, `proposalSeq`): erased with the
 * pairing. Proposals are built by the pure rules of `src/domain/proposals.ts` with this device's
 * author id and clock; her decisions arrive with her share packages (`workerPairings.receive`).
 * A proposal package carries every pending proposal (`proposalsToSend`), so a lost one costs
 * nothing.
 */
export const useWorkerProposalsStore = defineStore('workerProposals', () => {
  const records = useRecordsStore()
  const pairings = useWorkerPairingsStore()

  const author = useWorkerAuthor()

  function made(comment: string | undefined): ProposalStamp {
    return {
      id: crypto.randomUUID(),
      author: author(),
      stamp: records.tick(),
      ...(comment === undefined ? {} : { comment }),
    }
  }

  function activePairing(
    pairingRecordId: string,
    today: CivilDate,
  ): { ok: true; pairing: WorkerPairing } | { ok: false; code: 'unknown-pairing' | 'pairing-ended' } {
    const pairing = pairings.byId(pairingRecordId)
    if (!pairing) return { ok: false, code: 'unknown-pairing' }
    if (!workerPairingStatus(pairing, today).active) return { ok: false, code: 'pairing-ended' }
    return { ok: true, pairing }
  }

  async function add(
    pairingRecordId: string,
    today: CivilDate,
    build: (stamp: ProposalStamp) => Proposal | null,
    comment: string | undefined,
  ): Promise<ProposeOutcome> {
    const found = activePairing(pairingRecordId, today)
    if (!found.ok) return found
    const { pairing } = found
    if (proposalsToSend(pairing.proposals).length >= MAX_WORKER_PROPOSALS)
      return { ok: false, code: 'too-many' }
    const proposal = build(made(comment))
    if (proposal === null) return { ok: false, code: 'unchanged' }
    // The oldest decided ones make room: a decided proposal only tells the worker what became of it.
    const kept = [...pairing.proposals, proposal]
    while (kept.length > MAX_WORKER_PROPOSALS) {
      const oldestDecided = kept.findIndex((item) => item.status !== 'pending')
      kept.splice(oldestDecided, 1)
    }
    await records.save({ ...pairing, proposals: kept })
    return { ok: true, proposal }
  }

  /** Proposes changed fields of a record in her shared plan (the copy's values are the base). */
  function proposeEdit(
    pairingRecordId: string,
    target: TrinRecord & { kind: ProposalTargetKind },
    wanted: Readonly<Record<string, FieldValue>>,
    today: CivilDate,
    comment?: string,
  ): Promise<ProposeOutcome> {
    return add(pairingRecordId, today, (stamp) => editProposal(target, wanted, stamp), comment)
  }

  /** Proposes a new record (an activity, a note, the worker's own rating). */
  function proposeNew(
    pairingRecordId: string,
    kind: ProposalTargetKind,
    fields: Readonly<Record<string, FieldValue>>,
    today: CivilDate,
    comment?: string,
  ): Promise<ProposeOutcome> {
    const recordId = crypto.randomUUID()
    return add(pairingRecordId, today, (stamp) => newRecordProposal(kind, recordId, fields, stamp), comment)
  }

  /**
   * Takes back a proposal still waiting for her decision: it is no longer sent. (One she already
   * received stays on her phone until she decides; she sees it as it was.)
   */
  async function withdraw(pairingRecordId: string, proposalId: string): Promise<boolean> {
    const pairing = pairings.byId(pairingRecordId)
    const proposal = pairing?.proposals.find((item) => item.id === proposalId)
    if (!pairing || proposal?.status !== 'pending') return false
    await records.save({ ...pairing, proposals: pairing.proposals.filter((item) => item.id !== proposalId) })
    return true
  }

  /**
   * Seals every pending proposal into the next proposal package for her (the pairing's key and
   * id, the next sequence number) and keeps that number.
   */
  async function preparePackage(pairingRecordId: string, today: CivilDate): Promise<PrepareOutcome> {
    const found = activePairing(pairingRecordId, today)
    if (!found.ok) return found
    const { pairing } = found
    const pairingId = pairing.copy.pairingId
    if (pairingId === null) return { ok: false, code: 'no-pairing-id' }
    const pending = proposalsToSend(pairing.proposals)
    if (pending.length === 0) return { ok: false, code: 'nothing-to-send' }
    const seq = pairing.proposalSeq + 1
    const bytes = await encodeProposalPackage(
      { pairingId, seq, createdAt: records.tick() },
      pending,
      pairing.shareKey,
    )
    await records.save({ ...pairing, proposalSeq: seq })
    return { ok: true, bytes, seq, count: pending.length }
  }

  return { proposeEdit, proposeNew, withdraw, preparePackage }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkerProposalsStore, import.meta.hot))
