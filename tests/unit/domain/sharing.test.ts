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
  alreadySent,
  heldBack,
  liveOfKind,
  neverSharedReason,
  previewSections,
  sectionCounts,
  sectionOf,
  sentIdsAfter,
  shareProjection,
  shareTombstones,
  waitingFor,
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

describe('previewSections', () => {
  it('groups the projection and the held-back records by section, in the plan’s order', () => {
    const { area, goal, step } = sharedTree()
    const privateGoal = makeGoal({ focusAreaId: area.id })
    const waiting = makeSubGoal({ shared: true, goalId: privateGoal.id })
    const friend = makeContact({ shared: true })
    const crafted = makeContact({
      shared: true,
      safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
    })
    const sections = previewSections([
      friend,
      crafted,
      step,
      goal,
      area,
      privateGoal,
      waiting,
      makeActivity(),
    ])
    expect(sections.map((entry) => entry.section)).toEqual(['goals', 'network'])
    expect(sections[0]?.shown.map((record) => record.id)).toEqual([area.id, goal.id, step.id])
    expect(sections[0]?.heldBack.map((entry) => entry.record.id)).toEqual([waiting.id])
    expect(sections[1]?.shown.map((record) => record.id)).toEqual([friend.id])
    expect(sections[1]?.heldBack).toEqual([])
  })

  it('is empty when nothing is shared', () => {
    expect(previewSections([makePlan(), makeGoal()])).toEqual([])
  })
})

describe("previewSections: the plan's reading order", () => {
  // Ids chosen against the tree, so id order would be wrong every time.
  const id = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`
  const areaB = makeFocusArea({ id: id(1), order: 1, shared: true })
  const areaA = makeFocusArea({ id: id(9), order: 0, shared: true })
  const goalA2 = makeGoal({ id: id(2), focusAreaId: areaA.id, order: 1, shared: true })
  const goalA1 = makeGoal({ id: id(8), focusAreaId: areaA.id, order: 0, shared: true })
  const goalB = makeGoal({ id: id(3), focusAreaId: areaB.id, order: 0, shared: true })
  const stepA1b = makeSubGoal({ id: id(4), goalId: goalA1.id, order: 1, shared: true })
  const stepA1a = makeSubGoal({ id: id(7), goalId: goalA1.id, order: 0, shared: true })
  const stepB = makeSubGoal({ id: id(5), goalId: goalB.id, order: 0, shared: true })
  const all = [stepB, stepA1a, goalB, areaB, stepA1b, goalA1, areaA, goalA2]

  it.each([
    ['the whole tree', all, [areaA, goalA1, stepA1a, stepA1b, goalA2, areaB, goalB, stepB]],
    ['one area', [goalA2, goalA1, areaA], [areaA, goalA1, goalA2]],
    ['one goal and its steps', [stepA1b, stepA1a, goalA1, areaA], [areaA, goalA1, stepA1a, stepA1b]],
    [
      'siblings with the same order, by id',
      [makeGoal({ id: id(6), focusAreaId: areaB.id, order: 0, shared: true }), goalB, areaB],
      [areaB, goalB],
    ],
  ])('%s: an area before its goals, a goal before its steps', (_name, records, expected) => {
    const shown = previewSections(records)[0]?.shown.map((record) => record.id) ?? []
    expect(shown.slice(0, expected.length)).toEqual(expected.map((record) => record.id))
  })

  it('orders what waits the same way: a goal before its steps', () => {
    const privateArea = { ...areaA, shared: false }
    const entry = previewSections([stepA1b, goalA1, privateArea, stepA1a])[0]
    expect(entry?.shown).toEqual([])
    expect(entry?.heldBack.map((waiting) => waiting.record.id)).toEqual([goalA1.id, stepA1a.id, stepA1b.id])
  })

  it('keeps every other section in id order', () => {
    const later = makeContact({ id: id(9), shared: true })
    const earlier = makeContact({ id: id(1), shared: true })
    expect(previewSections([later, earlier])[0]?.shown.map((record) => record.id)).toEqual([
      earlier.id,
      later.id,
    ])
  })
})

describe('waitingFor: what a shared record held back waits for', () => {
  const area = makeFocusArea()
  const sharedArea = { ...area, shared: true }
  const goal = makeGoal({ focusAreaId: area.id, shared: true })
  const privateGoal = { ...goal, shared: false }
  const step = makeSubGoal({ goalId: goal.id, shared: true })
  const contact = makeContact()
  const privateContact = makeContact({
    shared: true,
    safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] },
  })
  const line = makeHandoverItem({
    about: { kind: 'goal', id: goal.id },
    owner: { kind: 'contact', contactId: contact.id },
    shared: true,
  })
  const note = makeNote({ target: { kind: 'goal', id: goal.id }, shared: true })

  it.each([
    ['a shared goal in a private area', goal, [area, goal], 'focusArea'],
    ['a shared goal in a shared area goes', goal, [sharedArea, goal], null],
    ['a private goal waits for nothing', privateGoal, [area, privateGoal], null],
    ['a shared step of a private goal', step, [sharedArea, privateGoal, step], 'goal'],
    ['a shared step of a shared goal in a private area', step, [area, goal, step], 'focusArea'],
    ['a step whose goal is gone', step, [step], 'unknown'],
    ['a handover line whose goal waits', line, [area, goal, contact, line], 'focusArea'],
    ['a handover line whose contact is private', line, [sharedArea, goal, contact, line], 'contact'],
    [
      'a handover line whose contact can never be shared',
      { ...line, owner: { kind: 'contact', contactId: privateContact.id } } as const,
      [
        sharedArea,
        goal,
        privateContact,
        { ...line, owner: { kind: 'contact', contactId: privateContact.id } } as const,
      ],
      'contact',
    ],
    ['a note on a private goal', note, [sharedArea, privateGoal, note], 'goal'],
    ['a private contact itself is never "waiting"', privateContact, [privateContact], null],
  ] satisfies [string, TrinRecord, TrinRecord[], ReturnType<typeof waitingFor>][])(
    '%s',
    (_name, record, records, expected) => {
      expect(waitingFor(record.id, records)).toBe(expected)
    },
  )

  it('agrees with heldBack: waiting exactly when held back for its parent', () => {
    const records = [area, goal, step, note, contact, line]
    const waiting = new Set(
      heldBack(records)
        .filter((entry) => entry.reason === 'parent-not-shared')
        .map((entry) => entry.record.id),
    )
    for (const record of records) expect(waitingFor(record.id, records) !== null).toBe(waiting.has(record.id))
  })
})

describe('alreadySent: when unsharing needs the honest note', () => {
  const goal = newId()
  const other = newId()
  const pairing = { sentIds: [goal], deleted: false }

  it.each([
    ['no pairing yet', [goal], [], false],
    ['sent by the pairing', [goal], [pairing], true],
    ['one of several sent', [other, goal], [pairing], true],
    ['never sent', [other], [pairing], false],
    ['sent by a pairing she ended', [goal], [{ ...pairing, endedAt: STAMP }], false],
    ['sent by a deleted pairing', [goal], [{ ...pairing, deleted: true }], false],
    ['nothing changes', [], [pairing], false],
  ] as const)('%s', (_name, ids, pairings, expected) => {
    expect(alreadySent(ids, pairings)).toBe(expected)
  })
})

describe('sectionCounts', () => {
  it('counts what may be shared per section, without private or kept-safe-from contacts', () => {
    const plan = makePlan({ safetyNotes: { keptSafeFrom: [ex] } })
    const counts = sectionCounts([
      plan,
      makeGoal({ shared: true }),
      makeGoal(),
      makeGoal({ shared: true, deleted: true }),
      makeContact({ shared: true }),
      makeContact({ name: 'Kim Jensen' }),
      makeContact({ safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] } }),
      makeProposal(),
    ])
    expect(counts.map((count) => count.section)).toEqual([
      'course',
      'goals',
      'activities',
      'network',
      'ratings',
      'handover',
      'visits',
      'notes',
    ])
    const of = (section: string) => counts.find((count) => count.section === section)
    expect(of('course')).toMatchObject({ total: 1, shared: 0 })
    expect(of('goals')).toMatchObject({ total: 2, shared: 1 })
    expect(of('network')).toMatchObject({ total: 1, shared: 1 })
    expect(of('ratings')).toMatchObject({ total: 0, shared: 0 })
  })

  it('matches what the section switch changes', () => {
    const records = [makeGoal({ shared: true }), makeGoal(), makeSubGoal(), makeFocusArea()]
    const goals = sectionCounts(records).find((count) => count.section === 'goals')
    expect(withSectionShared(records, 'goals', true, STAMP)).toHaveLength(
      (goals?.total ?? 0) - (goals?.shared ?? 0),
    )
    expect(withSectionShared(records, 'goals', false, STAMP)).toHaveLength(goals?.shared ?? 0)
  })
})

describe('liveOfKind', () => {
  const goal = makeGoal({ shared: true })
  const deletedGoal = { ...makeGoal({ shared: true }), deleted: true }
  const note = makeNote({ shared: true })
  const otherGoal = makeGoal({ shared: true })

  it.each([
    { kind: 'goal' as const, records: [goal, note, deletedGoal, otherGoal], expected: [goal, otherGoal] },
    { kind: 'note' as const, records: [goal, note, deletedGoal, otherGoal], expected: [note] },
    { kind: 'plan' as const, records: [goal, note], expected: [] },
    { kind: 'goal' as const, records: [deletedGoal], expected: [] },
    { kind: 'goal' as const, records: [], expected: [] },
  ])('$kind of $records.length records', ({ kind, records, expected }) => {
    expect(liveOfKind(records, kind)).toEqual(expected)
  })
})
