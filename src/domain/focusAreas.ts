/**
 * The focus-area catalogue: which areas the app offers first for each transition, the icon of
 * each, the "about three areas" advice, and which areas belong to which phase.
 *
 * The catalogue is an offer, never a limit: the citizen may take any key from any list, or
 * name an area in their own words (a focus area with a `title` and no `catalogKey`).
 */
import { sortByOrder } from './goals'
import { earlierPhases } from './planning'
import { focusAreaCatalogKeys, psychiatryAreaKeys } from './focusAreaKeys'
import type { FocusArea, FocusAreaCatalogKey, PhaseNumber, TargetGroup } from '@/schemas'

/** The eight areas of the psychiatry guide, table 7.1, in the guide's order (seed 002). */
const PSYCHIATRY = psychiatryAreaKeys

/** The psychiatry eight with `first` moved to the front, the rest in the guide's order. */
function psychiatryFirst(first: readonly FocusAreaCatalogKey[]): readonly FocusAreaCatalogKey[] {
  return [...first, ...PSYCHIATRY.filter((key) => !first.includes(key))]
}

/**
 * The ten dimensions of the change compass used with women leaving a shelter, in the
 * compass's own numbering 1–10 (seed 004, "Forandringskompasset"). `educationWork` stands for
 * "attachment to the labour market".
 */
const SHELTER = [
  'safety',
  'selfCare',
  'network',
  'physicalHealth',
  'mentalHealth',
  'housing',
  'economy',
  'educationWork',
  'children',
  'substanceUse',
] as const satisfies readonly FocusAreaCatalogKey[]

/**
 * The catalogue for each target group. The psychiatry and shelter lists are the seeds'. The
 * others are judgement calls, not sources: the seeds name each group's transition (seed 000,
 * seed 001) but give no list of its own, so each starts from the psychiatry eight, reordered so
 * the area the transition is about comes first:
 * - homelessness ("from homelessness to one's own home"): keeping the new home comes first,
 *   then the economy that pays for it (rent, debt). Substance use stays in the list; the
 *   psychiatry guide calls it uncommon only for its own group.
 * - greenlanders (socially vulnerable Greenlanders moving into housing support): housing, then
 *   network, since building a network around the new home is much of what such a move asks.
 * - employment (long-term unemployed, 30+, moving into work): education and work first, then
 *   economy (the change of income) and daily activities (a day with a rhythm that fits a job).
 * - aftercare (young people leaving care for their own home or a job): housing and
 *   education/work, then economy; `selfCare` is added because living alone for the first time
 *   is itself a skill to build.
 * - other: every key, the psychiatry eight followed by the shelter-only three, so nothing is
 *   hidden from a transition the app does not know.
 * `safety` and `children` are offered first only where the seeds put them; elsewhere they are
 * under 'other' or the citizen's own words.
 */
const CATALOGUES = {
  psychiatry: PSYCHIATRY,
  shelter: SHELTER,
  homelessness: psychiatryFirst(['housing', 'economy']),
  greenlanders: psychiatryFirst(['housing', 'network']),
  employment: [
    'educationWork',
    'economy',
    'dailyActivities',
    'physicalHealth',
    'mentalHealth',
    'network',
    'housing',
    'substanceUse',
  ],
  aftercare: [
    'housing',
    'educationWork',
    'economy',
    'network',
    'selfCare',
    'dailyActivities',
    'physicalHealth',
    'mentalHealth',
    'substanceUse',
  ],
  other: focusAreaCatalogKeys,
} as const satisfies Record<TargetGroup, readonly FocusAreaCatalogKey[]>

/** The catalogue keys offered to a citizen in `targetGroup`, in the order to show them. */
export function catalogueFor(targetGroup: TargetGroup): readonly FocusAreaCatalogKey[] {
  return CATALOGUES[targetGroup]
}

/**
 * Every bundled icon name a focus area can have; the UI draws one SVG per name. Names are
 * `appKey`s (letters and digits, starting lower case) so they fit `FocusArea.icon`.
 * `flag` is for an area in the citizen's own words.
 */
export const iconNames = [
  'coins',
  'home',
  'people',
  'sun',
  'heart',
  'mind',
  'cup',
  'briefcase',
  'shield',
  'flower',
  'child',
  'flag',
] as const

/** A bundled icon name. */
export type IconName = (typeof iconNames)[number]

/** The icon for an area in the citizen's own words (no catalogue key). */
export const OWN_AREA_ICON = 'flag' satisfies IconName

/**
 * Icon per catalogue key. Chosen to be neutral on a phone someone else may see: a cup rather
 * than a bottle for substance use, a head-and-heart "mind" rather than a brain or pills.
 */
const ICONS = {
  economy: 'coins',
  housing: 'home',
  network: 'people',
  dailyActivities: 'sun',
  physicalHealth: 'heart',
  mentalHealth: 'mind',
  substanceUse: 'cup',
  educationWork: 'briefcase',
  safety: 'shield',
  selfCare: 'flower',
  children: 'child',
} as const satisfies Record<FocusAreaCatalogKey, IconName>

/** The icon name for a catalogue key. */
export function iconFor(key: FocusAreaCatalogKey): IconName {
  return ICONS[key]
}

/** About three focus areas keep a course focused and realistic (CTI-BRIEF.md, "The plan"). */
export const RECOMMENDED_AREA_COUNT = 3

/** What to tell the citizen about how many areas they chose. */
export type AreaCountAdvice = 'none' | 'fine' | 'aboveRecommended'

/**
 * Advice on the number of chosen areas: 'none' (nothing chosen yet), 'fine' (1–3), or
 * 'aboveRecommended' (more than three). Above three the UI shows a gentle note and nothing
 * else: the citizen chooses, and the app never blocks a fourth area.
 * @throws {RangeError} when `count` is not a whole number of 0 or more.
 */
export function areaCountAdvice(count: number): AreaCountAdvice {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number of 0 or more, got ${count}`)
  if (count === 0) return 'none'
  return count <= RECOMMENDED_AREA_COUNT ? 'fine' : 'aboveRecommended'
}

type PhaseArea = Pick<FocusArea, 'id' | 'order' | 'phases' | 'deleted'>

/** The areas (not deleted) the citizen works on in `phase`, in display order. */
export function areasForPhase<T extends PhaseArea>(areas: readonly T[], phase: PhaseNumber): T[] {
  return sortByOrder(areas.filter((area) => !area.deleted && area.phases.includes(phase)))
}

/**
 * The areas of every phase, each list in display order. Areas can change between phases; a
 * phase's list stays as chosen, so the timeline and the ending can show what was worked on
 * earlier even after the citizen moved on to other areas.
 */
export function areasByPhase<T extends PhaseArea>(areas: readonly T[]): Readonly<Record<PhaseNumber, T[]>> {
  return { 1: areasForPhase(areas, 1), 2: areasForPhase(areas, 2), 3: areasForPhase(areas, 3) }
}

/** The phases before `phase` in which areas were chosen, for the "earlier phases" list (empty ones are left out). */
export function earlierPhasesWithAreas(areas: readonly PhaseArea[], phase: PhaseNumber): PhaseNumber[] {
  const byPhase = areasByPhase(areas)
  return earlierPhases(phase).filter((earlier) => byPhase[earlier].length > 0)
}
