import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CENTRE_RADIUS,
  MIN_RING_WIDTH,
  SPACING,
  closenessLevels,
  layoutNetworkMap,
  networkKinds,
  type MapPerson,
  type NetworkMapLayout,
} from '@/domain/networkMap'

const person = (id: string, kind: MapPerson['kind'], closeness: MapPerson['closeness']): MapPerson => ({
  id,
  kind,
  closeness,
})

const arbitraryNetwork = fc
  .array(
    fc.record({ kind: fc.constantFrom(...networkKinds), closeness: fc.constantFrom(...closenessLevels) }),
    {
      maxLength: 60,
    },
  )
  .map((people) => people.map((p, index) => ({ ...p, id: `p${index}` })))

function closestPair(layout: NetworkMapLayout): number {
  let closest = Infinity
  layout.people.forEach((a, i) => {
    layout.people.slice(i + 1).forEach((b) => {
      closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y))
    })
  })
  return closest
}

const EPSILON = 1e-9

describe('layoutNetworkMap', () => {
  it('draws three empty rings around the citizen when there is no one yet', () => {
    const layout = layoutNetworkMap([])
    expect(layout.people).toEqual([])
    expect(layout.sectors).toEqual([])
    expect(layout.rings.map((ring) => ring.closeness)).toEqual(['close', 'some', 'distant'])
    for (const ring of layout.rings) expect(ring.outer - ring.inner).toBeCloseTo(MIN_RING_WIDTH)
    expect(layout.rings[0]?.inner).toBeCloseTo(CENTRE_RADIUS + SPACING / 2)
  })

  it.each([
    ['one close friend sits on the close ring, straight above the centre', [person('a', 'friend', 'close')]],
    ['one distant authority sits on the distant ring', [person('a', 'authority', 'distant')]],
  ])('%s', (_, people) => {
    const layout = layoutNetworkMap(people)
    const [placed] = layout.people
    const ring = layout.rings.find((r) => r.closeness === people[0]?.closeness)
    expect(placed?.radius).toBeCloseTo(ring?.radius ?? NaN)
    expect(placed?.angle).toBeCloseTo(Math.PI)
    expect(layout.sectors).toHaveLength(1)
  })

  it('gives each kind a sector in the fixed order, wider for kinds with more people', () => {
    const people = [
      person('d', 'professional', 'some'),
      person('a', 'family', 'close'),
      person('b', 'family', 'close'),
      person('c', 'family', 'distant'),
    ]
    const layout = layoutNetworkMap(people)
    expect(layout.sectors.map((s) => [s.kind, s.count])).toEqual([
      ['family', 3],
      ['professional', 1],
    ])
    const [family, professional] = layout.sectors
    expect(family?.start).toBe(0)
    expect(professional?.end).toBeCloseTo(2 * Math.PI)
    expect((family?.end ?? 0) - (family?.start ?? 0)).toBeCloseTo(Math.PI * 2 * (4 / 6))
    // The caller's order is kept.
    expect(layout.people.map((p) => p.id)).toEqual(['d', 'a', 'b', 'c'])
  })

  it('right-to-left is the mirror image of left-to-right', () => {
    const people = [
      person('a', 'family', 'close'),
      person('b', 'friend', 'some'),
      person('c', 'shelter', 'distant'),
    ]
    const ltr = layoutNetworkMap(people, 'ltr')
    const rtl = layoutNetworkMap(people, 'rtl')
    rtl.people.forEach((p, i) => {
      expect(p.x).toBeCloseTo(-(ltr.people[i]?.x ?? NaN))
      expect(p.y).toBeCloseTo(ltr.people[i]?.y ?? NaN)
    })
    rtl.sectors.forEach((s, i) => {
      expect(s.labelX).toBeCloseTo(-(ltr.sectors[i]?.labelX ?? NaN))
    })
    // The first kind starts at the top and turns towards the reading direction's end.
    expect(ltr.people[0]?.x).toBeGreaterThan(0)
    expect(rtl.people[0]?.x).toBeLessThan(0)
  })

  it('grows a crowded ring instead of letting marks overlap: sixty close friends', () => {
    const people = Array.from({ length: 60 }, (_, i) => person(`f${i}`, 'friend', 'close'))
    const layout = layoutNetworkMap(people)
    expect(closestPair(layout)).toBeGreaterThanOrEqual(SPACING - EPSILON)
    expect(layout.rings[0]?.radius).toBeGreaterThan(9)
  })

  it('for any network of 0–60 people: no overlaps, rings in order, each person in their sector and the drawing', () => {
    fc.assert(
      fc.property(arbitraryNetwork, fc.constantFrom('ltr' as const, 'rtl' as const), (people, direction) => {
        const layout = layoutNetworkMap(people, direction)
        expect(layout.people).toHaveLength(people.length)
        expect(closestPair(layout)).toBeGreaterThanOrEqual(SPACING - EPSILON)
        layout.rings.forEach((ring, i) => {
          expect(ring.inner).toBeLessThan(ring.radius)
          expect(ring.radius).toBeLessThan(ring.outer)
          const next = layout.rings[i + 1]
          if (next) {
            expect(next.inner).toBeCloseTo(ring.outer)
            expect(next.radius - ring.radius).toBeGreaterThanOrEqual(SPACING - EPSILON)
          }
        })
        for (const placed of layout.people) {
          const ring = layout.rings.find((r) => r.closeness === placed.closeness)
          const sector = layout.sectors.find((s) => s.kind === placed.kind)
          expect(placed.radius).toBeCloseTo(ring?.radius ?? NaN)
          expect(placed.radius).toBeGreaterThanOrEqual(CENTRE_RADIUS + SPACING - EPSILON)
          expect(placed.angle).toBeGreaterThan(sector?.start ?? NaN)
          expect(placed.angle).toBeLessThan(sector?.end ?? NaN)
          expect(Math.hypot(placed.x, placed.y)).toBeCloseTo(placed.radius)
          expect(Math.abs(placed.x)).toBeLessThan(layout.extent)
          expect(Math.abs(placed.y)).toBeLessThan(layout.extent)
        }
        expect(layoutNetworkMap(people, direction)).toEqual(layout)
      }),
      { numRuns: 300 },
    )
  })
})
