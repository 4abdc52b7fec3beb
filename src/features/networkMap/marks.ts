/**
 * The marks the network map draws: one shape per kind of contact, so the map reads in black and
 * white (shapes, never colour alone), and the drawing's frame. Pure geometry beside the domain's
 * layout (domain/networkMap.ts): every mark stays within `MARK_RADIUS` of its centre, and the
 * layout keeps centres `SPACING` apart, so two marks never overlap.
 */
import { SPACING, type Closeness, type NetworkKind, type NetworkMapLayout } from '@/domain/networkMap'

/** The rings' three greys, darkest closest, so they read apart in black and white (drawing and legend). */
export const BAND_SHADES: Readonly<Record<Closeness, string>> = {
  close: '#d4d4d4',
  some: '#e8e8e8',
  distant: '#f7f7f7',
}

/** Less than half of `SPACING`, with room for the outline. */
export const MARK_RADIUS = 0.4 * SPACING

type Point = readonly [number, number]

/** Corners of a regular polygon of `sides` around 0,0 at radius 1, the first straight up. */
function polygon(sides: number, turn = 0): Point[] {
  return Array.from({ length: sides }, (_, index) => {
    const angle = ((index + turn) * 2 * Math.PI) / sides
    return [Math.sin(angle), -Math.cos(angle)] as const
  })
}

function star(): Point[] {
  return Array.from({ length: 10 }, (_, index) => {
    const angle = (index * Math.PI) / 5
    const radius = index % 2 === 0 ? 1 : 0.45
    return [radius * Math.sin(angle), -radius * Math.cos(angle)] as const
  })
}

const plus: Point[] = [
  [-0.3, -0.9],
  [0.3, -0.9],
  [0.3, -0.3],
  [0.9, -0.3],
  [0.9, 0.3],
  [0.3, 0.3],
  [0.3, 0.9],
  [-0.3, 0.9],
  [-0.3, 0.3],
  [-0.9, 0.3],
  [-0.9, -0.3],
  [-0.3, -0.3],
]

const house: Point[] = [
  [0, -0.95],
  [0.8, -0.25],
  [0.7, -0.25],
  [0.7, 0.7],
  [-0.7, 0.7],
  [-0.7, -0.25],
  [-0.8, -0.25],
]

/** The outline of each kind at radius 1; null draws a circle. */
const SHAPES: Record<NetworkKind, readonly Point[] | null> = {
  family: null,
  friend: polygon(4, 0.5).map(([x, y]) => [x * 0.97, y * 0.97] as const),
  // Lowered a little so it looks centred, and shrunk so its corners stay inside the circle.
  neighbour: polygon(3).map(([x, y]) => [x * 0.9, y * 0.9 + 0.1] as const),
  civilSociety: polygon(4),
  professional: polygon(6, 0.5),
  authority: star(),
  shelter: house,
  other: plus,
}

/** Every corner of a kind's shape at radius 1 (empty for the circle): what the geometry test checks. */
export function shapeCorners(kind: NetworkKind): readonly Point[] {
  return SHAPES[kind] ?? []
}

const round = (value: number): number => Math.round(value * 1000) / 1000

/** The SVG path of a kind's mark centred at x,y with radius `radius`. */
export function markPath(kind: NetworkKind, x: number, y: number, radius = MARK_RADIUS): string {
  const corners = SHAPES[kind]
  if (corners === null) {
    return `M${round(x - radius)} ${round(y)}a${round(radius)} ${round(radius)} 0 1 0 ${round(2 * radius)} 0a${round(radius)} ${round(radius)} 0 1 0 ${round(-2 * radius)} 0Z`
  }
  return `${corners.map(([cx, cy], index) => `${index === 0 ? 'M' : 'L'}${round(x + cx * radius)} ${round(y + cy * radius)}`).join('')}Z`
}

/** Room around the outer ring for the kinds' counts. */
const FRAME_MARGIN = 0.6

/** The drawing's viewBox: a square around the centre holding the rings and the kinds' counts. */
export function viewBoxOf(layout: NetworkMapLayout): string {
  const half = layout.extent + FRAME_MARGIN
  return `${round(-half)} ${round(-half)} ${round(2 * half)} ${round(2 * half)}`
}

/**
 * Text size in drawing units: a larger network is drawn smaller on the same screen, so its text
 * grows with it to stay about the same size on the screen.
 */
export function textSizeOf(layout: NetworkMapLayout): number {
  return round(Math.max(0.6, layout.extent * 0.07))
}
