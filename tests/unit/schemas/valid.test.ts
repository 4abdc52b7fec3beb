// Valid variations beyond the factory defaults: each must parse, so the schemas are not stricter
// than the method and the UI need.
import { describe, expect, it } from 'vitest'
import {
  author,
  civilDate,
  longText,
  parseRecord,
  personName,
  phone,
  recordSchemas,
  safeParseRecord,
  shortText,
  timeOfDay,
  type RecordKind,
} from '@/schemas'
import { safeParseStoredRecord } from '@/schemas/storedRecord'
import { FACTORY_HLC, FACTORY_WORKER, recordFactories, withoutField } from '../../factories/records'

function variant(kind: RecordKind, fields: Record<string, unknown>): unknown {
  return { ...recordFactories[kind](), ...fields }
}

const uuidA = '6f9619ff-8b86-4011-b42d-00c04fc964ff'

describe('valid record variants', () => {
  it.each([
    [
      'plan with an open pause, a restart and a pairing',
      'plan',
      {
        pauses: [
          { id: uuidA, start: '2026-10-01', end: null, reason: 'treatment', note: 'Treatment centre' },
        ],
        restarts: [{ on: '2027-01-10', reason: 'New assessment after prison' }],
        pairing: { workerDeviceId: 'ffffffffffffffff', pairedAt: FACTORY_HLC },
      },
    ],
    [
      'plan before the move date is known, no worker yet, no instruments',
      'plan',
      { transitionDate: undefined, worker: undefined, instruments: [] },
    ],
    [
      'plan for another target group in own words',
      'plan',
      { targetGroup: 'other', targetGroupOther: 'Leaving prostitution' },
    ],
    [
      'plan with a one-day pause',
      'plan',
      { pauses: [{ id: uuidA, start: '2026-10-01', end: '2026-10-02', reason: 'hospital' }] },
    ],
    [
      'plan with safety notes: someone she must be kept safe from',
      'plan',
      { safetyNotes: { keptSafeFrom: [{ id: uuidA, name: 'K.', notes: 'Drives a red van' }] } },
    ],
    ['plan with the children dimension switched off', 'plan', { ratingDimensionsOff: ['children'] }],
    ['focus area with own title only', 'focusArea', { catalogKey: undefined, title: 'My dog' }],
    [
      'focus area from the catalogue, renamed',
      'focusArea',
      { catalogKey: 'safety', title: 'Feeling safe at home' },
    ],
    ['focus area for phase 3 only, no icon', 'focusArea', { phases: [3], icon: undefined }],
    ['goal let go, without a why', 'goal', { status: 'letGo', why: undefined }],
    ['sub-goal done with a date', 'subGoal', { done: true, doneAt: '2026-11-22' }],
    ['sub-goal done without a date', 'subGoal', { done: true }],
    [
      'activity with a named helper, no date, repeating daily',
      'activity',
      { helper: { name: 'My neighbour' }, date: undefined, repeat: 'daily' },
    ],
    [
      'activity standing alone, no helper',
      'activity',
      { goalId: undefined, helper: undefined, time: undefined, place: undefined },
    ],
    ['activity at midnight and late evening', 'activity', { time: '00:00' }],
    [
      'private contact with a safety note',
      'contact',
      {
        shared: false,
        safety: {
          keepPrivate: true,
          hideAddress: true,
          mustNotTell: ['6f9619ff-8b86-4011-b42d-00c04fc964ff'],
          mustNotTellNote: 'Knows my ex; never give the new address',
        },
      },
    ],
    ['shared contact that is not private', 'contact', { shared: true }],
    [
      'contact with only a name, a kind and a closeness',
      'contact',
      {
        role: undefined,
        organisation: undefined,
        phone: undefined,
        helpsWith: undefined,
        takesOverFrom: undefined,
        closenessHistory: [],
      },
    ],
    [
      'contact with every field, a crisis contact grown closer',
      'contact',
      {
        networkKind: 'shelter',
        email: 'kontakt@krisecenter.dk',
        address: 'Vej 1\n2100 København Ø',
        notes: 'Call before 16',
        crisisContact: true,
        focusAreaIds: ['6f9619ff-8b86-4011-b42d-00c04fc964ff'],
        goalIds: ['6f9619ff-8b86-4011-b42d-00c04fc964fe'],
        closeness: 'close',
        closenessHistory: [
          { on: '2026-09-01', closeness: 'distant' },
          { on: '2026-09-01', closeness: 'some' },
          { on: '2026-11-01', closeness: 'close' },
        ],
      },
    ],
    [
      'pack answers skipped, 0 and 10',
      'rating',
      {
        content: {
          type: 'pack',
          packId: 'sheehan',
          packVersion: '1',
          answers: { work: 0, social: 10, family: null },
        },
      },
    ],
    [
      'a pack rating with no answers yet',
      'rating',
      { content: { type: 'pack', packId: 'who5', packVersion: '1', answers: {} } },
    ],
    [
      'rating with a dimension skipped',
      'rating',
      { content: { type: 'lifeAreas', values: { safety: { answer: 'skipped' } } } },
    ],
    [
      'rating at 1 and 10',
      'rating',
      { content: { type: 'lifeAreas', values: { safety: { answer: 1 }, housing: { answer: 10 } } } },
    ],
    [
      'declined rating of the end of phase 2, by the worker',
      'rating',
      { respondent: 'worker', stage: 'phase2', content: null },
    ],
    [
      'rating with instrument-pack answers, one skipped',
      'rating',
      {
        content: {
          type: 'pack',
          packId: 'whoLike',
          packVersion: '1.0.0',
          answers: { item1: 3, item2: null },
        },
      },
    ],
    ['phone visit of 0 minutes', 'visit', { minutes: 0, mode: 'phone', note: undefined }],
    ['visit lasting a whole day', 'visit', { minutes: 1440 }],
    ['note on a contact', 'note', { target: { kind: 'contact', id: uuidA } }],
    [
      'handover of a goal to a contact, in place, no date',
      'handoverItem',
      {
        about: { kind: 'goal', id: uuidA },
        owner: { kind: 'contact', contactId: uuidA },
        status: 'inPlace',
        from: undefined,
      },
    ],
    [
      'handover of a sub-goal she takes over herself',
      'handoverItem',
      { about: { kind: 'subGoal', id: uuidA }, owner: { kind: 'self' }, notes: 'I call them myself' },
    ],
    [
      'a support need with no owner yet, not discussed',
      'handoverItem',
      { owner: null, status: 'notDiscussed' },
    ],
    ['proposal accepted, with a decision time', 'proposal', { status: 'accepted', decidedAt: FACTORY_HLC }],
    ['proposal rejected', 'proposal', { status: 'rejected', decidedAt: FACTORY_HLC, comment: undefined }],
    [
      'proposal clearing an optional field',
      'proposal',
      { changes: { why: null }, base: { why: 'To feel safe' } },
    ],
    ['proposal to delete', 'proposal', { changes: { deleted: true }, base: { deleted: false } }],
    [
      'proposal creating a new goal',
      'proposal',
      {
        baseUpdatedAt: null,
        base: {},
        changes: {
          focusAreaId: uuidA,
          title: 'Learn to use e-Boks',
          status: 'notStarted',
          order: 2,
          deleted: false,
        },
      },
    ],
    [
      'proposal changing a plan’s pauses',
      'proposal',
      {
        target: { kind: 'plan', id: uuidA },
        changes: { pauses: [{ id: uuidA, start: '2026-10-01', end: null, reason: 'hospital' }] },
        base: { pauses: [] },
      },
    ],
    [
      'proposal correcting a visit’s minutes',
      'proposal',
      { target: { kind: 'visit', id: uuidA }, changes: { minutes: 45 }, base: { minutes: 30 } },
    ],
    ['record written by a worker in visit mode', 'goal', { author: FACTORY_WORKER }],
    ['tombstone', 'note', { deleted: true }],
  ] as const)('%s', async (_name, kind, fields) => {
    const input = variant(kind, fields)
    const result = recordSchemas[kind].safeParse(input)
    expect(result.error?.issues ?? []).toEqual([])
    expect(parseRecord(input).kind).toBe(kind)
    // The vault's parser (first-screen kinds at once, the rest by the whole union) reads it alike.
    expect(await safeParseStoredRecord(input)).toEqual(safeParseRecord(input))
  })

  it('trims short text and names, keeps long text as written', () => {
    const goal = parseRecord(variant('goal', { title: '  Get a bike  ', why: '  Because\n  I can.\n' }))
    expect(goal).toMatchObject({ title: 'Get a bike', why: '  Because\n  I can.\n' })
    const contact = parseRecord(variant('contact', { name: ' Ann ', phone: ' +45 11 22 33 44 ' }))
    expect(contact).toMatchObject({ name: 'Ann', phone: '+45 11 22 33 44' })
  })

  it('fills a contact’s safety settings with “not private” when absent', () => {
    expect(parseRecord(withoutField(recordFactories.contact(), 'safety'))).toMatchObject({
      safety: { keepPrivate: false, hideAddress: false, mustNotTell: [] },
    })
  })

  it('fills an absent pairing with null (not paired)', () => {
    expect(parseRecord(withoutField(recordFactories.plan(), 'pairing'))).toMatchObject({ pairing: null })
  })
})

describe('shared building blocks', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-1-5', false],
    ['20261231', false],
    ['2026-12-31 ', false],
  ])('civilDate %s → %s', (value, ok) => {
    expect(civilDate.safeParse(value).success).toBe(ok)
  })

  it.each([
    ['citizen', true],
    ['worker:0123456789abcdef', true],
    ['worker:0123456789ABCDEF', false],
    ['worker:0123', false],
    ['Citizen', false],
    ['citizen ', false],
    ['', false],
  ])('author %j → %s', (value, ok) => {
    expect(author.safeParse(value).success).toBe(ok)
  })

  it.each([
    ['+45 12 34 56 78', true],
    ['(030) 123-456/7', true],
    ['*21*#', true],
    ['   ', false],
    ['12 34 ext 5', false],
  ])('phone %j → %s', (value, ok) => {
    expect(phone.safeParse(value).success).toBe(ok)
  })

  it.each([
    ['00:00', true],
    ['23:59', true],
    ['7:30', false],
    ['12:60', false],
  ])('timeOfDay %s → %s', (value, ok) => {
    expect(timeOfDay.safeParse(value).success).toBe(ok)
  })

  it('caps text at the documented lengths', () => {
    expect(shortText.safeParse('x'.repeat(200)).success).toBe(true)
    expect(shortText.safeParse('x'.repeat(201)).success).toBe(false)
    expect(personName.safeParse('x'.repeat(120)).success).toBe(true)
    expect(personName.safeParse('x'.repeat(121)).success).toBe(false)
    expect(longText.safeParse('x'.repeat(4000)).success).toBe(true)
    expect(longText.safeParse('x'.repeat(4001)).success).toBe(false)
    expect(phone.safeParse('1'.repeat(40)).success).toBe(true)
  })
})
