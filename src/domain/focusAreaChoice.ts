/**
 * Choosing focus areas for a phase: what the picker offers, and what choosing or un-choosing
 * an area changes in the stored records.
 *
 * One record per area, with the phases it is worked on in (`FocusArea.phases`). Choosing an
 * area in phase 2 that was worked on in phase 1 adds 2 to the same record, so its goals carry
 * over; un-choosing it in phase 2 takes 2 away and leaves phase 1's choice as history. Only an
 * area left with no phase at all is deleted, together with what hangs under it (see
 * `removalOf` in planning.ts), and the UI offers an undo.
 */
import { catalogueFor, iconFor, iconNames, OWN_AREA_ICON, type IconName } from './focusAreas'
import { sortByOrder } from './goals'
import type { PhaseNumber } from './phases'
import { nextOrder } from './planning'
import type { FocusArea, FocusAreaCatalogKey, TargetGroup } from '@/schemas'

/** One line of the picker. */
export interface AreaOption<A extends FocusArea = FocusArea> {
  /** Stable key for lists and element ids: the catalogue key, or the own area's record id. */
  readonly key: string
  /** Null for an area in the citizen's own words. */
  readonly catalogKey: FocusAreaCatalogKey | null
  /** The live record behind the option, if the area was ever chosen; null if never. */
  readonly area: A | null
  /** Chosen for the phase asked about. */
  readonly chosen: boolean
  readonly icon: IconName
}

/** What the picker shows, in order. */
export interface PickerOptions<A extends FocusArea = FocusArea> {
  /** The target group's catalogue, then any other catalogue area the citizen has used. */
  readonly offered: readonly AreaOption<A>[]
  /** The rest of the catalogue (the catalogue is an offer, never a limit). */
  readonly more: readonly AreaOption<A>[]
  /** Areas in the citizen's own words, in display order. */
  readonly own: readonly AreaOption<A>[]
}

/** The fields of a new focus-area record (the store adds identity and stamps). */
export interface NewAreaFields {
  readonly catalogKey?: FocusAreaCatalogKey
  readonly title?: string
  readonly icon: IconName
  readonly phases: PhaseNumber[]
  readonly order: number
}

/** What one choice changes. */
export type AreaChange<A extends FocusArea = FocusArea> =
  | { readonly kind: 'create'; readonly fields: NewAreaFields }
  | { readonly kind: 'update'; readonly area: A }
  | { readonly kind: 'remove'; readonly area: A }
  | { readonly kind: 'none' }

/** Whether `name` is a bundled focus-area icon. */
export function isAreaIcon(name: string | undefined): name is IconName {
  return (iconNames as readonly (string | undefined)[]).includes(name)
}

/** The icon to show for an area: the catalogue's, else the stored one if it is known, else the flag. */
export function areaIcon(area: Pick<FocusArea, 'catalogKey' | 'icon'>): IconName {
  if (area.catalogKey !== undefined) return iconFor(area.catalogKey)
  return isAreaIcon(area.icon) ? area.icon : OWN_AREA_ICON
}

function live<A extends FocusArea>(areas: readonly A[]): A[] {
  return sortByOrder(areas.filter((area) => !area.deleted))
}

function catalogOption<A extends FocusArea>(
  key: FocusAreaCatalogKey,
  areas: readonly A[],
  phase: PhaseNumber,
): AreaOption<A> {
  // Two records for one key can exist after a merge; the one in this phase represents both.
  const records = areas.filter((area) => area.catalogKey === key)
  const inPhase = records.find((area) => area.phases.includes(phase))
  return {
    key,
    catalogKey: key,
    area: inPhase ?? records[0] ?? null,
    chosen: inPhase !== undefined,
    icon: iconFor(key),
  }
}

/** The picker's lines for `phase`: which areas are offered first, which are further down, which are the citizen's own. */
export function pickerOptions<A extends FocusArea>(
  targetGroup: TargetGroup,
  areas: readonly A[],
  phase: PhaseNumber,
): PickerOptions<A> {
  const current = live(areas)
  const catalogue = catalogueFor(targetGroup)
  const used = catalogueFor('other').filter(
    (key) => !catalogue.includes(key) && current.some((area) => area.catalogKey === key),
  )
  const offeredKeys = [...catalogue, ...used]
  return {
    offered: offeredKeys.map((key) => catalogOption(key, current, phase)),
    more: catalogueFor('other')
      .filter((key) => !offeredKeys.includes(key))
      .map((key) => catalogOption(key, current, phase)),
    own: current
      .filter((area) => area.catalogKey === undefined)
      .map((area) => ({
        key: area.id,
        catalogKey: null,
        area,
        chosen: area.phases.includes(phase),
        icon: areaIcon(area),
      })),
  }
}

function withPhase<A extends FocusArea>(area: A, phase: PhaseNumber): A {
  return { ...area, phases: [...area.phases, phase].sort((a, b) => a - b) }
}

/** Choosing a catalogue area for `phase`: the phase added to its record, or a new record at the end of the list. */
export function chooseCatalogArea<A extends FocusArea>(
  areas: readonly A[],
  key: FocusAreaCatalogKey,
  phase: PhaseNumber,
): AreaChange<A> {
  const current = live(areas)
  const option = catalogOption(key, current, phase)
  if (option.chosen) return { kind: 'none' }
  if (option.area !== null) return { kind: 'update', area: withPhase(option.area, phase) }
  return {
    kind: 'create',
    fields: { catalogKey: key, icon: iconFor(key), phases: [phase], order: nextOrder(current) },
  }
}

/** Choosing an existing area (typically one in the citizen's own words) for `phase`. */
export function chooseArea<A extends FocusArea>(area: A, phase: PhaseNumber): AreaChange<A> {
  return area.phases.includes(phase) ? { kind: 'none' } : { kind: 'update', area: withPhase(area, phase) }
}

/** A new area in the citizen's own words, chosen for `phase`, at the end of the list. Check the title first (planForms.ts). */
export function newOwnArea(title: string, areas: readonly FocusArea[], phase: PhaseNumber): NewAreaFields {
  return { title: title.trim(), icon: OWN_AREA_ICON, phases: [phase], order: nextOrder(live(areas)) }
}

/**
 * Un-choosing an area for `phase`: the phase taken off its record, or, when it was the
 * area's only phase, the record removed (the caller removes what hangs under it too).
 */
export function unchooseArea<A extends FocusArea>(area: A, phase: PhaseNumber): AreaChange<A> {
  if (!area.phases.includes(phase)) return { kind: 'none' }
  const phases = area.phases.filter((p) => p !== phase)
  return phases.length === 0 ? { kind: 'remove', area } : { kind: 'update', area: { ...area, phases } }
}

/** Un-choosing a catalogue area for `phase`: every live record of that key chosen in the phase (normally one). */
export function unchooseCatalogArea<A extends FocusArea>(
  areas: readonly A[],
  key: FocusAreaCatalogKey,
  phase: PhaseNumber,
): AreaChange<A>[] {
  return live(areas)
    .filter((area) => area.catalogKey === key && area.phases.includes(phase))
    .map((area) => unchooseArea(area, phase))
}
