/**
 * The citizen's pairing with her worker's phone (issue #14 items 2–4): which pairing is current
 * and where it stands today, pairing (the offer lives only in memory until she says the worker
 * has scanned it), unpairing, and making the next package. The rules are the domain's
 * (`src/domain/pairing.ts`, `src/domain/sharing.ts`); the bytes are `src/data/sharing/package.ts`.
 */
import { computed } from 'vue'
import { useCourseToday } from '@/composables/useCourseToday'
import {
  canPair,
  currentPairing,
  endingPackage,
  endingProjection,
  newPairingFields,
  nextPackage,
  pairingEndsOn,
  pairingOfferOf,
  pairingStatus,
  withUnpaired,
  type NewPairing,
} from '@/domain/pairing'
import { shareProjection, shareTombstones } from '@/domain/sharing'
import { encodeSharePackage } from '@/data/sharing/package'
import { encodePairingOffer } from '@/data/sharing/offer'
import { useRecordsStore } from '@/stores/records'

/** A package ready to carry: its number and bytes. */
export interface ReadyPackage {
  readonly seq: number
  readonly bytes: Uint8Array
}

function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length))
}

export function usePairing() {
  const records = useRecordsStore()
  const { today, plan } = useCourseToday()
  const pairing = computed(() => currentPairing(records.byKind('pairing')))
  const status = computed(() =>
    pairing.value === null ? null : pairingStatus(pairing.value, plan.value, today.value),
  )
  const active = computed(() => status.value?.active === true)
  const pairable = computed(() => canPair(plan.value, today.value))

  /** What the next package would carry, counted (for the send screen's summary). */
  const outgoing = computed(() => {
    const projection = shareProjection(records.live)
    const sentIds = pairing.value?.sentIds ?? []
    return { shared: projection.length, dropped: shareTombstones(sentIds, projection).length }
  })

  /** What the ending package would carry: her shared handover lines and what they need (`endingProjection`). */
  const ending = computed(() => endingProjection(records.live))

  /** A new pairing, not saved: shown as a code until she confirms. */
  function offerNew(): NewPairing {
    return newPairingFields(randomBytes, today.value)
  }

  /** The text of a pairing's QR code. */
  function offerText(fields: NewPairing): string {
    return encodePairingOffer(pairingOfferOf(fields, plan.value, today.value))
  }

  /** Saves a pairing she has shown to the worker; a pairing still active before it ends first. */
  async function confirm(fields: NewPairing): Promise<void> {
    const previous = pairing.value
    if (previous !== null && previous.endedAt === undefined)
      await records.save(withUnpaired(previous, previous.updatedAt))
    await records.create('pairing', { ...fields, shared: false })
  }

  async function unpair(): Promise<void> {
    const current = pairing.value
    if (current === null) return
    const ended = withUnpaired(current, current.updatedAt)
    if (ended !== current) await records.save(ended)
  }

  /**
   * Unpairs and makes the ending package in the same step (issue #15 item 6): the pairing is
   * saved as ended, with the package counted, before the bytes exist, so nothing more can be sent
   * under it; the bytes live only in memory, for her to send by file or animated QR.
   */
  async function unpairWithPackage(): Promise<ReadyPackage> {
    const current = pairing.value
    if (current === null) throw new Error('Not paired')
    const made = endingPackage(records.live, current, plan.value, current.updatedAt, today.value)
    if (made === null) throw new Error('Not paired')
    const saved = await records.save(made.pairing)
    const bytes = await encodeSharePackage(
      { pairingId: saved.pairingId, seq: made.seq, createdAt: saved.updatedAt, endsOn: made.endsOn },
      made.body,
      saved.shareKey,
    )
    return { seq: made.seq, bytes }
  }

  /**
   * Makes the next package: the pairing remembers it (its number, the ids it carries) before the
   * bytes exist, so a package she never sends costs nothing but a number, and a tombstone is
   * never forgotten.
   */
  async function preparePackage(): Promise<ReadyPackage> {
    const current = pairing.value
    if (current === null || !active.value) throw new Error('Not paired')
    const next = nextPackage(records.live, current, current.updatedAt, today.value)
    const saved = await records.save(next.pairing)
    const bytes = await encodeSharePackage(
      {
        pairingId: saved.pairingId,
        seq: next.seq,
        createdAt: saved.updatedAt,
        endsOn: pairingEndsOn(plan.value, today.value),
      },
      next.body,
      saved.shareKey,
    )
    return { seq: next.seq, bytes }
  }

  return {
    pairing,
    status,
    active,
    pairable,
    plan,
    outgoing,
    offerNew,
    offerText,
    confirm,
    unpair,
    ending,
    unpairWithPackage,
    preparePackage,
  }
}
