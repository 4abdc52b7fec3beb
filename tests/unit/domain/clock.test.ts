import { describe, expect, it } from 'vitest'
import {
  ClockError,
  DEFAULT_MAX_DRIFT_MS,
  MAX_COUNTER,
  asHlc,
  compareHlc,
  createClock,
  formatHlc,
  isHlc,
  parseHlc,
  type ClockErrorCode,
  type Hlc,
} from '@/domain/clock'

const A = '00000000000000aa'
const B = '00000000000000bb'
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0, 0)

/** A wall clock the test moves by hand. */
function fakeTime(start: number) {
  let current = start
  return {
    now: () => current,
    set(ms: number) {
      current = ms
    },
  }
}

function stamp(wallMs: number, counter: number, deviceId: string): Hlc {
  return formatHlc({ wallMs, counter, deviceId })
}

function codeOf(run: () => unknown): ClockErrorCode | 'no error' | 'other error' {
  try {
    run()
    return 'no error'
  } catch (error) {
    return error instanceof ClockError ? error.code : 'other error'
  }
}

/** A small seeded generator so the property test is reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('format and parse', () => {
  it('formats the documented fixed-width layout', () => {
    expect(stamp(T0, 10, A)).toBe('2026-11-23T10:00:00.000Z-000a-00000000000000aa')
    expect(stamp(T0, 10, A)).toHaveLength(46)
  })

  it('reads every day and the edges of each day exactly as the Date round trip does, 1970 to 2404', () => {
    const checked: string[] = []
    for (const year of [1970, 1999, 2000, 2024, 2026, 2100, 2400, 2404]) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 1; day <= 31; day += 1) {
          for (const time of ['00:00:00.000', '23:59:59.999']) {
            const iso = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}Z`
            const ms = Date.parse(iso)
            const real = Number.isFinite(ms) && new Date(ms).toISOString() === iso
            const value = `${iso}-0001-00000000000000aa`
            expect(isHlc(value), value).toBe(real)
            if (real) expect(parseHlc(value).wallMs).toBe(ms)
            checked.push(value)
          }
        }
      }
    }
    expect(checked).toHaveLength(8 * 12 * 31 * 2)
  })

  it('round-trips parts', () => {
    const parts = { wallMs: T0 + 123, counter: 0xbeef, deviceId: B }
    expect(parseHlc(formatHlc(parts))).toEqual(parts)
  })

  it.each([
    ['empty', ''],
    ['no counter or device', '2026-11-23T10:00:00.000Z'],
    ['impossible date', '2025-02-30T10:00:00.000Z-0000-00000000000000aa'],
    ['hour 24', '2026-11-23T24:00:00.000Z-0000-00000000000000aa'],
    ['missing milliseconds', '2026-11-23T10:00:00Z-0000-00000000000000aa'],
    ['zone offset instead of Z', '2026-11-23T10:00:00.000+01:00-0000-00000000000000aa'],
    ['upper-case counter', '2026-11-23T10:00:00.000Z-000A-00000000000000aa'],
    ['upper-case device', '2026-11-23T10:00:00.000Z-0000-00000000000000AA'],
    ['short counter', '2026-11-23T10:00:00.000Z-000-00000000000000aa'],
    ['short device', '2026-11-23T10:00:00.000Z-0000-0000000000000aa'],
    ['before 1970', '1969-12-31T23:59:59.999Z-0000-00000000000000aa'],
    ['trailing space', '2026-11-23T10:00:00.000Z-0000-00000000000000aa '],
    ['February 29 in a common year', '2025-02-29T10:00:00.000Z-0000-00000000000000aa'],
    ['February 29 in 2100 (not a leap year)', '2100-02-29T10:00:00.000Z-0000-00000000000000aa'],
    ['April 31', '2026-04-31T10:00:00.000Z-0000-00000000000000aa'],
    ['month 00', '2026-00-10T10:00:00.000Z-0000-00000000000000aa'],
    ['month 13', '2026-13-10T10:00:00.000Z-0000-00000000000000aa'],
    ['day 00', '2026-11-00T10:00:00.000Z-0000-00000000000000aa'],
    ['minute 60', '2026-11-23T10:60:00.000Z-0000-00000000000000aa'],
    ['second 60', '2026-11-23T10:00:60.000Z-0000-00000000000000aa'],
    ['a two-digit year written with four (0075, not 1975)', '0075-01-01T00:00:00.000Z-0000-00000000000000aa'],
  ])('rejects %s', (_name, value) => {
    expect(isHlc(value)).toBe(false)
    expect(codeOf(() => parseHlc(value))).toBe('invalid')
    expect(codeOf(() => asHlc(value))).toBe('invalid')
  })

  it.each([
    ['a number', 42],
    ['null', null],
    ['an object', { wallMs: T0 }],
  ])('isHlc is false for %s', (_name, value) => {
    expect(isHlc(value)).toBe(false)
  })

  it.each([
    ['negative wall time', { wallMs: -1, counter: 0, deviceId: A }],
    ['fractional wall time', { wallMs: 1.5, counter: 0, deviceId: A }],
    ['wall time after 9999', { wallMs: Date.UTC(10000, 0, 1), counter: 0, deviceId: A }],
    ['counter too big', { wallMs: T0, counter: MAX_COUNTER + 1, deviceId: A }],
    ['negative counter', { wallMs: T0, counter: -1, deviceId: A }],
    ['bad device id', { wallMs: T0, counter: 0, deviceId: 'not-hex' }],
  ])('formatHlc rejects %s', (_name, parts) => {
    expect(codeOf(() => formatHlc(parts))).toBe('invalid')
  })
})

describe('tick', () => {
  it('uses wall time and a zero counter while time advances', () => {
    const time = fakeTime(T0)
    const clock = createClock({ deviceId: A, now: time.now })
    expect(clock.tick()).toBe(stamp(T0, 0, A))
    time.set(T0 + 5)
    expect(clock.tick()).toBe(stamp(T0 + 5, 0, A))
    expect(clock.last()).toBe(stamp(T0 + 5, 0, A))
  })

  it('counts up within the same millisecond', () => {
    const clock = createClock({ deviceId: A, now: () => T0 })
    expect([clock.tick(), clock.tick(), clock.tick()]).toEqual([
      stamp(T0, 0, A),
      stamp(T0, 1, A),
      stamp(T0, 2, A),
    ])
  })

  it.each([
    ['one millisecond back', 1],
    ['an hour back', 3_600_000],
    ['a year back', 365 * 86_400_000],
  ])('stays monotonic when the wall clock goes %s', (_name, backMs) => {
    const time = fakeTime(T0)
    const clock = createClock({ deviceId: A, now: time.now })
    const before = clock.tick()
    time.set(T0 - backMs)
    const after = [clock.tick(), clock.tick()]
    expect(after).toEqual([stamp(T0, 1, A), stamp(T0, 2, A)])
    expect(compareHlc(before, after[0] ?? before)).toBe(-1)
    // Once the wall clock passes the old time again, the counter resets.
    time.set(T0 + 1)
    expect(clock.tick()).toBe(stamp(T0 + 1, 0, A))
  })

  it('continues after a seed stamp from an earlier session', () => {
    const seed = stamp(T0 + 60_000, 7, A)
    const clock = createClock({ deviceId: A, now: () => T0, last: seed })
    expect(clock.last()).toBe(seed)
    expect(clock.tick()).toBe(stamp(T0 + 60_000, 8, A))
  })

  it('refuses to overflow the counter and keeps its state', () => {
    const clock = createClock({ deviceId: A, now: () => T0, last: stamp(T0, MAX_COUNTER, A) })
    expect(codeOf(() => clock.tick())).toBe('counter-overflow')
    expect(clock.last()).toBe(stamp(T0, MAX_COUNTER, A))
  })

  it('recovers from an overflow once the wall clock moves on', () => {
    const time = fakeTime(T0)
    const clock = createClock({ deviceId: A, now: time.now, last: stamp(T0, MAX_COUNTER, A) })
    expect(codeOf(() => clock.tick())).toBe('counter-overflow')
    time.set(T0 + 1)
    expect(clock.tick()).toBe(stamp(T0 + 1, 0, A))
  })

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative time', -5],
  ])('rejects a wall clock that returns %s', (_name, value) => {
    const clock = createClock({ deviceId: A, now: () => value })
    expect(codeOf(() => clock.tick())).toBe('invalid')
  })

  it('floors fractional wall times (performance.now-style sources)', () => {
    const clock = createClock({ deviceId: A, now: () => T0 + 0.7 })
    expect(clock.tick()).toBe(stamp(T0, 0, A))
  })
})

describe('receive', () => {
  it.each([
    {
      name: 'remote ahead of local and wall: adopt remote time, counter + 1',
      local: stamp(T0, 3, A),
      wall: T0,
      remote: stamp(T0 + 1000, 5, B),
      expected: stamp(T0 + 1000, 6, A),
    },
    {
      name: 'remote behind: keep local time, local counter + 1',
      local: stamp(T0, 3, A),
      wall: T0,
      remote: stamp(T0 - 1000, 9, B),
      expected: stamp(T0, 4, A),
    },
    {
      name: 'same time as local: max counter + 1',
      local: stamp(T0, 3, A),
      wall: T0 - 10,
      remote: stamp(T0, 9, B),
      expected: stamp(T0, 10, A),
    },
    {
      name: 'wall ahead of both: wall time, counter 0',
      local: stamp(T0, 3, A),
      wall: T0 + 50,
      remote: stamp(T0 + 20, 9, B),
      expected: stamp(T0 + 50, 0, A),
    },
    {
      name: 'remote ahead, wall clock went backwards',
      local: stamp(T0, 3, A),
      wall: T0 - 3_600_000,
      remote: stamp(T0 + 5, 0, B),
      expected: stamp(T0 + 5, 1, A),
    },
    {
      name: 'remote exactly at the drift bound is accepted',
      local: stamp(T0, 0, A),
      wall: T0,
      remote: stamp(T0 + DEFAULT_MAX_DRIFT_MS, 0, B),
      expected: stamp(T0 + DEFAULT_MAX_DRIFT_MS, 1, A),
    },
  ])('$name', ({ local, wall, remote, expected }) => {
    const clock = createClock({ deviceId: A, now: () => wall, last: local })
    const merged = clock.receive(remote)
    expect(merged).toBe(expected)
    expect(compareHlc(merged, local)).toBe(1)
    expect(compareHlc(merged, remote)).toBe(1)
    expect(clock.last()).toBe(expected)
    // The next local event sorts after everything seen.
    expect(compareHlc(clock.tick(), merged)).toBe(1)
  })

  it('rejects a remote stamp too far ahead and leaves the clock untouched', () => {
    const local = stamp(T0, 3, A)
    const clock = createClock({ deviceId: A, now: () => T0, last: local })
    expect(codeOf(() => clock.receive(stamp(T0 + DEFAULT_MAX_DRIFT_MS + 1, 0, B)))).toBe('drift')
    expect(clock.last()).toBe(local)
    expect(clock.tick()).toBe(stamp(T0, 4, A))
  })

  it('honours a custom drift bound', () => {
    const clock = createClock({ deviceId: A, now: () => T0, maxDriftMs: 1000 })
    expect(codeOf(() => clock.receive(stamp(T0 + 1001, 0, B)))).toBe('drift')
    expect(clock.receive(stamp(T0 + 1000, 0, B))).toBe(stamp(T0 + 1000, 1, A))
  })

  it('measures drift against the wall clock, not against a seed far in the past', () => {
    const clock = createClock({ deviceId: A, now: () => T0, last: stamp(T0 - 30 * 86_400_000, 0, A) })
    expect(clock.receive(stamp(T0 + 1000, 2, B))).toBe(stamp(T0 + 1000, 3, A))
  })

  it('refuses a remote counter at its maximum rather than wrapping', () => {
    const clock = createClock({ deviceId: A, now: () => T0 })
    expect(codeOf(() => clock.receive(stamp(T0 + 10, MAX_COUNTER, B)))).toBe('counter-overflow')
  })

  it('rejects a malformed remote stamp', () => {
    const clock = createClock({ deviceId: A, now: () => T0 })
    expect(codeOf(() => clock.receive('yesterday' as Hlc))).toBe('invalid')
  })
})

describe('createClock options', () => {
  it.each([
    ['a device id in upper case', { deviceId: '00000000000000AA', now: () => T0 }],
    ['a short device id', { deviceId: 'abc', now: () => T0 }],
    ['a negative drift bound', { deviceId: A, now: () => T0, maxDriftMs: -1 }],
    ['a NaN drift bound', { deviceId: A, now: () => T0, maxDriftMs: Number.NaN }],
    ['a malformed seed', { deviceId: A, now: () => T0, last: 'nope' as Hlc }],
  ])('rejects %s', (_name, options) => {
    expect(codeOf(() => createClock(options))).toBe('invalid')
  })

  it('starts at the epoch before any event', () => {
    expect(createClock({ deviceId: A, now: () => T0 }).last()).toBe(stamp(0, 0, A))
  })
})

describe('ordering', () => {
  it.each([
    ['earlier wall time first', stamp(T0, 9, B), stamp(T0 + 1, 0, A), -1],
    ['lower counter first', stamp(T0, 1, B), stamp(T0, 2, A), -1],
    ['same time and counter: device id breaks the tie', stamp(T0, 1, A), stamp(T0, 1, B), -1],
    ['equal stamps', stamp(T0, 1, A), stamp(T0, 1, A), 0],
    ['later first', stamp(T0 + 1, 0, A), stamp(T0, 0, B), 1],
  ] as const)('%s', (_name, a, b, expected) => {
    expect(compareHlc(a, b)).toBe(expected)
    expect(compareHlc(b, a)).toBe(-expected || 0)
  })

  it('two devices stamping the same millisecond never produce equal stamps', () => {
    const a = createClock({ deviceId: A, now: () => T0 })
    const b = createClock({ deviceId: B, now: () => T0 })
    const sa = a.tick()
    const sb = b.tick()
    expect(sa).not.toBe(sb)
    expect(compareHlc(sa, sb)).toBe(-1)
  })

  it('string sort order equals compareHlc order over many random stamps', () => {
    const random = mulberry32(20261123)
    const pick = <T>(values: readonly T[]): T => {
      const value = values[Math.floor(random() * values.length)]
      if (value === undefined) throw new Error('empty choice')
      return value
    }
    // Few distinct values per field, so ties on wall time and counter are common.
    const walls = [
      0,
      1,
      999,
      1000,
      T0,
      T0 + 1,
      Date.UTC(2000, 1, 29),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ]
    const counters = [0, 1, 9, 10, 15, 16, 255, 256, 0xfffe, MAX_COUNTER]
    const devices = [A, B, '0000000000000000', 'ffffffffffffffff', '0123456789abcdef', 'a000000000000000']
    const stamps = Array.from({ length: 2000 }, () =>
      stamp(
        random() < 0.5 ? pick(walls) : Math.floor(random() * 4_102_444_800_000),
        random() < 0.5 ? pick(counters) : Math.floor(random() * (MAX_COUNTER + 1)),
        pick(devices),
      ),
    )
    const byString = [...stamps].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    const byClock = [...stamps].sort(compareHlc)
    expect(byClock).toEqual(byString)
  })

  it('a clock that ticks and receives in any interleaving issues strictly increasing stamps', () => {
    const random = mulberry32(7)
    const time = fakeTime(T0)
    const clock = createClock({ deviceId: A, now: time.now })
    let previous = clock.last()
    for (let step = 0; step < 1000; step += 1) {
      // The wall clock jitters forwards and backwards by up to a second.
      time.set(T0 + Math.floor((random() - 0.5) * 2000) + step)
      const next =
        random() < 0.5
          ? clock.tick()
          : clock.receive(stamp(T0 + Math.floor(random() * 3000), Math.floor(random() * 50), B))
      expect(next > previous).toBe(true)
      previous = next
    }
  })
})
