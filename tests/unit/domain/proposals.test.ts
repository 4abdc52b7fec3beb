/**
 * The proposal rules (src/domain/proposals.ts) as tables: what a proposal would do on her phone
 * (new, edit, stale, gone), what accepting writes, that decisions are kept once made on both
 * sides, and what the worker's next package carries.
 */
import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import {
  acceptedRecord,
  decided,
  editProposal,
  newProposals,
  newRecordProposal,
  pendingProposals,
  proposalDecisions,
  proposalsToSend,
  sameValue,
  viewProposal,
  withDecisions,
} from '@/domain/proposals'
import { parseRecord, type Proposal, type TrinRecord } from '@/schemas'
import { FACTORY_WORKER, makeActivity, makeGoal, makeSubGoal, newId } from '../../factories/records'

const PAIRING = '0123456789abcdef0123456789abcdef'
const OTHER = 'fedcba9876543210fedcba9876543210'
const LATER = asHlc('2026-11-24T09:00:00.000Z-0000-00000000000000b2')
const DECIDED = asHlc('2026-11-25T09:00:00.000Z-0000-00000000000000b2')
const made = (comment?: string) => ({
  id: newId(),
  author: FACTORY_WORKER,
  stamp: asHlc('2026-11-24T08:00:00.000Z-0000-00000000000000a1'),
  ...(comment === undefined ? {} : { comment }),
})

const subGoal = makeSubGoal({ title: 'Call the housing office', shared: true })

function edit(wanted: Record<string, unknown>, target: TrinRecord = subGoal): Proposal {
  const proposal = editProposal(target as typeof subGoal, wanted as never, made())
  if (proposal === null) throw new Error('no change')
  return parseRecord(proposal) as Proposal
}

describe('sameValue', () => {
  it.each([
    ['a', 'a', true],
    ['a', 'b', false],
    [null, null, true],
    [1, '1', false],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [{ a: 1, b: [2] }, { b: [2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: null }, {}, false],
    [[], {}, false],
  ] as const)('%j vs %j → %s', (a, b, same) => {
    expect(sameValue(a, b)).toBe(same)
  })
})

describe('editProposal: what the worker proposes, based on the copy', () => {
  it('keeps only changed fields, each with the value the worker saw', () => {
    const proposal = edit({ title: 'Call the housing office on Monday', done: false })
    expect(proposal.changes).toEqual({ title: 'Call the housing office on Monday' })
    expect(proposal.base).toEqual({ title: 'Call the housing office' })
    expect(proposal.baseUpdatedAt).toBe(subGoal.updatedAt)
    expect(proposal.target).toEqual({ kind: 'subGoal', id: subGoal.id })
    expect(proposal.status).toBe('pending')
  })

  it('a field the copy does not have is based on null, and emptying a field proposes null', () => {
    const proposal = edit({ done: true, doneAt: '2026-11-24' })
    expect(proposal.base).toEqual({ done: false, doneAt: null })
    expect(edit({ due: null }).changes).toEqual({ due: null })
  })

  it('nothing changed is no proposal', () => {
    expect(editProposal(subGoal, { title: subGoal.title }, made())).toBeNull()
  })

  it('a blank comment is left out; a comment is trimmed', () => {
    expect(editProposal(subGoal, { done: true }, made('  '))?.comment).toBeUndefined()
    expect(editProposal(subGoal, { done: true }, made(' Well done! '))?.comment).toBe('Well done!')
  })
})

describe('viewProposal: what it would do on her phone now', () => {
  const proposal = edit({ title: 'Call the housing office on Monday', done: true })

  it.each([
    {
      name: 'unchanged since the worker saw it: not stale',
      records: [subGoal],
      state: 'edit',
      stale: [false, false],
    },
    {
      name: 'she changed the title since: the title is stale, done is not',
      records: [{ ...subGoal, title: 'Call the housing office today', updatedAt: LATER }],
      state: 'edit',
      stale: [true, false],
    },
    {
      name: 'she changed it to the very value proposed: same, not stale',
      records: [{ ...subGoal, done: true, updatedAt: LATER }],
      state: 'edit',
      stale: [false, false],
    },
    { name: 'she deleted it', records: [{ ...subGoal, deleted: true }], state: 'gone', stale: [] },
    { name: 'it is not on her phone', records: [], state: 'gone', stale: [] },
  ])('$name', ({ records, state, stale }) => {
    const view = viewProposal(proposal, records)
    expect(view.state).toBe(state)
    if (view.state === 'edit') {
      expect(view.fields.map((field) => field.stale)).toEqual(stale)
      expect(view.stale).toBe(stale.includes(true))
    }
  })

  it('shows base, proposed and current value of each field', () => {
    const view = viewProposal(proposal, [{ ...subGoal, title: 'Mine', updatedAt: LATER }])
    expect(view.state === 'edit' && view.fields[0]).toEqual({
      field: 'title',
      base: 'Call the housing office',
      proposed: 'Call the housing office on Monday',
      current: 'Mine',
      stale: true,
      same: false,
    })
  })

  it('a new record is new until its id exists on her phone', () => {
    const goal = makeGoal()
    const id = newId()
    const fresh = newRecordProposal(
      'activity',
      id,
      { title: 'Visit the job centre', goalId: goal.id, repeat: 'none', priority: 'now', done: false },
      made(),
    )
    expect(viewProposal(fresh, [goal]).state).toBe('new')
    expect(viewProposal(fresh, [goal, makeActivity({ id })]).state).toBe('gone')
  })
})

describe('acceptedRecord: what accepting writes', () => {
  it('writes the proposed fields over hers, nothing else, with a new stamp', () => {
    const proposal = edit({ title: 'Call on Monday' })
    const mine = { ...subGoal, done: true, doneAt: '2026-11-20', updatedAt: LATER } as TrinRecord
    const record = acceptedRecord(proposal, [mine], DECIDED)
    expect(record).toEqual({ ...mine, title: 'Call on Monday', updatedAt: DECIDED })
    expect(parseRecord(record)).toBeTruthy()
  })

  it('a stale field she accepts takes the worker’s value (she saw both)', () => {
    const proposal = edit({ title: 'Call on Monday' })
    const mine = { ...subGoal, title: 'Mine', updatedAt: LATER }
    expect(acceptedRecord(proposal, [mine], DECIDED)?.['title']).toBe('Call on Monday')
  })

  it('null empties an optional field', () => {
    const withDue = makeSubGoal({ due: '2026-12-01' as never })
    const record = acceptedRecord(edit({ due: null }, withDue), [withDue], DECIDED)
    expect(record).not.toHaveProperty('due')
    expect(parseRecord(record)).toBeTruthy()
  })

  it('a new record gets its identity, the worker as author, and is shared back', () => {
    const goal = makeGoal()
    const id = newId()
    const fields = {
      title: 'Visit the job centre',
      goalId: goal.id,
      repeat: 'none',
      priority: 'now',
      done: false,
    }
    const proposal = newRecordProposal('activity', id, fields, made())
    const record = acceptedRecord(proposal, [goal], DECIDED)
    expect(record).toMatchObject({ ...fields, id, kind: 'activity', author: FACTORY_WORKER, shared: true })
    expect(parseRecord(record).kind).toBe('activity')
  })

  it('nothing to accept when the target is gone', () => {
    expect(acceptedRecord(edit({ done: true }), [], DECIDED)).toBeNull()
  })
})

describe('decisions', () => {
  const a = edit({ done: true })
  const b = edit({ title: 'Another title' })

  it('a decision is made once: deciding again changes nothing', () => {
    const accepted = decided(a, 'accepted', DECIDED)
    expect(accepted).toMatchObject({ status: 'accepted', decidedAt: DECIDED, updatedAt: DECIDED })
    expect(decided(accepted, 'rejected', LATER)).toBe(accepted)
  })

  it('pending ones are listed oldest first; decided ones go back to the worker in id order', () => {
    const rejected = decided({ ...b, pairingId: PAIRING }, 'rejected', DECIDED)
    const otherWorkers = decided({ ...a, id: newId(), pairingId: OTHER }, 'accepted', DECIDED)
    expect(pendingProposals([subGoal, a, rejected]).map((p) => p.id)).toEqual([a.id])
    expect(proposalDecisions([subGoal, a, rejected, otherWorkers], PAIRING)).toEqual([
      { id: b.id, status: 'rejected', decidedAt: DECIDED },
    ])
  })

  it('a package adds only proposals new to her phone, whatever their state there', () => {
    const acceptedA = decided(a, 'accepted', DECIDED)
    const fresh = newProposals([acceptedA], [a, b, b], PAIRING)
    expect(fresh).toEqual([{ ...b, pairingId: PAIRING }])
    expect(newProposals([makeSubGoal({ id: b.id })], [b], PAIRING)).toEqual([])
  })

  it('on the worker’s phone the first decision is kept and decided ones are not sent again', () => {
    const first = withDecisions([a, b], [{ id: a.id, status: 'accepted', decidedAt: DECIDED }])
    expect(first.map((p) => p.status)).toEqual(['accepted', 'pending'])
    const again = withDecisions(first, [{ id: a.id, status: 'rejected', decidedAt: LATER }])
    expect(again[0]).toMatchObject({ status: 'accepted', decidedAt: DECIDED })
    expect(proposalsToSend(again).map((p) => p.id)).toEqual([b.id])
    expect(withDecisions([a], [{ id: newId(), status: 'accepted', decidedAt: DECIDED }])).toEqual([a])
  })
})
