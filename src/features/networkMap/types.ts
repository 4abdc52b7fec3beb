import type { MapPerson } from '@/domain/networkMap'

/** A person as the map shows them: where they belong (the domain's MapPerson) and what to call them. */
export interface NamedMapPerson extends MapPerson {
  readonly name: string
}

export type NetworkMapView = 'map' | 'list'
export type NetworkMapTime = 'now' | 'then'
