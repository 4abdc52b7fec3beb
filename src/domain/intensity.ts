/**
 * Falling intensity: the time a worker spends with a citizen runs roughly 4:2:1 across
 * phases 1, 2 and 3, halving at each phase change (CTI-BRIEF.md, "Falling intensity").
 * These are planning figures to compare time use against, not limits: a crisis may call for
 * more for a while.
 */
import { phaseOfStage, type PhaseNumber, type Stage } from './phases'

/** Relative weight of each phase. */
export const intensityWeights = { 1: 4, 2: 2, 3: 1 } as const satisfies Record<PhaseNumber, number>

const TOTAL_WEIGHT = intensityWeights[1] + intensityWeights[2] + intensityWeights[3]

/** The planned intensity of a stage. */
export interface PlannedIntensity {
  /** 4, 2 or 1 in the phases; 0 outside them (contact period, before, after). */
  readonly weight: 0 | 1 | 2 | 4
  /** The stage's share of the whole course's planned time: 4/7, 2/7, 1/7 or 0. */
  readonly share: number
}

/** The planned 4:2:1 intensity of `stage`. */
export function plannedIntensity(stage: Stage): PlannedIntensity {
  const phase = phaseOfStage(stage)
  const weight = phase === null ? 0 : intensityWeights[phase]
  return { weight, share: weight / TOTAL_WEIGHT }
}

/**
 * Splits a time budget for the whole course 4:2:1 across the three phases, in whole steps
 * of `stepHours` (default half an hour). Rounding uses largest remainders, so the three parts
 * always add up to exactly `totalHours`; a tie goes to the earlier, more intensive phase.
 * Keep `stepHours` a power-of-two fraction of an hour (1, 0.5, 0.25) so the sum is exact in
 * floating point.
 * @example plannedHoursByPhase(10) // → [5.5, 3, 1.5]
 * @throws {RangeError} when `totalHours` is negative, not finite or not a whole number of steps.
 */
export function plannedHoursByPhase(totalHours: number, stepHours = 0.5): readonly [number, number, number] {
  if (!(stepHours > 0) || !Number.isFinite(stepHours))
    throw new RangeError(`stepHours must be positive, got ${stepHours}`)
  if (!(totalHours >= 0) || !Number.isFinite(totalHours))
    throw new RangeError(`totalHours must be 0 or more, got ${totalHours}`)
  const steps = Math.round(totalHours / stepHours)
  if (Math.abs(steps * stepHours - totalHours) > 1e-9) {
    throw new RangeError(`totalHours (${totalHours}) is not a whole number of ${stepHours}-hour steps`)
  }

  const exact = ([1, 2, 3] as const).map((phase) => ({
    phase,
    steps: (steps * intensityWeights[phase]) / TOTAL_WEIGHT,
  }))
  const parts = exact.map((part) => Math.floor(part.steps))
  const leftOver = steps - parts.reduce((sum, part) => sum + part, 0)
  // Sort is stable, so equal remainders keep phase order.
  const byRemainder = [...exact].sort(
    (a, b) => b.steps - Math.floor(b.steps) - (a.steps - Math.floor(a.steps)),
  )
  for (const part of byRemainder.slice(0, leftOver)) {
    parts[part.phase - 1] = (parts[part.phase - 1] ?? 0) + 1
  }
  const [first = 0, second = 0, third = 0] = parts.map((part) => part * stepHours)
  return [first, second, third]
}
