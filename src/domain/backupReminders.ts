/**
 * When to remind the citizen to make a backup (DESIGN.md: "losing the plan is also a harm").
 * The plan lives on one phone only; a lost phone, a reset, or a browser that clears the app's
 * data (Safari does after some days unused) takes it with it. So the app reminds:
 * - until the first backup exists;
 * - in the last two weeks of the course, unless a backup was made in that window (the worker's
 *   access ends and the plan must go on without them);
 * - at each phase change (and when the course has ended), unless a backup was made since;
 * - a month after the last backup.
 * None of them on the first days of use (`inReminderGrace`): a warning about losing a plan she
 * has only just begun must not be the first thing Home says (issue #10, item 12).
 */
import { addDays, addMonths, civilDateInZone, daysBetween, type CivilDate } from './civilDate'
import { parseHlc } from './clock'
import type { Plan, RecordKind } from '@/schemas'
import type { CourseStatus, Stage } from './phases'

/** Days before the course's last day (counting it) in which the "before the end" reminder shows. */
export const BEFORE_END_DAYS = 14

/** Days from the day the plan was made before a backup is asked for (unless entries come first). */
export const GRACE_DAYS = 7

/** Entries (focus areas, goals, steps, activities, notes …) that end the grace early. */
export const GRACE_ENTRIES = 10

/** What the grace period looks at: how long the plan has been in use and how much it holds. */
export interface ReminderGrace {
  /** The local date the plan was made on this device (or in the backup it came from). */
  readonly planMadeOn: CivilDate
  /** Live records the citizen has written beside the plan itself. */
  readonly entries: number
}

/**
 * The grace period's input: the day the plan record was made, on the calendar of `timeZone`
 * (its creation stamp's wall time), and how many live records she wrote beside the plan itself.
 */
export function reminderGraceOf(
  plan: Pick<Plan, 'createdAt'>,
  liveRecords: readonly { readonly kind: RecordKind }[],
  timeZone: string,
): ReminderGrace {
  return {
    planMadeOn: civilDateInZone(new Date(parseHlc(plan.createdAt).wallMs), timeZone),
    entries: liveRecords.filter((record) => record.kind !== 'plan').length,
  }
}

/**
 * Whether reminders still wait: until a week after the plan was made or until ten entries,
 * whichever comes first. A plan made "in the future" (the clock was turned back) is in grace.
 */
export function inReminderGrace({ planMadeOn, entries }: ReminderGrace, today: CivilDate): boolean {
  if (entries >= GRACE_ENTRIES) return false
  return daysBetween(planMadeOn, today) < GRACE_DAYS
}

/** Why a backup is due; the order is the order of importance. */
export type BackupReminderReason = 'beforeEnd' | 'never' | 'phaseChange' | 'monthly'

export interface BackupReminder {
  readonly reason: BackupReminderReason
  /** For 'phaseChange': the stage that began (phase 1–3, or 'ended'). */
  readonly stage?: Stage
  /** For 'beforeEnd': the course's last day. */
  readonly courseEnd?: CivilDate
}

export interface BackupReminderInput {
  /** The local date of the last backup that was made and checked; null if none was ever made. */
  readonly lastBackup: CivilDate | null
  readonly today: CivilDate
  /** Where the course stands today; null without a plan, without day 1, or with broken dates. */
  readonly course: CourseStatus | null
  /** The plan's age and size, for the grace period; without it there is no grace (no plan yet). */
  readonly grace?: ReminderGrace
}

/** The day the course's current stage began, for the stages that count as a phase change. */
function stageStart(course: CourseStatus): CivilDate | null {
  switch (course.stage) {
    case 'phase1':
      return course.phases[0].start
    case 'phase2':
      return course.phases[1].start
    case 'phase3':
      return course.phases[2].start
    case 'ended':
      return addDays(course.courseEnd, 1)
    default:
      return null
  }
}

/** The backup reminder due today, or null when the last backup is recent enough. */
export function backupReminder({
  lastBackup,
  today,
  course,
  grace,
}: BackupReminderInput): BackupReminder | null {
  // Once a backup exists the grace has nothing left to protect: the plan is no longer new.
  if (lastBackup === null && grace !== undefined && inReminderGrace(grace, today)) return null
  const before = (date: CivilDate): boolean => lastBackup === null || lastBackup < date

  const daysLeft = course === null ? null : course.daysLeftInCourse
  if (course !== null && daysLeft !== null && daysLeft <= BEFORE_END_DAYS) {
    const windowStart = addDays(course.courseEnd, 1 - BEFORE_END_DAYS)
    if (before(windowStart)) return { reason: 'beforeEnd', courseEnd: course.courseEnd }
  }
  if (lastBackup === null) return { reason: 'never' }
  const started = course === null ? null : stageStart(course)
  if (course !== null && started !== null && started <= today && before(started)) {
    return { reason: 'phaseChange', stage: course.stage }
  }
  if (addMonths(lastBackup, 1) <= today) return { reason: 'monthly' }
  return null
}
