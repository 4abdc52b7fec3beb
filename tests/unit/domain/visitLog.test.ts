import { describe, expect, it } from 'vitest'
import type { ShareableRecord } from '@/domain/sharing'
import {
  VISIT_MINUTES_MAX,
  checkVisitForm,
  courseReach,
  draftOfVisit,
  emptyVisitDraft,
  hoursAndMinutes,
  lastVisit,
  phaseChartLayout,
  phaseTimes,
  stageOnDate,
  timeByStage,
  visitsNewestFirst,
  withVisitFields,
  type VisitDraft,
} from '@/domain/visitLog'
import { MAX_VISIT_MINUTES, courseStages } from '@/schemas'
import { asHlc } from '@/domain/clock'
import { day, makePlan, makeWorkerVisit } from '../../factories/records'

// Contact period from 1 August 2026, day 1 on 24 August: phase 2 from 24 November, phase 3
// from 24 February 2027, the last day 23 May 2027.
const plan = makePlan({ shared: true })
const copy: ShareableRecord[] = [plan]
const TODAY = day('2026-12-07')

describe('stageOnDate', () => {
  it.each([
    ['before the contact period', copy, '2026-07-31', null],
    ['the contact period', copy, '2026-08-01', 'contact'],
    ['day 1', copy, '2026-08-24', 'phase1'],
    ['the last day of phase 1', copy, '2026-11-23', 'phase1'],
    ['phase 2', copy, '2026-11-24', 'phase2'],
    ['phase 3', copy, '2027-02-24', 'phase3'],
    ['the last day', copy, '2027-05-23', 'phase3'],
    ['after the end', copy, '2027-05-24', null],
    ['no shared plan', [], '2026-09-01', null],
    ['a deleted plan', [{ ...plan, deleted: true }], '2026-09-01', null],
    ['no day 1 yet', [makePlan({ transitionDate: undefined })], '2026-09-01', null],
  ] as const)('%s', (_name, records, date, expected) => {
    expect(stageOnDate(records, day(date))).toBe(expected)
  })

  it('uses the phase engine: a pause moves the phases', () => {
    const paused = makePlan({
      pauses: [
        { id: crypto.randomUUID(), start: day('2026-10-01'), end: day('2026-10-31'), reason: 'hospital' },
      ],
    })
    expect(stageOnDate([paused], day('2026-11-30'))).toBe('phase1')
  })
})

describe('courseReach', () => {
  it.each([
    ['contact period', copy, [], '2026-08-10', { reached: 0, running: null }],
    ['phase 1', copy, [], '2026-09-01', { reached: 1, running: 1 }],
    ['phase 2', copy, [], TODAY, { reached: 2, running: 2 }],
    ['phase 3', copy, [], '2027-03-01', { reached: 3, running: 3 }],
    ['ended', copy, [], '2027-06-01', { reached: 3, running: null }],
    ['no plan, no visits', [], [], TODAY, { reached: 0, running: null }],
    [
      'no plan: the highest logged phase',
      [],
      [{ stage: 'phase1' }, { stage: 'phase2' }, { stage: null }, { stage: 'contact' }],
      TODAY,
      { reached: 2, running: null },
    ],
  ] as const)('%s', (_name, records, visits, today, expected) => {
    expect(courseReach(records, visits, day(today))).toEqual(expected)
  })
})

describe('timeByStage', () => {
  it('adds minutes by stage, unknown apart, and the total', () => {
    const visits = [
      { minutes: 60, stage: 'phase1' },
      { minutes: 30, stage: 'phase1' },
      { minutes: 45, stage: 'phase2' },
      { minutes: 20, stage: 'contact' },
      { minutes: 15, stage: null },
    ] as const
    expect(timeByStage(visits)).toEqual({
      contact: 20,
      phase1: 90,
      phase2: 45,
      phase3: 0,
      unknown: 15,
      total: 170,
    })
  })
  it('is all zeros for no visits', () => {
    expect(timeByStage([]).total).toBe(0)
  })
})

describe('phaseTimes: the 4:2:1 guide from phase 1', () => {
  const time = timeByStage([
    { minutes: 480, stage: 'phase1' },
    { minutes: 300, stage: 'phase2' },
    { minutes: 90, stage: 'phase3' },
    { minutes: 600, stage: 'contact' },
  ])
  it.each([
    [
      'all three phases reached, the course ended',
      { reached: 3, running: null },
      [
        { phase: 1, used: 480, guide: 480, reached: true, running: false },
        { phase: 2, used: 300, guide: 240, reached: true, running: false },
        { phase: 3, used: 90, guide: 120, reached: true, running: false },
      ],
    ],
    [
      'in phase 2: no guide for phase 3 yet',
      { reached: 2, running: 2 },
      [
        { phase: 1, used: 480, guide: 480, reached: true, running: false },
        { phase: 2, used: 300, guide: 240, reached: true, running: true },
        { phase: 3, used: 90, guide: null, reached: false, running: false },
      ],
    ],
    [
      'in the contact period: no guide',
      { reached: 0, running: null },
      [
        { phase: 1, used: 480, guide: null, reached: false, running: false },
        { phase: 2, used: 300, guide: null, reached: false, running: false },
        { phase: 3, used: 90, guide: null, reached: false, running: false },
      ],
    ],
  ] as const)('%s', (_name, reach, expected) => {
    expect(phaseTimes(time, reach)).toEqual(expected)
  })

  it('has no guide while phase 1 has no time logged (the contact period never counts)', () => {
    const noPhase1 = timeByStage([
      { minutes: 600, stage: 'contact' },
      { minutes: 60, stage: 'phase2' },
    ])
    expect(phaseTimes(noPhase1, { reached: 2, running: 2 }).map((p) => p.guide)).toEqual([null, null, null])
  })

  it('rounds the guide to whole minutes', () => {
    const odd = timeByStage([{ minutes: 45, stage: 'phase1' }])
    expect(phaseTimes(odd, { reached: 3, running: 3 }).map((p) => p.guide)).toEqual([45, 23, 11])
  })
})

describe('visitsNewestFirst', () => {
  it('sorts by day, then the one logged last first', () => {
    const early = asHlc('2026-11-23T10:00:00.000Z-0000-00000000000000a1')
    const late = asHlc('2026-11-23T11:00:00.000Z-0000-00000000000000a1')
    const a = makeWorkerVisit({ date: day('2026-11-01'), createdAt: late })
    const b = makeWorkerVisit({ date: day('2026-12-01'), createdAt: early })
    const c = makeWorkerVisit({ date: day('2026-12-01'), createdAt: late })
    expect(visitsNewestFirst([a, b, c]).map((v) => v.id)).toEqual([c.id, b.id, a.id])
  })
})

describe("lastVisit: the caseload card's last visit", () => {
  const early = asHlc('2026-11-23T10:00:00.000Z-0000-00000000000000a1')
  const late = asHlc('2026-11-23T11:00:00.000Z-0000-00000000000000a1')
  const home = makeWorkerVisit({ date: day('2026-11-01'), mode: 'home', createdAt: late })
  const phone = makeWorkerVisit({ date: day('2026-12-01'), mode: 'phone', createdAt: early })
  const network = makeWorkerVisit({ date: day('2026-12-01'), mode: 'network', createdAt: late })
  const ahead = makeWorkerVisit({ date: day('2026-12-09'), mode: 'authority', createdAt: late })
  it.each([
    ['none logged', [], '2026-12-07', null],
    ['one', [home], '2026-12-07', { date: '2026-11-01', mode: 'home' }],
    ['the newest day', [home, phone], '2026-12-07', { date: '2026-12-01', mode: 'phone' }],
    [
      'the same day: the one logged last',
      [phone, network, home],
      '2026-12-07',
      { date: '2026-12-01', mode: 'network' },
    ],
    ['on the day itself', [home, phone], '2026-12-01', { date: '2026-12-01', mode: 'phone' }],
    ['not one dated ahead', [home, ahead], '2026-12-07', { date: '2026-11-01', mode: 'home' }],
    ['only ahead: none yet', [ahead], '2026-12-07', null],
    [
      'ahead no more once its day comes',
      [home, ahead],
      '2026-12-09',
      { date: '2026-12-09', mode: 'authority' },
    ],
  ] as const)('%s', (_name, visits, today, expected) => {
    expect(lastVisit(visits, day(today))).toEqual(expected)
  })
})

describe('hoursAndMinutes', () => {
  it.each([
    [0, 0, 0],
    [45, 0, 45],
    [60, 1, 0],
    [150, 2, 30],
    [1440, 24, 0],
  ])('%i minutes', (minutes, h, m) => {
    expect(hoursAndMinutes(minutes)).toEqual({ hours: h, minutes: m })
  })
})

describe('checkVisitForm', () => {
  const good: VisitDraft = {
    date: '2026-12-01',
    minutes: '90',
    mode: 'home',
    place: '  Herberget ',
    stage: '',
  }
  const fromCopy = (date: string) => stageOnDate(copy, day(date))
  const notShared = () => null

  it('stores the stage from her copy, the place trimmed', () => {
    expect(checkVisitForm(good, TODAY, fromCopy)).toEqual({
      ok: true,
      value: { date: '2026-12-01', minutes: 90, mode: 'home', place: 'Herberget', stage: 'phase2' },
    })
  })
  it('ignores a stage chosen by hand when her copy says one', () => {
    const result = checkVisitForm({ ...good, stage: 'phase3' }, TODAY, fromCopy)
    expect(result.ok && result.value.stage).toBe('phase2')
  })
  it.each([
    ['not known', '', null],
    ['chosen by hand', 'phase1', 'phase1'],
  ] as const)('without her course, the stage %s', (_name, stage, expected) => {
    const result = checkVisitForm({ ...good, stage }, TODAY, notShared)
    expect(result.ok && result.value.stage).toBe(expected)
  })
  it('leaves out an empty place', () => {
    const result = checkVisitForm({ ...good, place: '   ' }, TODAY, fromCopy)
    expect(result.ok && 'place' in result.value).toBe(false)
  })
  it('allows today and a whole day', () => {
    expect(checkVisitForm({ ...good, date: TODAY, minutes: '1440' }, TODAY, fromCopy).ok).toBe(true)
  })

  it.each([
    ['no date', { date: '' }, 'date', 'required'],
    ['a day that does not exist', { date: '2026-02-30' }, 'date', 'invalidDate'],
    ['tomorrow', { date: '2026-12-08' }, 'date', 'dateInFuture'],
    ['a day before 1900', { date: '1899-12-31' }, 'date', 'dateTooEarly'],
    ['no minutes', { minutes: ' ' }, 'minutes', 'required'],
    ['zero minutes', { minutes: '0' }, 'minutes', 'minutesRange'],
    ['more than a day', { minutes: '1441' }, 'minutes', 'minutesRange'],
    ['part of a minute', { minutes: '1.5' }, 'minutes', 'wholeMinutes'],
    ['a negative number', { minutes: '-5' }, 'minutes', 'wholeMinutes'],
    ['words', { minutes: 'en time' }, 'minutes', 'wholeMinutes'],
    ['no kind of contact', { mode: null }, 'mode', 'required'],
    ['a place too long', { place: 'x'.repeat(201) }, 'place', 'tooLong'],
  ] as const)('refuses %s', (_name, change, field, problem) => {
    const result = checkVisitForm({ ...good, ...change }, TODAY, fromCopy)
    expect(result).toEqual({ ok: false, problems: { [field]: problem } })
  })

  it('starts empty on today and fills from a saved visit', () => {
    expect(emptyVisitDraft(TODAY)).toEqual({ date: TODAY, minutes: '', mode: null, place: '', stage: '' })
    const visit = makeWorkerVisit({ minutes: 30, mode: 'phone', place: 'Kontoret', stage: null })
    expect(draftOfVisit(visit)).toEqual({
      date: visit.date,
      minutes: '30',
      mode: 'phone',
      place: 'Kontoret',
      stage: '',
    })
  })

  it('an edit removes a place cleared in the form', () => {
    const visit = makeWorkerVisit({ place: 'Kontoret' })
    const edited = withVisitFields(visit, {
      date: day('2026-11-30'),
      minutes: 20,
      mode: 'phone',
      stage: null,
    })
    expect(edited).toEqual({
      ...visit,
      place: undefined,
      date: '2026-11-30',
      minutes: 20,
      mode: 'phone',
      stage: null,
    })
    expect('place' in edited).toBe(false)
  })

  it('keeps its limits in step with the schema', () => {
    expect(VISIT_MINUTES_MAX).toBe(MAX_VISIT_MINUTES)
    const dates = ['2026-08-01', '2026-09-01', '2026-12-01', '2027-03-01'].map(day)
    expect(dates.map((date) => stageOnDate(copy, date))).toEqual([...courseStages])
  })
})

describe('phaseChartLayout', () => {
  const phases = phaseTimes(
    timeByStage([
      { minutes: 400, stage: 'phase1' },
      { minutes: 100, stage: 'phase2' },
    ]),
    { reached: 2, running: 2 },
  )
  it('draws used and guide side by side, to one scale, phase 1 first', () => {
    const layout = phaseChartLayout(phases, 'ltr', 300, 120, 20)
    const used1 = layout.bars.find((b) => b.phase === 1 && b.series === 'used')
    const guide2 = layout.bars.find((b) => b.phase === 2 && b.series === 'guide')
    const used3 = layout.bars.find((b) => b.phase === 3 && b.series === 'used')
    expect(layout.bars).toHaveLength(5)
    expect(used1).toMatchObject({ height: 100, y: 20 })
    expect(guide2).toMatchObject({ minutes: 200, height: 50, y: 70 })
    expect(used3).toMatchObject({ minutes: 0, height: 0, y: 120 })
    expect(layout.groups.map((g) => g.x)).toEqual([50, 150, 250])
  })
  it('mirrors right-to-left', () => {
    const ltr = phaseChartLayout(phases, 'ltr', 300, 120)
    const rtl = phaseChartLayout(phases, 'rtl', 300, 120)
    expect(rtl.groups.map((g) => g.x)).toEqual([250, 150, 50])
    ltr.bars.forEach((bar, index) => {
      expect(rtl.bars[index]?.x).toBeCloseTo(300 - bar.x - bar.width)
    })
  })
  it('draws nothing tall when nothing is logged', () => {
    const empty = phaseChartLayout(
      phaseTimes(timeByStage([]), { reached: 0, running: null }),
      'ltr',
      300,
      120,
    )
    expect(empty.bars.every((bar) => bar.height === 0)).toBe(true)
  })
})
