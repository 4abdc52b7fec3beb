import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CivilDate } from '@/domain/civilDate'
import {
  newWorkerPairing,
  packageExpectation,
  packageMadeOn,
  receivePackage,
  samePairing,
  type PairingSource,
} from '@/domain/workerPairing'
import { erasedAtEnd, erasureDue, pairingRemoval, workerEndingState } from '@/domain/workerEnding'
import { withDecisions } from '@/domain/proposals'
import { SharePackageError, decodeSharePackage, type SharePackageErrorCode } from '@/data/sharing/package'
import type { WorkerPairing } from '@/schemas'
import { useRecordsStore } from './records'
import { useVaultStore, type RenewOutcome } from './vault'
import { useLiveWorkerRecords, useWorkerAuthor } from './workerRecords'

/** The outcome of pairing with a citizen. */
export type PairResult =
  | { readonly ok: true; readonly pairing: WorkerPairing }
  | { readonly ok: false; readonly code: 'already-paired'; readonly pairing: WorkerPairing }

/** The outcome of receiving a package: what changed, or why nothing did. */
export type ReceiveOutcome =
  | { readonly ok: true; readonly changed: true; readonly pairing: WorkerPairing }
  | { readonly ok: true; readonly changed: false; readonly why: 'already-applied' | 'older' }
  | { readonly ok: false; readonly code: SharePackageErrorCode | 'unknown-pairing' }

/**
 * What removing a pairing did (`pairingRemoval`): deleted, erased and kept as the anchor of the
 * worker's visits with her, or nothing; and whether the storage was re-keyed at once (`renewed`)
 * or will be at the next unlock with the passphrase (`owed`; null when nothing was erased).
 */
export interface RemoveOutcome {
  readonly action: 'delete' | 'erase' | 'none'
  readonly renewal: RenewOutcome | null
}

/**
 * The worker device's pairings with citizens (issue #14 items 2, 4 and 6), as records of kind
 * `workerPairing` in the encrypted vault: pair by her QR code or short code, receive a package
 * (decoded with the pairing's key by `src/data/sharing/package.ts`, applied by the rules of
 * `src/domain/workerPairing.ts`). A refused package changes nothing; a failed save rethrows (the
 * records store keeps the error).
 */
export const useWorkerPairingsStore = defineStore('workerPairings', () => {
  const records = useRecordsStore()
  const vault = useVaultStore()

  /** Every live pairing on this device, in no particular order; no citizen's copy outlives the lock here. */
  const pairings = useLiveWorkerRecords('workerPairing', 'Worker pairings')
  const author = useWorkerAuthor()

  function byId(id: string): WorkerPairing | undefined {
    return pairings.value.find((pairing) => pairing.id === id)
  }

  /** Pairs with a citizen, unless this device is already paired with her (the same key). */
  async function pair(source: PairingSource, label: string, today: CivilDate): Promise<PairResult> {
    const existing = samePairing(pairings.value, source)
    if (existing) return { ok: false, code: 'already-paired', pairing: existing }
    const fields = newWorkerPairing(source, label, today)
    const pairing = await records.create('workerPairing', fields, { author: author() })
    return { ok: true, pairing }
  }

  /**
   * Opens a package with the pairing's key and applies it on `today` (the day it was made is
   * kept, read in `timeZone`, this device's by default); bad input changes nothing.
   */
  async function receive(
    id: string,
    bytes: Uint8Array,
    today: CivilDate,
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  ): Promise<ReceiveOutcome> {
    const pairing = byId(id)
    if (!pairing) return { ok: false, code: 'unknown-pairing' }
    let decoded
    try {
      decoded = await decodeSharePackage(bytes, packageExpectation(pairing, today))
    } catch (error) {
      if (error instanceof SharePackageError) return { ok: false, code: error.code }
      return { ok: false, code: 'bad-format' }
    }
    const madeOn = packageMadeOn(decoded.header.createdAt, timeZone, today)
    const result = receivePackage(pairing, { ...decoded, header: { ...decoded.header, madeOn } }, today)
    if (!result.ok) return { ok: false, code: result.code }
    if (!result.changed) return result
    // Her decisions on the worker's proposals come back with her package (issue #15 item 3).
    const proposals = withDecisions(result.pairing.proposals, decoded.body.decisions ?? [])
    const saved = await records.save({ ...result.pairing, proposals })
    return { ok: true, changed: true, pairing: saved }
  }

  /**
   * Removes a pairing on `today` (issue #15 item 6, `pairingRemoval`): without visits logged
   * with her it goes, as a tombstone holding neither her records nor the label the worker typed;
   * with visits it stays as their anchor, her shared plan erased as at the end and the pairing
   * ended today, so her visits still count in the log and the time per phase. Then the data key
   * is renewed (`vault.renewKey`), so the old ciphertext of her plan opens with nothing.
   */
  async function unpair(id: string, today: CivilDate): Promise<RemoveOutcome> {
    const pairing = byId(id)
    if (!pairing) return { action: 'none', renewal: null }
    const visits = records.byKind('workerVisit').filter((visit) => visit.citizen === id).length
    const removal = pairingRemoval(pairing, visits, today)
    if (removal.action === 'none') return { action: 'none', renewal: null }
    if (removal.action === 'delete') await records.save({ ...removal.pairing, proposals: [], deleted: true })
    else await records.save(removal.pairing)
    return { action: removal.action, renewal: await vault.renewKey() }
  }

  /**
   * Erases her shared plan from an ended pairing now (the worker's button; issue #15 item 6):
   * the copy emptied, the share key unusable, the record kept as the visit log's anchor
   * (`erasedAtEnd`), then the data key renewed (`vault.renewKey`). Does nothing (null) to an
   * active or already erased pairing.
   */
  async function eraseAtEnd(id: string, today: CivilDate): Promise<RenewOutcome | null> {
    const pairing = byId(id)
    if (!pairing || workerEndingState(pairing, today).state !== 'ended') return null
    await records.save(erasedAtEnd(pairing, today))
    return vault.renewKey()
  }

  /**
   * Erases every ended pairing's copy whose days are over (`erasureDue`), then renews the data
   * key once if any was erased; how many it erased.
   */
  async function eraseDue(today: CivilDate): Promise<number> {
    const due = pairings.value.filter((pairing) => erasureDue(pairing, today))
    for (const pairing of due) await records.save(erasedAtEnd(pairing, today))
    if (due.length > 0) await vault.renewKey()
    return due.length
  }

  return { pairings, byId, pair, receive, unpair, eraseAtEnd, eraseDue }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkerPairingsStore, import.meta.hot))
