// Due ratings across pauses: the windows follow the phase engine's dates, so a pause moves them
// as it moves the phase changes. Course: contact period from 1 January 2026, day 1 on 1 February;
// without pauses phase 1 ends 30 April, phase 2 on 31 July, phase 3 on 31 October.
import { describe, expect, it } from 'vitest'
import type { CivilDate } from '@/domain/civilDate'
import { courseOn, type CourseInput, type PauseInput } from '@/domain/phases'
import {
  WINDOW_DAYS,
  openWindow,
  ratingDue,
  ratingWindows,
  type RatingStage,
  type RatingTaken,
} from '@/domain/ratingsDue'

const d = (value: string) => value as CivilDate

function course(pauses: readonly PauseInput[] = [], extra: Partial<CourseInput> = {}): CourseInput {
  return { contactStart: d('2026-01-01'), transitionDate: d('2026-02-01'), pauses, ...extra }
}

const closedPause: PauseInput = { start: d('2026-03-01'), end: d('2026-03-11') } // 10 days in phase 1
const phase2Pause: PauseInput = { start: d('2026-06-01'), end: d('2026-07-01') } // 30 days in phase 2

describe('ratingWindows', () => {
  it.each<[string, CourseInput, string, [string, string | null][]]>([
    [
      'no pause',
      course(),
      '2026-03-01',
      [
        ['2026-01-01', '2026-04-16'],
        ['2026-04-17', '2026-07-17'],
        ['2026-07-18', '2026-10-17'],
        ['2026-10-18', null],
      ],
    ],
    [
      'a 10-day pause in phase 1 moves every later window by 10 days',
      course([closedPause]),
      '2026-03-20',
      [
        ['2026-01-01', '2026-04-26'],
        ['2026-04-27', '2026-07-27'],
        ['2026-07-28', '2026-10-27'],
        ['2026-10-28', null],
      ],
    ],
    [
      'a 30-day pause in phase 2 moves phase 2 and 3, not phase 1',
      course([phase2Pause]),
      '2026-07-15',
      [
        ['2026-01-01', '2026-04-16'],
        ['2026-04-17', '2026-08-16'],
        ['2026-08-17', '2026-11-16'],
        ['2026-11-17', null],
      ],
    ],
    [
      'both pauses add up',
      course([closedPause, phase2Pause]),
      '2026-08-01',
      [
        ['2026-01-01', '2026-04-26'],
        ['2026-04-27', '2026-08-26'],
        ['2026-08-27', '2026-11-26'],
        ['2026-11-27', null],
      ],
    ],
    [
      'no contact period: the contact rating opens on day 1',
      course([], { contactStart: d('2026-02-01') }),
      '2026-02-01',
      [
        ['2026-02-01', '2026-04-16'],
        ['2026-04-17', '2026-07-17'],
        ['2026-07-18', '2026-10-17'],
        ['2026-10-18', null],
      ],
    ],
  ])('%s', (_name, input, on, expected) => {
    const windows = ratingWindows(courseOn(input, d(on)))
    expect(windows.map((window) => window.stage)).toEqual(['contact', 'phase1', 'phase2', 'phase3'])
    expect(windows.map((window) => [window.opens, window.closes])).toEqual(expected)
  })

  it(`opens a phase's rating ${WINDOW_DAYS} days before its last day, counting that day`, () => {
    const status = courseOn(course(), d('2026-03-01'))
    const [, phase1] = ratingWindows(status)
    expect(phase1?.opens).toBe('2026-04-17')
    expect(status.phases[0].end).toBe('2026-04-30')
  })

  it('marks the windows an open pause moves as provisional, and moves them as the pause lasts', () => {
    const open = course([{ start: d('2026-04-25'), end: null }])
    const on5May = ratingWindows(courseOn(open, d('2026-05-05')))
    expect(on5May.map((window) => window.provisional)).toEqual([false, true, true, true])
    expect(on5May[1]?.opens).toBe('2026-04-28')
    expect(ratingWindows(courseOn(open, d('2026-05-15')))[1]?.opens).toBe('2026-05-08')
  })

  it('counts phase ratings from the day 1 of a restart', () => {
    const windows = ratingWindows(courseOn(course([], { restarts: [d('2026-06-01')] }), d('2026-06-10')))
    expect(windows.map((window) => window.countsFrom)).toEqual([
      '2026-01-01',
      '2026-06-01',
      '2026-06-01',
      '2026-06-01',
    ])
    expect(windows[1]?.opens).toBe('2026-08-18') // phase 1 of the new course ends 31 August
  })
})

describe('openWindow', () => {
  const windows = ratingWindows(courseOn(course(), d('2026-03-01')))
  it.each<[string, RatingStage | null]>([
    ['2025-12-31', null],
    ['2026-01-01', 'contact'],
    ['2026-04-16', 'contact'],
    ['2026-04-17', 'phase1'],
    ['2026-07-18', 'phase2'],
    ['2026-10-18', 'phase3'],
    ['2027-06-01', 'phase3'],
  ])('%s → %s', (today, stage) => {
    expect(openWindow(windows, d(today))?.stage ?? null).toBe(stage)
  })
})

describe('ratingDue', () => {
  const rating = (
    stage: RatingStage,
    date: string,
    respondent: RatingTaken['respondent'] = 'citizen',
  ): RatingTaken => ({
    stage,
    respondent,
    date: d(date),
  })

  it.each<[string, CourseInput, string, RatingTaken[], ReturnType<typeof ratingDue>]>([
    ['before the contact period', course(), '2025-12-20', [], null],
    [
      'in the contact period, nothing rated',
      course(),
      '2026-01-10',
      [],
      { stage: 'contact', since: d('2026-01-01'), workerMissing: true },
    ],
    [
      'the baseline still due in phase 1 until the phase 1 rating opens',
      course(),
      '2026-03-01',
      [rating('contact', '2026-01-10', 'worker')],
      { stage: 'contact', since: d('2026-01-01'), workerMissing: false },
    ],
    ['the baseline done', course(), '2026-03-01', [rating('contact', '2026-01-10')], null],
    [
      'the end of phase 1, baseline done',
      course(),
      '2026-04-20',
      [rating('contact', '2026-01-10'), rating('contact', '2026-01-10', 'worker')],
      { stage: 'phase1', since: d('2026-04-17'), workerMissing: true },
    ],
    [
      'where the end of phase 1 would have been without the pause: not yet',
      course([closedPause]),
      '2026-04-20',
      [rating('contact', '2026-01-10')],
      null,
    ],
    [
      'the end of phase 1 moved by the pause',
      course([closedPause]),
      '2026-04-27',
      [rating('contact', '2026-01-10')],
      { stage: 'phase1', since: d('2026-04-27'), workerMissing: true },
    ],
    [
      'nothing while paused, even inside the window',
      course([{ start: d('2026-04-20'), end: null }]),
      '2026-04-22',
      [],
      null,
    ],
    [
      'due again the day the pause ends',
      course([{ start: d('2026-04-20'), end: d('2026-04-25') }]),
      '2026-04-25',
      [rating('contact', '2026-01-10')],
      { stage: 'phase1', since: d('2026-04-22'), workerMissing: true },
    ],
    [
      'declined counts as settled (a declined rating is a rating record)',
      course(),
      '2026-07-20',
      [rating('phase2', '2026-07-19')],
      null,
    ],
    [
      'a phase 1 rating from before a restart does not count for the new course',
      course([], { restarts: [d('2026-06-01')] }),
      '2026-08-20',
      [rating('phase1', '2026-04-20')],
      { stage: 'phase1', since: d('2026-08-18'), workerMissing: true },
    ],
    [
      'the last rating stays due after the course ended',
      course(),
      '2026-12-15',
      [],
      { stage: 'phase3', since: d('2026-10-18'), workerMissing: true },
    ],
  ])('%s', (_name, input, today, ratings, expected) => {
    expect(ratingDue(courseOn(input, d(today)), ratings)).toEqual(expected)
  })
})
