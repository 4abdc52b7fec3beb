/**
 * The pairing's rules (src/domain/pairing.ts): active, ended by her, ended by the course (pauses
 * included); a sent package; Crockford Base32 and the short code, with properties for round
 * trips and typing mistakes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import {
  base32Decode,
  base32Encode,
  bytesToHex,
  crc32,
  hexToBytes,
  pairingEndsOn,
  pairingStatus,
  SHORT_CODE_LENGTH,
  shareKeyOfShortCode,
  shortCodeOf,
  withPackageSent,
  withUnpaired,
} from '@/domain/pairing'
import type { Pause, Plan } from '@/schemas'
import { day, FACTORY_HLC, makePlan, makeSharePairing } from '../../factories/records'

const STAMP = asHlc('2026-12-01T09:00:00.000Z-0000-00000000000000b2')
const pause = (start: string, end: string | null): Pause => ({
  id: crypto.randomUUID(),
  start: day(start),
  end: end === null ? null : day(end),
  reason: 'hospital',
})

describe('pairingStatus', () => {
  // makePlan: day 1 is 2026-08-24, the course's last day 2027-05-23.
  it.each([
    ['during the course', {}, {}, '2026-12-01', { active: true, endsOn: day('2027-05-24') }],
    ['on the course’s last day', {}, {}, '2027-05-23', { active: true, endsOn: day('2027-05-24') }],
    [
      'the day after the last day',
      {},
      {},
      '2027-05-24',
      { active: false, reason: 'course-ended', since: day('2027-05-24') },
    ],
    [
      'a ten-day pause moves the end',
      { pauses: [pause('2026-10-01', '2026-10-11')] },
      {},
      '2027-05-30',
      { active: true, endsOn: day('2027-06-03') },
    ],
    [
      'an open pause: the end is not known',
      { pauses: [pause('2026-10-01', null)] },
      {},
      '2027-09-01',
      { active: true, endsOn: null },
    ],
    [
      'ended early by her',
      { endedOn: day('2027-01-10') },
      {},
      '2027-01-10',
      { active: false, reason: 'course-ended', since: day('2027-01-10') },
    ],
    ['unpaired', {}, { endedAt: STAMP }, '2026-12-01', { active: false, reason: 'unpaired' }],
    [
      'unpaired after the course ended: she unpaired',
      {},
      { endedAt: STAMP },
      '2027-07-01',
      { active: false, reason: 'unpaired' },
    ],
    ['deleted pairing', {}, { deleted: true }, '2026-12-01', { active: false, reason: 'unpaired' }],
  ] as const)('%s', (_label, planOverrides, pairingOverrides, today, expected) => {
    const plan = makePlan(planOverrides as Partial<Plan>)
    expect(pairingStatus(makeSharePairing(pairingOverrides), plan, day(today))).toEqual(expected)
  })

  it('has no end without a plan or day 1', () => {
    const noDayOne = makePlan()
    delete noDayOne.transitionDate
    expect(pairingEndsOn(null, day('2026-12-01'))).toBeNull()
    expect(pairingEndsOn(noDayOne, day('2026-12-01'))).toBeNull()
    expect(pairingStatus(makeSharePairing(), null, day('2026-12-01'))).toEqual({ active: true, endsOn: null })
  })
})

describe('unpairing and sending', () => {
  it('unpairs once; the first end is kept', () => {
    const ended = withUnpaired(makeSharePairing(), STAMP)
    expect(ended).toMatchObject({ endedAt: STAMP, updatedAt: STAMP })
    expect(withUnpaired(ended, FACTORY_HLC)).toBe(ended)
  })

  it('counts packages and remembers every id sent', () => {
    const first = withPackageSent(makeSharePairing({ sentIds: ['b'] }), [{ id: 'c' }, { id: 'a' }], STAMP)
    expect(first.seq).toBe(1)
    expect(first.pairing).toMatchObject({ lastSeq: 1, sentIds: ['a', 'b', 'c'], updatedAt: STAMP })
    expect(withPackageSent(first.pairing, [], STAMP).seq).toBe(2)
  })
})

describe('hex and Crockford Base32', () => {
  it.each([
    ['', ''],
    ['00', '00'],
    ['ff', 'ZW'],
    ['666f6f626172', 'CSQPYRK1E8'],
  ])('%s ↔ %s', (hex, base32) => {
    expect(base32Encode(hexToBytes(hex) ?? new Uint8Array())).toBe(base32)
    expect(bytesToHex(base32Decode(base32) ?? new Uint8Array([1]))).toBe(hex)
  })

  it.each([['zw'], ['Z-W'], [' z w ']])('forgives case, hyphens and spaces: %j', (text) => {
    expect(base32Decode(text)).toEqual(Uint8Array.of(0xff))
  })

  it.each([['U'], ['Z'], ['ZX'], ['!!'], ['ZZZ']])('refuses %j', (text) => {
    expect(base32Decode(text)).toBeNull()
  })

  it.each([['0'], ['zz'], ['0g']])('refuses the hex %j', (hex) => {
    expect(hexToBytes(hex)).toBeNull()
  })

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(base32Decode(base32Encode(bytes))).toEqual(bytes)
      }),
    )
  })

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })
})

describe('the short code', () => {
  const key = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'

  it('is 56 characters in 14 groups of 4, and gives the key back', () => {
    const code = shortCodeOf(key)
    expect(SHORT_CODE_LENGTH).toBe(56)
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(shareKeyOfShortCode(code)).toBe(key)
    expect(shareKeyOfShortCode(code.toLowerCase().replace(/-/g, ' '))).toBe(key)
    expect(shareKeyOfShortCode(code.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(key)
  })

  it.each([
    ['too short', (code: string) => code.slice(0, -5)],
    ['one group twice', (code: string) => `${code}-ABCD`],
  ])('refuses a code %s', (_label, change) => {
    expect(shareKeyOfShortCode(change(shortCodeOf(key)))).toBeNull()
  })

  it('refuses a key that is not 32 bytes', () => {
    expect(() => shortCodeOf('00')).toThrow(RangeError)
  })

  it('catches any one mistyped character', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.nat({ max: 55 }),
        fc.integer({ min: 1, max: 31 }),
        (bytes, at, shift) => {
          const code = shortCodeOf(bytesToHex(bytes)).replace(/-/g, '')
          const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
          const wrong = alphabet[(alphabet.indexOf(code.charAt(at)) + shift) % 32] ?? ''
          const typo = code.slice(0, at) + wrong + code.slice(at + 1)
          expect(shareKeyOfShortCode(typo)).toBeNull()
        },
      ),
    )
  })
})
