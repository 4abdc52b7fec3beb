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
 * Whether opening Trin is a first visit, which goes to onboarding: only an open store that
 * holds no plan and nothing unreadable. A plan that could not be decrypted must never be
 * replaced by a new one without the person seeing why.
 */
export function isFirstVisit(store: {
  readonly open: boolean
  readonly hasPlan: boolean
  readonly unreadable: number
}): boolean {
  return store.open && !store.hasPlan && store.unreadable === 0
}
