import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import { MAX_STAMP_AHEAD_MS, checkRecordSet, type RecordSetProblem } from '@/domain/recordSet'
import type { TrinRecord } from '@/schemas'
import {
  FACTORY_DEVICE_ID,
  makeActivity,
  makeContact,
  makeFocusArea,
  makeGoal,
  makeHandoverItem,
  makeNote,
  makePlan,
  makeProposal,
  makeSubGoal,
} from '../../factories/records'
import { makePlanSet } from '../../factories/planSet'

const NOW = Date.parse('2026-11-23T12:00:00.000Z')
const stampAt = (ms: number) => asHlc(`${new Date(ms).toISOString()}-0000-${FACTORY_DEVICE_ID}`)

const plan = makePlan()
const area = makeFocusArea()
const goal = makeGoal({ focusAreaId: area.id })
const contact = makeContact()
const base: TrinRecord[] = [plan, area, goal, contact]
const missing = '00000000-0000-4000-8000-000000000000'

const cases: [string, TrinRecord[], RecordSetProblem['code'] | null][] = [
  ['a consistent plan', base, null],
  ['one of every linked kind (the shared plan-set factory)', makePlanSet(), null],
  ['links to tombstones are fine', [plan, { ...area, deleted: true }, goal, contact], null],
  ['no plan', [area, goal, contact], 'plan-count'],
  ['two plans', [...base, makePlan()], 'plan-count'],
  ['a deleted second plan is fine', [...base, { ...makePlan(), deleted: true }], null],
  ['an id twice', [...base, goal], 'duplicate-id'],
  ['goal → missing focus area', [...base, makeGoal({ focusAreaId: missing })], 'dangling-reference'],
  ['goal → a contact (wrong kind)', [...base, makeGoal({ focusAreaId: contact.id })], 'dangling-reference'],
  ['sub-goal → goal', [...base, makeSubGoal({ goalId: goal.id })], null],
  ['sub-goal → missing goal', [...base, makeSubGoal({ goalId: missing })], 'dangling-reference'],
  [
    'activity → goal and contact',
    [...base, makeActivity({ goalId: goal.id, helper: { contactId: contact.id } })],
    null,
  ],
  [
    'activity without goal, helper by name',
    [...base, makeActivity({ goalId: undefined, helper: { name: 'Bo' } })],
    null,
  ],
  [
    'activity → missing goal',
    [...base, makeActivity({ goalId: missing, helper: { name: 'Bo' } })],
    'dangling-reference',
  ],
  [
    'activity → missing contact',
    [...base, makeActivity({ goalId: goal.id, helper: { contactId: missing } })],
    'dangling-reference',
  ],
  [
    'handover → contact',
    [...base, makeHandoverItem({ owner: { kind: 'contact', contactId: contact.id } })],
    null,
  ],
  [
    'handover → missing contact',
    [...base, makeHandoverItem({ owner: { kind: 'contact', contactId: missing } })],
    'dangling-reference',
  ],
  ['handover about a goal', [...base, makeHandoverItem({ about: { kind: 'goal', id: goal.id } })], null],
  [
    'handover about a missing sub-goal',
    [...base, makeHandoverItem({ about: { kind: 'subGoal', id: missing } })],
    'dangling-reference',
  ],
  [
    'handover about a goal given as a sub-goal',
    [...base, makeHandoverItem({ about: { kind: 'subGoal', id: goal.id } })],
    'dangling-reference',
  ],
  ['note → goal', [...base, makeNote({ target: { kind: 'goal', id: goal.id } })], null],
  [
    'note → missing target',
    [...base, makeNote({ target: { kind: 'goal', id: missing } })],
    'dangling-reference',
  ],
  [
    'note → target of another kind',
    [...base, makeNote({ target: { kind: 'contact', id: goal.id } })],
    'dangling-reference',
  ],
  [
    'proposal for a new record',
    [...base, makeProposal({ target: { kind: 'goal', id: missing }, baseUpdatedAt: null })],
    null,
  ],
  [
    'proposal changing a missing record',
    [...base, makeProposal({ target: { kind: 'goal', id: missing }, baseUpdatedAt: goal.updatedAt })],
    'dangling-reference',
  ],
  [
    'a stamp exactly a day ahead',
    [...base, { ...makeContact(), updatedAt: stampAt(NOW + MAX_STAMP_AHEAD_MS) }],
    null,
  ],
  [
    'a stamp over a day ahead',
    [...base, { ...makeContact(), updatedAt: stampAt(NOW + MAX_STAMP_AHEAD_MS + 1) }],
    'clock-ahead',
  ],
  [
    'the largest stamp there is',
    [...base, { ...makeContact(), createdAt: asHlc(`9999-12-31T23:59:59.999Z-ffff-${FACTORY_DEVICE_ID}`) }],
    'clock-ahead',
  ],
  [
    'a pairing in the future',
    [
      {
        ...plan,
        pairing: { workerDeviceId: FACTORY_DEVICE_ID, pairedAt: stampAt(NOW + 3 * MAX_STAMP_AHEAD_MS) },
      },
      area,
      goal,
    ],
    'clock-ahead',
  ],
]

describe('checkRecordSet', () => {
  it.each(cases)('%s', (_name, records, expected) => {
    expect(checkRecordSet(records, NOW)?.code ?? null).toBe(expected)
  })

  it('names the record and field of a dangling reference', () => {
    const orphan = makeSubGoal({ goalId: missing })
    expect(checkRecordSet([...base, orphan], NOW)).toEqual({
      code: 'dangling-reference',
      recordId: orphan.id,
      field: 'goalId',
      targetId: missing,
    })
  })
})
