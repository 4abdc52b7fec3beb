/**
 * The pairing's rules (src/domain/pairing.ts): active, ended by her, ended by the course (pauses
 * included); a sent package; Crockford Base32 and the short code, with properties for round
 * trips and typing mistakes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import { crc32 } from '@/domain/crc32'
import {
  base32Decode,
  base32Encode,
  bytesToHex,
  canPair,
  currentPairing,
  hexToBytes,
  newPairingFields,
  nextPackage,
  pairingEndsOn,
  pairingOfferOf,
  pairingStatus,
  SHORT_CODE_LENGTH,
  shareKeyOfShortCode,
  shortCodeOf,
  withPackageSent,
  withUnpaired,
} from '@/domain/pairing'
import type { Pause, Plan } from '@/schemas'
import {
  day,
  FACTORY_HLC,
  makeContact,
  makeFocusArea,
  makeGoal,
  makePlan,
  makeSharePairing,
  makeProposal,
} from '../../factories/records'

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

describe('the current pairing', () => {
  const at = (n: number) => asHlc(`2026-12-0${String(n)}T09:00:00.000Z-0000-00000000000000b2`)

  it.each([
    ['none', [], null],
    ['the only one', [{ id: 'a', createdAt: at(1) }], 'a'],
    [
      'the latest made',
      [
        { id: 'a', createdAt: at(1) },
        { id: 'b', createdAt: at(3) },
        { id: 'c', createdAt: at(2) },
      ],
      'b',
    ],
    ['an ended one still counts (it says it ended)', [{ id: 'a', createdAt: at(1), endedAt: at(2) }], 'a'],
    [
      'a deleted one never',
      [
        { id: 'a', createdAt: at(1) },
        { id: 'b', createdAt: at(3), deleted: true },
      ],
      'a',
    ],
  ] as const)('%s', (_label, overrides, expected) => {
    const pairings = overrides.map((o) => makeSharePairing({ ...o, id: o.id }))
    expect(currentPairing(pairings)?.id ?? null).toBe(expected)
  })
})

describe('pairing at a visit', () => {
  it.each([
    ['no plan', null, '2026-12-01', false],
    ['during the course', {}, '2026-12-01', true],
    ['before day 1 is known', { transitionDate: undefined }, '2026-12-01', true],
    ['on the last day', {}, '2027-05-23', true],
    ['after the end', {}, '2027-05-24', false],
    ['after ending early', { endedOn: day('2027-01-10') }, '2027-01-10', false],
  ] as const)('can pair: %s', (_label, planOverrides, today, expected) => {
    const plan = planOverrides === null ? null : makePlan(planOverrides)
    expect(canPair(plan, day(today))).toBe(expected)
  })

  it('makes a pairing from 16 + 32 random bytes, and its offer carries the end', () => {
    let next = 0
    const random = (length: number) => Uint8Array.from({ length }, () => next++ & 0xff)
    const fields = newPairingFields(random, day('2026-12-07'))
    expect(fields).toEqual({
      pairingId: '000102030405060708090a0b0c0d0e0f',
      shareKey: bytesToHex(Uint8Array.from({ length: 32 }, (_, i) => 16 + i)),
      pairedOn: day('2026-12-07'),
      worker: null,
      lastSeq: 0,
      sentIds: [],
    })
    expect(pairingOfferOf(fields, makePlan(), day('2026-12-07'))).toEqual({
      pairingId: fields.pairingId,
      shareKey: fields.shareKey,
      endsOn: day('2027-05-24'),
    })
    expect(pairingOfferOf(fields, null, day('2026-12-07')).endsOn).toBeNull()
  })

  it('refuses too few random bytes', () => {
    expect(() => newPairingFields((length) => new Uint8Array(length - 1), day('2026-12-07'))).toThrow(
      RangeError,
    )
  })
})

describe('the next package', () => {
  it('carries what is shared, tombstones what was sent and is not any more, and counts', () => {
    const plan = makePlan()
    const area = makeFocusArea({ shared: true })
    const shared = makeGoal({ shared: true, focusAreaId: area.id })
    const private_ = makeGoal({ shared: false, focusAreaId: area.id })
    const contact = makeContact({ shared: true })
    const first = nextPackage(
      [plan, area, shared, private_, contact],
      makeSharePairing(),
      STAMP,
      day('2026-12-07'),
    )
    expect(first.seq).toBe(1)
    expect(first.pairing.lastSentOn).toBe('2026-12-07')
    const firstIds = first.body.records.map((record) => record.id)
    expect(firstIds).toEqual(expect.arrayContaining([area.id, shared.id, contact.id]))
    expect(firstIds).not.toContain(private_.id)
    expect(first.body.tombstones).toEqual([])
    expect(first.pairing.sentIds).toEqual([...firstIds].sort())

    const second = nextPackage(
      [plan, area, { ...shared, shared: false }, private_, contact],
      first.pairing,
      STAMP,
      day('2026-12-08'),
    )
    expect(second.seq).toBe(2)
    expect(second.pairing.lastSentOn).toBe('2026-12-08')
    expect(second.body.records.map((record) => record.id)).not.toContain(shared.id)
    expect(second.body.tombstones).toContain(shared.id)
    expect(second.body.tombstones).not.toContain(private_.id)
    // A tombstone stays for the pairing's life: a lost package costs nothing.
    const third = nextPackage([plan, area, private_, contact], second.pairing, STAMP, day('2026-12-09'))
    expect(third.body.tombstones).toContain(shared.id)
  })

  it('carries her decisions on this pairing’s proposals, not pending ones or another pairing’s', () => {
    const pairing = makeSharePairing()
    const accepted = makeProposal({ pairingId: pairing.pairingId, status: 'accepted', decidedAt: STAMP })
    const pending = makeProposal({ pairingId: pairing.pairingId })
    const earlier = makeProposal({ pairingId: 'f'.repeat(32), status: 'rejected', decidedAt: STAMP })
    const next = nextPackage([accepted, pending, earlier], pairing, STAMP, day('2026-12-07'))
    expect(next.body.decisions).toEqual([{ id: accepted.id, status: 'accepted', decidedAt: STAMP }])
    expect(next.body.records).toEqual([])
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
