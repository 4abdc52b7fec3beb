/**
 * The worker device's pairing rules (src/domain/workerPairing.ts): when a pairing has ended,
 * what a new one holds, the same citizen not paired twice, what receiving a package does, the
 * list's order and when a device may become a worker's.
 */
import { describe, expect, it } from 'vitest'
import type { CivilDate } from '@/domain/civilDate'
import {
  mayBecomeWorkerDevice,
  newWorkerPairing,
  packageExpectation,
  pairingsInListOrder,
  receivePackage,
  samePairing,
  workerPairingStatus,
  type PairingSource,
} from '@/domain/workerPairing'
import type { ImportablePackage } from '@/domain/shareImport'
import { day, makeGoal, makeWorkerPairing } from '../../factories/records'

const PAIRING = '0123456789abcdef0123456789abcdef'
const OTHER = 'fedcba9876543210fedcba9876543210'
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const goal = makeGoal({ shared: true })

function pkg(
  seq: number,
  pairingId = PAIRING,
  records = [goal],
  tombstones: string[] = [],
): ImportablePackage {
  return { header: { pairingId, seq }, body: { records, tombstones } }
}

describe('workerPairingStatus', () => {
  it.each([
    ['no end known', null, '2030-01-01', { active: true, endsOn: null }],
    ['before the end', '2026-12-10', '2026-12-09', { active: true, endsOn: '2026-12-10' }],
    ['on the first day over', '2026-12-10', '2026-12-10', { active: false, since: '2026-12-10' }],
    ['after the end', '2026-12-10', '2027-03-01', { active: false, since: '2026-12-10' }],
  ] as const)('%s', (_label, endsOn, today, expected) => {
    expect(workerPairingStatus({ endsOn: endsOn === null ? null : day(endsOn) }, day(today))).toEqual(
      expected,
    )
  })
})

describe('newWorkerPairing', () => {
  it.each<[string, PairingSource, string | null, CivilDate | null]>([
    [
      'from a QR offer',
      { from: 'offer', pairingId: PAIRING, shareKey: KEY, endsOn: day('2027-02-01') },
      PAIRING,
      day('2027-02-01'),
    ],
    ['from a short code', { from: 'short-code', shareKey: KEY }, null, null],
  ])('%s', (_label, source, pairingId, endsOn) => {
    expect(newWorkerPairing(source, '  Sara  ', day('2026-12-07'))).toEqual({
      shareKey: KEY,
      endsOn,
      label: 'Sara',
      pairedAt: day('2026-12-07'),
      copy: { pairingId, seq: 0, records: [], tombstones: [] },
    })
  })
})

describe('samePairing', () => {
  const byCode = makeWorkerPairing({ copy: { pairingId: null, seq: 0, records: [], tombstones: [] } })
  const byQr = makeWorkerPairing({ shareKey: 'ab'.repeat(32) })
  it.each<[string, PairingSource, string | undefined]>([
    ['the same key', { from: 'short-code', shareKey: KEY }, byCode.id],
    [
      'the same pairing id',
      { from: 'offer', pairingId: PAIRING, shareKey: 'cd'.repeat(32), endsOn: null },
      byQr.id,
    ],
    ['someone new', { from: 'offer', pairingId: OTHER, shareKey: 'ef'.repeat(32), endsOn: null }, undefined],
  ])('finds %s', (_label, source, id) => {
    expect(samePairing([byCode, byQr], source)?.id).toBe(id)
  })
})

describe('packageExpectation', () => {
  it('expects the pairing id once known, and says when the pairing has ended', () => {
    const pairing = makeWorkerPairing({ endsOn: day('2026-12-10') })
    expect(packageExpectation(pairing, day('2026-12-09'))).toEqual({
      pairingId: PAIRING,
      shareKey: KEY,
      ended: false,
    })
    expect(packageExpectation(pairing, day('2026-12-10')).ended).toBe(true)
    const byCode = makeWorkerPairing({ copy: { pairingId: null, seq: 0, records: [], tombstones: [] } })
    expect(packageExpectation(byCode, day('2026-12-09')).pairingId).toBeNull()
  })
})

describe('receivePackage', () => {
  const today = day('2026-12-07')
  const fresh = makeWorkerPairing()
  const afterTwo = makeWorkerPairing({
    copy: { pairingId: PAIRING, seq: 2, records: [goal], tombstones: [] },
  })

  it('takes a newer package as the copy, keeping everything else', () => {
    const result = receivePackage(fresh, pkg(1), today)
    expect(result).toEqual({
      ok: true,
      changed: true,
      pairing: { ...fresh, copy: { pairingId: PAIRING, seq: 1, records: [goal], tombstones: [] } },
    })
  })

  it.each([
    ['a new end (a pause moved it)', day('2027-06-03'), day('2027-06-03')],
    ['an end not known now (an open pause)', null, null],
    ['no end in the package: the one known stays', undefined, day('2027-05-24')],
  ] as const)('keeps the end the newest package says: %s', (_label, endsOn, expected) => {
    const pairing = makeWorkerPairing({ endsOn: day('2027-05-24') })
    const received = { ...pkg(1), header: { ...pkg(1).header, endsOn } }
    const result = receivePackage(pairing, received, today)
    expect(result.ok && result.changed && result.pairing.endsOn).toBe(expected)
  })

  it('learns the pairing id from the first package when paired by short code', () => {
    const byCode = makeWorkerPairing({ copy: { pairingId: null, seq: 0, records: [], tombstones: [] } })
    const result = receivePackage(byCode, pkg(4, OTHER), today)
    expect(result.ok && result.changed && result.pairing.copy.pairingId).toBe(OTHER)
  })

  it.each([
    ['the same package', afterTwo, pkg(2), today, { ok: true, changed: false, why: 'already-applied' }],
    ['an older package', afterTwo, pkg(1), today, { ok: true, changed: false, why: 'older' }],
    ['another pairing’s package', afterTwo, pkg(3, OTHER), today, { ok: false, code: 'wrong-pairing' }],
    [
      'a package after the end',
      makeWorkerPairing({ endsOn: day('2026-12-07') }),
      pkg(1),
      today,
      { ok: false, code: 'pairing-ended' },
    ],
  ] as const)('changes nothing for %s', (_label, pairing, received, on, expected) => {
    expect(receivePackage(pairing, received, on)).toEqual(expected)
  })
})

describe('pairingsInListOrder', () => {
  it('lists active pairings first, the newest first, then by label', () => {
    const today = day('2026-12-07')
    const ended = makeWorkerPairing({
      label: 'Ended',
      pairedAt: day('2026-12-01'),
      endsOn: day('2026-12-05'),
    })
    const older = makeWorkerPairing({ label: 'Older', pairedAt: day('2026-10-01') })
    const newB = makeWorkerPairing({ label: 'B', pairedAt: day('2026-11-01') })
    const newA = makeWorkerPairing({ label: 'A', pairedAt: day('2026-11-01') })
    expect(pairingsInListOrder([ended, older, newB, newA], today).map((p) => p.label)).toEqual([
      'A',
      'B',
      'Older',
      'Ended',
    ])
  })
})

describe('mayBecomeWorkerDevice', () => {
  it.each([
    [{ open: true, records: 0, unreadable: 0 }, true],
    [{ open: false, records: 0, unreadable: 0 }, false],
    [{ open: true, records: 1, unreadable: 0 }, false],
    [{ open: true, records: 0, unreadable: 1 }, false],
  ])('%o → %s', (store, expected) => {
    expect(mayBecomeWorkerDevice(store)).toBe(expected)
  })
})
