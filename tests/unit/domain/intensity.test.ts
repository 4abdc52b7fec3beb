import { describe, it, expect } from 'vitest'
import { intensityWeights, plannedHoursByPhase, plannedIntensity } from '@/domain/intensity'
import type { Stage } from '@/domain/phases'

describe('plannedIntensity', () => {
  it.each([
    ['before', 0, 0],
    ['contact', 0, 0],
    ['phase1', 4, 4 / 7],
    ['phase2', 2, 2 / 7],
    ['phase3', 1, 1 / 7],
    ['ended', 0, 0],
  ] satisfies [Stage, number, number][])('%s has weight %i and share %f', (stage, weight, share) => {
    expect(plannedIntensity(stage)).toEqual({ weight, share })
  })

  it('halves at each phase change', () => {
    expect(intensityWeights[2] * 2).toBe(intensityWeights[1])
    expect(intensityWeights[3] * 2).toBe(intensityWeights[2])
  })
})

describe('plannedHoursByPhase', () => {
  it.each([
    [0, 0.5, [0, 0, 0]],
    [7, 0.5, [4, 2, 1]],
    [70, 0.5, [40, 20, 10]],
    [10, 0.5, [5.5, 3, 1.5]], // 5.71 / 2.86 / 1.43
    [50, 0.5, [28.5, 14.5, 7]], // 28.57 / 14.29 / 7.14
    [0.5, 0.5, [0.5, 0, 0]],
    [1, 0.5, [0.5, 0.5, 0]], // 0.57 / 0.29 / 0.14
    [1.5, 0.5, [1, 0.5, 0]], // 0.86 / 0.43 / 0.21
    [10, 1, [6, 3, 1]], // 5.71 / 2.86 / 1.43
    [100, 1, [57, 29, 14]], // 57.14 / 28.57 / 14.29
    [10, 0.25, [5.75, 2.75, 1.5]], // 5.71 / 2.86 / 1.43 in quarter hours
  ] satisfies [number, number, [number, number, number]][])(
    '%f hours in steps of %f → %j',
    (total, step, expected) => {
      expect(plannedHoursByPhase(total, step)).toEqual(expected)
    },
  )

  it('defaults to half-hour steps', () => {
    expect(plannedHoursByPhase(10)).toEqual([5.5, 3, 1.5])
  })

  it.each([0.5, 0.25, 1])(
    'keeps the sum exactly, stays within one step of 4:2:1 and never rises (step %f)',
    (step) => {
      for (let steps = 0; steps <= 1000; steps++) {
        const total = steps * step
        const parts = plannedHoursByPhase(total, step)
        const [first, second, third] = parts
        expect(first + second + third).toBe(total)
        expect(first >= second && second >= third).toBe(true)
        for (const [part, weight] of [
          [first, 4],
          [second, 2],
          [third, 1],
        ] as const) {
          expect(Math.abs(part - (total * weight) / 7)).toBeLessThan(step)
        }
      }
    },
  )

  it.each([
    [-1, 0.5],
    [Number.NaN, 0.5],
    [Number.POSITIVE_INFINITY, 0.5],
    [10.3, 0.5],
    [10, 0],
    [10, -0.5],
  ])('refuses %f hours in steps of %f', (total, step) => {
    expect(() => plannedHoursByPhase(total, step)).toThrow(RangeError)
  })
})
