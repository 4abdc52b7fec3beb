import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SPACING, closenessLevels, layoutNetworkMap, networkKinds, type MapPerson } from '@/domain/networkMap'
import { MARK_RADIUS, markPath, shapeCorners, textSizeOf, viewBoxOf } from '@/features/networkMap/marks'

/** Every point a path visits (its M and L commands; a circle's start and far side). */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = []
  for (const match of d.matchAll(/([ML])(-?[\d.]+) (-?[\d.]+)/g))
    points.push([Number(match[2]), Number(match[3])])
  return points
}

describe('network map marks', () => {
  it('keep every mark inside MARK_RADIUS, which is less than half the spacing of two people', () => {
    expect(MARK_RADIUS).toBeLessThan(SPACING / 2)
    for (const kind of networkKinds) {
      for (const [x, y] of shapeCorners(kind)) expect(Math.hypot(x, y)).toBeLessThanOrEqual(1 + 1e-9)
    }
  })

  it.each(networkKinds)('%s has a shape of its own', (kind) => {
    const others = networkKinds.filter((other) => other !== kind).map((other) => markPath(other, 0, 0))
    expect(others).not.toContain(markPath(kind, 0, 0))
  })

  it.each(networkKinds)('%s is drawn around the point it is given', (kind) => {
    for (const [x, y] of pathPoints(markPath(kind, 3, -2))) {
      expect(Math.hypot(x - 3, y + 2)).toBeLessThanOrEqual(MARK_RADIUS + 0.001)
    }
  })

  it('never lets two marks overlap, for any network of 0 to 60 people, in either direction', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...networkKinds),
            closeness: fc.constantFrom(...closenessLevels),
          }),
          { maxLength: 60 },
        ),
        fc.constantFrom('ltr' as const, 'rtl' as const),
        (entries, direction) => {
          const people: MapPerson[] = entries.map((entry, index) => ({ ...entry, id: `p${index}` }))
          const layout = layoutNetworkMap(people, direction)
          layout.people.forEach((a, i) => {
            layout.people.slice(i + 1).forEach((b) => {
              expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * MARK_RADIUS)
            })
          })
          // Everything drawn lies inside the frame: people, and the kinds' counts beside their label point.
          const [minX, , width] = viewBoxOf(layout).split(' ').map(Number)
          const half = (width ?? 0) / 2
          expect(minX).toBeCloseTo(-half)
          for (const person of layout.people) expect(person.radius + MARK_RADIUS).toBeLessThan(half)
          const text = textSizeOf(layout)
          for (const sector of layout.sectors) {
            expect(Math.abs(sector.labelX) + text * 1.5).toBeLessThan(half + 1e-9)
            expect(Math.abs(sector.labelY) + text / 2).toBeLessThan(half)
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('grows the text with the drawing, so a large network keeps readable counts', () => {
    const small = layoutNetworkMap([{ id: 'a', kind: 'family', closeness: 'close' }])
    const large = layoutNetworkMap(
      Array.from({ length: 60 }, (_, index) => ({
        id: `p${index}`,
        kind: 'friend' as const,
        closeness: 'close' as const,
      })),
    )
    expect(large.extent).toBeGreaterThan(small.extent)
    expect(textSizeOf(large) / large.extent).toBeCloseTo(textSizeOf(small) / small.extent, 1)
  })
})
