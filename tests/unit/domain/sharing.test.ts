/**
 * What is shared with the worker (src/domain/sharing.ts): which records may go, the section
 * switch, the projection (exactly the shared records, stripped), records held back, and the
 * tombstones — with a property over random plans that private contacts and kept-safe-from
 * persons never reach the projection.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import {
  heldBack,
  neverSharedReason,
  sectionOf,
  sentIdsAfter,
  shareProjection,
  shareTombstones,
  withSectionShared,
  withShared,
} from '@/domain/sharing'
import type { KeptSafeFrom, TrinRecord } from '@/schemas'
import {
  makeActivity,
  makeContact,
  makeFocusArea,
  makeGoal,
  makeHandoverItem,
  makeInstrumentPackRecord,
  makeNote,
  makePlan,
  makeProposal,
  makeRating,
  makeSubGoal,
  newId,
} from '../../factories/records'

const STAMP = asHlc('2026-12-01T09:00:00.000Z-0000-00000000000000b2')
const ex: KeptSafeFrom = { id: newId(), name: 'Kim Jensen' }

function sharedTree() {
  const area = makeFocusArea({ shared: true })
  const goal = makeGoal({ shared: true, focusAreaId: area.id })
  const step = makeSubGoal({ shared: true, goalId: goal.id })
  return { area, goal, step }
}

describe('records that can never be shared', () => {
  it.each([
    ['a proposal', makeProposal(), 'kind'],
    ['an instrument pack', makeInstrumentPackRecord(), 'kind'],
    [
      'a private contact',
      makeContact({ safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] } }),
      'private-contact',
    ],
    ['a contact with the id of a kept-safe-from person', makeContact({ id: ex.id }), 'kept-safe-from'],
    [
      'a contact named like a kept-safe-from person',
      makeContact({ name: '  kim  JENSEN ' }),
      'kept-safe-from',
    ],
    ['an ordinary contact', makeContact(), null],
    ['a goal', makeGoal(), null],
    ['the plan', makePlan(), null],
  ] as const)('%s → %s', (_label, record, reason) => {
    expect(neverSharedReason(record, [ex])).toBe(reason)
  })

  it('refuses to share them, but always lets her unshare', () => {
    const secret = makeContact({ name: 'Kim Jensen' })
    expect(withShared(secret, true, STAMP, [ex])).toBeNull()
    const goal = makeGoal({ shared: true })
    expect(withShared(goal, false, STAMP, [ex])).toEqual({ ...goal, shared: false, updatedAt: STAMP })
    expect(withShared(goal, true, STAMP, [ex])).toBe(goal)
  })
})

describe('sharing a whole section', () => {
  it('shares every live record of the section but the ones that can never go, and nothing else', () => {
    const plan = makePlan({ safetyNotes: { keptSafeFrom: [ex] } })
    const friend = makeContact()
    const hidden = makeContact({ safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] } })
    const lookalike = makeContact({ name: 'Kim Jensen' })
    const gone = makeContact({ deleted: true })
    const already = makeContact({ shared: true })
    const goal = makeGoal()
    const changed = withSectionShared(
      [plan, friend, hidden, lookalike, gone, already, goal],
      'network',
      true,
      STAMP,
    )
    expect(changed).toEqual([{ ...friend, shared: true, updatedAt: STAMP }])
  })

  it('unshares a section', () => {
    const { area, goal, step } = sharedTree()
    const activity = makeActivity({ shared: true })
    const changed = withSectionShared([area, goal, step, activity], 'goals', false, STAMP)
    expect(changed.map((record) => record.id)).toEqual([area.id, goal.id, step.id])
    expect(changed.every((record) => !record.shared && record.updatedAt === STAMP)).toBe(true)
  })

  it.each([
    [makePlan(), 'course'],
    [makeSubGoal(), 'goals'],
    [makeHandoverItem(), 'handover'],
    [makeRating(), 'ratings'],
    [makeProposal(), null],
  ] as const)('%# a %o record is in section %s', (record, section) => {
    expect(sectionOf(record)).toBe(section)
  })
})

describe('the projection', () => {
  it('holds exactly the shared records, in id order', () => {
    const { area, goal, step } = sharedTree()
    const privateGoal = makeGoal({ focusAreaId: area.id })
    const deleted = makeGoal({ shared: true, focusAreaId: area.id, deleted: true })
    const ids = shareProjection([step, privateGoal, goal, deleted, area]).map((record) => record.id)
    expect(ids).toEqual([area.id, goal.id, step.id].sort())
  })

  it('strips the plan of its safety notes and pairing', () => {
    const plan = makePlan({
      shared: true,
      safetyNotes: { keptSafeFrom: [ex] },
      pairing: { workerDeviceId: '00000000000000c3', pairedAt: STAMP },
    })
    const [shown] = shareProjection([plan])
    expect(shown).toBeDefined()
    expect(shown).not.toHaveProperty('safetyNotes')
    expect(shown).toMatchObject({ pairing: null, contactStart: plan.contactStart })
  })

  it('strips a contact of what she must keep, and of links to what is not shared', () => {
    const { area, goal } = sharedTree()
    const privateGoal = makeGoal({ focusAreaId: area.id })
    const contact = makeContact({
      shared: true,
      address: 'Hidden road 1',
      goalIds: [goal.id, privateGoal.id],
      safety: {
        keepPrivate: false,
        hideAddress: true,
        mustNotTell: [ex.id],
        mustNotTellNote: 'Where I live',
      },
    })
    const shown = shareProjection([area, goal, privateGoal, contact]).find(
      (record) => record.id === contact.id,
    )
    expect(shown).toMatchObject({
      goalIds: [goal.id],
      safety: { keepPrivate: false, hideAddress: true, mustNotTell: [] },
    })
    expect(shown).not.toHaveProperty('address')
    expect(JSON.stringify(shown)).not.toContain('Where I live')
  })

  it.each([
    ['its goal is private', false, true, false],
    ['its helper is an unshared contact', true, false, false],
    ['both are shared', true, true, true],
  ])('keeps an activity but drops the links when %s', (_label, goalShared, contactShared, linksKept) => {
    const area = makeFocusArea({ shared: true })
    const goal = makeGoal({ shared: goalShared, focusAreaId: area.id })
    const helper = makeContact({ shared: contactShared })
    const activity = makeActivity({ shared: true, goalId: goal.id, helper: { contactId: helper.id } })
    const shown = shareProjection([area, goal, helper, activity]).find((record) => record.id === activity.id)
    expect(shown).toBeDefined()
    expect(shown !== undefined && 'goalId' in shown).toBe(goalShared)
    expect(shown !== undefined && 'helper' in shown).toBe(linksKept || contactShared)
  })

  it('drops an activity helper named like someone she is kept safe from', () => {
    const plan = makePlan({ safetyNotes: { keptSafeFrom: [ex] } })
    const activity = makeActivity({ shared: true, goalId: undefined, helper: { name: 'kim jensen' } })
    const shown = shareProjection([plan, activity])
    expect(shown).toHaveLength(1)
    expect(shown[0]).not.toHaveProperty('helper')
  })

  it.each([
    [
      'a sub-goal of a private goal',
      (t: ReturnType<typeof sharedTree>) => [t.area, { ...t.goal, shared: false }, t.step],
    ],
    [
      'a goal of a private focus area',
      (t: ReturnType<typeof sharedTree>) => [{ ...t.area, shared: false }, t.goal, t.step],
    ],
    [
      'a sub-goal of a deleted goal',
      (t: ReturnType<typeof sharedTree>) => [t.area, { ...t.goal, deleted: true }, t.step],
    ],
    ['a sub-goal whose goal is missing', (t: ReturnType<typeof sharedTree>) => [t.area, t.step]],
  ])('holds back %s (it keeps its flag)', (_label, build) => {
    const tree = sharedTree()
    const records = build(tree) as TrinRecord[]
    expect(shareProjection(records).map((record) => record.id)).not.toContain(tree.step.id)
    expect(heldBack(records).map((entry) => [entry.record.id, entry.reason])).toContainEqual([
      tree.step.id,
      'parent-not-shared',
    ])
  })

  it('holds back a note on a private goal and a handover line to an unshared contact', () => {
    const { area, goal } = sharedTree()
    const privateGoal = makeGoal({ focusAreaId: area.id })
    const note = makeNote({ shared: true, target: { kind: 'goal', id: privateGoal.id } })
    const contact = makeContact()
    const line = makeHandoverItem({
      shared: true,
      about: { kind: 'goal', id: goal.id },
      owner: { kind: 'contact', contactId: contact.id },
    })
    const ids = shareProjection([area, goal, privateGoal, note, contact, line]).map((record) => record.id)
    expect(ids).not.toContain(note.id)
    expect(ids).not.toContain(line.id)
    expect(
      shareProjection([area, goal, { ...contact, shared: true }, line]).map((record) => record.id),
    ).toContain(line.id)
  })

  it('does not loop on a crafted cycle of notes', () => {
    const a = makeNote({ shared: true })
    const b = makeNote({ shared: true, target: { kind: 'goal', id: a.id } })
    const cyclic = { ...a, target: { kind: 'goal' as const, id: b.id } }
    expect(shareProjection([cyclic, b])).toEqual([])
  })

  it('lists a shared private contact as held back (a crafted record)', () => {
    const contact = makeContact({
      shared: true,
      safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
    })
    expect(heldBack([contact])).toEqual([{ record: contact, reason: 'private-contact' }])
  })
})

describe('tombstones', () => {
  it.each([
    [[], [], []],
    [['b', 'a'], [{ id: 'a' }], ['b']],
    [['a', 'a', 'c'], [], ['a', 'c']],
    [['a'], [{ id: 'a' }, { id: 'z' }], []],
  ])('sent %j, now %j → %j', (sent, now, tombstones) => {
    expect(shareTombstones(sent, now)).toEqual(tombstones)
  })

  it('remembers every id ever sent, so a lost package costs nothing', () => {
    expect(sentIdsAfter(['c', 'a'], [{ id: 'b' }, { id: 'a' }])).toEqual(['a', 'b', 'c'])
  })
})

describe('property: what must stay on her phone never leaves it', () => {
  it('no private contact, kept-safe-from person, safety note or pairing in any projection', () => {
    const contactArb = fc.record({
      shared: fc.boolean(),
      keepPrivate: fc.boolean(),
      name: fc.constantFrom('Ali', 'Kim Jensen', 'kim jensen', 'Sara'),
      useExId: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 8 }), fc.boolean(), (specs, planShared) => {
        const plan = makePlan({
          shared: planShared,
          safetyNotes: { keptSafeFrom: [ex] },
          pairing: { workerDeviceId: '00000000000000c3', pairedAt: STAMP },
        })
        const contacts = specs.map((spec) =>
          makeContact({
            ...(spec.useExId ? { id: ex.id } : {}),
            name: spec.name,
            shared: spec.shared && !spec.keepPrivate,
            safety: { keepPrivate: spec.keepPrivate, hideAddress: false, mustNotTell: [ex.id] },
          }),
        )
        const text = JSON.stringify(shareProjection([plan, ...contacts]))
        expect(text.toLowerCase()).not.toContain('kim jensen')
        expect(text).not.toContain(ex.id)
        expect(text).not.toContain('00000000000000c3')
        for (const contact of contacts) if (contact.safety.keepPrivate) expect(text).not.toContain(contact.id)
      }),
    )
  })
})
