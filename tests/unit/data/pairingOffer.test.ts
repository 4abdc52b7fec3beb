/** The pairing offer string (src/data/sharing/offer.ts): round trips, and strict refusals. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToHex } from '@/domain/pairing'
import { addDays, type CivilDate } from '@/domain/civilDate'
import { decodePairingOffer, encodePairingOffer, PAIRING_OFFER_PREFIX } from '@/data/sharing/offer'
import type { PairingOffer } from '@/schemas'
import { day } from '../../factories/records'

const offer: PairingOffer = {
  pairingId: '0123456789abcdef0123456789abcdef',
  shareKey: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
  endsOn: day('2027-05-24'),
}

describe('the pairing offer', () => {
  it('is 82 characters after its prefix, in a QR code’s alphanumeric set', () => {
    const text = encodePairingOffer(offer)
    expect(text.startsWith(PAIRING_OFFER_PREFIX)).toBe(true)
    expect(text).toHaveLength(PAIRING_OFFER_PREFIX.length + 80)
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]+$/)
    expect(decodePairingOffer(text)).toEqual(offer)
  })

  it('carries an unknown end', () => {
    expect(decodePairingOffer(encodePairingOffer({ ...offer, endsOn: null }))).toEqual({
      ...offer,
      endsOn: null,
    })
  })

  it.each([
    ['another prefix', (text: string) => text.replace('TRINPAIR1:', 'TRINPAIR2:')],
    ['a truncated code', (text: string) => text.slice(0, -2)],
    ['a longer code', (text: string) => `${text}00`],
    ['a character outside the alphabet', (text: string) => `${text.slice(0, -1)}U`],
    ['nothing', () => ''],
  ])('refuses %s', (_label, change) => {
    expect(decodePairingOffer(change(encodePairingOffer(offer)))).toBeNull()
  })

  it('refuses to encode an end it cannot carry', () => {
    expect(() => encodePairingOffer({ ...offer, endsOn: day('2200-01-01') })).toThrow(RangeError)
  })

  it('round-trips any offer', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.option(fc.integer({ min: 0, max: 0xfffe })),
        (id, key, days) => {
          const value: PairingOffer = {
            pairingId: bytesToHex(id),
            shareKey: bytesToHex(key),
            endsOn: days === null ? null : addDays('1970-01-01' as CivilDate, days),
          }
          expect(decodePairingOffer(encodePairingOffer(value))).toEqual(value)
        },
      ),
    )
  })
})
