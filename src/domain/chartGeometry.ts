/**
 * The geometry of the rating charts (issue #13, item 3), so the SVG only draws what is computed
 * here and a test can check it:
 * - the star (radar): one axis per dimension (3–12), from the top in reading direction
 *   (mirrored right-to-left, as the network map), value 1–10 out from the centre, two series
 *   (start and now; citizen and worker) — a skipped or not-applicable value leaves a gap in its
 *   series' outline rather than a point at zero;
 * - a line per dimension over time: dates along x (mirrored right-to-left), 1–10 up y, gaps for
 *   skipped ratings;
 * - where the citizen and her worker differ by `TALK_ABOUT_DIFFERENCE` or more on a dimension:
 *   "something to talk about", never one of them being wrong.
 *
 * Coordinates: `x` to the right, `y` downwards (SVG). The star is centred on 0,0; the line
 * chart's plot runs from 0,0 to `width`,`height`.
 */
import { daysBetween, type CivilDate } from './civilDate'
import { RATING_MAX, RATING_MIN } from './lifeAreas'
import { pointAt } from './networkMap'

/** Reading direction of the page the chart is drawn in. */
export type Direction = 'ltr' | 'rtl'

/** A dimension's value in one rating: 1–10, or null when skipped or not applicable. */
export type ChartValue = number | null

/** The fewest and most dimensions a star chart draws. */
export const MIN_AXES = 3
export const MAX_AXES = 12

/** A point of a drawing. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** Where a label's text sits relative to its point, as SVG `text-anchor` and `dominant-baseline`. */
export interface LabelAnchor extends Point {
  /** For an SVG whose `direction` follows the page: `start` runs in reading direction. */
  readonly anchor: 'start' | 'middle' | 'end'
  readonly baseline: 'auto' | 'middle' | 'hanging'
}

/** One axis of the star. */
export interface RadarAxis {
  readonly key: string
  /** Angle from the top in reading direction, radians. */
  readonly angle: number
  /** The axis's outer end, at value 10. */
  readonly end: Point
  readonly label: LabelAnchor
}

/** A value drawn on an axis. */
export interface PlottedValue extends Point {
  readonly key: string
  readonly value: number
}

/** One series of the star. */
export interface RadarSeries {
  readonly id: string
  /** Every value that was given, in axis order. */
  readonly points: readonly PlottedValue[]
  /**
   * The outline: one closed ring when every axis has a value; otherwise the runs of neighbouring
   * values, each drawn as an open line (a single value is a marker only).
   */
  readonly closed: boolean
  readonly runs: readonly (readonly PlottedValue[])[]
}

export interface RadarLayout {
  readonly axes: readonly RadarAxis[]
  /** Grid rings at these values, each a closed polygon through every axis. */
  readonly rings: readonly { readonly value: number; readonly points: readonly Point[] }[]
  readonly series: readonly RadarSeries[]
  /** Half the width of a square that holds everything, labels' points included. */
  readonly extent: number
}

/** A series to draw: its id and each dimension's value (a missing key counts as no value). */
export interface SeriesInput {
  readonly id: string
  readonly values: Readonly<Record<string, ChartValue>>
}

/** The values the grid rings mark. */
export const GRID_VALUES = [2, 4, 6, 8, 10] as const
/** How far beyond the axis end its label sits, as a share of the radius. */
const LABEL_GAP = 0.12
/** Below this a coordinate counts as on the centre line (so a label sits centred). */
const EPSILON = 1e-9

function isOnScale(value: ChartValue | undefined): value is number {
  return typeof value === 'number' && value >= RATING_MIN && value <= RATING_MAX
}

function labelAt(point: Point, direction: Direction): LabelAnchor {
  const towardsEnd = direction === 'ltr' ? point.x > EPSILON : point.x < -EPSILON
  const towardsStart = direction === 'ltr' ? point.x < -EPSILON : point.x > EPSILON
  return {
    ...point,
    anchor: towardsEnd ? 'start' : towardsStart ? 'end' : 'middle',
    baseline: point.y < -EPSILON ? 'auto' : point.y > EPSILON ? 'hanging' : 'middle',
  }
}

/** Runs of neighbouring present values around a ring of `length` axes, starting after a gap. */
function runsAround<T>(slots: readonly (T | null)[]): T[][] {
  const firstGap = slots.indexOf(null)
  if (firstGap < 0) return [slots.filter((slot): slot is T => slot !== null)]
  const runs: T[][] = []
  let run: T[] = []
  for (let step = 1; step <= slots.length; step++) {
    const slot = slots[(firstGap + step) % slots.length] ?? null
    if (slot === null) {
      if (run.length > 0) runs.push(run)
      run = []
    } else run.push(slot)
  }
  return runs
}

/**
 * The star chart for `keys` (3–12 dimensions, in order) and up to two series, `radius` being the
 * distance from the centre to value 10.
 * @throws {RangeError} for fewer than 3 or more than 12 axes, more than two series, or a key twice.
 */
export function radarLayout(
  keys: readonly string[],
  series: readonly SeriesInput[],
  direction: Direction = 'ltr',
  radius = 100,
): RadarLayout {
  if (keys.length < MIN_AXES || keys.length > MAX_AXES)
    throw new RangeError(`A star chart draws ${MIN_AXES}–${MAX_AXES} dimensions, got ${keys.length}`)
  if (series.length > 2)
    throw new RangeError(`A star chart compares at most two ratings, got ${series.length}`)
  if (new Set(keys).size !== keys.length) throw new RangeError('A dimension appears twice')
  const angles = keys.map((_, index) => (2 * Math.PI * index) / keys.length)
  const at = (value: number, angle: number) => pointAt((radius * value) / RATING_MAX, angle, direction)
  const axes = keys.map((key, index) => {
    const angle = angles[index] ?? 0
    return {
      key,
      angle,
      end: at(RATING_MAX, angle),
      label: labelAt(pointAt(radius * (1 + LABEL_GAP), angle, direction), direction),
    }
  })
  return {
    axes,
    rings: GRID_VALUES.map((value) => ({ value, points: angles.map((angle) => at(value, angle)) })),
    series: series.map(({ id, values }) => {
      const slots = axes.map(({ key, angle }) => {
        const value = values[key]
        return isOnScale(value) ? { key, value, ...at(value, angle) } : null
      })
      const points = slots.filter((slot) => slot !== null)
      return { id, points, closed: points.length === keys.length, runs: runsAround(slots) }
    }),
    extent: radius * (1 + LABEL_GAP),
  }
}

/** One rating of one dimension over time. */
export interface TimedValue {
  readonly date: CivilDate
  readonly value: ChartValue
}

/** A series of the line chart. */
export interface LineSeries {
  readonly id: string
  /** A marker per value given, in date order. */
  readonly markers: readonly (PlottedValue & { readonly date: CivilDate })[]
  /** The line: runs of values with no skipped rating between them. */
  readonly runs: readonly (readonly Point[])[]
}

export interface LineLayout {
  readonly series: readonly LineSeries[]
  /** Tick marks along y: every value of the scale. */
  readonly yTicks: readonly { readonly value: number; readonly y: number }[]
  /** Tick marks along x: every date a rating was given, once, in date order. */
  readonly xTicks: readonly { readonly date: CivilDate; readonly x: number }[]
}

/**
 * A line chart of one dimension: each series' ratings by date, from the first date (at the
 * reading direction's start) to the last; a single date sits in the middle.
 */
export function lineLayout(
  series: readonly { readonly id: string; readonly values: readonly TimedValue[] }[],
  direction: Direction = 'ltr',
  width = 300,
  height = 150,
): LineLayout {
  const dates = [...new Set(series.flatMap((one) => one.values.map((entry) => entry.date)))].sort()
  const first = dates[0]
  const last = dates.at(-1)
  const span = first === undefined || last === undefined ? 0 : daysBetween(first, last)
  const xOf = (date: CivilDate): number => {
    const along = span === 0 || first === undefined ? width / 2 : (width * daysBetween(first, date)) / span
    return direction === 'ltr' ? along : width - along
  }
  const yOf = (value: number): number => height - (height * (value - RATING_MIN)) / (RATING_MAX - RATING_MIN)
  return {
    series: series.map(({ id, values }) => {
      const sorted = [...values].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      const slots = sorted.map(({ date, value }) =>
        isOnScale(value) ? { key: date, date, value, x: xOf(date), y: yOf(value) } : null,
      )
      const runs: PlottedValue[][] = []
      let run: PlottedValue[] = []
      for (const slot of [...slots, null]) {
        if (slot !== null) run.push(slot)
        else if (run.length > 0) {
          runs.push(run)
          run = []
        }
      }
      return { id, markers: slots.filter((slot) => slot !== null), runs }
    }),
    yTicks: Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, index) => {
      const value = RATING_MIN + index
      return { value, y: yOf(value) }
    }),
    xTicks: dates.map((date) => ({ date, x: xOf(date) })),
  }
}

/** From this difference between the citizen's and the worker's rating, a dimension is worth talking about. */
export const TALK_ABOUT_DIFFERENCE = 3

/** A dimension where the two ratings differ enough to talk about. */
export interface TalkingPoint {
  readonly key: string
  readonly citizen: number
  readonly worker: number
  /** How far apart they are (never which one is higher: neither is wrong). */
  readonly difference: number
}

/**
 * The dimensions, in `keys` order, where the citizen's and the worker's ratings of the same stage
 * are `TALK_ABOUT_DIFFERENCE` or more apart. A dimension either of them skipped is not compared.
 */
export function somethingToTalkAbout(
  keys: readonly string[],
  citizen: Readonly<Record<string, ChartValue>>,
  worker: Readonly<Record<string, ChartValue>>,
): TalkingPoint[] {
  return keys.flatMap((key) => {
    const mine = citizen[key]
    const theirs = worker[key]
    if (!isOnScale(mine) || !isOnScale(theirs)) return []
    const difference = Math.abs(mine - theirs)
    return difference >= TALK_ABOUT_DIFFERENCE ? [{ key, citizen: mine, worker: theirs, difference }] : []
  })
}

/** One line of a label as drawn: its text and where it sits (SVG `dominant-baseline: central`). */
export interface LabelLine extends Point {
  readonly text: string
}

/** A box, as the union of what a drawing holds. */
export interface Box {
  readonly minX: number
  readonly minY: number
  readonly maxX: number
  readonly maxY: number
}

/**
 * A label's text broken at spaces into lines of at most `maxChars` characters, so a long
 * dimension name stays beside its axis instead of running off the drawing (a longer word stays
 * whole on its own line).
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = []
  for (const word of text
    .trim()
    .split(/\s+/)
    .filter((part) => part !== '')) {
    const last = lines.at(-1)
    if (last !== undefined && last.length + 1 + word.length <= maxChars)
      lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

/**
 * Where each line of a label goes, and the box it takes, for glyphs about `charWidth` wide and
 * lines `lineHeight` apart: a label above its point grows upwards, one below grows downwards, one
 * beside it is centred on it; its width runs from the anchor in the page's reading direction.
 */
export function placeLabel(
  label: LabelAnchor,
  lines: readonly string[],
  direction: Direction,
  charWidth: number,
  lineHeight: number,
): { readonly lines: readonly LabelLine[]; readonly box: Box } {
  const count = lines.length
  const yOf = (index: number): number =>
    label.baseline === 'auto'
      ? label.y - (count - 1 - index) * lineHeight - lineHeight / 2
      : label.baseline === 'hanging'
        ? label.y + index * lineHeight + lineHeight / 2
        : label.y + (index - (count - 1) / 2) * lineHeight
  const width = Math.max(0, ...lines.map((line) => line.length)) * charWidth
  // `start` runs in reading direction: rightwards left-to-right, leftwards right-to-left.
  const rightwards = (label.anchor === 'start') === (direction === 'ltr')
  const minX = label.anchor === 'middle' ? label.x - width / 2 : rightwards ? label.x : label.x - width
  const placed = lines.map((text, index) => ({ text, x: label.x, y: yOf(index) }))
  const ys = placed.map((line) => line.y)
  return {
    lines: placed,
    box: {
      minX,
      maxX: minX + width,
      minY: count === 0 ? label.y : Math.min(...ys) - lineHeight / 2,
      maxY: count === 0 ? label.y : Math.max(...ys) + lineHeight / 2,
    },
  }
}

/** The smallest box holding all of `boxes`, grown by `margin` on every side. */
export function unionBox(boxes: readonly Box[], margin = 0): Box {
  return {
    minX: Math.min(...boxes.map((box) => box.minX)) - margin,
    minY: Math.min(...boxes.map((box) => box.minY)) - margin,
    maxX: Math.max(...boxes.map((box) => box.maxX)) + margin,
    maxY: Math.max(...boxes.map((box) => box.maxY)) + margin,
  }
}
