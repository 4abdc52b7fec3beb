/**
 * The end of a pairing on her phone (src/domain/pairing.ts, issue #15 item 6): what the ending
 * package carries (her shared handover lines and what they need, nothing else), its `endsOn`
 * (the day she unpaired), that it ends the pairing so nothing more can be sent, and whether a
 * proposal package is taken in (`acceptsProposalsFrom`).
 */
import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import {
  acceptsProposalsFrom,
  endingPackage,
  endingProjection,
  nextPackage,
  pairingStatus,
} from '@/domain/pairing'
import type { SharePairing, TrinRecord } from '@/schemas'
import {
  day,
  makeContact,
  makeFocusArea,
  makeGoal,
  makeHandoverItem,
  makeNote,
  makePlan,
  makeSharePairing,
  makeSubGoal,
} from '../../factories/records'

const STAMP = asHlc('2026-12-01T09:00:00.000Z-0000-00000000000000b2')
const TODAY = day('2026-12-07')
// makePlan: day 1 is 2026-08-24, the course's last day 2027-05-23.
const plan = makePlan({ shared: true })
const area = makeFocusArea({ shared: true })
const goal = makeGoal({ shared: true, focusAreaId: area.id })
const otherGoal = makeGoal({ shared: true, focusAreaId: area.id, title: 'Not in the handover' })
const step = makeSubGoal({ shared: true, goalId: goal.id })
const contact = makeContact({ shared: true })
const otherContact = makeContact({ shared: true, name: 'Not in the handover' })
const note = makeNote({ shared: true, target: { kind: 'goal', id: goal.id } })
const need = makeHandoverItem({ shared: true })
const aboutStep = makeHandoverItem({
  shared: true,
  about: { kind: 'subGoal', id: step.id },
  owner: { kind: 'contact', contactId: contact.id },
})
const aboutGoalPrivate = makeHandoverItem({ shared: false, about: { kind: 'goal', id: otherGoal.id } })
const everything: TrinRecord[] = [
  plan,
  area,
  goal,
  otherGoal,
  step,
  contact,
  otherContact,
  note,
  need,
  aboutStep,
  aboutGoalPrivate,
]
const ids = (records: readonly { readonly id: string }[]) => records.map((record) => record.id).sort()

describe('endingProjection', () => {
  it.each<[string, TrinRecord[], string[]]>([
    ['nothing shared', [plan, { ...need, shared: false }], []],
    ['a need in her words: the line alone', [plan, need, goal, area], [need.id]],
    [
      'a line about a step, taken over by a contact: the step, its goal and area, the contact',
      [plan, area, goal, step, contact, aboutStep],
      [area.id, goal.id, step.id, contact.id, aboutStep.id],
    ],
    [
      'everything: no plan, no other goal or contact, no note, no private line',
      everything,
      [area.id, goal.id, step.id, contact.id, need.id, aboutStep.id],
    ],
    [
      'a line waiting for its step (not shared) does not go, nor does what it would need',
      [plan, area, goal, { ...step, shared: false }, contact, aboutStep],
      [],
    ],
    ['a deleted line does not go', [plan, { ...need, deleted: true }], []],
  ])('%s', (_label, records, expected) => {
    expect(ids(endingProjection(records))).toEqual([...expected].sort())
  })

  it('carries records exactly as the projection does (stripped the same way)', () => {
    const full = nextPackage(everything, makeSharePairing(), STAMP, TODAY).body.records
    for (const record of endingProjection(everything))
      expect(record).toEqual(full.find((candidate) => candidate.id === record.id))
  })
})

describe('endingPackage', () => {
  const sentBefore = nextPackage(everything, makeSharePairing(), STAMP, day('2026-12-01')).pairing

  it('ends the pairing, counts the package, says the day she unpaired, tombstones the rest', () => {
    const made = endingPackage(everything, sentBefore, plan, STAMP, TODAY)
    expect(made).not.toBeNull()
    if (made === null) return
    expect(made.seq).toBe(2)
    expect(made.endsOn).toBe(TODAY)
    expect(ids(made.body.records)).toEqual(ids(endingProjection(everything)))
    expect(made.body.tombstones).toEqual(ids([plan, otherGoal, otherContact, note]))
    expect(made.pairing).toMatchObject({ endedAt: STAMP, lastSeq: 2, lastSentOn: TODAY })
    expect(pairingStatus(made.pairing, plan, TODAY)).toEqual({ active: false, reason: 'unpaired' })
    // Nothing more under this pairing: a second ending package cannot be made.
    expect(endingPackage(everything, made.pairing, plan, STAMP, TODAY)).toBeNull()
  })

  it.each<[string, SharePairing, string]>([
    ['already unpaired', { ...sentBefore, endedAt: STAMP }, '2026-12-07'],
    ['deleted', { ...sentBefore, deleted: true }, '2026-12-07'],
    ['the course has ended', sentBefore, '2027-05-24'],
  ])('is not made when the pairing is %s', (_label, pairing, today) => {
    expect(endingPackage(everything, pairing, plan, STAMP, day(today))).toBeNull()
  })

  it('carries no records but still ends it when no handover line is shared', () => {
    const made = endingPackage([plan, goal, area], sentBefore, plan, STAMP, TODAY)
    expect(made?.body.records).toEqual([])
    expect(made?.body.tombstones).toEqual(ids(sentBefore.sentIds.map((id) => ({ id }))))
    expect(made?.pairing.endedAt).toBe(STAMP)
  })
})

describe('acceptsProposalsFrom', () => {
  const active = makeSharePairing()
  it.each<[string, SharePairing | null, ReturnType<typeof makePlan> | null, string, boolean]>([
    ['an active pairing during the course', active, plan, '2026-12-07', true],
    ['on the course’s last day', active, plan, '2027-05-23', true],
    ['the day after the last day', active, plan, '2027-05-24', false],
    ['after she unpaired', { ...active, endedAt: STAMP }, plan, '2026-12-07', false],
    ['a deleted pairing', { ...active, deleted: true }, plan, '2026-12-07', false],
    ['no pairing', null, plan, '2026-12-07', false],
    ['no plan yet (the end unknown)', active, null, '2026-12-07', true],
    ['she ended the course early', active, makePlan({ endedOn: day('2026-12-01') }), '2026-12-07', false],
  ])('%s → %s', (_label, pairing, forPlan, today, expected) => {
    expect(acceptsProposalsFrom(pairing, forPlan, day(today))).toBe(expected)
  })
})
