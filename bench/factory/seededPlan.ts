/**
 * A seeded plan of a given size for the benchmark: the same seed and size always give the same
 * records (ids included), so two runs, two machines or two branches measure the same plan. The
 * records hold together the way a real plan does: goals sit under focus areas, sub-goals and
 * activities under goals, activities name helpers from the network, notes hang on goals.
 *
 * Built from the test factories (one valid record of each kind) with deterministic overrides.
 */
import { asHlc } from '@/domain/clock'
import type { TrinRecord } from '@/schemas'
import { focusAreaCatalogKeys } from '@/schemas/focusArea'
import {
  day,
  makeActivity,
  makeContact,
  makeFocusArea,
  makeGoal,
  makeNote,
  makeSubGoal,
} from '../../tests/factories/records'

/** The plan sizes the benchmark measures. */
export const benchPlanSizes = [100, 2000, 10000] as const

/** Shares of each kind in a seeded plan (focus areas are fixed: one per catalogue key, at most 8). */
const shares = { goal: 0.1, subGoal: 0.3, activity: 0.35, contact: 0.05 } as const

/** mulberry32: a small, fast, seeded PRNG (not for secrets). */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A version-4-shaped UUID from the PRNG, lowercase as the schema requires. */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = (8 + Math.floor(random() * 4)).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** A date `offset` days from 2026-12-01, as YYYY-MM-DD. */
function dateFrom(offset: number): string {
  return new Date(Date.UTC(2026, 11, 1 + offset)).toISOString().slice(0, 10)
}

export interface SeededPlanOptions {
  /** How many records (the plan record itself excluded: it comes from the onboarding). */
  readonly size: number
  /** The PRNG seed; the same seed and size give the same plan. */
  readonly seed?: number
}

/**
 * Records for a plan of `size` records, without the plan record (the course the app already
 * has is the one they join). Deterministic for a given size and seed.
 */
export function makeSeededPlan(options: SeededPlanOptions): TrinRecord[] {
  const random = prng(options.seed ?? 1)
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(random() * list.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  const stamp = asHlc('2026-11-23T10:00:00.000Z-0000-00000000000000b1')
  const common = () => ({ id: seededUuid(random), createdAt: stamp, updatedAt: stamp })

  const areaCount = Math.min(8, Math.max(1, Math.floor(options.size / 10)))
  const areas = focusAreaCatalogKeys
    .slice(0, areaCount)
    .map((catalogKey, order) => makeFocusArea({ ...common(), catalogKey, order, phases: [1, 2, 3] }))
  const remaining = options.size - areas.length
  const count = (share: number) => Math.max(1, Math.floor(remaining * share))

  const goals = Array.from({ length: count(shares.goal) }, (_, i) =>
    makeGoal({
      ...common(),
      focusAreaId: pick(areas).id,
      title: `Goal ${i + 1}: a home of my own`,
      status: pick(['notStarted', 'onTheWay', 'reached'] as const),
      order: i,
    }),
  )
  const contacts = Array.from({ length: count(shares.contact) }, (_, i) =>
    makeContact({ ...common(), name: `Helper ${i + 1}` }),
  )
  const subGoals = Array.from({ length: count(shares.subGoal) }, (_, i) =>
    makeSubGoal({
      ...common(),
      goalId: pick(goals).id,
      title: `Step ${i + 1}`,
      due: day(dateFrom(Math.floor(random() * 120) - 60)),
      done: random() < 0.4,
      order: i,
    }),
  )
  const activities = Array.from({ length: count(shares.activity) }, (_, i) =>
    makeActivity({
      ...common(),
      goalId: pick(goals).id,
      title: `Activity ${i + 1}`,
      date: day(dateFrom(Math.floor(random() * 120) - 60)),
      repeat: random() < 0.1 ? 'weekly' : 'none',
      helper: { contactId: pick(contacts).id },
      priority: random() < 0.5 ? 'now' : 'later',
      done: random() < 0.3,
    }),
  )
  const used = areas.length + goals.length + contacts.length + subGoals.length + activities.length
  const notes = Array.from({ length: Math.max(0, options.size - used) }, (_, i) =>
    makeNote({
      ...common(),
      target: { kind: 'goal', id: pick(goals).id },
      text: `Note ${i + 1}. Talked with my sister about this.`,
    }),
  )
  return [...areas, ...goals, ...contacts, ...subGoals, ...activities, ...notes]
}
