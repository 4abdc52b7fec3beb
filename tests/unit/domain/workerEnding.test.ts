/**
 * The end of access on the worker's phone (src/domain/workerEnding.ts, issue #15 item 6): where
 * a pairing stands at its end, when its copy erases by itself (14 days after the end), what
 * erasure leaves (label and dates, no plan content, an unusable key), that an erased pairing
 * refuses every package, and the handover lines read from the copy.
 */
import { describe, expect, it } from 'vitest'
import {
  ERASE_AFTER_DAYS,
  UNUSABLE_SHARE_KEY,
  erasedAtEnd,
  erasureDue,
  sharedHandoverLines,
  workerEndingState,
} from '@/domain/workerEnding'
import { packageExpectation, receivePackage, workerPairingStatus } from '@/domain/workerPairing'
import { workerPairingSchema } from '@/schemas'
import {
  day,
  makeContact,
  makeGoal,
  makeFocusArea,
  makeHandoverItem,
  makeProposal,
  makeWorkerPairing,
} from '../../factories/records'

const KEY = '5a'.repeat(32)
const at = (endsOn: string | null, erased = false) => ({
  endsOn: endsOn === null ? null : day(endsOn),
  shareKey: erased ? UNUSABLE_SHARE_KEY : KEY,
})

describe('workerEndingState and erasureDue', () => {
  it('waits 14 days', () => {
    expect(ERASE_AFTER_DAYS).toBe(14)
  })
  it.each([
    ['no end known', at(null), '2030-01-01', { state: 'active' }, false],
    ['before the end', at('2026-12-10'), '2026-12-09', { state: 'active' }, false],
    [
      'on the first day over',
      at('2026-12-10'),
      '2026-12-10',
      { state: 'ended', since: '2026-12-10', erasesOn: '2026-12-24' },
      false,
    ],
    [
      'the day before it erases',
      at('2026-12-10'),
      '2026-12-23',
      { state: 'ended', since: '2026-12-10', erasesOn: '2026-12-24' },
      false,
    ],
    [
      'the day it erases',
      at('2026-12-10'),
      '2026-12-24',
      { state: 'ended', since: '2026-12-10', erasesOn: '2026-12-24' },
      true,
    ],
    [
      'long after',
      at('2026-12-10'),
      '2027-06-01',
      { state: 'ended', since: '2026-12-10', erasesOn: '2026-12-24' },
      true,
    ],
    [
      'an ending package: the end is the day she unpaired',
      at('2026-12-07'),
      '2026-12-07',
      { state: 'ended', since: '2026-12-07', erasesOn: '2026-12-21' },
      false,
    ],
    ['erased', at('2026-12-10', true), '2026-12-30', { state: 'erased', since: '2026-12-10' }, false],
    [
      'erased, with the clock set back before the end',
      at('2026-12-10', true),
      '2026-12-01',
      { state: 'erased', since: '2026-12-10' },
      false,
    ],
  ] as const)('%s', (_label, pairing, today, state, due) => {
    expect(workerEndingState(pairing, day(today))).toEqual(state)
    expect(erasureDue(pairing, day(today))).toBe(due)
  })
})

describe('erasedAtEnd', () => {
  const goal = makeGoal({ shared: true })
  const ended = makeWorkerPairing({
    endsOn: day('2026-12-10'),
    label: 'Sara',
    copy: {
      pairingId: '0123456789abcdef0123456789abcdef',
      seq: 4,
      records: [goal],
      tombstones: [makeGoal().id],
      madeOn: day('2026-12-09'),
    },
    proposals: [makeProposal({ changes: { title: 'Worker words' }, base: { title: 'x' } })],
  })
  const erased = erasedAtEnd(ended, day('2026-12-24'))

  it('empties the copy and the worker’s proposals, makes the key unusable, keeps label, dates, pairing id and number', () => {
    expect(erased).toEqual({
      ...ended,
      shareKey: UNUSABLE_SHARE_KEY,
      copy: { pairingId: ended.copy.pairingId, seq: 4, records: [], tombstones: [] },
      proposals: [],
    })
    expect(JSON.stringify(erased)).not.toContain(goal.title)
    expect(JSON.stringify(erased)).not.toContain('Worker words')
    expect(workerPairingSchema.safeParse(erased).success).toBe(true)
  })

  it('keeps an end: the day it was erased when none was known', () => {
    expect(erasedAtEnd(makeWorkerPairing({ endsOn: null }), day('2026-12-24')).endsOn).toBe('2026-12-24')
  })

  it('is done once: an erased pairing stays as it was erased', () => {
    expect(erasedAtEnd(erased, day('2027-01-10'))).toBe(erased)
  })

  it('refuses every package from then on, whatever the day', () => {
    expect(packageExpectation(erased, day('2026-12-01')).ended).toBe(true)
    expect(workerPairingStatus(erased, day('2026-12-01')).active).toBe(false)
    const pkg = {
      header: { pairingId: ended.copy.pairingId ?? '', seq: 9 },
      body: { records: [goal], tombstones: [] },
    }
    expect(receivePackage(erased, pkg, day('2026-12-01'))).toEqual({ ok: false, code: 'pairing-ended' })
  })
})

describe('sharedHandoverLines', () => {
  const area = makeFocusArea({ shared: true })
  const goal = makeGoal({ shared: true, focusAreaId: area.id, title: 'Egen bolig' })
  const contact = makeContact({ shared: true, name: 'Mona' })
  // A line with no "from" day.
  const aboutGoal = makeHandoverItem({
    shared: true,
    about: { kind: 'goal', id: goal.id },
    owner: { kind: 'contact', contactId: contact.id },
    status: 'inPlace',
  })
  delete aboutGoal.from
  const need = makeHandoverItem({ shared: true })

  it.each([
    ['no handover shared', [area, goal], []],
    [
      'a need and a line about a goal, without a plan record in the copy',
      [area, goal, contact, aboutGoal, need],
      [
        {
          about: { kind: 'goal', text: 'Egen bolig' },
          owner: { kind: 'contact', name: 'Mona' },
          from: null,
          status: 'inPlace',
        },
        {
          about: { kind: 'need', text: need.about.kind === 'need' ? need.about.text : '' },
          owner: need.owner,
          from: need.from,
          status: need.status,
        },
      ],
    ],
    [
      'a line whose goal is not in the copy',
      [aboutGoal],
      [{ about: { kind: 'removed' }, owner: { kind: 'someone' }, from: null, status: 'inPlace' }],
    ],
  ] as const)('%s', (_label, records, expected) => {
    // The copy as the worker holds it: exactly the records of the last package.
    const lines = sharedHandoverLines(records)
    expect([...lines].sort((a, b) => a.about.kind.localeCompare(b.about.kind))).toEqual(
      [...expected].sort((a, b) => a.about.kind.localeCompare(b.about.kind)),
    )
  })
})
