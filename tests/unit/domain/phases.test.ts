import { describe, it, expect } from 'vitest'
import {
  addDays,
  addMonths,
  civilDateInZone,
  daysBetween,
  fromEpochDay,
  parseCivilDate,
  toEpochDay,
  type CivilDate,
} from '@/domain/civilDate'
import {
  courseOn,
  CourseError,
  phaseOfStage,
  phaseSchedule,
  stageOrder,
  validateCourse,
  type CourseErrorCode,
  type CourseInput,
  type CourseStatus,
  type Stage,
} from '@/domain/phases'

const d = parseCivilDate

/** A date that skips validation, to feed the engine what a corrupt store might hold. */
function unchecked(value: string): CivilDate {
  return value as CivilDate
}

function course(
  contactStart: string,
  transitionDate: string,
  pauses: readonly (readonly [string, string | null])[] = [],
  restarts: readonly string[] = [],
): CourseInput {
  return {
    contactStart: unchecked(contactStart),
    transitionDate: unchecked(transitionDate),
    pauses: pauses.map(([start, end]) => ({
      start: unchecked(start),
      end: end === null ? null : unchecked(end),
    })),
    restarts: restarts.map(unchecked),
  }
}

/**
 * The status in a form that is easy to write by hand. Phases read `start..end`; a `?` marks a
 * date that is only "at the earliest" because a pause is open.
 */
function view(status: CourseStatus) {
  const mark = (provisional: boolean): string => (provisional ? '?' : '')
  return {
    stage: status.stage,
    paused: status.paused,
    pause:
      status.activePause === null ? null : `${status.activePause.start}..${status.activePause.end ?? 'open'}`,
    day: status.dayOfCourse,
    phases: status.phases
      .map((p) => `${p.start}${mark(p.startProvisional)}..${p.end}${mark(p.provisional)}`)
      .join(' | '),
    leftPhase: status.daysLeftInPhase,
    leftCourse: status.daysLeftInCourse,
    next:
      status.nextChange === null
        ? null
        : `${status.nextChange.stage}@${status.nextChange.on}${mark(status.nextChange.provisional)}`,
    provisional: status.provisional,
  }
}

type Expected = ReturnType<typeof view>

// Day 1 on 31 January: phase 2 on 30 April (three months from day 1), phase 3 on 31 July (six
// months from day 1, not three months from 30 April), ending after 30 October.
const JAN31 = course('2025-01-06', '2025-01-31')
const JAN31_PHASES = '2025-01-31..2025-04-29 | 2025-04-30..2025-07-30 | 2025-07-31..2025-10-30'
// Day 1 on 1 March 2025: the course spans both EU daylight-saving changes (30 March, 26 October).
const MAR1 = course('2025-02-01', '2025-03-01')
const MAR1_PHASES = '2025-03-01..2025-05-31 | 2025-06-01..2025-08-31 | 2025-09-01..2025-11-30'
const OPEN = course('2025-01-06', '2025-01-31', [
  ['2025-03-01', '2025-03-08'],
  ['2025-06-01', null],
])
const RESTARTED = course(
  '2025-01-06',
  '2025-01-31',
  [
    ['2025-03-01', '2025-03-08'],
    ['2025-07-01', '2025-07-11'],
  ],
  ['2025-06-15'],
)

// Every expected value below was counted by hand on a calendar, not computed by the engine.
const cases: readonly { name: string; input: CourseInput; on: string; expected: Expected }[] = [
  // Every stage, and the first and last day of each.
  {
    name: 'the day before the contact period',
    input: JAN31,
    on: '2025-01-05',
    expected: {
      stage: 'before',
      paused: false,
      pause: null,
      day: null,
      phases: JAN31_PHASES,
      leftPhase: null,
      leftCourse: 299,
      next: 'contact@2025-01-06',
      provisional: false,
    },
  },
  {
    name: 'first day of the contact period',
    input: JAN31,
    on: '2025-01-06',
    expected: {
      stage: 'contact',
      paused: false,
      pause: null,
      day: null,
      phases: JAN31_PHASES,
      leftPhase: 25,
      leftCourse: 298,
      next: 'phase1@2025-01-31',
      provisional: false,
    },
  },
  {
    name: 'last day of the contact period',
    input: JAN31,
    on: '2025-01-30',
    expected: {
      stage: 'contact',
      paused: false,
      pause: null,
      day: null,
      phases: JAN31_PHASES,
      leftPhase: 1,
      leftCourse: 274,
      next: 'phase1@2025-01-31',
      provisional: false,
    },
  },
  {
    name: 'day 1 (31 Jan)',
    input: JAN31,
    on: '2025-01-31',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 1,
      phases: JAN31_PHASES,
      leftPhase: 89,
      leftCourse: 273,
      next: 'phase2@2025-04-30',
      provisional: false,
    },
  },
  {
    name: 'last day of phase 1 (31 Jan + 3 months − 1 day)',
    input: JAN31,
    on: '2025-04-29',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 89,
      phases: JAN31_PHASES,
      leftPhase: 1,
      leftCourse: 185,
      next: 'phase2@2025-04-30',
      provisional: false,
    },
  },
  {
    name: 'first day of phase 2 (31 Jan + 3 months = 30 Apr)',
    input: JAN31,
    on: '2025-04-30',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 90,
      phases: JAN31_PHASES,
      leftPhase: 92,
      leftCourse: 184,
      next: 'phase3@2025-07-31',
      provisional: false,
    },
  },
  {
    name: 'last day of phase 2',
    input: JAN31,
    on: '2025-07-30',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 181,
      phases: JAN31_PHASES,
      leftPhase: 1,
      leftCourse: 93,
      next: 'phase3@2025-07-31',
      provisional: false,
    },
  },
  {
    name: 'first day of phase 3 (from day 1, not chained)',
    input: JAN31,
    on: '2025-07-31',
    expected: {
      stage: 'phase3',
      paused: false,
      pause: null,
      day: 182,
      phases: JAN31_PHASES,
      leftPhase: 92,
      leftCourse: 92,
      next: 'ended@2025-10-31',
      provisional: false,
    },
  },
  {
    name: 'last day of the course',
    input: JAN31,
    on: '2025-10-30',
    expected: {
      stage: 'phase3',
      paused: false,
      pause: null,
      day: 273,
      phases: JAN31_PHASES,
      leftPhase: 1,
      leftCourse: 1,
      next: 'ended@2025-10-31',
      provisional: false,
    },
  },
  {
    name: 'first day after the course',
    input: JAN31,
    on: '2025-10-31',
    expected: {
      stage: 'ended',
      paused: false,
      pause: null,
      day: null,
      phases: JAN31_PHASES,
      leftPhase: null,
      leftCourse: null,
      next: null,
      provisional: false,
    },
  },

  // Month ends: 30 and 31 August both give 30 November.
  {
    name: 'day 1 on 31 Aug: phase 2 on 30 Nov, phase 3 on 28 Feb',
    input: course('2025-08-01', '2025-08-31'),
    on: '2025-11-30',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 92,
      phases: '2025-08-31..2025-11-29 | 2025-11-30..2026-02-27 | 2026-02-28..2026-05-30',
      leftPhase: 90,
      leftCourse: 182,
      next: 'phase3@2026-02-28',
      provisional: false,
    },
  },
  {
    name: 'day 1 on 30 Aug: last day of phase 1 is 29 Nov',
    input: course('2025-08-01', '2025-08-30'),
    on: '2025-11-29',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 92,
      phases: '2025-08-30..2025-11-29 | 2025-11-30..2026-02-27 | 2026-02-28..2026-05-29',
      leftPhase: 1,
      leftCourse: 182,
      next: 'phase2@2025-11-30',
      provisional: false,
    },
  },
  // Late November: phase 2 on 28 or 29 February.
  {
    name: 'day 1 on 30 Nov 2024: phase 2 on 28 Feb 2025',
    input: course('2024-11-01', '2024-11-30'),
    on: '2025-02-28',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 91,
      phases: '2024-11-30..2025-02-27 | 2025-02-28..2025-05-29 | 2025-05-30..2025-08-29',
      leftPhase: 91,
      leftCourse: 183,
      next: 'phase3@2025-05-30',
      provisional: false,
    },
  },
  {
    name: 'day 1 on 30 Nov 2023: phase 2 on 29 Feb 2024 (leap year)',
    input: course('2023-11-01', '2023-11-30'),
    on: '2024-02-29',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 92,
      phases: '2023-11-30..2024-02-28 | 2024-02-29..2024-05-29 | 2024-05-30..2024-08-29',
      leftPhase: 91,
      leftCourse: 183,
      next: 'phase3@2024-05-30',
      provisional: false,
    },
  },
  {
    name: 'day 1 on 29 Nov 2024: last day of phase 1 is 27 Feb 2025',
    input: course('2024-11-01', '2024-11-29'),
    on: '2025-02-27',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 91,
      phases: '2024-11-29..2025-02-27 | 2025-02-28..2025-05-28 | 2025-05-29..2025-08-28',
      leftPhase: 1,
      leftCourse: 183,
      next: 'phase2@2025-02-28',
      provisional: false,
    },
  },
  {
    name: 'day 1 on 29 Nov 2023: last day of phase 1 is 28 Feb 2024',
    input: course('2023-11-01', '2023-11-29'),
    on: '2024-02-28',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 92,
      phases: '2023-11-29..2024-02-28 | 2024-02-29..2024-05-28 | 2024-05-29..2024-08-28',
      leftPhase: 1,
      leftCourse: 183,
      next: 'phase2@2024-02-29',
      provisional: false,
    },
  },
  // Leap day as day 1.
  {
    name: 'day 1 on 29 Feb 2024',
    input: course('2024-02-01', '2024-02-29'),
    on: '2024-02-29',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 1,
      phases: '2024-02-29..2024-05-28 | 2024-05-29..2024-08-28 | 2024-08-29..2024-11-28',
      leftPhase: 90,
      leftCourse: 274,
      next: 'phase2@2024-05-29',
      provisional: false,
    },
  },
  {
    name: 'day 1 on 29 Feb 2024: the course has 274 days',
    input: course('2024-02-01', '2024-02-29'),
    on: '2024-11-28',
    expected: {
      stage: 'phase3',
      paused: false,
      pause: null,
      day: 274,
      phases: '2024-02-29..2024-05-28 | 2024-05-29..2024-08-28 | 2024-08-29..2024-11-28',
      leftPhase: 1,
      leftCourse: 1,
      next: 'ended@2024-11-29',
      provisional: false,
    },
  },

  // Daylight-saving changes (Copenhagen) neither add nor lose a day.
  {
    name: 'the EU spring-forward day',
    input: MAR1,
    on: '2025-03-30',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 30,
      phases: MAR1_PHASES,
      leftPhase: 63,
      leftCourse: 246,
      next: 'phase2@2025-06-01',
      provisional: false,
    },
  },
  {
    name: 'the day after the EU spring-forward day',
    input: MAR1,
    on: '2025-03-31',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 31,
      phases: MAR1_PHASES,
      leftPhase: 62,
      leftCourse: 245,
      next: 'phase2@2025-06-01',
      provisional: false,
    },
  },
  {
    name: 'the EU fall-back day',
    input: MAR1,
    on: '2025-10-26',
    expected: {
      stage: 'phase3',
      paused: false,
      pause: null,
      day: 240,
      phases: MAR1_PHASES,
      leftPhase: 36,
      leftCourse: 36,
      next: 'ended@2025-12-01',
      provisional: false,
    },
  },

  // A pause inside phase 1 (10 days) moves every later date by 10 days.
  {
    name: 'inside a pause in phase 1',
    input: course('2025-01-06', '2025-01-31', [['2025-02-10', '2025-02-20']]),
    on: '2025-02-15',
    expected: {
      stage: 'phase1',
      paused: true,
      pause: '2025-02-10..2025-02-20',
      day: 10,
      phases: '2025-01-31..2025-05-09 | 2025-05-10..2025-08-09 | 2025-08-10..2025-11-09',
      leftPhase: 84,
      leftCourse: 268,
      next: 'phase2@2025-05-10',
      provisional: false,
    },
  },
  {
    name: 'the day the clock runs again',
    input: course('2025-01-06', '2025-01-31', [['2025-02-10', '2025-02-20']]),
    on: '2025-02-20',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 11,
      phases: '2025-01-31..2025-05-09 | 2025-05-10..2025-08-09 | 2025-08-10..2025-11-09',
      leftPhase: 79,
      leftCourse: 263,
      next: 'phase2@2025-05-10',
      provisional: false,
    },
  },
  // A 15-day pause across the nominal start of phase 2 (30 April).
  {
    name: 'paused on the nominal first day of phase 2: still phase 1',
    input: course('2025-01-06', '2025-01-31', [['2025-04-20', '2025-05-05']]),
    on: '2025-04-30',
    expected: {
      stage: 'phase1',
      paused: true,
      pause: '2025-04-20..2025-05-05',
      day: 79,
      phases: '2025-01-31..2025-05-14 | 2025-05-15..2025-08-14 | 2025-08-15..2025-11-14',
      leftPhase: 15,
      leftCourse: 199,
      next: 'phase2@2025-05-15',
      provisional: false,
    },
  },
  {
    name: 'phase 2 starts 15 days late, on day 90 as always',
    input: course('2025-01-06', '2025-01-31', [['2025-04-20', '2025-05-05']]),
    on: '2025-05-15',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 90,
      phases: '2025-01-31..2025-05-14 | 2025-05-15..2025-08-14 | 2025-08-15..2025-11-14',
      leftPhase: 92,
      leftCourse: 184,
      next: 'phase3@2025-08-15',
      provisional: false,
    },
  },
  // A pause starting on the first day of phase 2 pauses phase 2; phase 2 itself is not moved.
  {
    name: 'a pause starting on the first day of phase 2',
    input: course('2025-01-06', '2025-01-31', [['2025-04-30', '2025-05-10']]),
    on: '2025-04-30',
    expected: {
      stage: 'phase2',
      paused: true,
      pause: '2025-04-30..2025-05-10',
      day: 89,
      phases: '2025-01-31..2025-04-29 | 2025-04-30..2025-08-09 | 2025-08-10..2025-11-09',
      leftPhase: 102,
      leftCourse: 194,
      next: 'phase3@2025-08-10',
      provisional: false,
    },
  },
  // A pause from day 1 leaves no active day yet.
  {
    name: 'paused from day 1',
    input: course('2025-02-01', '2025-03-01', [['2025-03-01', '2025-03-04']]),
    on: '2025-03-02',
    expected: {
      stage: 'phase1',
      paused: true,
      pause: '2025-03-01..2025-03-04',
      day: 0,
      phases: '2025-03-01..2025-06-03 | 2025-06-04..2025-09-03 | 2025-09-04..2025-12-03',
      leftPhase: 94,
      leftCourse: 277,
      next: 'phase2@2025-06-04',
      provisional: false,
    },
  },
  // A pause from the last day keeps the course open.
  {
    name: 'a pause from the last day of the course',
    input: course('2025-01-06', '2025-01-31', [['2025-10-30', '2025-11-05']]),
    on: '2025-11-01',
    expected: {
      stage: 'phase3',
      paused: true,
      pause: '2025-10-30..2025-11-05',
      day: 272,
      phases: '2025-01-31..2025-04-29 | 2025-04-30..2025-07-30 | 2025-07-31..2025-11-05',
      leftPhase: 5,
      leftCourse: 5,
      next: 'ended@2025-11-06',
      provisional: false,
    },
  },
  // Three pauses, given out of order: 7 days in March, 10 days that start after the nominal
  // phase-2 date (30 Apr) but before the moved one (7 May), 2 days in phase 3.
  {
    name: 'several pauses: in the second',
    input: course('2025-01-06', '2025-01-31', [
      ['2025-09-01', '2025-09-03'],
      ['2025-03-01', '2025-03-08'],
      ['2025-05-02', '2025-05-12'],
    ]),
    on: '2025-05-10',
    expected: {
      stage: 'phase1',
      paused: true,
      pause: '2025-05-02..2025-05-12',
      day: 84,
      phases: '2025-01-31..2025-05-16 | 2025-05-17..2025-08-16 | 2025-08-17..2025-11-18',
      leftPhase: 7,
      leftCourse: 193,
      next: 'phase2@2025-05-17',
      provisional: false,
    },
  },
  {
    name: 'several pauses: in the third',
    input: course('2025-01-06', '2025-01-31', [
      ['2025-09-01', '2025-09-03'],
      ['2025-03-01', '2025-03-08'],
      ['2025-05-02', '2025-05-12'],
    ]),
    on: '2025-09-02',
    expected: {
      stage: 'phase3',
      paused: true,
      pause: '2025-09-01..2025-09-03',
      day: 196,
      phases: '2025-01-31..2025-05-16 | 2025-05-17..2025-08-16 | 2025-08-17..2025-11-18',
      leftPhase: 78,
      leftCourse: 78,
      next: 'ended@2025-11-19',
      provisional: false,
    },
  },

  // An open pause from 1 June (after a closed 7-day pause): it lasts at least until the day
  // asked about, so the dates after 1 June are at the earliest and move with that day.
  {
    name: 'an open pause, not started yet: at least one day',
    input: OPEN,
    on: '2025-05-20',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 103,
      phases: '2025-01-31..2025-05-06 | 2025-05-07..2025-08-07? | 2025-08-08?..2025-11-07?',
      leftPhase: 80,
      leftCourse: 172,
      next: 'phase3@2025-08-08?',
      provisional: true,
    },
  },
  {
    name: 'an open pause, first day',
    input: OPEN,
    on: '2025-06-01',
    expected: {
      stage: 'phase2',
      paused: true,
      pause: '2025-06-01..open',
      day: 114,
      phases: '2025-01-31..2025-05-06 | 2025-05-07..2025-08-07? | 2025-08-08?..2025-11-07?',
      leftPhase: 68,
      leftCourse: 160,
      next: 'phase3@2025-08-08?',
      provisional: true,
    },
  },
  {
    name: 'an open pause, tenth day',
    input: OPEN,
    on: '2025-06-10',
    expected: {
      stage: 'phase2',
      paused: true,
      pause: '2025-06-01..open',
      day: 114,
      phases: '2025-01-31..2025-05-06 | 2025-05-07..2025-08-16? | 2025-08-17?..2025-11-16?',
      leftPhase: 68,
      leftCourse: 160,
      next: 'phase3@2025-08-17?',
      provisional: true,
    },
  },
  {
    name: 'an open pause, twentieth day',
    input: OPEN,
    on: '2025-06-20',
    expected: {
      stage: 'phase2',
      paused: true,
      pause: '2025-06-01..open',
      day: 114,
      phases: '2025-01-31..2025-05-06 | 2025-05-07..2025-08-26? | 2025-08-27?..2025-11-26?',
      leftPhase: 68,
      leftCourse: 160,
      next: 'phase3@2025-08-27?',
      provisional: true,
    },
  },

  // Restarts: the old course with its pause counts until the restart; then day 1 is the restart.
  {
    name: 'the day before a restart: the old course',
    input: RESTARTED,
    on: '2025-06-14',
    expected: {
      stage: 'phase2',
      paused: false,
      pause: null,
      day: 128,
      phases: '2025-01-31..2025-05-06 | 2025-05-07..2025-08-06 | 2025-08-07..2025-11-06',
      leftPhase: 54,
      leftCourse: 146,
      next: 'phase3@2025-08-07',
      provisional: false,
    },
  },
  {
    name: 'the day of a restart: day 1 again, the new pause counts',
    input: RESTARTED,
    on: '2025-06-15',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 1,
      phases: '2025-06-15..2025-09-24 | 2025-09-25..2025-12-24 | 2025-12-25..2026-03-24',
      leftPhase: 102,
      leftCourse: 283,
      next: 'phase2@2025-09-25',
      provisional: false,
    },
  },
  {
    name: 'paused in the restarted course',
    input: RESTARTED,
    on: '2025-07-05',
    expected: {
      stage: 'phase1',
      paused: true,
      pause: '2025-07-01..2025-07-11',
      day: 16,
      phases: '2025-06-15..2025-09-24 | 2025-09-25..2025-12-24 | 2025-12-25..2026-03-24',
      leftPhase: 82,
      leftCourse: 263,
      next: 'phase2@2025-09-25',
      provisional: false,
    },
  },
  {
    name: 'two restarts given out of order: the latest counts, earlier pauses ignored',
    input: course(
      '2025-01-06',
      '2025-01-31',
      [
        ['2025-03-01', '2025-03-08'],
        ['2025-07-01', '2025-07-11'],
      ],
      ['2025-09-01', '2025-06-15'],
    ),
    on: '2025-09-10',
    expected: {
      stage: 'phase1',
      paused: false,
      pause: null,
      day: 10,
      phases: '2025-09-01..2025-11-30 | 2025-12-01..2026-02-28 | 2026-03-01..2026-05-31',
      leftPhase: 82,
      leftCourse: 264,
      next: 'phase2@2025-12-01',
      provisional: false,
    },
  },

  // No contact period (contact start = transition date).
  {
    name: 'no contact period: the day before day 1',
    input: course('2025-03-01', '2025-03-01'),
    on: '2025-02-28',
    expected: {
      stage: 'before',
      paused: false,
      pause: null,
      day: null,
      phases: MAR1_PHASES,
      leftPhase: null,
      leftCourse: 276,
      next: 'phase1@2025-03-01',
      provisional: false,
    },
  },
]

describe('courseOn', () => {
  it.each(cases)('$name ($on)', ({ input, on, expected }) => {
    expect(view(courseOn(input, d(on)))).toEqual(expected)
  })

  it('has at least 25 table cases and reaches every stage', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25)
    expect(new Set(cases.map((c) => c.expected.stage))).toEqual(new Set(stageOrder))
  })

  it('reports the contact period, day 1, the course end and its length', () => {
    const status = courseOn(JAN31, d('2025-03-01'))
    expect(status.contact).toEqual({ start: '2025-01-06', end: '2025-01-30', days: 25 })
    expect(status.dayOne).toBe('2025-01-31')
    expect(status.courseEnd).toBe('2025-10-30')
    expect(status.courseDays).toBe(273)
    expect(status.on).toBe('2025-03-01')
    expect(courseOn(course('2024-02-01', '2024-02-29'), d('2024-03-01')).courseDays).toBe(274)
  })

  it('gives an empty contact period when contact starts on day 1', () => {
    const status = courseOn(course('2025-03-01', '2025-03-01'), d('2025-03-01'))
    expect(status.contact).toEqual({ start: '2025-03-01', end: '2025-02-28', days: 0 })
    expect(status.stage).toBe('phase1')
  })

  it('keeps the original contact period after a restart', () => {
    const status = courseOn(RESTARTED, d('2025-06-15'))
    expect(status.dayOne).toBe('2025-06-15')
    expect(status.contact).toEqual({ start: '2025-01-06', end: '2025-01-30', days: 25 })
    expect(status.pauses).toEqual([{ start: '2025-07-01', end: '2025-07-11', open: false, days: 10 }])
  })

  it('ignores a restart after the day asked about', () => {
    expect(courseOn(RESTARTED, d('2025-06-14')).dayOne).toBe('2025-01-31')
  })

  it('accepts a restart on the transition date itself', () => {
    expect(view(courseOn(course('2025-01-06', '2025-01-31', [], ['2025-01-31']), d('2025-04-30')))).toEqual(
      view(courseOn(JAN31, d('2025-04-30'))),
    )
  })

  describe('with "today" taken from the clock at 00:30 local time on a daylight-saving day', () => {
    it.each([
      ['2025-03-29T23:30:00Z', 'Europe/Copenhagen', 'phase1', 30], // 00:30 CET, 30 March
      ['2025-03-29T23:30:00Z', 'America/New_York', 'phase1', 29], // still 29 March there
      ['2025-10-25T22:30:00Z', 'Europe/Copenhagen', 'phase3', 240], // 00:30 CEST, 26 October
      ['2025-10-25T22:30:00Z', 'America/New_York', 'phase3', 239], // still 25 October there
      ['2025-03-09T05:30:00Z', 'America/New_York', 'phase1', 9], // 00:30 EST, 9 March
      ['2025-11-02T04:30:00Z', 'America/New_York', 'phase3', 247], // 00:30 EDT, 2 November
    ])('%s in %s is %s, day %i', (instant, timeZone, stage, day) => {
      const status = courseOn(MAR1, civilDateInZone(new Date(instant), timeZone))
      expect(status.stage).toBe(stage)
      expect(status.dayOfCourse).toBe(day)
    })
  })

  it('moves the provisional dates day by day while a pause stays open', () => {
    let previous = courseOn(OPEN, d('2025-06-01'))
    for (let on = d('2025-06-02'); on <= '2025-09-30'; on = addDays(on, 1)) {
      const status = courseOn(OPEN, on)
      expect(status.paused).toBe(true)
      expect(status.stage).toBe('phase2')
      expect(status.phases[1].start).toBe('2025-05-07')
      expect(daysBetween(previous.phases[2].start, status.phases[2].start)).toBe(1)
      expect(daysBetween(previous.courseEnd, status.courseEnd)).toBe(1)
      expect(status.daysLeftInPhase).toBe(68)
      expect(status.daysLeftInCourse).toBe(160)
      expect(status.dayOfCourse).toBe(114)
      previous = status
    }
  })

  it('stops moving the dates once the open pause is ended', () => {
    const closed = course('2025-01-06', '2025-01-31', [
      ['2025-03-01', '2025-03-08'],
      ['2025-06-01', '2025-06-21'],
    ])
    const status = courseOn(closed, d('2025-09-01'))
    expect(status.provisional).toBe(false)
    expect(status.phases.map((p) => p.start)).toEqual(['2025-01-31', '2025-05-07', '2025-08-27'])
    expect(status.courseEnd).toBe('2025-11-26')
    expect(courseOn(closed, d('2026-01-01')).courseEnd).toBe('2025-11-26')
  })
})

describe('a pause spanning phase boundaries', () => {
  it.each([
    ['in phase 1', '2025-02-10', 10, 0],
    ['across the phase-2 boundary', '2025-04-20', 15, 0],
    ['from the first day of phase 2', '2025-04-30', 20, 1],
    ['across the phase-3 boundary', '2025-07-25', 30, 1],
    ['in phase 3', '2025-09-01', 5, 2],
    ['from the last day', '2025-10-30', 40, 2],
  ])('%s moves every later date by exactly the pause length', (_name, start, days, firstMoved) => {
    const pauseStart = d(start)
    const without = phaseSchedule(JAN31, d('2026-06-01'))
    const withPause = phaseSchedule(
      course('2025-01-06', '2025-01-31', [[start, addDays(pauseStart, days)]]),
      d('2026-06-01'),
    )
    without.phases.forEach((phase, index) => {
      const moved = withPause.phases[index]
      expect(moved?.start).toBe(index > firstMoved ? addDays(phase.start, days) : phase.start)
      expect(moved?.end).toBe(index >= firstMoved ? addDays(phase.end, days) : phase.end)
    })
  })
})

describe('validateCourse and the errors courseOn throws', () => {
  const invalid: readonly {
    name: string
    input: CourseInput
    code: CourseErrorCode
    pauseIndex?: number
    restartIndex?: number
  }[] = [
    {
      name: 'a transition date that does not exist',
      input: course('2025-01-06', '2025-02-29'),
      code: 'invalid-date',
    },
    { name: 'a malformed contact start', input: course('2025-13-01', '2025-01-31'), code: 'invalid-date' },
    {
      name: 'a pause end that does not exist',
      input: course('2025-01-06', '2025-01-31', [['2025-04-01', '2025-04-31']]),
      code: 'invalid-date',
      pauseIndex: 0,
    },
    {
      name: 'a restart that does not exist',
      input: course('2025-01-06', '2025-01-31', [], ['2025-06-31']),
      code: 'invalid-date',
      restartIndex: 0,
    },
    {
      name: 'contact starting after the transition',
      input: course('2025-02-01', '2025-01-31'),
      code: 'contact-after-transition',
    },
    {
      name: 'a restart before the transition',
      input: course('2025-01-06', '2025-01-31', [], ['2025-06-01', '2025-01-30']),
      code: 'restart-before-transition',
      restartIndex: 1,
    },
    {
      name: 'a pause before day 1',
      input: course('2025-01-06', '2025-01-31', [['2025-01-30', '2025-02-05']]),
      code: 'pause-before-start',
      pauseIndex: 0,
    },
    {
      name: 'an open pause in the contact period',
      input: course('2025-01-06', '2025-01-31', [['2025-01-10', null]]),
      code: 'pause-before-start',
      pauseIndex: 0,
    },
    {
      name: 'a pause ending before it starts',
      input: course('2025-01-06', '2025-01-31', [
        ['2025-03-01', '2025-03-08'],
        ['2025-03-10', '2025-03-05'],
      ]),
      code: 'pause-end-before-start',
      pauseIndex: 1,
    },
    {
      name: 'a pause ending the day it starts',
      input: course('2025-01-06', '2025-01-31', [['2025-03-10', '2025-03-10']]),
      code: 'pause-empty',
      pauseIndex: 0,
    },
    {
      name: 'overlapping pauses',
      input: course('2025-01-06', '2025-01-31', [
        ['2025-03-01', '2025-03-10'],
        ['2025-03-09', '2025-03-12'],
      ]),
      code: 'pauses-overlap',
      pauseIndex: 1,
    },
    {
      name: 'two pauses starting the same day',
      input: course('2025-01-06', '2025-01-31', [
        ['2025-03-01', '2025-03-05'],
        ['2025-03-01', '2025-03-03'],
      ]),
      code: 'pauses-overlap',
      pauseIndex: 1,
    },
    {
      name: 'a pause inside another, given first',
      input: course('2025-01-06', '2025-01-31', [
        ['2025-03-10', '2025-03-12'],
        ['2025-03-01', '2025-04-01'],
      ]),
      code: 'pauses-overlap',
      pauseIndex: 0,
    },
    {
      name: 'an open pause before a closed one',
      input: course('2025-01-06', '2025-01-31', [
        ['2025-03-01', null],
        ['2025-04-01', '2025-04-05'],
      ]),
      code: 'open-pause-not-last',
      pauseIndex: 0,
    },
    {
      name: 'two open pauses',
      input: course('2025-01-06', '2025-01-31', [
        ['2025-04-01', null],
        ['2025-03-01', null],
      ]),
      code: 'open-pause-not-last',
      pauseIndex: 1,
    },
    {
      name: 'a pause running over a restart',
      input: course('2025-01-06', '2025-01-31', [['2025-05-01', '2025-06-20']], ['2025-06-15']),
      code: 'pause-spans-restart',
      pauseIndex: 0,
      restartIndex: 0,
    },
    {
      name: 'an open pause from before a restart',
      input: course('2025-01-06', '2025-01-31', [['2025-05-01', null]], ['2025-06-15']),
      code: 'pause-spans-restart',
      pauseIndex: 0,
      restartIndex: 0,
    },
    {
      name: 'a pause from the first day after the course',
      input: course('2025-01-06', '2025-01-31', [['2025-10-31', '2025-11-05']]),
      code: 'pause-after-end',
      pauseIndex: 0,
    },
    {
      name: 'a pause after a course moved by another pause',
      input: course('2025-01-06', '2025-01-31', [
        ['2025-03-01', '2025-03-08'],
        ['2025-11-07', '2025-11-10'],
      ]),
      code: 'pause-after-end',
      pauseIndex: 1,
    },
    {
      name: 'a pause after the old course ended, before a restart',
      input: course('2025-01-06', '2025-01-31', [['2025-12-01', '2025-12-05']], ['2026-01-10']),
      code: 'pause-after-end',
      pauseIndex: 0,
    },
  ]

  it.each(invalid)('rejects $name with $code', ({ input, code, pauseIndex, restartIndex }) => {
    const error = validateCourse(input)
    expect(error).toBeInstanceOf(CourseError)
    expect(error).toMatchObject({
      code,
      name: 'CourseError',
      pauseIndex: pauseIndex ?? null,
      restartIndex: restartIndex ?? null,
    })
    expect(error?.message).toMatch(/\w/)
    expect(() => courseOn(input, d('2025-06-01'))).toThrow(expect.objectContaining({ code }))
    expect(() => courseOn(input, d('2025-06-01'))).toThrow(CourseError)
  })

  it.each([
    ['the simplest course', course('2025-01-06', '2025-01-31')],
    ['no contact period', course('2025-01-31', '2025-01-31')],
    ['a pause from day 1', course('2025-01-06', '2025-01-31', [['2025-01-31', '2025-02-05']])],
    [
      'back-to-back pauses',
      course('2025-01-06', '2025-01-31', [
        ['2025-03-01', '2025-03-05'],
        ['2025-03-05', '2025-03-09'],
      ]),
    ],
    ['a pause from the last day', course('2025-01-06', '2025-01-31', [['2025-10-30', '2025-11-30']])],
    [
      'a pause after the nominal end but inside the moved course',
      course('2025-01-06', '2025-01-31', [
        ['2025-03-01', '2025-03-08'],
        ['2025-11-06', '2025-11-10'],
      ]),
    ],
    [
      'an open pause last',
      course('2025-01-06', '2025-01-31', [
        ['2025-03-01', '2025-03-05'],
        ['2025-06-01', null],
      ]),
    ],
    [
      'a pause ending on the restart',
      course('2025-01-06', '2025-01-31', [['2025-05-01', '2025-06-15']], ['2025-06-15']),
    ],
    [
      'a pause in a course restarted after the old one ended',
      course('2025-01-06', '2025-01-31', [['2026-02-01', '2026-02-10']], ['2026-01-10']),
    ],
    ['a restart on the transition date', course('2025-01-06', '2025-01-31', [], ['2025-01-31'])],
  ])('accepts %s', (_name, input) => {
    expect(validateCourse(input)).toBeNull()
  })

  it('rejects a day asked about that is not a date', () => {
    expect(() => courseOn(JAN31, unchecked('2025-02-30'))).toThrow(
      expect.objectContaining({ code: 'invalid-date' }),
    )
  })
})

describe('stageOrder and phaseOfStage', () => {
  it('lists the stages in course order', () => {
    expect(stageOrder).toEqual(['before', 'contact', 'phase1', 'phase2', 'phase3', 'ended'])
  })

  it.each([
    ['before', null],
    ['contact', null],
    ['phase1', 1],
    ['phase2', 2],
    ['phase3', 3],
    ['ended', null],
  ] satisfies [Stage, number | null][])('%s is phase %s', (stage, phase) => {
    expect(phaseOfStage(stage)).toBe(phase)
  })
})

/** A small seeded generator, so a failing property run can be reproduced. */
function random(seed: number): (below: number) => number {
  let state = seed >>> 0
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below)
  }
}

/** A random valid course without restarts: 0–4 pauses inside the course, the last perhaps open. */
function randomCourse(next: (below: number) => number): CourseInput {
  const dayOne = fromEpochDay(toEpochDay(d('2000-01-01')) + next(365 * 40))
  const pauses: [string, string | null][] = []
  let cursor = addDays(dayOne, next(120))
  const count = next(5)
  for (let i = 0; i < count && daysBetween(dayOne, cursor) < 270; i++) {
    const end = addDays(cursor, 1 + next(45))
    pauses.push([cursor, end])
    cursor = addDays(end, next(60))
  }
  const last = pauses.at(-1)
  if (last !== undefined && next(3) === 0) last[1] = null
  return course(addDays(dayOne, -next(40)), dayOne, pauses)
}

/**
 * An independent model of the clock: walk the days one by one, count the unpaused ones, and
 * start the next phase the day after the last active day of the previous one.
 */
function simulate(input: CourseInput, on: CivilDate) {
  const dayOne = toEpochDay(input.transitionDate)
  const today = toEpochDay(on)
  const pauses = input.pauses.map((p) => {
    const start = toEpochDay(p.start)
    return { start, end: p.end === null ? Math.max(today + 1, start + 1) : toEpochDay(p.end) }
  })
  const isPaused = (day: number): boolean => pauses.some((p) => p.start <= day && day < p.end)
  const activeDaysIn = [3, 6, 9].map((months) =>
    daysBetween(input.transitionDate, addMonths(input.transitionDate, months)),
  )
  const starts: number[] = []
  let active = 0
  let dayOfCourse: number | null = null
  for (let day = dayOne; starts.length < 3; day++) {
    if (!isPaused(day)) active++
    if (day === today) dayOfCourse = active
    if (active === activeDaysIn[starts.length] && !isPaused(day)) starts.push(day + 1)
  }
  const [phase2 = 0, phase3 = 0, after = 0] = starts
  const stage: Stage =
    today < toEpochDay(input.contactStart)
      ? 'before'
      : today < dayOne
        ? 'contact'
        : today < phase2
          ? 'phase1'
          : today < phase3
            ? 'phase2'
            : today < after
              ? 'phase3'
              : 'ended'
  return {
    stage,
    paused: isPaused(today) && today >= dayOne,
    dayOfCourse: stage === 'before' || stage === 'contact' || stage === 'ended' ? null : dayOfCourse,
    starts: [dayOne, phase2, phase3].map(fromEpochDay),
    courseEnd: fromEpochDay(after - 1),
  }
}

describe('properties over random courses', () => {
  const next = random(20250131)
  const samples = Array.from({ length: 150 }, () => {
    const input = randomCourse(next)
    const days = Array.from({ length: 12 }, () => addDays(input.transitionDate, next(420) - 60))
    return { input, days }
  })

  it('all random courses are valid', () => {
    for (const { input } of samples) expect(validateCourse(input)).toBeNull()
  })

  it('phases are contiguous and cover the course exactly', () => {
    for (const { input, days } of samples) {
      for (const on of days) {
        const status = courseOn(input, on)
        const [one, two, three] = status.phases
        expect(one.start).toBe(status.dayOne)
        expect(addDays(one.end, 1)).toBe(two.start)
        expect(addDays(two.end, 1)).toBe(three.start)
        expect(three.end).toBe(status.courseEnd)
        expect(one.start < one.end && two.start < two.end && three.start < three.end).toBe(true)
        expect(daysBetween(status.contact.end, status.dayOne)).toBe(1)
      }
    }
  })

  it('agrees with a day-by-day walk of the clock', () => {
    for (const { input, days } of samples) {
      for (const on of days) {
        const status = courseOn(input, on)
        const model = simulate(input, on)
        expect(status.phases.map((p) => p.start)).toEqual(model.starts)
        expect(status.courseEnd).toBe(model.courseEnd)
        expect(status.stage).toBe(model.stage)
        expect(status.paused).toBe(model.paused)
        expect(status.dayOfCourse).toBe(model.dayOfCourse)
      }
    }
  })

  it('flags as provisional exactly the dates an open pause moves', () => {
    for (const { input, days } of samples) {
      const open = input.pauses.find((p) => p.end === null)
      for (const on of days) {
        const status = courseOn(input, on)
        for (const phase of status.phases) {
          expect(phase.provisional).toBe(open !== undefined && open.start <= phase.end)
          expect(phase.startProvisional).toBe(open !== undefined && open.start < phase.start)
        }
        expect(status.provisional).toBe(open !== undefined)
      }
    }
  })

  it('days left count down one a day and never skip a stage', () => {
    // An open pause keeps the course running for as long as one asks, so only closed ones here.
    const closedOnly = samples.filter(({ input }) => input.pauses.every((p) => p.end !== null)).slice(0, 30)
    expect(closedOnly.length).toBe(30)
    for (const { input } of closedOnly) {
      let previous = courseOn(input, addDays(input.contactStart, -1))
      expect(previous.stage).toBe('before')
      for (let on = input.contactStart; previous.stage !== 'ended'; on = addDays(on, 1)) {
        const status = courseOn(input, on)
        const step = stageOrder.indexOf(status.stage) - stageOrder.indexOf(previous.stage)
        expect(
          step === 0 ||
            step === 1 ||
            (previous.stage === 'before' && step === 2 && status.contact.days === 0),
        ).toBe(true)
        if (step !== 0) expect(previous.nextChange).toMatchObject({ stage: status.stage, on })
        if (step === 0 && status.stage !== 'ended' && status.stage !== 'before' && !status.provisional) {
          expect(status.daysLeftInPhase).toBe((previous.daysLeftInPhase ?? 0) - 1)
        }
        if (!status.provisional && previous.daysLeftInCourse !== null && previous.daysLeftInCourse > 1) {
          expect(status.daysLeftInCourse).toBe(previous.daysLeftInCourse - 1)
        }
        previous = status
      }
    }
  })
})
