import { describe, expect, it } from 'vitest'
import { parseCivilDate } from '@/domain/civilDate'
import {
  activityToIcs,
  escapeIcsText,
  findProperty,
  foldIcsLine,
  IcsError,
  parseIcs,
  unescapeIcsText,
  utf8Length,
  type IcsActivityInput,
} from '@/domain/ics'
import type { Repeat } from '@/domain/recurrence'

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
      [
        'DTSTART;VALUE=DATE:20260129',
        'DTEND;VALUE=DATE:20260130',
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1',
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
        'RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1',
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
    expect(lines.filter((line) => /^(DTSTART|DTEND|RRULE)[:;]/.test(line))).toEqual(expected)
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

  it('accepts the same file as bytes', () => {
    expect(parseIcs(new TextEncoder().encode(file(TIMED_LINES))).events).toHaveLength(1)
  })

  it('names the line at fault', () => {
    expect(() => parseIcs(edited(replace('SUMMARY', 'SUMMARY:a,b')))).toThrow(/\(line 9\)$/)
  })
})
