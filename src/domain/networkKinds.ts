/**
 * The support network's two closed lists, in one place: the kinds of people and places and how
 * close a person is. A domain primitive (like `civilDate.ts` and `clock.ts`), so the contact
 * schema (`src/schemas/contact.ts`) and the rules (`network.ts`, `networkMap.ts`) read the same
 * list; plain constants, nothing else may live here.
 */

/**
 * Kinds of people and places in a support network (CTI-BRIEF.md, "The support network"), in the
 * order the map's sectors take: private life first, then civil society, then the system.
 */
export const networkKinds = [
  'family',
  'friend',
  'neighbour',
  'civilSociety',
  'professional',
  'authority',
  'shelter',
  'other',
] as const
/** A kind of person or place in the network. */
export type NetworkKind = (typeof networkKinds)[number]

/** How close a person is, from the citizen's point of view; the map's rings, inside out. */
export const closenessLevels = ['close', 'some', 'distant'] as const
/** How close a person is. */
export type Closeness = (typeof closenessLevels)[number]
