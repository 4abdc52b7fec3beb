/**
 * A change the worker proposes, waiting for the citizen's decision (DESIGN.md, "Sharing and
 * co-editing"). The citizen accepts or rejects each; nothing is overwritten silently.
 */
import { z } from './zod'
import { appKey, baseRecordShape, hlc, longText, uuid } from './base'
import { isBoundedJson, type JsonValue } from './json'
import { activitySchema } from './activity'
import { contactSchema } from './contact'
import { focusAreaSchema } from './focusArea'
import { goalSchema } from './goal'
import { handoverItemSchema } from './handoverItem'
import { noteSchema } from './note'
import { planSchema } from './plan'
import { ratingSchema } from './rating'
import { subGoalSchema } from './subGoal'
import { visitSchema } from './visit'
import { pairingIdSchema } from './pairing'

/** Every kind except proposals themselves can be the target of a proposal. */
export const proposalTargetKinds = [
  'plan',
  'focusArea',
  'goal',
  'subGoal',
  'activity',
  'contact',
  'rating',
  'visit',
  'note',
  'handoverItem',
] as const
/** A kind a proposal can target. */
export type ProposalTargetKind = (typeof proposalTargetKinds)[number]

/** Where a proposal stands. */
export const proposalStatuses = ['pending', 'accepted', 'rejected'] as const

/** Most fields one proposal may change. */
export const MAX_PROPOSAL_CHANGES = 40

const fieldSchemasByKind: Record<ProposalTargetKind, Readonly<Record<string, z.ZodMiniType>>> = {
  plan: planSchema.shape,
  focusArea: focusAreaSchema.shape,
  goal: goalSchema.shape,
  subGoal: subGoalSchema.shape,
  activity: activitySchema.shape,
  contact: contactSchema.shape,
  rating: ratingSchema.shape,
  visit: visitSchema.shape,
  note: noteSchema.shape,
  handoverItem: handoverItemSchema.shape,
}

/**
 * Fields a worker can never propose: identity and bookkeeping belong to the record, and
 * `shared` is the citizen's choice alone.
 */
export const unproposableFields: readonly string[] = [
  'id',
  'kind',
  'createdAt',
  'updatedAt',
  'author',
  'shared',
]

/** The proposal record. */
export const proposalSchema = z
  .strictObject({
    ...baseRecordShape,
    kind: z.literal('proposal'),
    target: z.strictObject({ kind: z.enum(proposalTargetKinds), id: uuid }),
    /**
     * The target's `updatedAt` the worker saw. If the target has changed since, the proposal is
     * stale and is shown beside the current value. Null proposes a new record with `target.id`.
     */
    baseUpdatedAt: z.nullable(hlc),
    /**
     * The version of each changed field the worker based the proposal on: the value the worker's
     * copy held (null: the field was empty). A field whose value on her phone is no longer this
     * one is **stale**: she sees both side by side. Empty for a new record.
     */
    base: z._default(
      z.record(
        appKey,
        z.custom<JsonValue>((value) => isBoundedJson(value), { message: 'Not a JSON value' }),
      ),
      {},
    ),
    /**
     * Field → proposed value, each checked against the target kind's field schema. `null` for
     * an optional field means "clear it" (JSON has no `undefined`). Whole-record rules (such as
     * a focus area's title-or-catalogue-key) are checked when the change is applied, by parsing
     * the merged record.
     */
    changes: z
      .record(
        appKey,
        z.custom<JsonValue>((value) => isBoundedJson(value), { message: 'Not a JSON value' }),
      )
      .check(
        z.refine((changes) => Object.keys(changes).length >= 1, {
          message: 'A proposal changes at least one field',
        }),
        z.refine((changes) => Object.keys(changes).length <= MAX_PROPOSAL_CHANGES, {
          message: `A proposal changes at most ${MAX_PROPOSAL_CHANGES} fields`,
        }),
      ),
    /**
     * The pairing whose proposal package brought it (set by her phone on import): her decisions
     * go back to that pairing's worker only.
     */
    pairingId: z.optional(pairingIdSchema),
    /** The worker's explanation, shown to the citizen with the proposal. */
    comment: z.optional(longText),
    status: z.enum(proposalStatuses),
    /** When the citizen accepted or rejected it. */
    decidedAt: z.optional(hlc),
  })
  .check(
    z.superRefine((proposal, ctx) => {
      if ((proposal.status === 'pending') !== (proposal.decidedAt === undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: 'A decided proposal has a decision time, a pending one has none',
          path: ['decidedAt'],
        })
      }
      for (const field of Object.keys(proposal.base)) {
        if (!Object.hasOwn(proposal.changes, field))
          ctx.addIssue({ code: 'custom', message: `A base for an unchanged field`, path: ['base', field] })
      }
      if (proposal.baseUpdatedAt === null && Object.keys(proposal.base).length > 0)
        ctx.addIssue({ code: 'custom', message: 'A new record has no base', path: ['base'] })
      const fields = fieldSchemasByKind[proposal.target.kind]
      for (const [field, value] of Object.entries(proposal.changes)) {
        const path = ['changes', field]
        // hasOwn: `constructor` and friends are valid keys but not fields.
        const fieldSchema = Object.hasOwn(fields, field) ? fields[field] : undefined
        if (fieldSchema === undefined || unproposableFields.includes(field)) {
          ctx.addIssue({ code: 'custom', message: `A proposal cannot change ${field}`, path })
          continue
        }
        const clearsOptional = value === null && fieldSchema.safeParse(undefined).success
        if (!clearsOptional && !fieldSchema.safeParse(value).success) {
          ctx.addIssue({ code: 'custom', message: `Invalid value for ${field}`, path })
        }
      }
    }),
  )
/** The proposal record. */
export type Proposal = z.infer<typeof proposalSchema>

/** Her decision on one proposal, as it travels back to the worker in a share package. */
export const proposalDecisionSchema = z.strictObject({
  id: uuid,
  status: z.enum(['accepted', 'rejected']),
  decidedAt: hlc,
})

/**
 * Whether an edit names the version of every field it changes (`base`). Required of every
 * proposal a package brings (`proposalPackage.ts`); a stored proposal from before `base` existed
 * still parses, and a field without a base reads as based on "empty".
 */
export function hasEveryBase(proposal: Pick<Proposal, 'baseUpdatedAt' | 'base' | 'changes'>): boolean {
  return (
    proposal.baseUpdatedAt === null ||
    Object.keys(proposal.changes).every((field) => Object.hasOwn(proposal.base, field))
  )
}
