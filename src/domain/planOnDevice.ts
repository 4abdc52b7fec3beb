/**
 * Which plan this device holds, and whether opening Trin is a first visit. Its own module, with
 * no import of the phase engine, because the start screen decides with these two alone and is
 * on the first screen: the course and home rules load with Home's chunk (issue #11).
 */
import type { Plan } from '@/schemas'

/** The live plan of this device: the first one created, if a double save ever made two. */
export function currentPlan(plans: readonly Plan[]): Plan | null {
  return (
    [...plans].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))[0] ?? null
  )
}

/**
 * Whether opening Trin is a first visit, which goes to onboarding: an open store that holds no
 * plan and nothing unreadable, or a store still opening on a device that held nothing of
 * Trin's when it began (`nothingStored`): the onboarding need not wait for a new, empty store
 * to be made. A plan that could not be decrypted must never be replaced by a new one without
 * the person seeing why.
 */
export function isFirstVisit(store: {
  readonly status: 'open' | 'opening' | 'other'
  /** The device held no database of Trin's when this opening began. */
  readonly nothingStored: boolean
  readonly hasPlan: boolean
  readonly unreadable: number
}): boolean {
  const empty = store.status === 'open' || (store.status === 'opening' && store.nothingStored)
  return empty && !store.hasPlan && store.unreadable === 0
}
