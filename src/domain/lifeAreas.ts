/**
 * Trin's own life-area rating, in Trin's own words (issue #13, item 1): the dimensions the
 * citizen and her worker rate 1–10 every three months, per transition.
 *
 * - Women leaving a shelter: the ten dimensions of the change compass, in its numbering
 *   (seed 004, appendix 1: safety, caring for herself, network, physical health, mental health,
 *   housing, economy, attachment to work, her children's wellbeing, use of alcohol, drugs or
 *   medicine).
 * - Out of psychiatric care: the eight life areas of the psychiatry guide, table 7.1 (seed 002).
 * - Every other transition: the focus-area catalogue's list for it (`focusAreas.ts`, which says
 *   why each is ordered as it is), so the areas she can choose to work on are the areas she rates.
 *
 * The two ends of the scale are described without "I" or "you", so the same words serve the
 * citizen and her worker; only the question differs between them.
 *
 * A dimension's key is a focus-area catalogue key, so a rating and a focus area about the same
 * thing share it. Rating a dimension is never required: a skipped dimension has no value (it is
 * not a zero), and one that does not apply to her (no children) is switched off and left out.
 */
import { catalogueFor } from './focusAreas'
import type { FocusAreaCatalogKey, TargetGroup } from '@/schemas'

/** The lowest rating on the scale. */
export const RATING_MIN = 1
/** The highest rating on the scale. */
export const RATING_MAX = 10

/** When a dimension only applies to some: the UI asks first, and a "no" switches it off. */
export type AppliesWhen = 'hasChildren'

/** One dimension to rate, with the message keys of its question and of the scale's two ends. */
export interface LifeAreaDimension {
  readonly key: FocusAreaCatalogKey
  /** "How do you rate your safety?" — asked of the citizen. */
  readonly questionKey: `ratings.dimension.${FocusAreaCatalogKey}.question`
  /** The same question asked of her worker, about her ("How do you rate the citizen's safety?"). */
  readonly workerQuestionKey: `ratings.dimension.${FocusAreaCatalogKey}.workerQuestion`
  /** What 1 means for this dimension. */
  readonly lowKey: `ratings.dimension.${FocusAreaCatalogKey}.low`
  /** What 10 means for this dimension. */
  readonly highKey: `ratings.dimension.${FocusAreaCatalogKey}.high`
  readonly appliesWhen?: AppliesWhen
}

/** Dimensions that only apply to some citizens, and when. */
const APPLIES_WHEN: Partial<Record<FocusAreaCatalogKey, AppliesWhen>> = { children: 'hasChildren' }

/** The dimension for a catalogue key. */
export function dimensionOf(key: FocusAreaCatalogKey): LifeAreaDimension {
  const appliesWhen = APPLIES_WHEN[key]
  return {
    key,
    questionKey: `ratings.dimension.${key}.question`,
    workerQuestionKey: `ratings.dimension.${key}.workerQuestion`,
    lowKey: `ratings.dimension.${key}.low`,
    highKey: `ratings.dimension.${key}.high`,
    ...(appliesWhen === undefined ? {} : { appliesWhen }),
  }
}

/** Every dimension of a transition, in the order they are asked and drawn. */
export function lifeAreaDimensions(targetGroup: TargetGroup): readonly LifeAreaDimension[] {
  return catalogueFor(targetGroup).map(dimensionOf)
}

/**
 * The dimensions to ask about: the transition's, without those switched off as not applying to
 * her. Switching a dimension off hides it from the flow and the charts; it never deletes ratings
 * she already gave, and switching it on again shows them.
 */
export function askedDimensions(
  targetGroup: TargetGroup,
  switchedOff: readonly FocusAreaCatalogKey[],
): readonly LifeAreaDimension[] {
  return lifeAreaDimensions(targetGroup).filter((dimension) => !switchedOff.includes(dimension.key))
}

/** Whether `value` is a rating on the scale: a whole number from 1 to 10. */
export function isRatingOnScale(value: number): boolean {
  return Number.isInteger(value) && value >= RATING_MIN && value <= RATING_MAX
}
