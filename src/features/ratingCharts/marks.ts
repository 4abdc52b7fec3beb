/**
 * The marks both charts and their legend draw, so a series reads the same everywhere without
 * colour: the first (or the citizen's) is a solid line with round markers, the second (or the
 * worker's) a dashed line with square markers; "something to talk about" is a speech bubble.
 */
import type { Point } from '@/domain/chartGeometry'

/** A series of a chart: `a` the first rating or hers, `b` the second or her worker's. */
export type SeriesMark = 'a' | 'b'

/** The dashes of the second series' line (SVG `stroke-dasharray`). */
export const DASHES = '6 4'

/** A marker of `size` centred on the point: a circle for `a`, a square for `b`. */
export function markerPath(mark: SeriesMark, { x, y }: Point, size = 8): string {
  const half = size / 2
  if (mark === 'b') return `M${x - half} ${y - half}h${size}v${size}h${-size}Z`
  return `M${x - half} ${y}a${half} ${half} 0 1 0 ${size} 0a${half} ${half} 0 1 0 ${-size} 0Z`
}

/** A speech bubble of `size` centred on the point, its tail below. */
export function bubblePath({ x, y }: Point, size = 12): string {
  const w = size
  const h = size * 0.7
  const left = x - w / 2
  const top = y - h / 2
  return `M${left} ${top}h${w}v${h}h${-w * 0.55}l${-w * 0.2} ${h * 0.45}v${-h * 0.45}h${-w * 0.25}Z`
}

/** Points as an SVG `points` list. */
export function pointsOf(points: readonly Point[]): string {
  return points.map(({ x, y }) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ')
}
