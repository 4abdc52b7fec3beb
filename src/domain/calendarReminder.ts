// The calendar reminders on their own, so device settings can list them without the calendar
// file writer (and its recurrence rules) joining the first screen.
/**
 * When the calendar reminds: not at all, at 18:00 the day before, or an hour before the start.
 * "An hour before" needs a time: an all-day event starts at midnight.
 */
export const calendarReminders = ['none', 'eveningBefore', 'hourBefore'] as const

/** One of `calendarReminders`. */
export type CalendarReminder = (typeof calendarReminders)[number]
