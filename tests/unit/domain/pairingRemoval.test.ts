/**
 * Removing a pairing on the worker's phone (src/domain/workerEnding.ts, `pairingRemoval`, issue
 * #15 item 6): without visits it is deleted outright; with visits it stays as the anchor of the
 * worker's own visit log — her shared plan erased as at the end, ended today (or on its earlier
 * end), hidden reminders dropped, label, dates and pairing id kept; an erased pairing with visits
 * has nothing left to remove.
 */
import { describe, expect, it } from 'vitest'
import { UNUSABLE_SHARE_KEY, pairingRemoval, workerEndingState } from '@/domain/workerEnding'
import { isErased, pairingsInListOrder, workerPairingStatus } from '@/domain/workerPairing'
import { workerPairingSchema } from '@/schemas'
import { day, makeGoal, makeProposal, makeWorkerPairing } from '../../factories/records'

const TODAY = day('2026-12-07')
const withPlan = (endsOn: string | null, erased = false) =>
  makeWorkerPairing({
    endsOn: endsOn === null ? null : day(endsOn),
    ...(erased ? { shareKey: UNUSABLE_SHARE_KEY } : {}),
    dismissed: ['rating:2026-11-01'],
    proposals: [makeProposal()],
    copy: {
      pairingId: '0123456789abcdef0123456789abcdef',
      seq: 4,
      records: erased ? [] : [makeGoal({ title: 'Sove bedre' })],
      tombstones: erased ? [] : ['x'],
    },
  })

describe('pairingRemoval', () => {
  it.each([
    ['active, end unknown, no visits', withPlan(null), 0, 'delete', null],
    ['active, end ahead, no visits', withPlan('2027-03-01'), 0, 'delete', null],
    ['ended, no visits', withPlan('2026-12-01'), 0, 'delete', null],
    ['erased, no visits', withPlan('2026-11-01', true), 0, 'delete', null],
    ['active, end unknown, visits', withPlan(null), 1, 'erase', '2026-12-07'],
    ['active, end ahead, visits', withPlan('2027-03-01'), 3, 'erase', '2026-12-07'],
    ['ending today, visits', withPlan('2026-12-07'), 2, 'erase', '2026-12-07'],
    ['ended earlier, visits', withPlan('2026-12-01'), 2, 'erase', '2026-12-01'],
    ['erased, visits', withPlan('2026-11-01', true), 5, 'none', null],
  ] as const)('%s: %s', (_, pairing, visits, action, endsOn) => {
    const removal = pairingRemoval(pairing, visits, TODAY)
    expect(removal.action).toBe(action)
    if (removal.action === 'none') return
    const left = removal.pairing
    // Never any of her plan, whatever the action.
    expect(left.copy.records).toEqual([])
    expect(left.copy.tombstones).toEqual([])
    expect(left.dismissed).toBeUndefined()
    expect(left.copy.pairingId).toBe(pairing.copy.pairingId)
    expect(left.copy.seq).toBe(pairing.copy.seq)
    expect(left.id).toBe(pairing.id)
    if (removal.action === 'delete') {
      expect(left.label).toBe('-')
      return
    }
    // Erased: the anchor of her visits, ended, in the ended part of the list, refusing packages.
    expect(workerPairingSchema.safeParse(left).success).toBe(true)
    expect(left.label).toBe('Sara')
    expect(left.pairedAt).toBe(pairing.pairedAt)
    expect(left.proposals).toEqual([])
    expect(isErased(left)).toBe(true)
    expect(left.endsOn).toBe(endsOn)
    expect(workerPairingStatus(left, TODAY)).toEqual({ active: false, since: endsOn })
    expect(workerEndingState(left, TODAY)).toEqual({ state: 'erased', since: endsOn })
  })

  it('a removed pairing with visits goes after the active ones, even when it was the newest', () => {
    const active = makeWorkerPairing({ label: 'Aya', pairedAt: day('2026-10-01') })
    const removal = pairingRemoval(makeWorkerPairing({ pairedAt: day('2026-12-01') }), 1, TODAY)
    if (removal.action !== 'erase') throw new Error('not erased')
    expect(pairingsInListOrder([removal.pairing, active], TODAY).map((p) => p.label)).toEqual(['Aya', 'Sara'])
  })

  it('a clock set back does not make a removed pairing last again', () => {
    const removal = pairingRemoval(withPlan(null), 1, TODAY)
    if (removal.action !== 'erase') throw new Error('not erased')
    expect(workerPairingStatus(removal.pairing, day('2026-11-01')).active).toBe(false)
  })
})
