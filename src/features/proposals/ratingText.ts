/**
 * A proposal for the worker's own life-area rating (issue #15 item 3), read for her review:
 * the stage, the date and each dimension's answer, parsed from the proposal's fields with the
 * rating record's own field schemas (a proposal is a boundary: whatever does not parse is shown
 * as the generic fields, and accepting it is refused by the record's schema anyway).
 */
import { z } from '@/schemas/zod'
import type { LifeAreaValues } from '@/domain/ratingFlow'
import type { RatingRespondent, RatingStage } from '@/domain/ratingsDue'
import type { CivilDate } from '@/domain/civilDate'
import { ratingSchema, type Proposal, type TargetGroup, type TrinRecord } from '@/schemas'

const { respondent, stage, date, content } = ratingSchema.shape
const lifeAreaRating = z.object({ respondent, stage, date, content })

/** What a rating proposal says, as her review shows it. */
export interface RatingProposalText {
  readonly respondent: RatingRespondent
  readonly stage: RatingStage
  readonly date: CivilDate
  readonly values: LifeAreaValues
  /** Her transition, for the order of the dimensions (`answerRows`). */
  readonly targetGroup: TargetGroup
}

/** A new life-area rating proposed to her, or null for any other proposal. */
export function ratingProposalOf(
  proposal: Proposal,
  records: readonly TrinRecord[],
): RatingProposalText | null {
  if (proposal.target.kind !== 'rating' || proposal.baseUpdatedAt !== null) return null
  const parsed = lifeAreaRating.safeParse(proposal.changes)
  if (!parsed.success || parsed.data.content?.type !== 'lifeAreas') return null
  const plan = records.find((record) => record.kind === 'plan' && !record.deleted)
  return {
    respondent: parsed.data.respondent,
    stage: parsed.data.stage,
    date: parsed.data.date,
    values: parsed.data.content.values,
    targetGroup: plan?.kind === 'plan' ? plan.targetGroup : 'other',
  }
}
