/**
 * Hybrid logical clock (HLC) for stamping every record change.
 *
 * A stamp is a fixed-width string so that plain string comparison sorts stamps in causal
 * order, which lets storage, merges and sorting treat them as opaque strings:
 *
 *   2026-11-23T10:00:00.000Z-0000-0123456789abcdef
 *   └ wall time, ISO-8601 UTC ┘ └ctr┘ └─ device id ─┘
 *
 * The wall part never goes backwards even when the device clock does (users change it, phones
 * sync it); the counter orders events inside one millisecond; the device id breaks ties
 * between devices so two stamps from different devices are never equal.
 *
 * Pure TypeScript: the time source and device id are parameters, so tests fake time.
 */

declare const hlcBrand: unique symbol

/** A validated HLC stamp. Only produced by this module (or by a validator that calls it). */
export type Hlc = string & { readonly [hlcBrand]: true }

/** The three fields of a stamp. */
export interface HlcParts {
  /** Milliseconds since the Unix epoch (UTC). */
  readonly wallMs: number
  /** Orders events within the same millisecond, 0..0xffff. */
  readonly counter: number
  /** 16 lowercase hex digits naming the device that made the stamp. */
  readonly deviceId: string
}

/** Why a clock operation failed. */
export type ClockErrorCode = 'counter-overflow' | 'drift' | 'invalid'

/** Thrown by the clock and the parser; `code` says what went wrong so callers can react. */
export class ClockError extends Error {
  /** Machine-readable reason. */
  readonly code: ClockErrorCode

  constructor(code: ClockErrorCode, message: string) {
    super(message)
    this.name = 'ClockError'
    this.code = code
  }
}

/** Largest counter value; four hex digits keep the stamp fixed-width. */
export const MAX_COUNTER = 0xffff

/**
 * Default tolerance for remote stamps ahead of our wall clock. Devices may be offline for a long
 * time with a wrong clock, so this is lenient — but bounded, because a single stamp from the far
 * future would otherwise pin every later local stamp to that future time.
 */
export const DEFAULT_MAX_DRIFT_MS = 24 * 60 * 60 * 1000

// Year 9999 is the last year with a four-digit ISO form; before 1970 no real device runs.
const MIN_WALL_MS = 0
const MAX_WALL_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

const DEVICE_ID_PATTERN = /^[0-9a-f]{16}$/
// Lowercase hex only: mixing cases would break "string order equals time order".
const HLC_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z-([0-9a-f]{4})-([0-9a-f]{16})$/

/** Whether `value` is a well-formed device id (16 lowercase hex digits). */
export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID_PATTERN.test(value)
}

function isWallMs(ms: number): boolean {
  return Number.isInteger(ms) && ms >= MIN_WALL_MS && ms <= MAX_WALL_MS
}

/**
 * Builds a stamp from its parts.
 * @throws ClockError 'invalid' when a part is out of range.
 */
export function formatHlc(parts: HlcParts): Hlc {
  const { wallMs, counter, deviceId } = parts
  if (!isWallMs(wallMs)) throw new ClockError('invalid', `Wall time out of range: ${wallMs}`)
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new ClockError('invalid', `Counter out of range: ${counter}`)
  }
  if (!isDeviceId(deviceId)) throw new ClockError('invalid', 'Device id must be 16 lowercase hex digits')
  const iso = new Date(wallMs).toISOString()
  return `${iso}-${counter.toString(16).padStart(4, '0')}-${deviceId}` as Hlc
}

/**
 * Splits a stamp into its parts.
 * @throws ClockError 'invalid' for anything that is not a well-formed stamp, including
 * impossible calendar dates such as 2025-02-30.
 */
export function parseHlc(value: string): HlcParts {
  const match = HLC_PATTERN.exec(value)
  if (match === null) throw new ClockError('invalid', 'Not an HLC stamp')
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, msText, counterHex, deviceId] =
    match
  const [year, month, day, hour, minute, second, ms] = [
    yearText,
    monthText,
    dayText,
    hourText,
    minuteText,
    secondText,
    msText,
  ].map(Number)
  // Every unlock parses every record's stamps: the calendar is checked by arithmetic, not by
  // formatting a Date back (issue #11). Dates the pattern lets through (Feb 30, hour 24) fail here.
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    ms === undefined ||
    counterHex === undefined ||
    deviceId === undefined ||
    year < 1970 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new ClockError('invalid', 'HLC stamp has an impossible date or time')
  }
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  if (!isWallMs(wallMs)) throw new ClockError('invalid', 'HLC stamp has an impossible date or time')
  return { wallMs, counter: Number.parseInt(counterHex, 16), deviceId }
}

/** Days in `month` (1–12) of `year`, in the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Whether `value` is a well-formed stamp. Dependency-free so schemas can reuse it. */
export function isHlc(value: unknown): value is Hlc {
  if (typeof value !== 'string') return false
  try {
    parseHlc(value)
    return true
  } catch {
    return false
  }
}

/**
 * Validates a string as a stamp and returns it typed.
 * @throws ClockError 'invalid'.
 */
export function asHlc(value: string): Hlc {
  parseHlc(value)
  return value as Hlc
}

function compareParts(a: HlcParts, b: HlcParts): -1 | 0 | 1 {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1
  return 0
}

/**
 * Orders two stamps: by wall time, then counter, then device id. Agrees with plain string
 * comparison of the stamps (the format is built for that); it compares parsed fields so that
 * the agreement is a tested property rather than an assumption.
 * @throws ClockError 'invalid' when either argument is not a stamp.
 */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return compareParts(parseHlc(a), parseHlc(b))
}

/** Options for {@link createClock}. */
export interface ClockOptions {
  /** This device's id: 16 lowercase hex digits. */
  readonly deviceId: string
  /** Wall-clock source in epoch milliseconds (`Date.now` in the app, a fake in tests). */
  readonly now: () => number
  /** How far a received stamp may run ahead of our wall clock. Default 24 h. */
  readonly maxDriftMs?: number
  /**
   * The latest stamp this device has issued or seen (e.g. the newest `updatedAt` in storage).
   * Seeding keeps stamps monotonic across app restarts even if the wall clock went back meanwhile.
   */
  readonly last?: Hlc
}

/** A running hybrid logical clock for one device. */
export interface Clock {
  /** Stamps a local event (an edit, or a record about to be sent). Always later than last(). */
  tick(): Hlc
  /**
   * Merges a stamp from another device, so that our next stamps sort after it.
   * Returns the new local stamp (later than both last() and `remote`).
   * @throws ClockError 'drift' when `remote` is too far ahead of our wall clock (the clock is
   * left unchanged), 'invalid' for a malformed stamp.
   */
  receive(remote: Hlc): Hlc
  /** The latest stamp issued or merged; does not advance the clock. */
  last(): Hlc
}

/**
 * Creates a hybrid logical clock.
 * @throws ClockError 'invalid' for a bad device id, drift bound or seed stamp.
 */
export function createClock(options: ClockOptions): Clock {
  const { deviceId, now } = options
  const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS
  if (!isDeviceId(deviceId)) throw new ClockError('invalid', 'Device id must be 16 lowercase hex digits')
  if (!Number.isFinite(maxDriftMs) || maxDriftMs < 0) {
    throw new ClockError('invalid', 'maxDriftMs must be a non-negative finite number')
  }

  let wallMs = MIN_WALL_MS
  let counter = 0
  if (options.last !== undefined) {
    const seed = parseHlc(options.last)
    wallMs = seed.wallMs
    counter = seed.counter
  }

  function readWall(): number {
    const ms = Math.floor(now())
    if (!isWallMs(ms)) throw new ClockError('invalid', `Wall clock returned an unusable time: ${ms}`)
    return ms
  }

  function commit(nextWall: number, nextCounter: number): Hlc {
    // Refuse rather than wrap: wrapping would issue a stamp older than the previous one.
    if (nextCounter > MAX_COUNTER) {
      throw new ClockError('counter-overflow', 'More than 65536 events in one millisecond')
    }
    wallMs = nextWall
    counter = nextCounter
    return formatHlc({ wallMs, counter, deviceId })
  }

  return {
    tick() {
      const physical = readWall()
      if (physical > wallMs) return commit(physical, 0)
      // The wall clock stood still or went backwards: keep the old time, count up.
      return commit(wallMs, counter + 1)
    },

    receive(remote) {
      const theirs = parseHlc(remote)
      const physical = readWall()
      if (theirs.wallMs - physical > maxDriftMs) {
        throw new ClockError(
          'drift',
          `Remote stamp is ${theirs.wallMs - physical} ms ahead of this device's clock`,
        )
      }
      const nextWall = Math.max(wallMs, theirs.wallMs, physical)
      if (nextWall === wallMs && nextWall === theirs.wallMs) {
        return commit(nextWall, Math.max(counter, theirs.counter) + 1)
      }
      if (nextWall === wallMs) return commit(nextWall, counter + 1)
      if (nextWall === theirs.wallMs) return commit(nextWall, theirs.counter + 1)
      return commit(nextWall, 0)
    },

    last() {
      return formatHlc({ wallMs, counter, deviceId })
    },
  }
}
