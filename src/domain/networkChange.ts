/**
 * "Then and now" on the network map (issue #12, item 3): who came into the network, who moved
 * closer, who moved further away and who is no longer on it, between two snapshots. People are
 * matched by id, so a renamed person is the same person.
 */
import { closenessLevels, type Closeness, type MapPerson } from './networkMap'

export interface NetworkMove<P extends MapPerson> {
  readonly person: P
  readonly from: Closeness
  readonly to: Closeness
}

export interface NetworkChange<P extends MapPerson> {
  /** On the map now, not then. */
  readonly came: readonly P[]
  /** Closer now than then (e.g. distant → some contact). */
  readonly closer: readonly NetworkMove<P>[]
  readonly further: readonly NetworkMove<P>[]
  /** On the map then, not now (removed, or made private). */
  readonly left: readonly P[]
}

/** 0 is closest. */
function distance(closeness: Closeness): number {
  return closenessLevels.indexOf(closeness)
}

/** The change from `then` to `now`, each list in the order of `now` (`left` in the order of `then`). */
export function networkChange<P extends MapPerson>(then: readonly P[], now: readonly P[]): NetworkChange<P> {
  const before = new Map(then.map((person) => [person.id, person]))
  const present = new Set(now.map((person) => person.id))
  const came: P[] = []
  const closer: NetworkMove<P>[] = []
  const further: NetworkMove<P>[] = []
  for (const person of now) {
    const earlier = before.get(person.id)
    if (earlier === undefined) {
      came.push(person)
      continue
    }
    const step = distance(person.closeness) - distance(earlier.closeness)
    const move = { person, from: earlier.closeness, to: person.closeness }
    if (step < 0) closer.push(move)
    else if (step > 0) further.push(move)
  }
  const left = then.filter((person) => !present.has(person.id))
  return { came, closer, further, left }
}

/** Whether anything changed at all. */
export function networkChanged(change: NetworkChange<MapPerson>): boolean {
  return change.came.length + change.closer.length + change.further.length + change.left.length > 0
}
