/**
 * "Help now": the public numbers Trin shows on every screen, the lock screen and onboarding
 * included (no plan is needed to read them, so they hold nothing of the citizen's). The
 * citizen's own crisis contacts are added by the caller once the plan is open.
 *
 * Each number names its source and the day it was last checked. They were checked on
 * 2026-12-05 against copies of the sources' public pages available to the developers (not a
 * phone call): check them again on the live pages before each release, and change `checked`.
 */
import type { TargetGroup } from '@/schemas'

/** Why someone would call: the order of importance on the screen follows the target group. */
export type HelpLineKind = 'emergency' | 'police' | 'violence' | 'suicide' | 'children'

export interface HelpLine {
  /** Also the message key's last part (`helpNow.lines.<id>`). */
  readonly id: 'alarm' | 'police' | 'levUdenVold' | 'livslinien' | 'borneTelefonen'
  readonly kind: HelpLineKind
  /** As written on the screen, grouped the Danish way. */
  readonly number: string
  /** Who publishes the number and where it was checked: provenance only, never fetched or linked. */
  readonly source: string
  readonly checked: string
}

/** Every public line, in the order shown when nothing says otherwise. */
export const HELP_LINES: readonly HelpLine[] = [
  {
    // Fire, ambulance and police when life or safety is in danger now.
    id: 'alarm',
    kind: 'emergency',
    number: '112',
    source: 'Rigspolitiet, politi.dk: Alarm 112',
    checked: '2026-12-05',
  },
  {
    // The police when it is not an emergency: to report, to ask, about a restraining order.
    id: 'police',
    kind: 'police',
    number: '114',
    source: 'Rigspolitiet, politi.dk: Politiets servicenummer 114',
    checked: '2026-12-05',
  },
  {
    // Lev Uden Vold's national hotline on violence in close relationships: free, anonymous, day and night.
    id: 'levUdenVold',
    kind: 'violence',
    number: '1888',
    source: 'Lev Uden Vold, levudenvold.dk: den nationale hotline 1888',
    checked: '2026-12-05',
  },
  {
    // Livslinien: anonymous counselling for people with thoughts of suicide, and those close to them.
    id: 'livslinien',
    kind: 'suicide',
    number: '70 201 201',
    source: 'Livslinien, livslinien.dk',
    checked: '2026-12-05',
  },
  {
    // Børns Vilkår's BørneTelefonen: children and young people, anonymous, day and night — for a
    // young person leaving care, and for the children of a woman leaving a shelter. 116 111 is
    // the European number for child helplines. Checked in bt.dk (2022-12, "telefonnummer
    // 11 61 11", open day and night) and Child Helpline International's member story on Børns
    // Vilkår (2023, "open 24 hours a day"); not on bornsvilkar.dk itself.
    id: 'borneTelefonen',
    kind: 'children',
    number: '116 111',
    source: 'Børns Vilkår (BørneTelefonen), bt.dk 2022-12 and childhelplineinternational.org 2023',
    checked: '2026-12-06',
  },
]

/*
 * Not here on purpose: a psychiatric crisis line. Each region runs its own acute psychiatric
 * line, and a national one was only proposed (2023, kristeligt-dagblad.dk); a wrong region's
 * number is worse than none, so psychiatry gets 112 and Livslinien first until there is one.
 */

/** Which lines come right after 112 for a target group (the rest follow in their usual order). */
const FIRST_FOR: Partial<Record<TargetGroup, readonly HelpLineKind[]>> = {
  shelter: ['violence', 'police', 'children'],
  psychiatry: ['suicide'],
  aftercare: ['children', 'suicide'],
}

/**
 * The public lines for a target group (null before onboarding has asked): 112 always first,
 * then the lines that matter most to the group, then the others. Nothing is left out: a woman
 * in a psychiatric course may need the violence hotline too.
 */
export function helpLinesFor(group: TargetGroup | null): HelpLine[] {
  const first = (group === null ? undefined : FIRST_FOR[group]) ?? []
  const rank = (line: HelpLine): number => {
    if (line.kind === 'emergency') return -1
    const index = first.indexOf(line.kind)
    return index === -1 ? first.length + HELP_LINES.indexOf(line) : index
  }
  return [...HELP_LINES].sort((a, b) => rank(a) - rank(b))
}
