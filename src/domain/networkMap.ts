/**
 * The network map's geometry: the citizen in the centre, one ring per closeness (close, some
 * contact, distant) and, around the rings, one sector per kind of contact (family, friends, …).
 * Pure and deterministic, so the SVG only draws what this computes and a test can check it.
 *
 * Units: one unit is the smallest distance between the centres of two people (`SPACING`), so a
 * drawing that gives each person a mark narrower than one unit never overlaps two of them. The
 * rings grow when many people share one: 60 people are as readable as the screen allows, and
 * the accessible list beside the map says the same thing in words.
 *
 * Angles start at the top and run in reading direction (clockwise left-to-right, counter-
 * clockwise right-to-left), so the first kind is where a reader of the language looks first.
 */

import { closenessLevels, networkKinds, type Closeness, type NetworkKind } from './networkKinds'

// The lists live in the primitive `networkKinds.ts` (the contact schema reads them too).
export { closenessLevels, networkKinds, type Closeness, type NetworkKind }

/** The smallest distance between the centres of two people, and between a ring's people and the next ring's. */
export const SPACING = 1
/** The citizen's own mark in the centre: people keep at least this far plus `SPACING` from its middle. */
export const CENTRE_RADIUS = 0.75
/** The thinnest a ring is drawn, so an empty ring still shows where a person would go. */
export const MIN_RING_WIDTH = 1.5

/** A person as the map needs them: nothing more than where they belong. */
export interface MapPerson {
  readonly id: string
  readonly kind: NetworkKind
  readonly closeness: Closeness
}

/** A person's place: `x` to the reading direction's end, `y` downwards, the centre at 0,0. */
export interface PlacedPerson extends MapPerson {
  readonly x: number
  readonly y: number
  /** Distance from the centre. */
  readonly radius: number
  /** Angle from the top in reading direction, in radians (0 ≤ angle < 2π). */
  readonly angle: number
}

/** One ring: its people sit on `radius`; it is drawn from `inner` to `outer`. */
export interface MapRing {
  readonly closeness: Closeness
  readonly inner: number
  readonly radius: number
  readonly outer: number
}

/** One kind's sector, in reading-direction angles from the top. */
export interface MapSector {
  readonly kind: NetworkKind
  readonly start: number
  readonly end: number
  /** How many people of this kind the map holds. */
  readonly count: number
  /** Where the sector's name goes: outside the last ring, in the middle of the sector. */
  readonly labelX: number
  readonly labelY: number
}

export interface NetworkMapLayout {
  readonly people: readonly PlacedPerson[]
  readonly rings: readonly MapRing[]
  /** Only kinds with at least one person, in `networkKinds` order. */
  readonly sectors: readonly MapSector[]
  /** Half the width of a square drawing that holds everything, sector names included. */
  readonly extent: number
}

const FULL_TURN = 2 * Math.PI
/** How far outside the last ring the sector names sit. */
const LABEL_GAP = 0.9

/**
 * The radius at which points `angle` apart on a circle are at least `SPACING` apart. Beyond half
 * a turn the closest neighbour is on the other side, so the angle counts as at most half a turn.
 */
function radiusForSpacing(angle: number): number {
  return SPACING / (2 * Math.sin(Math.min(angle, Math.PI) / 2))
}

/** A point at `radius` and `angle` from the top, turning in reading direction (the star chart's axes too). */
export function pointAt(radius: number, angle: number, direction: 'ltr' | 'rtl'): { x: number; y: number } {
  const along = radius * Math.sin(angle)
  return { x: direction === 'ltr' ? along : -along, y: -radius * Math.cos(angle) }
}

/**
 * Sector widths in proportion to how many people each kind has, with one extra share per kind so
 * a kind of one person still has room beside a kind of twenty.
 */
function sectorsOf(
  people: readonly MapPerson[],
): { kind: NetworkKind; start: number; end: number; count: number }[] {
  const counts = networkKinds
    .map((kind) => ({ kind, count: people.filter((person) => person.kind === kind).length }))
    .filter((entry) => entry.count > 0)
  const shares = counts.reduce((sum, entry) => sum + entry.count + 1, 0)
  let start = 0
  return counts.map((entry, index) => {
    // The last sector closes the circle exactly, whatever rounding did before it.
    const end = index === counts.length - 1 ? FULL_TURN : start + (FULL_TURN * (entry.count + 1)) / shares
    const sector = { kind: entry.kind, start, end, count: entry.count }
    start = end
    return sector
  })
}

/**
 * Lays out a network. People keep the order they come in within their kind and ring (the caller
 * sorts, e.g. by name), so the same network always gives the same picture.
 */
export function layoutNetworkMap(
  people: readonly MapPerson[],
  direction: 'ltr' | 'rtl' = 'ltr',
): NetworkMapLayout {
  const sectors = sectorsOf(people)
  const placed = new Map<MapPerson, PlacedPerson>()
  const rings: MapRing[] = []
  let inner = CENTRE_RADIUS + SPACING / 2

  for (const closeness of closenessLevels) {
    const inRing = people.filter((person) => person.closeness === closeness)
    // The people of one kind spread evenly over their sector; two neighbours in this ring are
    // never closer in angle than the narrowest such step, across sector borders included.
    const steps = sectors.flatMap((sector) => {
      const count = inRing.filter((person) => person.kind === sector.kind).length
      return count === 0 ? [] : [{ sector, count, step: (sector.end - sector.start) / count }]
    })
    const narrowest = Math.min(...steps.map((entry) => entry.step))
    const crowded = inRing.length > 1 ? radiusForSpacing(narrowest) : 0
    const radius = Math.max(inner + SPACING / 2, crowded)
    const outer = Math.max(radius + SPACING / 2, inner + MIN_RING_WIDTH)
    rings.push({ closeness, inner, radius, outer })

    for (const { sector, step } of steps) {
      inRing
        .filter((person) => person.kind === sector.kind)
        .forEach((person, index) => {
          const angle = sector.start + (index + 0.5) * step
          placed.set(person, { ...person, ...pointAt(radius, angle, direction), radius, angle })
        })
    }
    inner = outer
  }

  const labelRadius = inner + LABEL_GAP
  return {
    // Back in the order the caller gave, so a list and the map read alike.
    people: people.map((person) => placed.get(person) ?? unplaced(person)),
    rings,
    sectors: sectors.map((sector) => {
      const label = pointAt(labelRadius, (sector.start + sector.end) / 2, direction)
      return { ...sector, labelX: label.x, labelY: label.y }
    }),
    extent: labelRadius + LABEL_GAP,
  }
}

function unplaced(person: MapPerson): never {
  throw new Error(`No place computed for ${person.id}`)
}
