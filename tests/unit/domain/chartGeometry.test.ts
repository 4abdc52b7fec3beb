import { describe, expect, it } from 'vitest'
import type { CivilDate } from '@/domain/civilDate'
import {
  GRID_VALUES,
  lineLayout,
  radarLayout,
  placeLabel,
  somethingToTalkAbout,
  unionBox,
  wrapLabel,
  type Box,
  type LabelAnchor,
  type Point,
  type SeriesInput,
} from '@/domain/chartGeometry'

const d = (value: string) => value as CivilDate
const keysOf = (count: number) => Array.from({ length: count }, (_, index) => `k${index}`)
/** The item at `index`, failing the test when there is none. */
function get<T>(list: readonly T[], index: number): T {
  const found = list[index]
  if (found === undefined) throw new Error(`nothing at ${index}`)
  return found
}
const near = (point: Point) => ({
  x: Math.round(point.x * 1e6) / 1e6 + 0,
  y: Math.round(point.y * 1e6) / 1e6 + 0,
})

describe('radarLayout: axes for 3–12 dimensions', () => {
  it.each(Array.from({ length: 10 }, (_, index) => index + 3))(
    '%i axes, evenly spaced, the first at the top',
    (count) => {
      const layout = radarLayout(keysOf(count), [])
      expect(layout.axes).toHaveLength(count)
      expect(near(get(layout.axes, 0).end)).toEqual({ x: 0, y: -100 })
      layout.axes.forEach((axis, index) => {
        expect(axis.angle).toBeCloseTo((2 * Math.PI * index) / count)
        expect(Math.hypot(axis.end.x, axis.end.y)).toBeCloseTo(100)
        expect(Math.hypot(axis.label.x, axis.label.y)).toBeCloseTo(layout.extent)
      })
      expect(layout.rings.map((ring) => ring.value)).toEqual([...GRID_VALUES])
      expect(layout.rings.every((ring) => ring.points.length === count)).toBe(true)
    },
  )

  it.each([2, 13, 0])('refuses %i axes', (count) => {
    expect(() => radarLayout(keysOf(count), [])).toThrow(RangeError)
  })

  it('refuses a dimension twice and more than two series', () => {
    expect(() => radarLayout(['a', 'b', 'a'], [])).toThrow(RangeError)
    const one = { id: 's', values: {} }
    expect(() => radarLayout(keysOf(3), [one, one, one])).toThrow(RangeError)
  })

  it.each<['ltr' | 'rtl', [number, number, string, string][]]>([
    [
      'ltr',
      [
        [0, -112, 'middle', 'auto'],
        [112, 0, 'start', 'middle'],
        [0, 112, 'middle', 'hanging'],
        [-112, 0, 'end', 'middle'],
      ],
    ],
    [
      'rtl',
      [
        [0, -112, 'middle', 'auto'],
        [-112, 0, 'start', 'middle'],
        [0, 112, 'middle', 'hanging'],
        [112, 0, 'end', 'middle'],
      ],
    ],
  ])(
    'four axes in %s: the second in reading direction, labels anchored away from the centre',
    (direction, expected) => {
      const layout = radarLayout(keysOf(4), [], direction)
      expect(
        layout.axes.map(({ label }) => [near(label).x, near(label).y, label.anchor, label.baseline]),
      ).toEqual(expected)
    },
  )

  it('mirrors every point right-to-left', () => {
    const series: SeriesInput[] = [{ id: 'citizen', values: { k0: 3, k1: 7, k2: 5, k3: 9, k4: 1 } }]
    const ltr = radarLayout(keysOf(5), series, 'ltr')
    const rtl = radarLayout(keysOf(5), series, 'rtl')
    get(ltr.series, 0).points.forEach((point, index) => {
      const mirrored = get(get(rtl.series, 0).points, index)
      expect(mirrored.x).toBeCloseTo(-point.x)
      expect(mirrored.y).toBeCloseTo(point.y)
    })
  })
})

describe('radarLayout: series', () => {
  const keys = keysOf(4)

  it('puts value v at v/10 of the radius, on its axis', () => {
    const layout = radarLayout(keys, [{ id: 'citizen', values: { k0: 10, k1: 5, k2: 1, k3: 8 } }])
    const series = get(layout.series, 0)
    expect(series.points.map((point) => [point.key, point.value, near(point)])).toEqual([
      ['k0', 10, { x: 0, y: -100 }],
      ['k1', 5, { x: 50, y: 0 }],
      ['k2', 1, { x: 0, y: 10 }],
      ['k3', 8, { x: -80, y: 0 }],
    ])
    expect(series.closed).toBe(true)
    expect(series.runs.map((run) => run.map((point) => point.key))).toEqual([['k0', 'k1', 'k2', 'k3']])
  })

  it.each<[string, Record<string, number | null>, string[][]]>([
    ['a skipped value is a gap, never a zero', { k0: 4, k1: null, k2: 6, k3: 7 }, [['k2', 'k3', 'k0']]],
    ['a missing key likewise', { k0: 4, k2: 6 }, [['k2'], ['k0']]],
    ['values off the scale are not drawn', { k0: 0, k1: 11, k2: 6, k3: 5.5 }, [['k2', 'k3']]],
    ['nothing given', {}, []],
  ])('%s', (_name, values, runs) => {
    const series = get(radarLayout(keys, [{ id: 'worker', values }]).series, 0)
    expect(series.closed).toBe(false)
    expect(series.runs.map((run) => run.map((point) => point.key))).toEqual(runs)
  })

  it('draws two series on the same axes', () => {
    const layout = radarLayout(keys, [
      { id: 'start', values: { k0: 2, k1: 2, k2: 2, k3: 2 } },
      { id: 'now', values: { k0: 6, k1: 6, k2: 6, k3: 6 } },
    ])
    expect(layout.series.map((series) => series.id)).toEqual(['start', 'now'])
    expect(near(get(get(layout.series, 1).points, 1))).toEqual({ x: 60, y: 0 })
  })
})

describe('lineLayout', () => {
  const citizen = {
    id: 'citizen',
    values: [
      { date: d('2026-04-20'), value: 4 },
      { date: d('2026-01-10'), value: 1 },
      { date: d('2026-07-19'), value: null },
      { date: d('2026-10-27'), value: 10 },
    ],
  }
  const worker = { id: 'worker', values: [{ date: d('2026-01-10'), value: 6 }] }

  it('places dates along x by days, values 1–10 up y, with a gap where a rating was skipped', () => {
    const layout = lineLayout([citizen, worker], 'ltr', 290, 90)
    // 1 Jan 10 → 0, 27 Oct → 290 (290 days), 20 Apr (100 days) → 100.
    expect(get(layout.series, 0).markers.map((marker) => [marker.date, marker.x, marker.y])).toEqual([
      ['2026-01-10', 0, 90],
      ['2026-04-20', 100, 60],
      ['2026-10-27', 290, 0],
    ])
    expect(get(layout.series, 0).runs.map((run) => run.length)).toEqual([2, 1])
    expect(layout.xTicks.map((tick) => [tick.date, tick.x])).toEqual([
      ['2026-01-10', 0],
      ['2026-04-20', 100],
      ['2026-07-19', 190],
      ['2026-10-27', 290],
    ])
    expect(layout.yTicks).toHaveLength(10)
    expect(layout.yTicks[0]).toEqual({ value: 1, y: 90 })
    expect(layout.yTicks[9]).toEqual({ value: 10, y: 0 })
  })

  it('mirrors x right-to-left: the first date at the right', () => {
    const layout = lineLayout([citizen], 'rtl', 290, 90)
    expect(get(layout.series, 0).markers.map((marker) => marker.x)).toEqual([290, 190, 0])
  })

  it('puts a single date in the middle', () => {
    expect(get(lineLayout([worker], 'ltr', 200, 90).series, 0).markers[0]).toMatchObject({ x: 100, y: 40 })
  })

  it('draws nothing for no ratings', () => {
    expect(lineLayout([], 'ltr')).toMatchObject({ series: [], xTicks: [] })
  })
})

describe('somethingToTalkAbout', () => {
  const keys = ['safety', 'housing', 'economy', 'network', 'children']
  it.each<[string, Record<string, number | null>, Record<string, number | null>, string[]]>([
    ['equal ratings', { safety: 5 }, { safety: 5 }, []],
    ['two apart is not yet', { safety: 5 }, { safety: 7 }, []],
    ['three apart, either way', { safety: 8, housing: 2 }, { safety: 5, housing: 5 }, ['safety', 'housing']],
    ['nine apart', { economy: 1 }, { economy: 10 }, ['economy']],
    ['skipped by one of them: not compared', { network: null, children: 9 }, { network: 1 }, []],
  ])('%s', (_name, citizen, worker, expected) => {
    expect(somethingToTalkAbout(keys, citizen, worker).map((point) => point.key)).toEqual(expected)
  })

  it('says how far apart, never who is higher', () => {
    expect(somethingToTalkAbout(keys, { housing: 2 }, { housing: 6 })).toEqual([
      { key: 'housing', citizen: 2, worker: 6, difference: 4 },
    ])
  })
})

describe('wrapLabel', () => {
  it.each<[string, number, string[]]>([
    ['Bolig', 12, ['Bolig']],
    ['Uddannelse og arbejde', 12, ['Uddannelse', 'og arbejde']],
    ['Alkohol, stoffer og medicin', 12, ['Alkohol,', 'stoffer og', 'medicin']],
    ['Tryghed og sikkerhed', 20, ['Tryghed og sikkerhed']],
    ['Gesundheitsversorgungssystem ok', 10, ['Gesundheitsversorgungssystem', 'ok']],
    ['  two   spaces  ', 20, ['two spaces']],
    ['', 10, []],
  ])('%s in lines of %i', (text, max, lines) => {
    expect(wrapLabel(text, max)).toEqual(lines)
  })
})

describe('placeLabel', () => {
  const at = (x: number, y: number, anchor: LabelAnchor['anchor'], baseline: LabelAnchor['baseline']) =>
    ({ x, y, anchor, baseline }) as const
  it.each<[string, LabelAnchor, 'ltr' | 'rtl', number[], Box]>([
    // 2 lines, widest 4 chars × 6 = 24 wide, lines 10 apart.
    [
      'above, centred: grows upwards',
      at(0, -100, 'middle', 'auto'),
      'ltr',
      [-115, -105],
      { minX: -12, maxX: 12, minY: -120, maxY: -100 },
    ],
    [
      'below: grows downwards',
      at(0, 100, 'middle', 'hanging'),
      'ltr',
      [105, 115],
      { minX: -12, maxX: 12, minY: 100, maxY: 120 },
    ],
    [
      'beside, start, ltr: rightwards, centred on y',
      at(100, 0, 'start', 'middle'),
      'ltr',
      [-5, 5],
      { minX: 100, maxX: 124, minY: -10, maxY: 10 },
    ],
    [
      'beside, start, rtl: leftwards',
      at(-100, 0, 'start', 'middle'),
      'rtl',
      [-5, 5],
      { minX: -124, maxX: -100, minY: -10, maxY: 10 },
    ],
    [
      'end, ltr: leftwards',
      at(-100, 0, 'end', 'middle'),
      'ltr',
      [-5, 5],
      { minX: -124, maxX: -100, minY: -10, maxY: 10 },
    ],
    [
      'end, rtl: rightwards',
      at(100, 0, 'end', 'middle'),
      'rtl',
      [-5, 5],
      { minX: 100, maxX: 124, minY: -10, maxY: 10 },
    ],
  ])('%s', (_name, label, direction, ys, box) => {
    const placed = placeLabel(label, ['abcd', 'ab'], direction, 6, 10)
    expect(placed.lines.map((line) => [line.text, line.x, line.y])).toEqual([
      ['abcd', label.x, ys[0]],
      ['ab', label.x, ys[1]],
    ])
    expect(placed.box).toEqual(box)
  })

  it('holds the labels of a star for every count in a union box', () => {
    const layout = radarLayout(keysOf(7), [], 'rtl')
    const boxes = layout.axes.map((axis) => placeLabel(axis.label, ['a label'], 'rtl', 6, 12).box)
    const all = unionBox([...boxes, { minX: -100, minY: -100, maxX: 100, maxY: 100 }], 4)
    for (const box of boxes) {
      expect(box.minX).toBeGreaterThanOrEqual(all.minX)
      expect(box.maxX).toBeLessThanOrEqual(all.maxX)
    }
    expect(all.minY).toBeLessThan(-112)
    expect(all.maxX).toBeGreaterThan(100)
  })
})
