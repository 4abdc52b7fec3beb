/**
 * The keys of the focus-area catalogue, a primitive at the very bottom beside the calendar and
 * the clock: the focus-area record schema accepts exactly these keys, and the domain orders them
 * for each transition (`focusAreas.ts`). A catalogue key is a translation key, so the area's
 * name follows the chosen language.
 */

/** The eight areas of the psychiatry guide, table 7.1, in the guide's order (seed 002). */
export const psychiatryAreaKeys = [
  'economy',
  'housing',
  'network',
  'dailyActivities',
  'physicalHealth',
  'mentalHealth',
  'substanceUse',
  'educationWork',
] as const

/** The areas the change compass used in shelters adds to the guide's eight (seed 004). */
export const shelterOnlyAreaKeys = ['safety', 'selfCare', 'children'] as const

/**
 * Every catalogue key: the eight of the psychiatry guide joined with the ten dimensions of the
 * change compass (CTI-BRIEF.md, "The plan"), which add three of their own.
 */
export const focusAreaCatalogKeys = [...psychiatryAreaKeys, ...shelterOnlyAreaKeys] as const

/** A key of the focus-area catalogue. */
export type FocusAreaCatalogKey = (typeof focusAreaCatalogKeys)[number]
