/**
 * "Add to calendar": one activity as an RFC 5545 iCalendar file, and a small strict parser
 * that tests (unit and end-to-end) use to check such files.
 *
 * Choices, and why:
 * - Times are floating local time (`DTSTART:20261124T140000`, no TZID, no Z). The activity's
 *   time is the citizen's wall-clock time, not tied to a zone, and a floating time is exactly
 *   that: the calendar shows 14:00 wherever the phone is.
 * - A timed activity without a duration gets one hour. RFC 5545 would make it zero-length,
 *   which calendars show as a sliver that is easy to miss.
 * - All-day activities are `VALUE=DATE` with DTEND the next day (DTEND is exclusive).
 * - Monthly repeats follow `recurrence.ts`: on the 29th–31st the date clamps to the end of a
 *   shorter month and returns to the anchor day after. A plain `FREQ=MONTHLY;BYMONTHDAY=30`
 *   skips the months without that day (RFC 5545, 3.3.10: invalid dates are ignored). The 31st
 *   is `BYMONTHDAY=-1`, the last day of every month, the simplest and most widely implemented
 *   form. The 29th and 30th have no such form: the compact `BYMONTHDAY=28,29,30;BYSETPOS=-1` is
 *   shown as two or three events a month by calendars built on ical.js, which ignores BYSETPOS.
 *   So they are written in the one form every calendar reads alike: the rule for the day itself,
 *   ending on `repeatUntil` (the course's end), and one `RDATE` for each short month's last day
 *   up to then — the very days `occurrencesBetween` gives, so the calendar and the app cannot
 *   disagree. A list needs an end; the other repeats need no list and, like the activity in the
 *   app, have none.
 * - The SUMMARY is whatever the caller passes: the app defaults to a neutral title, because
 *   a calendar is often synced, shared or shown on a lock screen. For the same reason the event
 *   is `CLASS:PRIVATE` (a shared calendar that honours it shows others only "busy").
 * - A reminder is the citizen's choice (none until she picks one). It is a `VALARM` with
 *   `ACTION:DISPLAY` whose DESCRIPTION is the SUMMARY again: the notification on a lock screen
 *   says no more than the event itself, and never names the app. Its TRIGGER is relative to
 *   the start, so it comes before every repeat, not only the first (an absolute trigger would
 *   have to be UTC, and the event's floating time has no zone). "The evening before" is 18:00
 *   the day before, written as the time before the start (`-PT20H` for 14:00, `-P1DT1H` for
 *   19:00); an hours-only trigger on the night the clocks change comes an hour early or late —
 *   RFC 5545 has no way to say
 *   "the day before at 18:00" that works for a repeating floating event.
 */
import { addDays, addMonths, type CivilDate } from './civilDate'
import { occurrencesBetween, type Repeat } from './recurrence'

import { calendarReminders, type CalendarReminder } from './calendarReminder'

export { calendarReminders, type CalendarReminder }

/** The reminders that fit an event, in the order they are offered. */
export function calendarRemindersFor(timed: boolean): readonly CalendarReminder[] {
  return timed ? calendarReminders : calendarReminders.filter((reminder) => reminder !== 'hourBefore')
}

/**
 * The reminder to offer first: the citizen's last choice where it fits this event; an hour
 * before, which an all-day event cannot have, becomes the evening before (she wanted one).
 */
export function fittingReminder(last: CalendarReminder, timed: boolean): CalendarReminder {
  return calendarRemindersFor(timed).includes(last) ? last : 'eveningBefore'
}

/** What goes into the calendar file. */
export interface IcsActivityInput {
  /** Stable id of the event, so importing it again updates rather than duplicates (use the activity id). */
  readonly uid: string
  readonly title: string
  readonly date: CivilDate
  /** Local time `HH:MM`; without it the event is all-day. */
  readonly time?: string | undefined
  /** Length of a timed event in minutes, 1–1440; default 60. Ignored for all-day events. */
  readonly durationMinutes?: number | undefined
  readonly repeat: Repeat
  /**
   * The last day a monthly repeat on the 29th or 30th may fall on (the course's end); see the
   * module comment. Without it, or when it is before `date`, twelve months after `date`.
   * Other repeats ignore it.
   */
  readonly repeatUntil?: CivilDate | undefined
  /** The reminder; none when left out. */
  readonly reminder?: CalendarReminder | undefined
  readonly location?: string | undefined
  readonly description?: string | undefined
  /** The moment the file is made, for DTSTAMP. Passed in so the function stays pure. */
  readonly now: Date
  /** Names the product in PRODID: `-//Trin//Trin//DA`. Letters, digits, space, `.` and `-`. */
  readonly productName: string
}

/** What a neutral event needs beside the meeting: its id, the neutral title, the clock and the product. */
export interface NeutralEventOptions {
  readonly uid: string
  /** The neutral title in her language ("Aftale", "Appointment"). */
  readonly neutralTitle: string
  readonly now: Date
  readonly productName: string
}

/**
 * A meeting as a neutral calendar event: only the neutral title, no place, no names, no agenda
 * (a calendar is often synced or seen on a lock screen); `minutes` long when it has a time, all
 * day otherwise; no repeat, no reminder.
 */
export function neutralMeetingEvent(
  meeting: { readonly date: CivilDate; readonly time?: string | undefined },
  minutes: number,
  options: NeutralEventOptions,
): IcsActivityInput {
  return {
    uid: options.uid,
    title: options.neutralTitle,
    date: meeting.date,
    time: meeting.time,
    durationMinutes: meeting.time === undefined ? undefined : minutes,
    repeat: 'none',
    now: options.now,
    productName: options.productName,
  }
}

const CRLF = '\r\n'
/** RFC 5545, 3.1: content lines should not be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75
const DEFAULT_DURATION_MINUTES = 60
const MINUTES_PER_DAY = 1440
/** The evening before is 18:00. */
const EVENING_MINUTE = 18 * 60
/** How far a monthly repeat on the 29th or 30th runs when no course end is given. */
const FALLBACK_REPEAT_MONTHS = 12
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/
const PRODUCT_NAME = /^[A-Za-z0-9][A-Za-z0-9 .-]*$/
// Control characters TEXT may not hold (RFC 5545, 3.3.11): all C0 but HTAB (LF and CR are
// turned into \n before this applies), and DEL.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F]/g

/** Octets `char` (one code point) takes in UTF-8; a lone surrogate counts as its 3-octet replacement. */
function utf8Octets(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0
  if (codePoint < 0x80) return 1
  if (codePoint < 0x800) return 2
  return codePoint < 0x10000 ? 3 : 4
}

/** UTF-8 length of a string in octets. */
export function utf8Length(text: string): number {
  let octets = 0
  for (const char of text) octets += utf8Octets(char)
  return octets
}

/**
 * Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma get a backslash,
 * every line break (CRLF, LF or CR) becomes `\n`, and other control characters, which TEXT
 * cannot hold, are dropped.
 */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(FORBIDDEN_CONTROLS, '')
}

/**
 * Folds one content line (RFC 5545, 3.1): no physical line longer than 75 octets, each
 * continuation starting with one space. Splits only between code points, never inside a
 * multi-byte UTF-8 character.
 */
export function foldIcsLine(line: string): string {
  const lines: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = utf8Octets(char)
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  lines.push(current)
  return lines.join(CRLF)
}

function pad2(value: number): string {
  return String(value).padStart(2, '0')
}

/** `YYYYMMDD` for a civil date. */
function icsDate(date: CivilDate): string {
  return date.replaceAll('-', '')
}

/** `YYYYMMDDTHHMM00`, a floating local date-time, for a minute of a civil date. */
function icsDateTime(date: CivilDate, minute: number): string {
  return `${icsDate(date)}T${pad2(Math.floor(minute / 60))}${pad2(minute % 60)}00`
}

/** `YYYYMMDDTHHMMSSZ` for an instant, in UTC. */
function icsUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('now is not a valid Date')
  const date = `${String(instant.getUTCFullYear()).padStart(4, '0')}${pad2(instant.getUTCMonth() + 1)}${pad2(instant.getUTCDate())}`
  return `${date}T${pad2(instant.getUTCHours())}${pad2(instant.getUTCMinutes())}${pad2(instant.getUTCSeconds())}Z`
}

/** The day of the month a date falls on. */
function dayOfMonth(date: CivilDate): number {
  return Number(date.slice(8, 10))
}

/** The RRULE value for a repeat, or null for a one-off. `until` is the UNTIL value, already formatted. */
function rrule(repeat: Repeat, date: CivilDate, until: string): string | null {
  switch (repeat) {
    case 'none':
      return null
    case 'daily':
      return 'FREQ=DAILY'
    case 'weekly':
      // The weekday comes from DTSTART.
      return 'FREQ=WEEKLY'
    case 'monthly': {
      const day = dayOfMonth(date)
      if (day === 31) return 'FREQ=MONTHLY;BYMONTHDAY=-1'
      return hasShortMonthDays(date) ? `FREQ=MONTHLY;BYMONTHDAY=${day};UNTIL=${until}` : 'FREQ=MONTHLY'
    }
  }
}

/** A monthly repeat from `date` needs RDATEs for short months: anchored on the 29th or 30th. */
function hasShortMonthDays(date: CivilDate): boolean {
  const day = dayOfMonth(date)
  return day === 29 || day === 30
}

/**
 * The last day the calendar file repeats the event on, where it must have one (a monthly
 * repeat on the 29th or 30th, see the module comment); null where it repeats without end or
 * does not repeat. For the screen to say so: the app itself repeats without end.
 */
export function calendarRepeatEnd(
  input: Pick<IcsActivityInput, 'date' | 'repeat' | 'repeatUntil'>,
): CivilDate | null {
  return input.repeat === 'monthly' && hasShortMonthDays(input.date)
    ? monthlyRepeatEnd(input.date, input.repeatUntil)
    : null
}

/** The end of a monthly repeat on the 29th or 30th: `repeatUntil`, or twelve months on. */
function monthlyRepeatEnd(date: CivilDate, repeatUntil: CivilDate | undefined): CivilDate {
  return repeatUntil !== undefined && repeatUntil >= date
    ? repeatUntil
    : addMonths(date, FALLBACK_REPEAT_MONTHS)
}

/**
 * The days a monthly repeat on the 29th or 30th falls on a short month's last day, from the day
 * after `date` to `end`: the app's own occurrences (`recurrence.ts`) that are not on the day.
 */
function shortMonthDays(date: CivilDate, end: CivilDate): CivilDate[] {
  const months = (Number(end.slice(0, 4)) - Number(date.slice(0, 4))) * 12 + 13
  return occurrencesBetween({ date, repeat: 'monthly' }, addDays(date, 1), end, months).filter(
    (day) => dayOfMonth(day) !== dayOfMonth(date),
  )
}

/** A duration in whole minutes as RFC 5545 writes it (`P1DT2H30M`, `PT6H`), without a sign. */
function icsDuration(minutes: number): string {
  const days = Math.floor(minutes / MINUTES_PER_DAY)
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / 60)
  const rest = minutes % 60
  const time = `${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`
  return `P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`
}

/** Minutes before the start at which `reminder` comes, for an event starting at `startMinute`. */
function reminderLead(reminder: Exclude<CalendarReminder, 'none'>, startMinute: number): number {
  return reminder === 'hourBefore' ? 60 : startMinute + MINUTES_PER_DAY - EVENING_MINUTE
}

/** The VALARM lines for a reminder; none for 'none'. The text is the event's own SUMMARY. */
function alarmLines(reminder: CalendarReminder, startMinute: number, title: string): string[] {
  if (reminder === 'none') return []
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:-${icsDuration(reminderLead(reminder, startMinute))}`,
    `DESCRIPTION:${escapeIcsText(title)}`,
    'END:VALARM',
  ]
}

/**
 * One activity as an iCalendar file (a VCALENDAR with one VEVENT), CRLF line endings, lines
 * folded at 75 octets. See the module comment for the choices it makes.
 * @throws {RangeError} for an empty or multi-line `uid`, a malformed `time`, a duration that is
 *   not a whole number of minutes from 1 to 1440, a reminder an all-day event cannot have
 *   (`calendarRemindersFor`), an invalid `now`, or an unusable `productName`.
 * @example
 * activityToIcs({ uid: 'a1', title: 'Aftale', date: d('2026-11-24'), time: '14:00', repeat: 'none', now, productName: 'Trin' })
 * // BEGIN:VCALENDAR␍␊VERSION:2.0␍␊PRODID:-//Trin//Trin//DA␍␊BEGIN:VEVENT␍␊UID:a1␍␊…DTSTART:20261124T140000␍␊…
 */
export function activityToIcs(input: IcsActivityInput): string {
  if (input.uid.trim() === '' || /[\r\n]/.test(input.uid))
    throw new RangeError('uid must be a non-empty single line')
  if (!PRODUCT_NAME.test(input.productName))
    throw new RangeError(`Unusable productName: ${JSON.stringify(input.productName)}`)

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${input.productName}//${input.productName}//DA`,
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(input.uid)}`,
    `DTSTAMP:${icsUtc(input.now)}`,
  ]

  // Minute of the day the event starts; null for all-day.
  let startMinute: number | null = null
  if (input.time === undefined) {
    lines.push(
      `DTSTART;VALUE=DATE:${icsDate(input.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(input.date, 1))}`,
    )
  } else {
    const match = TIME_OF_DAY.exec(input.time)
    if (match === null) throw new RangeError(`time must be HH:MM, got ${JSON.stringify(input.time)}`)
    const duration = input.durationMinutes ?? DEFAULT_DURATION_MINUTES
    if (!Number.isInteger(duration) || duration < 1 || duration > MINUTES_PER_DAY) {
      throw new RangeError(
        `durationMinutes must be a whole number from 1 to ${MINUTES_PER_DAY}, got ${duration}`,
      )
    }
    startMinute = Number(match[1]) * 60 + Number(match[2])
    const end = startMinute + duration
    const endDate = addDays(input.date, Math.floor(end / MINUTES_PER_DAY))
    lines.push(
      `DTSTART:${icsDateTime(input.date, startMinute)}`,
      `DTEND:${icsDateTime(endDate, end % MINUTES_PER_DAY)}`,
    )
  }
  const reminder = input.reminder ?? 'none'
  if (!calendarRemindersFor(startMinute !== null).includes(reminder))
    throw new RangeError(`An all-day event cannot have the reminder ${reminder}`)

  // Values of UNTIL and RDATE take DTSTART's type: a DATE, or a floating DATE-TIME.
  const sameType = (date: CivilDate, minute: number): string =>
    startMinute === null ? icsDate(date) : icsDateTime(date, minute)
  const repeatEnd = monthlyRepeatEnd(input.date, input.repeatUntil)
  const rule = rrule(input.repeat, input.date, sameType(repeatEnd, MINUTES_PER_DAY - 1))
  if (rule !== null) lines.push(`RRULE:${rule}`)
  if (input.repeat === 'monthly' && hasShortMonthDays(input.date)) {
    // One line per date: every calendar reads that; not all read a list in one RDATE.
    const rdate = startMinute === null ? 'RDATE;VALUE=DATE' : 'RDATE'
    for (const day of shortMonthDays(input.date, repeatEnd))
      lines.push(`${rdate}:${sameType(day, startMinute ?? 0)}`)
  }
  lines.push(`SUMMARY:${escapeIcsText(input.title)}`)
  if (input.location !== undefined) lines.push(`LOCATION:${escapeIcsText(input.location)}`)
  if (input.description !== undefined) lines.push(`DESCRIPTION:${escapeIcsText(input.description)}`)
  lines.push(
    'CLASS:PRIVATE',
    ...alarmLines(reminder, startMinute ?? 0, input.title),
    'END:VEVENT',
    'END:VCALENDAR',
  )

  return lines.map(foldIcsLine).join(CRLF) + CRLF
}

// ---------------------------------------------------------------------------------------------
// The strict parser

/** A file `parseIcs` refuses; `line` is the 1-based physical line at fault, when there is one. */
export class IcsError extends Error {
  override readonly name = 'IcsError'

  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `${message} (line ${line})`)
  }
}

/**
 * One property as written: name and parameter names upper-cased, parameter values without
 * their quotes (several values joined by commas), the value still escaped.
 */
export interface IcsProperty {
  readonly name: string
  readonly params: Readonly<Record<string, string>>
  readonly value: string
}

/** What `parseIcs` returns. */
export interface ParsedIcs {
  /** The VCALENDAR's own properties (VERSION, PRODID, …). */
  readonly calendar: readonly IcsProperty[]
  /** Each VEVENT's own properties, in file order (properties of nested components left out). */
  readonly events: readonly (readonly IcsProperty[])[]
  /** Each VEVENT's VALARMs (each alarm's properties), by the event's index in `events`. */
  readonly alarms: readonly (readonly (readonly IcsProperty[])[])[]
}

/** The first property called `name` (case-insensitive), if any. */
export function findProperty(properties: readonly IcsProperty[], name: string): IcsProperty | undefined {
  const wanted = name.toUpperCase()
  return properties.find((property) => property.name === wanted)
}

/**
 * Undoes TEXT escaping: `\\` `\;` `\,` `\n` `\N`.
 * @throws {IcsError} on any other backslash sequence, or a bare `;` or `,` (which TEXT forbids).
 */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\(.?)|[;,]/gs, (match, escaped: string | undefined) => {
    switch (escaped) {
      case '\\':
      case ';':
      case ',':
        return escaped
      case 'n':
      case 'N':
        return '\n'
      case undefined:
        throw new IcsError(`Unescaped ${JSON.stringify(match)} in a TEXT value`)
      default:
        throw new IcsError(`Invalid escape ${JSON.stringify(match)} in a TEXT value`)
    }
  })
}

const NAME = /^[A-Za-z0-9-]+/
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_TAB = /[\u0000-\u0008\u000A-\u001F\u007F]/
// paramtext / quoted-string (RFC 5545, 3.1), control characters excluded separately.
const PARAM_VALUE = /^(?:"[^"]*"|[^";:,]*)/
/** TEXT properties of VCALENDAR and VEVENT that `parseIcs` checks the escaping of. */
const TEXT_PROPERTIES = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT', 'UID'])

interface ContentLine extends IcsProperty {
  readonly line: number
}

function parseContentLine(text: string, line: number): ContentLine {
  if (CONTROL_BUT_TAB.test(text)) throw new IcsError('Control character in a content line', line)
  const name = NAME.exec(text)?.[0]
  if (name === undefined) throw new IcsError('A content line must start with a property name', line)
  const params: Record<string, string> = {}
  let rest = text.slice(name.length)
  while (rest.startsWith(';')) {
    const paramName = NAME.exec(rest.slice(1))?.[0]
    if (paramName === undefined || rest[1 + paramName.length] !== '=')
      throw new IcsError('Malformed parameter', line)
    rest = rest.slice(paramName.length + 2)
    const values: string[] = []
    for (;;) {
      const value = PARAM_VALUE.exec(rest)?.[0] ?? ''
      values.push(value.startsWith('"') ? value.slice(1, -1) : value)
      rest = rest.slice(value.length)
      if (!rest.startsWith(',')) break
      rest = rest.slice(1)
    }
    // Upper-cased names cannot collide with Object.prototype's (all lower or camel case).
    const key = paramName.toUpperCase()
    if (Object.hasOwn(params, key)) throw new IcsError(`Parameter ${key} given twice`, line)
    params[key] = values.join(',')
  }
  if (!rest.startsWith(':')) throw new IcsError('Expected ":" after the property name and parameters', line)
  return { name: name.toUpperCase(), params, value: rest.slice(1), line }
}

/** Splits into physical lines, checking CRLF endings and line lengths; returns unfolded content lines. */
function unfold(text: string): ContentLine[] {
  if (!text.endsWith(CRLF)) throw new IcsError('The file must end with CRLF')
  const physical = text.slice(0, -CRLF.length).split(CRLF)
  const logical: { text: string; line: number }[] = []
  for (const [index, raw] of physical.entries()) {
    const line = index + 1
    if (/[\r\n]/.test(raw)) throw new IcsError('Bare CR or LF: lines must end with CRLF', line)
    if (raw === '') throw new IcsError('Empty line', line)
    if (utf8Length(raw) > MAX_LINE_OCTETS)
      throw new IcsError(`Line longer than ${MAX_LINE_OCTETS} octets`, line)
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      const previous = logical.at(-1)
      if (previous === undefined) throw new IcsError('The first line cannot be a continuation', line)
      previous.text += raw.slice(1)
    } else {
      logical.push({ text: raw, line })
    }
  }
  return logical.map(({ text: content, line }) => parseContentLine(content, line))
}

function exactlyOnce(
  properties: readonly ContentLine[],
  name: string,
  component: string,
  line: number,
): ContentLine {
  const found = properties.filter((property) => property.name === name)
  const [first] = found
  if (first === undefined || found.length > 1) {
    throw new IcsError(`${component} must have exactly one ${name}, found ${found.length}`, line)
  }
  return first
}

const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/
const DATE_TIME = /^\d{8}T\d{6}Z?$/
const DATE = /^\d{8}$/

function checkCalendar(properties: readonly ContentLine[], componentCount: number, line: number): void {
  const version = exactlyOnce(properties, 'VERSION', 'VCALENDAR', line)
  if (version.value !== '2.0') throw new IcsError(`VERSION must be 2.0, got ${version.value}`, version.line)
  exactlyOnce(properties, 'PRODID', 'VCALENDAR', line)
  if (componentCount === 0) throw new IcsError('VCALENDAR must hold at least one component', line)
}

function checkEvent(properties: readonly ContentLine[], line: number): void {
  exactlyOnce(properties, 'UID', 'VEVENT', line)
  const stamp = exactlyOnce(properties, 'DTSTAMP', 'VEVENT', line)
  if (!UTC_DATE_TIME.test(stamp.value))
    throw new IcsError('DTSTAMP must be a UTC date-time (YYYYMMDDTHHMMSSZ)', stamp.line)
  const start = exactlyOnce(properties, 'DTSTART', 'VEVENT', line)
  const ends = properties.filter((property) => property.name === 'DTEND')
  if (ends.length > 1) throw new IcsError('VEVENT may have one DTEND at most', line)
  if (ends.length > 0 && properties.some((property) => property.name === 'DURATION')) {
    throw new IcsError('A VEVENT may have DTEND or DURATION, not both', line)
  }
  for (const property of [start, ...ends]) {
    const isDate = property.params['VALUE'] === 'DATE'
    if (!(isDate ? DATE : DATE_TIME).test(property.value)) {
      throw new IcsError(
        `${property.name} must be a ${isDate ? 'DATE (YYYYMMDD)' : 'DATE-TIME (YYYYMMDDTHHMMSS[Z])'}`,
        property.line,
      )
    }
  }
}

/** RFC 5545, 3.8.6.3: a TRIGGER is a signed duration, or (with VALUE=DATE-TIME) a UTC time. */
const DURATION = /^[+-]?P(?:\d+W|(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)$/

function checkAlarm(properties: readonly ContentLine[], line: number): void {
  const action = exactlyOnce(properties, 'ACTION', 'VALARM', line)
  const trigger = exactlyOnce(properties, 'TRIGGER', 'VALARM', line)
  const absolute = trigger.params['VALUE'] === 'DATE-TIME'
  const validTrigger = absolute
    ? UTC_DATE_TIME.test(trigger.value)
    : DURATION.test(trigger.value) && !/^[+-]?PT?$/.test(trigger.value)
  if (!validTrigger) throw new IcsError('TRIGGER must be a duration or a UTC date-time', trigger.line)
  if (action.value.toUpperCase() === 'DISPLAY') exactlyOnce(properties, 'DESCRIPTION', 'VALARM', line)
}

interface OpenComponent {
  readonly name: string
  readonly line: number
  readonly properties: ContentLine[]
  /** The VALARMs closed inside this component (only a VEVENT's are kept). */
  readonly alarms: ContentLine[][]
  componentCount: number
}

/**
 * A strict reading of an iCalendar file, for validating what `activityToIcs` makes. Checks:
 * valid UTF-8 (when given bytes), CRLF line endings only, physical lines of at most 75 octets,
 * property and parameter syntax, no control characters, BEGIN/END nesting, exactly one
 * top-level VCALENDAR with VERSION:2.0, PRODID and at least one component, every VEVENT with
 * exactly one UID, DTSTAMP (UTC) and DTSTART, every VALARM inside a VEVENT with one ACTION, one
 * TRIGGER (a duration or a UTC time) and, to display, one DESCRIPTION, and the escaping of TEXT
 * properties.
 * @throws {IcsError} on the first violation found.
 */
export function parseIcs(input: string | Uint8Array): ParsedIcs {
  let text: string
  if (typeof input === 'string') {
    text = input
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input)
    } catch {
      throw new IcsError('Not valid UTF-8 (perhaps a fold split a character)')
    }
  }

  const stack: OpenComponent[] = []
  const events: ContentLine[][] = []
  const alarms: ContentLine[][][] = []
  let calendar: ContentLine[] | null = null
  for (const contentLine of unfold(text)) {
    const top = stack.at(-1)
    if (contentLine.name === 'BEGIN') {
      if (!/^[A-Za-z0-9-]+$/.test(contentLine.value))
        throw new IcsError('Malformed component name', contentLine.line)
      const name = contentLine.value.toUpperCase()
      if (top === undefined && (name !== 'VCALENDAR' || calendar !== null)) {
        throw new IcsError('The file must hold exactly one VCALENDAR at the top', contentLine.line)
      }
      if (top !== undefined && name === 'VCALENDAR')
        throw new IcsError('VCALENDAR cannot be nested', contentLine.line)
      if (top !== undefined) top.componentCount++
      stack.push({ name, line: contentLine.line, properties: [], alarms: [], componentCount: 0 })
      continue
    }
    if (top === undefined)
      throw new IcsError('Content outside BEGIN:VCALENDAR … END:VCALENDAR', contentLine.line)
    if (contentLine.name === 'END') {
      if (contentLine.value.toUpperCase() !== top.name) {
        throw new IcsError(`END:${contentLine.value} does not close BEGIN:${top.name}`, contentLine.line)
      }
      stack.pop()
      if (top.name === 'VCALENDAR') {
        checkCalendar(top.properties, top.componentCount, top.line)
        calendar = top.properties
      } else if (top.name === 'VEVENT') {
        checkEvent(top.properties, top.line)
        events.push(top.properties)
        alarms.push(top.alarms)
      } else if (top.name === 'VALARM') {
        checkAlarm(top.properties, top.line)
        const parent = stack.at(-1)
        if (parent?.name !== 'VEVENT') throw new IcsError('A VALARM must be inside a VEVENT', top.line)
        parent.alarms.push(top.properties)
      }
      continue
    }
    if (TEXT_PROPERTIES.has(contentLine.name)) {
      try {
        unescapeIcsText(contentLine.value)
      } catch (error) {
        throw new IcsError(error instanceof Error ? error.message : String(error), contentLine.line)
      }
    }
    top.properties.push(contentLine)
  }
  const unclosed = stack.at(-1)
  if (unclosed !== undefined) throw new IcsError(`BEGIN:${unclosed.name} is never closed`, unclosed.line)
  if (calendar === null) throw new IcsError('No VCALENDAR')

  const strip = ({ name, params, value }: ContentLine): IcsProperty => ({ name, params, value })
  return {
    calendar: calendar.map(strip),
    events: events.map((properties) => properties.map(strip)),
    alarms: alarms.map((eventAlarms) => eventAlarms.map((properties) => properties.map(strip))),
  }
}
