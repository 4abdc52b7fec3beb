/**
 * What the store tests of sharing share (tests/unit/stores/worker*.test.ts, fidelity): one
 * citizen's pairing id and share key, her share packages, and the worker's device paired with her
 * by her QR offer (with the vault of `storesVault.ts`).
 */
import { encodeSharePackage, type SharePackageBody } from '@/data/sharing/package'
import { asHlc } from '@/domain/clock'
import type { CivilDate } from '@/domain/civilDate'
import type { WorkerPairing } from '@/schemas'
import { useWorkerPairingsStore } from '@/stores/workerPairings'
import { day } from '../factories/records'

/** Her pairing's id, as her QR offer carries it. */
export const PAIRING = '0123456789abcdef0123456789abcdef'
/** The pairing's share key (hex). */
export const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
/** The day the tests run on. */
export const TODAY = day('2026-12-07')
/** When her packages were made. */
export const STAMP = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2')

/** Her share package number `seq` carrying `body`, sealed with the share key (by default hers above). */
export function herSharePackage(
  seq: number,
  body: SharePackageBody,
  header: { readonly endsOn?: CivilDate | null; readonly pairingId?: string; readonly key?: string } = {},
): Promise<Uint8Array> {
  const { endsOn, pairingId = PAIRING, key = KEY } = header
  return encodeSharePackage(
    { pairingId, seq, createdAt: STAMP, ...(endsOn === undefined ? {} : { endsOn }) },
    body,
    key,
  )
}

/** Pairs the worker's device with her by her QR offer on `TODAY`; the new pairing record. */
export async function pairByOffer(
  offer: {
    readonly endsOn?: string | null
    readonly label?: string
    readonly key?: string
    readonly pairingId?: string
  } = {},
): Promise<WorkerPairing> {
  const { endsOn = '2027-03-01', label = 'Sara', key = KEY, pairingId = PAIRING } = offer
  const result = await useWorkerPairingsStore().pair(
    { from: 'offer', pairingId, shareKey: key, endsOn: endsOn === null ? null : day(endsOn) },
    label,
    TODAY,
  )
  if (!result.ok) throw new Error('not paired')
  return result.pairing
}
