/**
 * The worker's import (src/domain/shareImport.ts): a table of the rules, then fast-check over
 * random plans and random share / unshare / edit / delete / send sequences, delivered with
 * loss, duplication and reordering — the copy converges to the latest package delivered, a
 * tombstone never comes back, and nothing private is ever in a package.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asHlc, type Hlc } from '@/domain/clock'
import { withPackageSent } from '@/domain/pairing'
import {
  emptyWorkerCopy,
  importSharePackage,
  type ImportablePackage,
  type WorkerCopy,
} from '@/domain/shareImport'
import { keptSafeFromOf, shareProjection, shareTombstones, withShared } from '@/domain/sharing'
import type { KeptSafeFrom, TrinRecord } from '@/schemas'
import {
  makeActivity,
  makeContact,
  makeFocusArea,
  makeGoal,
  makeNote,
  makePlan,
  makeSharePairing,
  makeSubGoal,
  newId,
} from '../../factories/records'

const PAIRING = '0123456789abcdef0123456789abcdef'
const goalA = makeGoal({ shared: true })
const goalB = makeGoal({ shared: true })

function pkg(
  seq: number,
  records: ImportablePackage['body']['records'],
  tombstones: string[] = [],
): ImportablePackage {
  return { header: { pairingId: PAIRING, seq }, body: { records, tombstones } }
}

describe('importSharePackage', () => {
  const first = importSharePackage(emptyWorkerCopy(PAIRING), pkg(1, [goalB, goalA]))
  const copy1 = first.copy

  it('takes a newer package as the whole copy, in id order', () => {
    expect(first).toMatchObject({ ok: true, changed: true })
    expect(copy1.records.map((record) => record.id)).toEqual([goalA.id, goalB.id].sort())
    const second = importSharePackage(copy1, pkg(3, [goalA], [goalB.id]))
    expect(second.copy).toEqual({ pairingId: PAIRING, seq: 3, records: [goalA], tombstones: [goalB.id] })
  })

  it.each([
    ['the same package again', 1, 'already-applied'],
    ['an older package', 0, 'older'],
  ] as const)('changes nothing for %s', (_label, seq, why) => {
    const result = importSharePackage({ ...copy1, seq: 1 }, pkg(seq, []))
    expect(result).toMatchObject({ ok: true, changed: false, why })
  })

  it('returns the very same copy when nothing changes', () => {
    expect(importSharePackage(copy1, pkg(1, [])).copy).toBe(copy1)
  })

  it('refuses a package for another pairing, and binds a copy paired by short code', () => {
    const other = { header: { pairingId: 'f'.repeat(32), seq: 9 }, body: { records: [], tombstones: [] } }
    expect(importSharePackage(copy1, other)).toEqual({ ok: false, code: 'wrong-pairing', copy: copy1 })
    expect(importSharePackage(emptyWorkerCopy(null), other).copy.pairingId).toBe('f'.repeat(32))
  })

  it('drops a record that is both sent and tombstoned (a crafted package)', () => {
    expect(importSharePackage(emptyWorkerCopy(PAIRING), pkg(1, [goalA], [goalA.id])).copy.records).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// The model: her records change, packages are made now and then, and delivered in any way.

const ex: KeptSafeFrom = { id: newId(), name: 'Kim Jensen' }
const operations = ['share', 'unshare', 'edit', 'delete', 'send'] as const
type Operation = { readonly type: (typeof operations)[number]; readonly index: number }

function pool(): TrinRecord[] {
  const plan = makePlan({ safetyNotes: { keptSafeFrom: [ex] } })
  const area = makeFocusArea()
  const goal = makeGoal({ focusAreaId: area.id })
  const other = makeGoal({ focusAreaId: area.id })
  const step = makeSubGoal({ goalId: goal.id })
  const friend = makeContact({ name: 'Ali' })
  const secret = makeContact({
    name: 'Sara',
    safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
  })
  const lookalike = makeContact({ name: 'kim jensen' })
  const activity = makeActivity({ goalId: goal.id, helper: { contactId: friend.id } })
  const note = makeNote({ target: { kind: 'goal', id: other.id } })
  return [plan, area, goal, other, step, friend, secret, lookalike, activity, note]
}

function stampOf(counter: number): Hlc {
  return asHlc(`2026-12-01T09:00:00.000Z-${counter.toString(16).padStart(4, '0')}-00000000000000b2`)
}

function run(ops: readonly Operation[]): { packages: ImportablePackage[]; never: string[] } {
  let records = pool()
  const never = [records[6]?.id ?? '', records[7]?.id ?? '']
  let pairing = makeSharePairing({ pairingId: PAIRING })
  const packages: ImportablePackage[] = []
  ops.forEach((op, counter) => {
    const stamp = stampOf(counter + 1)
    const at = op.index % records.length
    const record = records[at]
    if (record === undefined) return
    const keptSafeFrom = keptSafeFromOf(records)
    let next: TrinRecord = record
    if (op.type === 'share' || op.type === 'unshare')
      next = withShared(record, op.type === 'share', stamp, keptSafeFrom) ?? record
    else if (op.type === 'edit') next = { ...record, updatedAt: stamp }
    else if (op.type === 'delete' && record.kind !== 'plan')
      next = { ...record, deleted: true, updatedAt: stamp }
    else if (op.type === 'send') {
      const projection = shareProjection(records)
      const tombstones = shareTombstones(pairing.sentIds, projection)
      const sent = withPackageSent(pairing, projection, stamp)
      pairing = sent.pairing
      packages.push({
        header: { pairingId: PAIRING, seq: sent.seq },
        body: { records: projection, tombstones },
      })
    }
    records = records.map((candidate, index) => (index === at ? next : candidate))
  })
  return { packages, never }
}

function applyAll(deliveries: readonly ImportablePackage[]): WorkerCopy {
  return deliveries.reduce(
    (copy, delivered) => importSharePackage(copy, delivered).copy,
    emptyWorkerCopy(PAIRING),
  )
}

/** The packages of a history, and the ones that arrive: `picks` chooses each (lost, doubled, reordered). */
function delivered(ops: readonly Operation[], picks: readonly number[]) {
  const { packages } = run(ops)
  const deliveries = picks.flatMap((pick) => {
    const chosen = packages[pick % Math.max(1, packages.length)]
    return chosen === undefined ? [] : [chosen]
  })
  return { packages, deliveries }
}

const opsArb = fc.array(fc.record({ type: fc.constantFrom(...operations), index: fc.nat({ max: 9 }) }), {
  minLength: 1,
  maxLength: 40,
})

describe('properties over random histories and deliveries', () => {
  it('converges to the latest package delivered, whatever was lost, doubled or reordered', () => {
    fc.assert(
      fc.property(opsArb, fc.array(fc.nat(), { maxLength: 30 }), (ops, picks) => {
        const { packages, deliveries } = delivered(ops, picks)
        if (packages.length === 0) return
        const copy = applyAll(deliveries)
        const latest = deliveries.reduce<ImportablePackage | null>(
          (best, delivered) => (best === null || delivered.header.seq > best.header.seq ? delivered : best),
          null,
        )
        expect(copy.records).toEqual(latest?.body.records ?? [])
        expect(copy.seq).toBe(latest?.header.seq ?? 0)
        // Once the last package arrives, in any order among the others, the copy is the latest projection.
        const last = packages[packages.length - 1]
        if (last !== undefined) expect(applyAll([...deliveries, last]).records).toEqual(last.body.records)
      }),
    )
  })

  it('is idempotent: applying the same deliveries twice changes nothing', () => {
    fc.assert(
      fc.property(opsArb, fc.array(fc.nat(), { maxLength: 20 }), (ops, picks) => {
        const { deliveries } = delivered(ops, picks)
        expect(applyAll([...deliveries, ...deliveries])).toEqual(applyAll(deliveries))
      }),
    )
  })

  it('never resurrects a tombstone, and every id sent earlier and not shared now is tombstoned', () => {
    fc.assert(
      fc.property(opsArb, fc.array(fc.nat(), { maxLength: 30 }), (ops, picks) => {
        const { packages, deliveries } = delivered(ops, picks)
        if (packages.length === 0) return
        const copy = applyAll(deliveries)
        const ids = new Set(copy.records.map((record) => record.id))
        for (const id of copy.tombstones) expect(ids.has(id)).toBe(false)
        const everSent = new Set<string>()
        for (const sent of packages) {
          const now = new Set(sent.body.records.map((record) => record.id))
          for (const id of everSent) if (!now.has(id)) expect(sent.body.tombstones).toContain(id)
          for (const id of now) everSent.add(id)
        }
      }),
    )
  })

  it('never puts a private contact, a kept-safe-from person or her safety notes in a package', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { packages, never } = run(ops)
        for (const sent of packages) {
          const text = JSON.stringify(sent.body.records)
          for (const id of never) expect(text).not.toContain(id)
          expect(text.toLowerCase()).not.toContain('kim jensen')
          expect(text).not.toContain(ex.id)
        }
      }),
    )
  })
})
