/**
 * The pairing offer as the QR code carries it (issue #14 item 2): `TRINPAIR1:` then Crockford
 * Base32 of 50 bytes — the pairing id (16), the share key (32) and the day the pairing ends by
 * itself (2: days since 1970-01-01, big-endian; 0xffff while unknown). 82 characters, all in a QR
 * code's alphanumeric set (the camera's `BarcodeDetector` gives a string, not bytes), so it fits
 * a small code that cheap cameras read. Decoding is strict: the prefix, the length and every
 * field through `pairingOfferSchema`; anything else is `null`, never a guess.
 */
import { addDays, daysBetween, type CivilDate } from '@/domain/civilDate'
import { base32Decode, base32Encode, bytesToHex, hexToBytes } from '@/domain/pairing'
import { pairingOfferSchema, type PairingOffer } from '@/schemas'

/** What every pairing-offer string starts with; the number is the offer's format version. */
export const PAIRING_OFFER_PREFIX = 'TRINPAIR1:'

const EPOCH = '1970-01-01' as CivilDate
const UNKNOWN_END = 0xffff
const ID_BYTES = 16
const KEY_BYTES = 32
const OFFER_BYTES = ID_BYTES + KEY_BYTES + 2

/** The string a pairing QR code shows. */
export function encodePairingOffer(offer: PairingOffer): string {
  const parsed = pairingOfferSchema.parse(offer)
  const bytes = new Uint8Array(OFFER_BYTES)
  bytes.set(hexToBytes(parsed.pairingId) ?? [], 0)
  bytes.set(hexToBytes(parsed.shareKey) ?? [], ID_BYTES)
  const days = parsed.endsOn === null ? UNKNOWN_END : daysBetween(EPOCH, parsed.endsOn)
  if (days < 0 || days > UNKNOWN_END || (days === UNKNOWN_END && parsed.endsOn !== null))
    throw new RangeError('The end date does not fit a pairing offer')
  bytes.set([days >> 8, days & 0xff], ID_BYTES + KEY_BYTES)
  return PAIRING_OFFER_PREFIX + base32Encode(bytes)
}

/** The pairing offer in a scanned string, or null when it is not a valid one. */
export function decodePairingOffer(text: string): PairingOffer | null {
  if (!text.startsWith(PAIRING_OFFER_PREFIX)) return null
  const bytes = base32Decode(text.slice(PAIRING_OFFER_PREFIX.length))
  if (bytes?.length !== OFFER_BYTES) return null
  const days = ((bytes[ID_BYTES + KEY_BYTES] ?? 0) << 8) | (bytes[ID_BYTES + KEY_BYTES + 1] ?? 0)
  const result = pairingOfferSchema.safeParse({
    pairingId: bytesToHex(bytes.subarray(0, ID_BYTES)),
    shareKey: bytesToHex(bytes.subarray(ID_BYTES, ID_BYTES + KEY_BYTES)),
    endsOn: days === UNKNOWN_END ? null : addDays(EPOCH, days),
  })
  return result.success ? result.data : null
}
