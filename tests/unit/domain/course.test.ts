import { describe, expect, it } from 'vitest'
import { courseOn } from '@/domain/phases'
import type { Pause, Plan } from '@/schemas'
import {
  canPause,
  courseInputOf,
  courseTimeline,
  openPause,
  pauseHistory,
  planCourseOn,
  restartHistory,
  statusOf,
  timelineSpan,
} from '@/domain/course'
import { day, makePlan } from '../../factories/records'

function timelineOn(today: string, pauses: Pause[] = [], overrides: Parameters<typeof makePlan>[0] = {}) {
  const plan = makePlan({
    contactStart: day('2026-09-23'),
    transitionDate: day('2026-10-14'),
    pauses,
    ...overrides,
  })
  const input = courseInputOf(plan)
  if (input === null) throw new Error('no day 1')
  return courseTimeline(courseOn(input, day(today)), plan.pauses)
}

const pause = (start: string, end: string | null, reason: Pause['reason'] = 'hospital'): Pause => ({
  id: crypto.randomUUID(),
  start: day(start),
  end: end === null ? null : day(end),
  reason,
})

describe('courseTimeline', () => {
  it('lays out the contact period and the three phases in calendar days, with today inside', () => {
    const timeline = timelineOn('2026-11-23')
    expect(timeline.stages.map((stage) => [stage.stage, stage.start, stage.end, stage.days])).toEqual([
      ['contact', '2026-09-23', '2026-10-13', 21],
      ['phase1', '2026-10-14', '2027-01-13', 92],
      ['phase2', '2027-01-14', '2027-04-13', 90],
      ['phase3', '2027-04-14', '2027-07-13', 91],
    ])
    expect(timeline.start).toBe('2026-09-23')
    expect(timeline.end).toBe('2027-07-13')
    expect(timeline.totalDays).toBe(21 + 92 + 90 + 91)
    // 61 days after the start, drawn in the middle of its day.
    expect(timeline.today).toBeCloseTo(61.5 / 294)
  })

  it('has no today marker outside the course', () => {
    expect(timelineOn('2026-09-01').today).toBeNull()
    expect(timelineOn('2027-07-14').today).toBeNull()
    expect(timelineOn('2027-07-13').today).toBeCloseTo(293.5 / 294)
  })

  it('puts each pause inside the phase it starts in, with its reason, and stretches that phase', () => {
    const timeline = timelineOn('2026-11-23', [pause('2026-10-24', '2026-11-13', 'treatment')])
    const phase1 = timeline.stages[1]
    expect(phase1?.end).toBe('2027-02-02')
    expect(phase1?.pauses).toEqual([
      expect.objectContaining({
        reason: 'treatment',
        start: '2026-10-24',
        lastDay: '2026-11-12',
        days: 20,
        open: false,
      }),
    ])
    expect(timeline.stages[2]?.pauses).toEqual([])
    expect(timeline.end).toBe('2027-08-02')
  })

  it('draws a running pause up to today and marks the later dates provisional', () => {
    const timeline = timelineOn('2026-11-23', [pause('2026-11-10', null)])
    expect(timeline.stages[1]?.pauses).toEqual([
      expect.objectContaining({ start: '2026-11-10', lastDay: '2026-11-23', days: 14, open: true }),
    ])
    expect(timeline.stages.map((stage) => stage.provisional)).toEqual([false, true, true, true])
  })

  it('leaves out an empty contact period', () => {
    const timeline = timelineOn('2026-11-23', [], { contactStart: day('2026-10-14') })
    expect(timeline.stages.map((stage) => stage.stage)).toEqual(['phase1', 'phase2', 'phase3'])
    expect(timeline.start).toBe('2026-10-14')
  })

  it('after a restart, shows the new course only', () => {
    const timeline = timelineOn('2026-12-10', [], { restarts: [{ on: day('2026-12-01') }] })
    expect(timeline.stages.map((stage) => [stage.stage, stage.start])).toEqual([
      ['phase1', '2026-12-01'],
      ['phase2', '2027-03-01'],
      ['phase3', '2027-06-01'],
    ])
  })
})

describe('planCourseOn', () => {
  // makePlan: contact from 2026-08-01 (see factories), day 1 on 2026-08-24.
  it.each<[string, Plan | null, string, unknown]>([
    ['no plan yet', null, '2026-11-23', { ok: false, reason: 'no-plan' }],
    [
      'day 1 not known yet',
      (() => {
        const plan = makePlan()
        delete plan.transitionDate
        return plan
      })(),
      '2026-11-23',
      { ok: false, reason: 'no-day-one' },
    ],
    [
      'a pause before day 1 (from an import)',
      makePlan({ pauses: [pause('2026-08-01', '2026-08-05')] }),
      '2026-11-23',
      { ok: false, reason: 'broken-rule', code: 'pause-before-start' },
    ],
    [
      'contact after day 1',
      makePlan({ contactStart: day('2026-09-01') }),
      '2026-11-23',
      { ok: false, reason: 'broken-rule', code: 'contact-after-transition' },
    ],
    [
      'a day that is not a date',
      makePlan(),
      '2026-02-30',
      { ok: false, reason: 'broken-rule', code: 'invalid-date' },
    ],
  ])('%s', (_name, plan, on, expected) => {
    // The day is passed unchecked on purpose: the engine's guard must turn it into a value.
    expect(planCourseOn(plan, on as Parameters<typeof planCourseOn>[1])).toEqual(expected)
  })

  it.each([
    ['2026-08-10', 'contact'],
    ['2026-08-24', 'phase1'],
    ['2026-11-24', 'phase2'],
    ['2027-05-24', 'ended'],
  ])('on %s the course is in %s, as the phase engine says', (on, stage) => {
    const plan = makePlan()
    const result = planCourseOn(plan, day(on))
    const input = courseInputOf(plan)
    if (input === null) throw new Error('no day 1')
    expect(result).toEqual({ ok: true, course: courseOn(input, day(on)) })
    expect(statusOf(result)?.stage).toBe(stage)
  })

  it('has no status to show when there is no course', () => {
    expect(statusOf(planCourseOn(null, day('2026-11-23')))).toBeNull()
  })
})

describe('canPause', () => {
  const status = (plan: Plan, on: string) => statusOf(planCourseOn(plan, day(on)))

  it.each<[string, Plan, string, boolean]>([
    ['in the contact period: not yet', makePlan(), '2026-08-10', false],
    ['on day 1', makePlan(), '2026-08-24', true],
    ['in phase 3', makePlan(), '2027-04-01', true],
    ['after the end', makePlan(), '2027-06-01', false],
    ['while a pause runs', makePlan({ pauses: [pause('2026-10-01', null)] }), '2026-11-23', false],
    ['after a pause ended', makePlan({ pauses: [pause('2026-10-01', '2026-10-11')] }), '2026-11-23', true],
  ])('%s', (_name, plan, on, expected) => {
    expect(canPause(status(plan, on), plan)).toBe(expected)
  })

  it('needs a course: none without day 1', () => {
    expect(canPause(null, makePlan())).toBe(false)
  })
})

describe('openPause', () => {
  it('finds the running pause only', () => {
    const running = pause('2026-10-20', null)
    expect(openPause(makePlan({ pauses: [pause('2026-10-01', '2026-10-11'), running] }))).toBe(running)
    expect(openPause(makePlan({ pauses: [pause('2026-10-01', '2026-10-11')] }))).toBeNull()
  })
})

describe('pauseHistory and restartHistory', () => {
  it('lists pauses oldest first, with their last day and length once ended', () => {
    const later = pause('2026-11-01', null, 'prison')
    const earlier = pause('2026-09-10', '2026-09-20', 'hospital')
    expect(pauseHistory(makePlan({ pauses: [later, earlier] }))).toEqual([
      { ...earlier, lastDay: '2026-09-19', days: 10 },
      { ...later, lastDay: null, days: null },
    ])
  })

  it('lists restarts oldest first', () => {
    const restarts = [{ on: day('2027-01-10') }, { on: day('2026-12-01') }]
    expect(restartHistory({ restarts }).map((restart) => restart.on)).toEqual(['2026-12-01', '2027-01-10'])
  })
})

describe('timelineSpan', () => {
  const timeline = { start: day('2026-01-01'), totalDays: 100 }
  it.each<[string, string, number, { start: number; size: number }]>([
    ['a stage from the first day', '2026-01-01', 25, { start: 0, size: 0.25 }],
    ['a pause in the middle', '2026-02-20', 10, { start: 0.5, size: 0.1 }],
    ['the last day alone', '2026-04-10', 1, { start: 0.99, size: 0.01 }],
  ])('%s', (_name, start, days, expected) => {
    const span = timelineSpan(timeline, { start: day(start), days })
    expect(span.start).toBeCloseTo(expected.start, 10)
    expect(span.size).toBeCloseTo(expected.size, 10)
  })

  it('lays the stages of a real course end to end over the whole bar', () => {
    const laid = timelineOn('2026-11-01')
    const spans = laid.stages.map((stage) => timelineSpan(laid, stage))
    expect(spans[0]?.start).toBe(0)
    spans.slice(1).forEach((span, index) => {
      const before = spans[index]
      expect(span.start).toBeCloseTo((before?.start ?? 0) + (before?.size ?? 0), 10)
    })
    const last = spans.at(-1)
    expect((last?.start ?? 0) + (last?.size ?? 0)).toBeCloseTo(1, 10)
  })
})
