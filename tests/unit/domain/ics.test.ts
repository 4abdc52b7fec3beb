import { describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import { addMonths, parseCivilDate } from '@/domain/civilDate'
import {
  activityToIcs,
  calendarRemindersFor,
  calendarRepeatEnd,
  fittingReminder,
  escapeIcsText,
  findProperty,
  foldIcsLine,
  IcsError,
  neutralMeetingEvent,
  parseIcs,
  unescapeIcsText,
  utf8Length,
  type CalendarReminder,
  type IcsActivityInput,
} from '@/domain/ics'
import { occurrencesBetween, type Repeat } from '@/domain/recurrence'

const d = parseCivilDate
const NOW = new Date('2026-11-23T10:00:00Z')
const UID = 'b7f3c2a0-5d1e-4c8a-9f00-1a2b3c4d5e6f'

function input(overrides: Partial<IcsActivityInput> = {}): IcsActivityInput {
  return {
    uid: UID,
    title: 'Aftale',
    date: d('2026-11-24'),
    time: '14:00',
    repeat: 'none',
    now: NOW,
    productName: 'Trin',
    ...overrides,
  }
}

/** Physical lines joined with CRLF and ended with CRLF, as a file is written. */
function file(lines: readonly string[]): string {
  return lines.map((line) => `${line}\r\n`).join('')
}

const TIMED_LINES = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Trin//Trin//DA',
  'BEGIN:VEVENT',
  `UID:${UID}`,
  'DTSTAMP:20261123T100000Z',
  'DTSTART:20261124T140000',
  'DTEND:20261124T150000',
  'SUMMARY:Aftale',
  'CLASS:PRIVATE',
  'END:VEVENT',
  'END:VCALENDAR',
] as const

describe('activityToIcs', () => {
  it('writes a timed one-off with an hour’s length, CRLF after every line', () => {
    expect(activityToIcs(input())).toBe(file(TIMED_LINES))
  })

  it('writes an all-day weekly activity with place and description, escaped', () => {
    const ics = activityToIcs(
      input({
        title: 'Møde med Lene, jobcentret',
        time: undefined,
        repeat: 'weekly',
        location: 'Jobcentret; 2. sal',
        description: 'Husk:\nbrev fra kommunen',
      }),
    )
    expect(ics).toBe(
      file([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Trin//Trin//DA',
        'BEGIN:VEVENT',
        `UID:${UID}`,
        'DTSTAMP:20261123T100000Z',
        'DTSTART;VALUE=DATE:20261124',
        'DTEND;VALUE=DATE:20261125',
        'RRULE:FREQ=WEEKLY',
        'SUMMARY:Møde med Lene\\, jobcentret',
        'LOCATION:Jobcentret\\; 2. sal',
        'DESCRIPTION:Husk:\\nbrev fra kommunen',
        'CLASS:PRIVATE',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    )
  })

  it.each<
    [
      name: string,
      date: string,
      time: string | undefined,
      duration: number | undefined,
      repeat: Repeat,
      expected: string[],
    ]
  >([
    [
      'timed one-off, default hour',
      '2026-11-24',
      '14:00',
      undefined,
      'none',
      ['DTSTART:20261124T140000', 'DTEND:20261124T150000'],
    ],
    [
      'daily, 25 minutes',
      '2026-11-24',
      '09:05',
      25,
      'daily',
      ['DTSTART:20261124T090500', 'DTEND:20261124T093000', 'RRULE:FREQ=DAILY'],
    ],
    [
      'weekly, past midnight',
      '2026-11-24',
      '23:30',
      90,
      'weekly',
      ['DTSTART:20261124T233000', 'DTEND:20261125T010000', 'RRULE:FREQ=WEEKLY'],
    ],
    [
      'a whole day from midnight, into the new year',
      '2026-12-31',
      '00:00',
      1440,
      'none',
      ['DTSTART:20261231T000000', 'DTEND:20270101T000000'],
    ],
    [
      'one minute to midnight on New Year’s Eve',
      '2026-12-31',
      '23:59',
      1,
      'none',
      ['DTSTART:20261231T235900', 'DTEND:20270101T000000'],
    ],
    [
      'all-day on New Year’s Eve',
      '2026-12-31',
      undefined,
      undefined,
      'none',
      ['DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101'],
    ],
    [
      'all-day before a leap day',
      '2028-02-28',
      undefined,
      undefined,
      'none',
      ['DTSTART;VALUE=DATE:20280228', 'DTEND;VALUE=DATE:20280229'],
    ],
    [
      'all-day ignores a duration',
      '2026-11-24',
      undefined,
      30,
      'none',
      ['DTSTART;VALUE=DATE:20261124', 'DTEND;VALUE=DATE:20261125'],
    ],
    [
      'monthly on the 15th',
      '2026-01-15',
      undefined,
      undefined,
      'monthly',
      ['DTSTART;VALUE=DATE:20260115', 'DTEND;VALUE=DATE:20260116', 'RRULE:FREQ=MONTHLY'],
    ],
    [
      'monthly on the 28th needs no clamping',
      '2026-02-28',
      undefined,
      undefined,
      'monthly',
      ['DTSTART;VALUE=DATE:20260228', 'DTEND;VALUE=DATE:20260301', 'RRULE:FREQ=MONTHLY'],
    ],
    [
      'monthly on the 29th clamps in February',
      '2026-01-29',
      undefined,
      undefined,
      'monthly',
      // No course end given: twelve months; only February 2026 lacks the 29th.
      [
        'DTSTART;VALUE=DATE:20260129',
        'DTEND;VALUE=DATE:20260130',
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=29;UNTIL=20270129',
        'RDATE;VALUE=DATE:20260228',
      ],
    ],
    [
      'monthly on the 30th clamps in February',
      '2026-01-30',
      undefined,
      undefined,
      'monthly',
      [
        'DTSTART;VALUE=DATE:20260130',
        'DTEND;VALUE=DATE:20260131',
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=20270130',
        'RDATE;VALUE=DATE:20260228',
      ],
    ],
    [
      'monthly on the 31st is the last day',
      '2026-01-31',
      '10:00',
      undefined,
      'monthly',
      ['DTSTART:20260131T100000', 'DTEND:20260131T110000', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=-1'],
    ],
  ])('%s', (_name, date, time, durationMinutes, repeat, expected) => {
    const lines = activityToIcs(input({ date: d(date), time, durationMinutes, repeat })).split('\r\n')
    expect(lines.filter((line) => /^(DTSTART|DTEND|RRULE|RDATE)[:;]/.test(line))).toEqual(expected)
  })

  it.each<[name: string, date: string, time: string | undefined, until: string, expected: string[]]>([
    [
      'the 30th, timed, until a course end: February 2027 on its last day',
      '2026-11-30',
      '14:00',
      '2027-08-29',
      ['RRULE:FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=20270829T235900', 'RDATE:20270228T140000'],
    ],
    [
      'the 29th, all-day, across a leap year: 2028 has a 29 February, 2029 not',
      '2027-12-29',
      undefined,
      '2029-03-01',
      ['RRULE:FREQ=MONTHLY;BYMONTHDAY=29;UNTIL=20290301', 'RDATE;VALUE=DATE:20290228'],
    ],
    [
      'the 30th, all-day, through two Februaries',
      '2027-01-30',
      undefined,
      '2028-03-30',
      [
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=20280330',
        'RDATE;VALUE=DATE:20270228',
        'RDATE;VALUE=DATE:20280229',
      ],
    ],
    [
      'a course end before the first day: twelve months',
      '2026-04-30',
      undefined,
      '2026-01-01',
      ['RRULE:FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=20270430', 'RDATE;VALUE=DATE:20270228'],
    ],
    [
      'a course end on the first day: the first day only',
      '2026-04-30',
      '09:00',
      '2026-04-30',
      ['RRULE:FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=20260430T235900'],
    ],
    ['the 31st needs no end', '2026-01-31', undefined, '2026-06-30', ['RRULE:FREQ=MONTHLY;BYMONTHDAY=-1']],
    ['the 28th needs no end', '2026-01-28', undefined, '2026-06-30', ['RRULE:FREQ=MONTHLY']],
  ])('%s', (_name, date, time, until, expected) => {
    const lines = activityToIcs(
      input({ date: d(date), time, repeat: 'monthly', repeatUntil: d(until) }),
    ).split('\r\n')
    expect(lines.filter((line) => /^(RRULE|RDATE)[:;]/.test(line))).toEqual(expected)
  })

  it.each([
    [new Date('2026-11-23T10:00:00Z'), 'DTSTAMP:20261123T100000Z'],
    [new Date('2026-11-23T00:30:05+01:00'), 'DTSTAMP:20261122T233005Z'],
    [new Date(Date.UTC(2027, 0, 1, 0, 0, 0, 999)), 'DTSTAMP:20270101T000000Z'],
  ])('DTSTAMP for %s is %s', (now, expected) => {
    expect(activityToIcs(input({ now })).split('\r\n')).toContain(expected)
  })

  it.each<[name: string, overrides: Partial<IcsActivityInput>]>([
    ['an empty uid', { uid: ' ' }],
    ['a uid with a line break', { uid: 'a\nb' }],
    ['a time without a leading zero', { time: '9:30' }],
    ['the time 24:00', { time: '24:00' }],
    ['a zero duration', { durationMinutes: 0 }],
    ['a duration over a day', { durationMinutes: 1441 }],
    ['a fractional duration', { durationMinutes: 1.5 }],
    ['an invalid now', { now: new Date('not a date') }],
    ['a product name with slashes', { productName: 'Tr//in' }],
    ['an empty product name', { productName: '' }],
    ['an hour before an all-day event', { time: undefined, reminder: 'hourBefore' }],
  ])('refuses %s', (_name, overrides) => {
    expect(() => activityToIcs(input(overrides))).toThrow(RangeError)
  })
})

describe('escapeIcsText', () => {
  it.each([
    ['a backslash', 'C:\\new', 'C:\\\\new'],
    ['semicolon and comma', 'Møde; kl. 10, hos Lene', 'Møde\\; kl. 10\\, hos Lene'],
    ['LF', 'one\ntwo', 'one\\ntwo'],
    ['CRLF', 'one\r\ntwo', 'one\\ntwo'],
    ['CR', 'one\rtwo', 'one\\ntwo'],
    ['a tab stays', 'a\tb', 'a\tb'],
    ['other control characters go', 'bell\u0007 and \u007fdel', 'bell and del'],
    ['a colon needs nothing', 'kl. 10:30', 'kl. 10:30'],
  ])('%s', (_name, text, expected) => {
    expect(escapeIcsText(text)).toBe(expected)
  })
})

describe('unescapeIcsText', () => {
  it.each([
    ['a\\\\b', 'a\\b'],
    ['x\\;y\\,z', 'x;y,z'],
    ['l1\\nl2', 'l1\nl2'],
    ['l1\\Nl2', 'l1\nl2'],
    ['C:\\\\new', 'C:\\new'],
  ])('%s', (value, expected) => {
    expect(unescapeIcsText(value)).toBe(expected)
  })

  it.each(['a,b', 'a;b', 'a\\tb', 'ab\\'])('refuses %s', (value) => {
    expect(() => unescapeIcsText(value)).toThrow(IcsError)
  })
})

describe('foldIcsLine', () => {
  // Octets: 'SUMMARY:' is 8; æ and م are 2; € is 3; 😀 is 4. A first line holds up to 75
  // octets, a continuation a space and up to 74.
  it.each([
    ['75 octets: unchanged', `SUMMARY:${'a'.repeat(67)}`, [`SUMMARY:${'a'.repeat(67)}`]],
    ['76 octets: one letter moves on', `SUMMARY:${'a'.repeat(68)}`, [`SUMMARY:${'a'.repeat(67)}`, ' a']],
    [
      '208 octets of ASCII: three lines',
      `SUMMARY:${'a'.repeat(200)}`,
      [`SUMMARY:${'a'.repeat(67)}`, ` ${'a'.repeat(74)}`, ` ${'a'.repeat(59)}`],
    ],
    [
      'Danish letters never split (74 + 15 octets)',
      `SUMMARY:${'æ'.repeat(40)}`,
      [`SUMMARY:${'æ'.repeat(33)}`, ` ${'æ'.repeat(7)}`],
    ],
    [
      'Arabic letters never split',
      `SUMMARY:${'م'.repeat(40)}`,
      [`SUMMARY:${'م'.repeat(33)}`, ` ${'م'.repeat(7)}`],
    ],
    [
      'three-octet characters',
      `SUMMARY:${'€'.repeat(30)}`,
      [`SUMMARY:${'€'.repeat(22)}`, ` ${'€'.repeat(8)}`],
    ],
    [
      'emoji (four octets, two UTF-16 units) never split',
      `SUMMARY:${'😀'.repeat(20)}`,
      [`SUMMARY:${'😀'.repeat(16)}`, ` ${'😀'.repeat(4)}`],
    ],
    [
      'an emoji that would end at 76 octets moves on',
      `SUMMARY:${'a'.repeat(64)}😀`,
      [`SUMMARY:${'a'.repeat(64)}`, ' 😀'],
    ],
  ])('%s', (_name, line, expected) => {
    expect(foldIcsLine(line).split('\r\n')).toEqual(expected)
  })

  it.each([
    ['', 0],
    ['abc', 3],
    ['æøå', 6],
    ['€', 3],
    ['😀', 4],
    ['👩‍👧', 11],
  ])('utf8Length(%j) is %s', (text, octets) => {
    expect(utf8Length(text)).toBe(octets)
  })
})

describe('round trips through parseIcs', () => {
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

  it.each([
    [
      'Danish',
      'Ring til min egen læge om søvn, medicin og æbler; husk at spørge til blodprøven på fredag, før kl. 12',
    ],
    ['Arabic', 'موعد مع الطبيب العام في المركز الصحي، لا تنسَ إحضار البطاقة الصحية والأوراق من البلدية'],
    [
      'emoji',
      '🏠 Flyt ind 🎉 husk nøgler 🔑, kontrakt 📄 og strøm ⚡️ til den nye lejlighed 👩‍👧 med børnene 🧸🧸🧸',
    ],
    [
      'backslashes and line breaks',
      'Første linje\nAnden linje med C:\\new og \\n som tekst; slut, færdig — og så en lang hale af ord',
    ],
  ])('%s', (_name, title) => {
    const ics = activityToIcs(
      input({ title, location: title, description: title, repeat: 'monthly', date: d('2026-01-31') }),
    )
    expect(ics).toContain('\r\n ')
    const physical = ics.split('\r\n')
    expect(physical.filter((line) => LONE_SURROGATE.test(line))).toEqual([])
    for (const parsed of [parseIcs(ics), parseIcs(new TextEncoder().encode(ics))]) {
      const [event] = parsed.events
      expect(parsed.events).toHaveLength(1)
      for (const name of ['SUMMARY', 'LOCATION', 'DESCRIPTION']) {
        expect(unescapeIcsText(findProperty(event ?? [], name)?.value ?? '')).toBe(title)
      }
      expect(findProperty(event ?? [], 'RRULE')?.value).toBe('FREQ=MONTHLY;BYMONTHDAY=-1')
    }
  })

  it.each<[Repeat, string | undefined]>([
    ['none', undefined],
    ['daily', 'FREQ=DAILY'],
    ['weekly', 'FREQ=WEEKLY'],
    ['monthly', 'FREQ=MONTHLY'],
  ])('repeat %s', (repeat, rrule) => {
    const [event = []] = parseIcs(activityToIcs(input({ repeat }))).events
    expect(findProperty(event, 'RRULE')?.value).toBe(rrule)
    expect(findProperty(event, 'DTSTART')?.value).toBe('20261124T140000')
  })
})

describe('parseIcs', () => {
  it('returns the calendar’s and the event’s properties', () => {
    const parsed = parseIcs(file(TIMED_LINES))
    expect(parsed.calendar).toEqual([
      { name: 'VERSION', params: {}, value: '2.0' },
      { name: 'PRODID', params: {}, value: '-//Trin//Trin//DA' },
    ])
    expect(parsed.events.map((event) => event.map((property) => property.name))).toEqual([
      ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'CLASS'],
    ])
  })

  it('reads parameters, quoted values, lower-case names, tab continuations and nested components', () => {
    const parsed = parseIcs(
      file([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Trin//Trin//DA',
        'BEGIN:VEVENT',
        'uid:x1',
        'DTSTAMP:20261123T100000Z',
        'DTSTART;VALUE=DATE:20261124',
        'LOCATION;ALTREP="cid:part1.0001@example.org";LANGUAGE=da:Hjemme',
        'SUMMARY:ab',
        '\tcd',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-PT15M',
        'DESCRIPTION:x',
        'END:VALARM',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    )
    expect(parsed.events).toEqual([
      [
        { name: 'UID', params: {}, value: 'x1' },
        { name: 'DTSTAMP', params: {}, value: '20261123T100000Z' },
        { name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20261124' },
        {
          name: 'LOCATION',
          params: { ALTREP: 'cid:part1.0001@example.org', LANGUAGE: 'da' },
          value: 'Hjemme',
        },
        { name: 'SUMMARY', params: {}, value: 'abcd' },
      ],
    ])
  })

  /** The timed file with its lines edited. */
  const edited = (edit: (lines: string[]) => string[]): string => file(edit([...TIMED_LINES]))
  const replace =
    (prefix: string, ...lines: string[]) =>
    (all: string[]) =>
      all.flatMap((line) => (line.startsWith(prefix) ? lines : [line]))
  const insertBefore =
    (prefix: string, ...lines: string[]) =>
    (all: string[]) =>
      all.flatMap((line) => (line.startsWith(prefix) ? [...lines, line] : [line]))

  it.each<[name: string, text: string, message: RegExp]>([
    ['LF line endings', `${TIMED_LINES.join('\n')}\n`, /CRLF/],
    ['no line break at the end', TIMED_LINES.join('\r\n'), /end with CRLF/],
    ['a bare LF', edited(replace('SUMMARY', 'SUMMARY:a\nb')), /Bare CR or LF/],
    ['a bare CR', edited(replace('SUMMARY', 'SUMMARY:a\rb')), /Bare CR or LF/],
    ['a line of 76 octets', edited(replace('SUMMARY', `SUMMARY:${'a'.repeat(68)}`)), /longer than 75 octets/],
    [
      'a line of 76 octets in two-octet letters',
      edited(replace('SUMMARY', `SUMMARY:${'æ'.repeat(34)}`)),
      /longer than 75 octets/,
    ],
    ['an empty line', edited(insertBefore('SUMMARY', '')), /Empty line/],
    [
      'a continuation first',
      edited((all) => [` ${all[0] ?? ''}`, ...all.slice(1)]),
      /first line cannot be a continuation/,
    ],
    ['a property without a colon', edited(replace('SUMMARY', 'SUMMARY')), /Expected ":"/],
    [
      'a parameter without a value',
      edited(replace('DTSTART', 'DTSTART;VALUE:20261124')),
      /Malformed parameter/,
    ],
    [
      'a parameter twice',
      edited(replace('DTSTART', 'DTSTART;VALUE=DATE;VALUE=DATE:20261124')),
      /given twice/,
    ],
    ['a control character', edited(replace('SUMMARY', 'SUMMARY:a\u0007b')), /Control character/],
    ['content before the calendar', edited((all) => ['X-TEST:1', ...all]), /Content outside/],
    ['two calendars', edited((all) => [...all, ...all]), /exactly one VCALENDAR/],
    [
      'a nested calendar',
      edited(insertBefore('END:VEVENT', 'BEGIN:VCALENDAR', 'END:VCALENDAR')),
      /cannot be nested/,
    ],
    [
      'an event never closed',
      edited((all) => all.filter((line) => line !== 'END:VEVENT')),
      /END:VCALENDAR does not close BEGIN:VEVENT/,
    ],
    ['a calendar never closed', edited((all) => all.slice(0, -1)), /BEGIN:VCALENDAR is never closed/],
    ['no VERSION', edited(replace('VERSION')), /exactly one VERSION, found 0/],
    ['VERSION 1.0', edited(replace('VERSION', 'VERSION:1.0')), /VERSION must be 2.0/],
    ['no PRODID', edited(replace('PRODID')), /exactly one PRODID, found 0/],
    ['two PRODIDs', edited(replace('PRODID', 'PRODID:a', 'PRODID:b')), /exactly one PRODID, found 2/],
    [
      'no component',
      file(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Trin//Trin//DA', 'END:VCALENDAR']),
      /at least one component/,
    ],
    ['no UID', edited(replace('UID')), /exactly one UID, found 0/],
    ['no DTSTAMP', edited(replace('DTSTAMP')), /exactly one DTSTAMP, found 0/],
    ['no DTSTART', edited(replace('DTSTART')), /exactly one DTSTART, found 0/],
    [
      'two DTSTARTs',
      edited(replace('DTSTART', 'DTSTART:20261124T140000', 'DTSTART:20261124T150000')),
      /exactly one DTSTART, found 2/,
    ],
    ['a local DTSTAMP', edited(replace('DTSTAMP', 'DTSTAMP:20261123T100000')), /DTSTAMP must be a UTC/],
    [
      'a DATE with a time',
      edited(replace('DTSTART', 'DTSTART;VALUE=DATE:20261124T140000')),
      /DTSTART must be a DATE/,
    ],
    [
      'a DTEND that is not a date-time',
      edited(replace('DTEND', 'DTEND:2026-11-24')),
      /DTEND must be a DATE-TIME/,
    ],
    ['two DTENDs', edited(insertBefore('SUMMARY', 'DTEND:20261124T160000')), /one DTEND at most/],
    ['DTEND and DURATION', edited(insertBefore('SUMMARY', 'DURATION:PT1H')), /not both/],
    ['a bare comma in SUMMARY', edited(replace('SUMMARY', 'SUMMARY:Møde, kl. 10')), /Unescaped ","/],
    ['a bare semicolon in LOCATION', edited(insertBefore('SUMMARY', 'LOCATION:a;b')), /Unescaped ";"/],
    ['an unknown escape', edited(replace('SUMMARY', 'SUMMARY:a\\tb')), /Invalid escape/],
    [
      'an alarm without a TRIGGER',
      edited(insertBefore('END:VEVENT', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:x', 'END:VALARM')),
      /VALARM must have exactly one TRIGGER, found 0/,
    ],
    [
      'a displayed alarm without a DESCRIPTION',
      edited(insertBefore('END:VEVENT', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT1H', 'END:VALARM')),
      /VALARM must have exactly one DESCRIPTION, found 0/,
    ],
    [
      'an alarm with a trigger that is no duration',
      edited(
        insertBefore(
          'END:VEVENT',
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          'TRIGGER:-1H',
          'DESCRIPTION:x',
          'END:VALARM',
        ),
      ),
      /TRIGGER must be a duration/,
    ],
    [
      'an alarm with an empty duration',
      edited(
        insertBefore(
          'END:VEVENT',
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          'TRIGGER:-PT',
          'DESCRIPTION:x',
          'END:VALARM',
        ),
      ),
      /TRIGGER must be a duration/,
    ],
    [
      'an alarm with a local trigger time',
      edited(
        insertBefore(
          'END:VEVENT',
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          'TRIGGER;VALUE=DATE-TIME:20261124T130000',
          'DESCRIPTION:x',
          'END:VALARM',
        ),
      ),
      /TRIGGER must be a duration or a UTC/,
    ],
    [
      'an alarm outside an event',
      edited(insertBefore('BEGIN:VEVENT', 'BEGIN:VALARM', 'ACTION:AUDIO', 'TRIGGER:-PT1H', 'END:VALARM')),
      /must be inside a VEVENT/,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseIcs(text)).toThrow(IcsError)
    expect(() => parseIcs(text)).toThrow(message)
  })

  it('refuses a fold inside a two-octet character (bytes)', () => {
    const encoder = new TextEncoder()
    const [before = '', after = ''] = file(TIMED_LINES).split('SUMMARY:Aftale')
    // 'æ' is C3 A6 in UTF-8; a fold (CR LF space) between its two octets breaks it.
    const bytes = new Uint8Array([
      ...encoder.encode(`${before}SUMMARY:`),
      0xc3,
      0x0d,
      0x0a,
      0x20,
      0xa6,
      ...encoder.encode(`ble${after}`),
    ])
    expect(() => parseIcs(bytes)).toThrow(/Not valid UTF-8/)
  })

  it('returns each event’s alarms apart from its properties', () => {
    const parsed = parseIcs(
      file([
        ...TIMED_LINES.slice(0, -2),
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER;VALUE=DATE-TIME:20261124T120000Z',
        'DESCRIPTION:Aftale',
        'END:VALARM',
        'BEGIN:VALARM',
        'ACTION:AUDIO',
        'TRIGGER:PT0S',
        'END:VALARM',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    )
    expect(parsed.events[0]?.map((property) => property.name)).not.toContain('ACTION')
    expect(parsed.alarms).toEqual([
      [
        [
          { name: 'ACTION', params: {}, value: 'DISPLAY' },
          { name: 'TRIGGER', params: { VALUE: 'DATE-TIME' }, value: '20261124T120000Z' },
          { name: 'DESCRIPTION', params: {}, value: 'Aftale' },
        ],
        [
          { name: 'ACTION', params: {}, value: 'AUDIO' },
          { name: 'TRIGGER', params: {}, value: 'PT0S' },
        ],
      ],
    ])
  })

  it('accepts the same file as bytes', () => {
    expect(parseIcs(new TextEncoder().encode(file(TIMED_LINES))).events).toHaveLength(1)
  })

  it('names the line at fault', () => {
    expect(() => parseIcs(edited(replace('SUMMARY', 'SUMMARY:a,b')))).toThrow(/\(line 9\)$/)
  })
})

// ---------------------------------------------------------------------------------------------
// As a calendar app reads it: ical.js (the library behind several calendars) expands the file.

/** The one VEVENT of a file, as ical.js reads it. */
function icalEvent(ics: string): ICAL.Event {
  const vevent = ICAL.Component.fromString(ics).getFirstSubcomponent('vevent')
  if (vevent === null) throw new Error('no VEVENT')
  return new ICAL.Event(vevent)
}

/** The start days ical.js expands the event to, up to and including `to`, at most `limit`. */
function icalDays(ics: string, to: string, limit: number): string[] {
  const iterator = icalEvent(ics).iterator()
  const days: string[] = []
  for (let next = iterator.next(); days.length < limit; next = iterator.next()) {
    // `next` is typed as always there, but is undefined once the repeat has ended.
    const time = next as ICAL.Time | undefined
    if (time === undefined) break
    const day = time.toString().slice(0, 10)
    if (day > to) break
    days.push(day)
  }
  return days
}

describe('calendarRepeatEnd', () => {
  it.each<[date: string, repeat: Repeat, until: string | undefined, expected: string | null]>([
    ['2026-01-30', 'monthly', '2026-10-29', '2026-10-29'],
    ['2026-01-29', 'monthly', undefined, '2027-01-29'],
    ['2026-01-29', 'monthly', '2025-12-31', '2027-01-29'],
    ['2026-01-31', 'monthly', '2026-10-29', null],
    ['2026-01-28', 'monthly', '2026-10-29', null],
    ['2026-01-30', 'weekly', '2026-10-29', null],
    ['2026-01-30', 'none', '2026-10-29', null],
  ])('%s %s until %s: %s', (date, repeat, until, expected) => {
    expect(
      calendarRepeatEnd({ date: d(date), repeat, repeatUntil: until === undefined ? undefined : d(until) }),
    ).toBe(expected)
  })

  it('is the UNTIL the file is written with', () => {
    const event = input({
      date: d('2026-11-30'),
      time: undefined,
      repeat: 'monthly',
      repeatUntil: d('2027-08-29'),
    })
    expect(activityToIcs(event)).toContain(
      `UNTIL=${(calendarRepeatEnd(event) ?? '').replaceAll('-', '')}\r\n`,
    )
  })
})

describe('monthly repeats as ical.js expands them', () => {
  // Every anchor day from 28 to 31, starting in a long month, a short one, before a leap
  // February and on one; each over a course of nine months and more. The app's own occurrences
  // (recurrence.ts) are the truth the calendar must match day for day.
  const anchors = [
    ['2026-01-28', '2026-10-27'],
    ['2027-02-28', '2027-11-27'],
    ['2026-01-29', '2026-10-28'],
    ['2027-10-29', '2028-07-28'],
    ['2028-02-29', '2028-12-31'],
    ['2026-11-29', '2027-09-30'],
    ['2026-01-30', '2026-10-29'],
    ['2027-11-30', '2029-03-31'],
    ['2028-01-30', '2028-10-29'],
    ['2026-04-30', '2027-03-30'],
    ['2026-01-31', '2026-10-30'],
    ['2027-12-31', '2028-09-30'],
    ['2028-03-31', '2029-03-31'],
    ['2026-08-31', '2027-05-30'],
  ] as const
  const cases = anchors.flatMap(([date, until]) =>
    [undefined, '14:00', '00:00', '23:30'].map((time) => [date, until, time] as const),
  )

  it.each(cases)('from %s to %s at %s: the same days as the app', (date, until, time) => {
    const ics = activityToIcs(input({ date: d(date), time, repeat: 'monthly', repeatUntil: d(until) }))
    const app = occurrencesBetween({ date: d(date), repeat: 'monthly' }, d(date), d(until), 100)
    expect(app.length).toBeGreaterThanOrEqual(9)
    expect(icalDays(ics, until, 100)).toEqual(app)
  })

  it.each(cases)('from %s (%s) at %s: at the same time of day every month', (date, _until, time) => {
    const ics = activityToIcs(
      input({ date: d(date), time, repeat: 'monthly', repeatUntil: addMonths(d(date), 12) }),
    )
    const iterator = icalEvent(ics).iterator()
    for (let index = 0; index < 13; index++) {
      const start = iterator.next()
      expect(start.isDate).toBe(time === undefined)
      if (time !== undefined) expect(start.toString().slice(11, 16)).toBe(time)
    }
  })

  it('the form written before showed two or three events a month in ical.js (the bug this avoids)', () => {
    const old = activityToIcs(input({ date: d('2026-01-30'), time: undefined, repeat: 'monthly' })).replace(
      /RRULE:.*\r\n(RDATE.*\r\n)*/,
      'RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1\r\n',
    )
    expect(icalDays(old, '2026-04-30', 100)).toEqual([
      '2026-01-30',
      '2026-02-28',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
    ])
  })
})

describe('calendar reminders', () => {
  it.each<[timed: boolean, expected: CalendarReminder[]]>([
    [true, ['none', 'eveningBefore', 'hourBefore']],
    [false, ['none', 'eveningBefore']],
  ])('timed %s offers %j', (timed, expected) => {
    expect(calendarRemindersFor(timed)).toEqual(expected)
  })

  it.each<[last: CalendarReminder, timed: boolean, expected: CalendarReminder]>([
    ['none', true, 'none'],
    ['none', false, 'none'],
    ['eveningBefore', true, 'eveningBefore'],
    ['eveningBefore', false, 'eveningBefore'],
    ['hourBefore', true, 'hourBefore'],
    ['hourBefore', false, 'eveningBefore'],
  ])('last chosen %s, timed %s: %s', (last, timed, expected) => {
    expect(fittingReminder(last, timed)).toBe(expected)
  })

  it('writes no alarm unless one is chosen', () => {
    expect(activityToIcs(input())).not.toContain('VALARM')
    expect(activityToIcs(input({ reminder: 'none' }))).toBe(activityToIcs(input()))
  })

  it('writes the alarm after the event’s properties, with the event’s own title as its text', () => {
    expect(activityToIcs(input({ reminder: 'hourBefore' }))).toBe(
      file([
        ...TIMED_LINES.slice(0, -2),
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-PT1H',
        'DESCRIPTION:Aftale',
        'END:VALARM',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    )
  })

  // When the alarm rings, as ical.js computes it from the start and the TRIGGER.
  it.each<
    [
      name: string,
      date: string,
      time: string | undefined,
      reminder: CalendarReminder,
      trigger: string,
      rings: string,
    ]
  >([
    ['all-day, the evening before', '2026-11-24', undefined, 'eveningBefore', '-PT6H', '2026-11-23T18:00:00'],
    [
      'all-day on the 1st, the evening before is last month',
      '2027-03-01',
      undefined,
      'eveningBefore',
      '-PT6H',
      '2027-02-28T18:00:00',
    ],
    ['14:00, the evening before', '2026-11-24', '14:00', 'eveningBefore', '-PT20H', '2026-11-23T18:00:00'],
    ['09:05, the evening before', '2026-11-24', '09:05', 'eveningBefore', '-PT15H5M', '2026-11-23T18:00:00'],
    ['midnight, the evening before', '2026-11-24', '00:00', 'eveningBefore', '-PT6H', '2026-11-23T18:00:00'],
    [
      '18:00, the evening before is a day before',
      '2026-11-24',
      '18:00',
      'eveningBefore',
      '-P1D',
      '2026-11-23T18:00:00',
    ],
    [
      '19:30, the evening before',
      '2026-11-24',
      '19:30',
      'eveningBefore',
      '-P1DT1H30M',
      '2026-11-23T18:00:00',
    ],
    [
      '23:59, the evening before',
      '2026-12-31',
      '23:59',
      'eveningBefore',
      '-P1DT5H59M',
      '2026-12-30T18:00:00',
    ],
    ['14:00, an hour before', '2026-11-24', '14:00', 'hourBefore', '-PT1H', '2026-11-24T13:00:00'],
    [
      '00:30, an hour before is the day before',
      '2027-01-01',
      '00:30',
      'hourBefore',
      '-PT1H',
      '2026-12-31T23:30:00',
    ],
  ])('%s', (_name, date, time, reminder, trigger, rings) => {
    const ics = activityToIcs(input({ date: d(date), time, reminder, title: 'Aftale' }))
    const [alarms = []] = parseIcs(ics).alarms
    expect(alarms).toHaveLength(1)
    expect(alarms[0]).toEqual([
      { name: 'ACTION', params: {}, value: 'DISPLAY' },
      { name: 'TRIGGER', params: {}, value: trigger },
      { name: 'DESCRIPTION', params: {}, value: 'Aftale' },
    ])

    const event = icalEvent(ics)
    const valarm = event.component.getFirstSubcomponent('valarm')
    expect(valarm?.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(valarm?.getFirstPropertyValue('description')).toBe(event.summary)
    const duration = valarm?.getFirstPropertyValue('trigger')
    if (!(duration instanceof ICAL.Duration)) throw new Error('TRIGGER is not a duration')
    const at = event.startDate.clone()
    at.isDate = false
    at.addDuration(duration)
    expect(at.toString()).toBe(rings)
  })

  it('says no more than the event: with a neutral title, the alarm is neutral too', () => {
    const ics = activityToIcs(
      input({ title: 'Aftale', location: undefined, description: undefined, reminder: 'eveningBefore' }),
    )
    const valarm = icalEvent(ics).component.getFirstSubcomponent('valarm')
    expect(valarm?.getAllProperties().map((property) => property.name)).toEqual([
      'action',
      'trigger',
      'description',
    ])
    expect(valarm?.getFirstPropertyValue('description')).toBe('Aftale')
    expect(ics).not.toMatch(/DESCRIPTION:.*trin/i)
  })

  it('rings before every repeat: the trigger is relative to each start', () => {
    const ics = activityToIcs(input({ repeat: 'weekly', reminder: 'hourBefore' }))
    expect(parseIcs(ics).alarms[0]?.[0]).toContainEqual({ name: 'TRIGGER', params: {}, value: '-PT1H' })
    expect(ics).not.toContain('TRIGGER;VALUE=DATE-TIME')
  })

  it('escapes and folds the alarm text like the title', () => {
    const title = 'Møde med Lene, jobcentret; husk papirerne fra kommunen og lægen, og ring først'
    const ics = activityToIcs(input({ title, reminder: 'eveningBefore' }))
    const [alarm = []] = parseIcs(ics).alarms[0] ?? []
    expect(unescapeIcsText(findProperty(alarm, 'DESCRIPTION')?.value ?? '')).toBe(title)
    expect(
      icalEvent(ics).component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('description'),
    ).toBe(title)
  })
})

describe('neutralMeetingEvent', () => {
  const options = {
    uid: 'meeting-1',
    neutralTitle: 'Aftale',
    now: new Date('2026-12-07T09:00:00.000Z'),
    productName: 'Trin',
  }
  const date = parseCivilDate('2026-12-10')

  it.each([
    { what: 'a timed meeting lasts the minutes given', time: '10:00', minutes: 60, duration: 60 },
    { what: 'a longer one too', time: '13:30', minutes: 120, duration: 120 },
    { what: 'a day without a time is all day', time: undefined, minutes: 120, duration: undefined },
  ])('$what', ({ time, minutes, duration }) => {
    expect(neutralMeetingEvent({ date, time }, minutes, options)).toEqual({
      uid: 'meeting-1',
      title: 'Aftale',
      date,
      time,
      durationMinutes: duration,
      repeat: 'none',
      now: options.now,
      productName: 'Trin',
    })
  })

  it('says only the neutral title: no place, no description, no reminder', () => {
    const ics = activityToIcs(neutralMeetingEvent({ date, time: '10:00' }, 60, options))
    expect(ics).toContain('SUMMARY:Aftale')
    expect(ics).not.toMatch(/LOCATION|DESCRIPTION|VALARM|RRULE/)
  })
})
