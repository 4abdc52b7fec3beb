import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import {
  changedFields,
  checkNextMeeting,
  isRealChange,
  journalWrite,
  markedIds,
  nextMeetingEvent,
  upcomingMeeting,
  readChange,
  recordLabel,
  reviewLines,
  summarizeChange,
  undoChange,
  visitLog,
  visitStage,
  workerAuthorFor,
  type ReadChange,
} from '@/domain/visitMode'
import type { Stage } from '@/domain/phases'
import { safeParseRecord, type CourseStage, type SubGoal, type TrinRecord, type VisitChange } from '@/schemas'
import {
  FACTORY_WORKER,
  day,
  makeContact,
  makeGoal,
  makeNote,
  makeSharePairing,
  makeSubGoal,
} from '../../factories/records'

const stamp = (n: number) => asHlc(`2026-12-07T10:00:00.000Z-${String(n).padStart(4, '0')}-00000000000000b2`)
const WORKER = 'worker:00000000000000b2' as const
const parse = (value: unknown): TrinRecord | null => {
  const parsed = safeParseRecord(value)
  return parsed.success ? parsed.data : null
}

function sub(overrides: Partial<SubGoal> = {}): SubGoal {
  return makeSubGoal({ id: '11111111-1111-4111-8111-111111111111', title: 'Call the landlord', ...overrides })
}

function change(before: TrinRecord | null, after: TrinRecord): ReadChange {
  return { recordId: after.id, before, after }
}

describe('workerAuthorFor', () => {
  const withDevice = makeSharePairing({ worker: { deviceId: '00000000000000c3' }, createdAt: stamp(1) })
  const withoutDevice = makeSharePairing({
    pairingId: 'abcdef0123456789abcdef0123456789',
    createdAt: stamp(2),
  })
  it.each<[string, Parameters<typeof workerAuthorFor>[0], string]>([
    ['the paired device', [withDevice], 'worker:00000000000000c3'],
    [
      'a device known on an older pairing beats a newer one without',
      [withoutDevice, withDevice],
      'worker:00000000000000c3',
    ],
    ['the pairing id when no device is known', [withoutDevice], 'worker:abcdef0123456789'],
    ['a deleted pairing does not count', [{ ...withDevice, deleted: true }], 'worker:0123456789abcdef'],
    ['no pairing: the random id', [], 'worker:0123456789abcdef'],
  ])('%s', (_, pairings, expected) => {
    expect(workerAuthorFor(pairings, '0123456789abcdef')).toBe(expected)
  })
  it('refuses a random id that is not 16 hex digits', () => {
    expect(() => workerAuthorFor([], 'XYZ')).toThrow(RangeError)
  })
})

describe('isRealChange and changedFields', () => {
  const before = sub()
  it.each<[string, TrinRecord | undefined, TrinRecord, boolean, string[]]>([
    ['a new record', undefined, before, true, []],
    ['a new record already deleted', undefined, { ...before, deleted: true }, false, []],
    ['only stamps and author', before, { ...before, updatedAt: stamp(9), author: WORKER }, false, []],
    ['a title', before, { ...before, title: 'Call the housing office' }, true, ['title']],
    [
      'done with a date',
      before,
      { ...before, done: true, doneAt: day('2026-12-07') },
      true,
      ['done', 'doneAt'],
    ],
    ['deleted', before, { ...before, deleted: true }, true, ['deleted']],
  ])('%s', (_, from, to, real, fields) => {
    expect(isRealChange(from, to)).toBe(real)
    if (from) expect(changedFields(from, to)).toEqual(fields)
  })
})

describe('journalWrite', () => {
  const original = sub()
  const renamed = { ...original, title: 'Renamed', updatedAt: stamp(1) }
  const twice = { ...original, title: 'Renamed twice', updatedAt: stamp(2) }
  const back = { ...original, updatedAt: stamp(3) }
  const created = sub({ id: '22222222-2222-4222-8222-222222222222', updatedAt: stamp(4) })
  const first = journalWrite([], original, renamed, parse)

  it.each<[string, VisitChange[], TrinRecord | undefined, TrinRecord, (TrinRecord | null)[][]]>([
    ['a first change keeps before and after', [], original, renamed, [[original, renamed]]],
    ['a second change keeps the first before', first, renamed, twice, [[original, twice]]],
    ['changed back to how it was: out of the journal', first, renamed, back, []],
    [
      'created',
      first,
      undefined,
      created,
      [
        [original, renamed],
        [null, created],
      ],
    ],
    [
      'created then deleted: out of the journal',
      journalWrite([], undefined, created, parse),
      created,
      { ...created, deleted: true },
      [],
    ],
  ])('%s', (_, journal, before, after, expected) => {
    const result = journalWrite(journal, before, after, parse).map((entry) => {
      const read = readChange(entry, parse)
      return [read?.before ?? null, read?.after ?? null]
    })
    expect(result).toEqual(expected)
  })
  it('reads nothing from an entry whose text is not a record', () => {
    expect(readChange({ recordId: original.id, before: null, after: '{"kind":"goal"}' }, parse)).toBeNull()
    expect(
      readChange({ recordId: original.id, before: '{', after: JSON.stringify(renamed) }, parse),
    ).toBeNull()
  })
  it('marks the records in the journal', () => {
    expect([...markedIds(journalWrite(first, undefined, created, parse))]).toEqual([original.id, created.id])
  })
})

describe('summarizeChange', () => {
  const before = sub()
  const after = { ...before, title: 'Renamed', done: true, doneAt: day('2026-12-07'), updatedAt: stamp(1) }
  it.each<[string, ReadChange, TrinRecord | undefined, Partial<ReturnType<typeof summarizeChange>>]>([
    [
      'changed',
      change(before, after),
      after,
      { action: 'changed', fields: ['done', 'doneAt', 'title'], citizenChangedSince: false },
    ],
    ['added', change(null, after), after, { action: 'added', fields: [] }],
    [
      'deleted',
      change(before, { ...before, deleted: true, updatedAt: stamp(1) }),
      { ...before, deleted: true, updatedAt: stamp(1) },
      { action: 'deleted', currentGone: false },
    ],
    [
      'she changed it since',
      change(before, after),
      { ...after, title: 'Mine', updatedAt: stamp(5) },
      { citizenChangedSince: true },
    ],
    [
      'she deleted it since',
      change(before, after),
      { ...after, deleted: true, updatedAt: stamp(5) },
      { citizenChangedSince: true, currentGone: true },
    ],
  ])('%s', (_, entry, current, expected) => {
    expect(summarizeChange(entry, current)).toMatchObject(expected)
  })
})

describe('undoChange', () => {
  const before = sub()
  const after = {
    ...before,
    title: 'Renamed',
    done: true,
    doneAt: day('2026-12-07'),
    updatedAt: stamp(1),
    author: WORKER,
  }
  it.each<[string, ReadChange, TrinRecord | undefined, TrinRecord | null, string[]]>([
    ['untouched since: the before-state exactly', change(before, after), after, before, []],
    ['added: deleted', change(null, after), after, { ...after, deleted: true }, []],
    [
      'added and already deleted by her: nothing',
      change(null, after),
      { ...after, deleted: true, updatedAt: stamp(5) },
      null,
      [],
    ],
    [
      'she renamed it since: her title stays, done goes back',
      change(before, after),
      { ...after, title: 'Mine', updatedAt: stamp(5), author: 'citizen' },
      { ...before, title: 'Mine', updatedAt: stamp(5), author: 'citizen' },
      ['title'],
    ],
    [
      'a deletion undone: back',
      change(before, { ...before, deleted: true, updatedAt: stamp(1) }),
      { ...before, deleted: true, updatedAt: stamp(1) },
      before,
      [],
    ],
    [
      'her edit and the undo do not fit together (done without doneAt): hers stays',
      change(before, { ...before, done: true, doneAt: day('2026-12-07'), updatedAt: stamp(1) }),
      { ...before, done: true, doneAt: day('2026-12-06'), updatedAt: stamp(5) },
      null,
      ['done', 'doneAt'],
    ],
  ])('%s', (_, entry, current, record, keptHers) => {
    expect(undoChange(entry, current, parse)).toEqual({ record, keptHers })
  })
  it('undoes a goal the worker added when the store no longer has it', () => {
    const goal = makeGoal({ author: FACTORY_WORKER })
    expect(undoChange(change(null, goal), undefined, parse).record).toEqual({ ...goal, deleted: true })
  })
})

describe('visitLog', () => {
  const start = Date.UTC(2026, 11, 7, 10, 0)
  it.each<[string, number, Stage, number, CourseStage]>([
    ['an hour in phase 1', start + 60 * 60_000, 'phase1', 60, 'phase1'],
    ['rounded to whole minutes', start + 89_000, 'phase2', 1, 'phase2'],
    ['at least a minute', start + 5_000, 'contact', 1, 'contact'],
    ['at most a day', start + 3 * 86_400_000, 'phase3', 1440, 'phase3'],
    ['a clock gone back counts a minute', start - 60_000, 'phase1', 1, 'phase1'],
    ['before the course: contact', start + 600_000, 'before', 10, 'contact'],
  ])('%s', (_, end, stage, minutes, logged) => {
    expect(visitLog(start, end, day('2026-12-07'), stage)).toEqual({
      date: '2026-12-07',
      minutes,
      stage: logged,
    })
  })
  it('logs a visit after the end under phase 3', () => {
    expect(visitStage('ended')).toBe('phase3')
  })
})

describe('reviewLines and recordLabel', () => {
  const before = sub()
  it.each<[string, TrinRecord, ReturnType<typeof reviewLines>]>([
    [
      'a title: old → new',
      { ...before, title: 'New' },
      [{ field: 'title', from: 'Call the landlord', to: 'New' }],
    ],
    [
      'done: yes/no',
      { ...before, done: true, doneAt: day('2026-12-07') },
      [{ field: 'done', from: false, to: true }],
    ],
    [
      'a due date set',
      { ...before, due: day('2026-12-24') },
      [{ field: 'due', from: before.due, to: '2026-12-24' }],
    ],
    ['an order only: other details', { ...before, order: 3 }, [{ field: 'other' }]],
  ])('%s', (_, after, lines) => {
    const entry = change(before, after)
    expect(reviewLines(entry, changedFields(before, after))).toEqual(lines)
  })
  it('names a goal status without its key', () => {
    const goal = makeGoal({ status: 'onTheWay' })
    expect(reviewLines(change(goal, { ...goal, status: 'reached' }), ['status'])).toEqual([
      { field: 'status' },
    ])
  })
  it.each<[string, TrinRecord, string | null]>([
    ['a step by its title', sub(), 'Call the landlord'],
    ['a contact by name', makeContact({ name: 'Mette' }), 'Mette'],
    ['a note by its text, cut', makeNote({ text: 'x'.repeat(300) }), `${'x'.repeat(119)}…`],
    ['a pairing by nothing', makeSharePairing(), null],
  ])('%s', (_, record, label) => {
    expect(recordLabel(record)).toBe(label)
  })
})

describe('checkNextMeeting', () => {
  it.each<[string, { date: string; time: string; place: string }, ReturnType<typeof checkNextMeeting>]>([
    [
      'a date only',
      { date: '2026-12-10', time: '', place: ' ' },
      { ok: true, meeting: { date: day('2026-12-10') } },
    ],
    [
      'date, time and place',
      { date: '2026-12-10', time: '10:00', place: ' Jobcentret ' },
      { ok: true, meeting: { date: day('2026-12-10'), time: '10:00', place: 'Jobcentret' } },
    ],
    ['no date', { date: '', time: '10:00', place: '' }, { ok: false, field: 'date' }],
    ['a date that does not exist', { date: '2026-02-30', time: '', place: '' }, { ok: false, field: 'date' }],
    ['a wrong time', { date: '2026-12-10', time: '25:00', place: '' }, { ok: false, field: 'time' }],
    [
      'a place too long',
      { date: '2026-12-10', time: '', place: 'x'.repeat(201) },
      { ok: false, field: 'place' },
    ],
  ])('%s', (_, draft, expected) => {
    expect(checkNextMeeting(draft)).toEqual(expected)
  })
  it('makes a neutral hour-long event, all day without a time', () => {
    const options = { uid: 'p-next-meeting', neutralTitle: 'Aftale', now: new Date(0), productName: 'Trin' }
    expect(
      nextMeetingEvent({ date: day('2026-12-10'), time: '10:00', place: 'Jobcentret' }, options),
    ).toEqual({
      uid: 'p-next-meeting',
      title: 'Aftale',
      date: '2026-12-10',
      time: '10:00',
      durationMinutes: 60,
      repeat: 'none',
      now: new Date(0),
      productName: 'Trin',
    })
    expect(nextMeetingEvent({ date: day('2026-12-10') }, options)).toMatchObject({
      time: undefined,
      durationMinutes: undefined,
    })
  })
})

describe('upcomingMeeting', () => {
  const meeting = { date: day('2026-12-10'), time: '10:00' }
  it.each<[string, typeof meeting | undefined, string, typeof meeting | null]>([
    ['none set', undefined, '2026-12-07', null],
    ['days ahead', meeting, '2026-12-07', meeting],
    ['today', meeting, '2026-12-10', meeting],
    ['passed', meeting, '2026-12-11', null],
  ])('%s', (_, next, today, expected) => {
    expect(upcomingMeeting(next, day(today))).toEqual(expected)
  })
})
