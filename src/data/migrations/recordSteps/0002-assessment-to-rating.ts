import type { RecordStep } from '../types'

/**
 * Record schema 2 → 3 (issue #11): the `assessment` kind is retired. It predates the instrument
 * packs of issue #13, no screen ever wrote one, and its schema sat on the first screen of every
 * start (every record kind is parsed at unlock). What issue #13 built on is the `rating` record,
 * whose pack answers are the assessment's answer map (item key → 0–10 or null).
 *
 * So an assessment stored by an older version — or in an older backup — is not dropped: it becomes
 * the rating of its instrument, with everything it held. Same id, stamps, author, `shared` and
 * `deleted`; the same respondent, stage and date; `content` is the instrument's answers as a
 * pack's (`packId` the instrument's key, e.g. `who5`). `packVersion` is `assessment record`, which
 * no pack file can carry (a pack's version has no space, `instrumentPack.ts`): it says where the
 * answers came from, and that no loaded pack's texts were shown when they were given.
 *
 * A proposal aimed at an assessment (none could be made: no screen showed one) is left as it was:
 * its changes name the assessment's fields, so it no longer parses and shows as unreadable — kept
 * in storage, never dropped, like any record that does not fit. Every other payload passes
 * through untouched.
 */
export const recordStep0002AssessmentToRating: RecordStep = {
  from: 2,
  upgrade(payload) {
    if (!isObject(payload) || payload['kind'] !== 'assessment') return payload
    const { instrument, answers, ...rest } = payload
    return {
      ...rest,
      kind: 'rating',
      content: { type: 'pack', packId: instrument, packVersion: RETIRED_ASSESSMENT_VERSION, answers },
    }
  },
}

/** The `packVersion` of a rating that was an assessment record before record schema 3. */
export const RETIRED_ASSESSMENT_VERSION = 'assessment record'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
