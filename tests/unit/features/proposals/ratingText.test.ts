import { describe, expect, it } from 'vitest'
import { newRecordProposal, editProposal } from '@/domain/proposals'
import { ratingProposalOf } from '@/features/proposals/ratingText'
import type { Proposal } from '@/schemas'
import { FACTORY_HLC, FACTORY_WORKER, makePlan, makeRating, newId } from '../../../factories/records'

const made = () => ({ id: newId(), author: FACTORY_WORKER, stamp: FACTORY_HLC })
const fields = {
  respondent: 'worker',
  stage: 'phase2',
  date: '2026-12-07',
  content: { type: 'lifeAreas', values: { housing: { answer: 6 }, economy: { answer: 'skipped' } } },
}
const rating = (changes: Record<string, unknown>): Proposal =>
  newRecordProposal('rating', newId(), changes as Proposal['changes'], made())

describe('ratingProposalOf', () => {
  it('reads a new life-area rating, in her transition’s order', () => {
    expect(ratingProposalOf(rating(fields), [makePlan({ targetGroup: 'psychiatry' })])).toEqual({
      respondent: 'worker',
      stage: 'phase2',
      date: '2026-12-07',
      values: { housing: { answer: 6 }, economy: { answer: 'skipped' } },
      targetGroup: 'psychiatry',
    })
  })

  it('without her plan, the order of every dimension', () => {
    expect(ratingProposalOf(rating(fields), [])?.targetGroup).toBe('other')
  })

  const edit = editProposal(makeRating(), { stage: 'phase1' }, made())
  it.each([
    ['another kind', newRecordProposal('note', newId(), { text: 'x' }, made())],
    ['a change of a rating', edit],
    ['no stage', rating({ ...fields, stage: undefined })],
    ['a stage that is none', rating({ ...fields, stage: 'phase9' })],
    [
      'an answer off the scale',
      rating({ ...fields, content: { type: 'lifeAreas', values: { housing: { answer: 11 } } } }),
    ],
    ['a declined rating', rating({ ...fields, content: null })],
    [
      'an instrument pack',
      rating({ ...fields, content: { type: 'pack', packId: 'who5', packVersion: '1', answers: {} } }),
    ],
  ] as const)('null for %s', (_name, proposal) => {
    if (proposal === null) throw new Error('no proposal')
    expect(ratingProposalOf(proposal, [])).toBeNull()
  })
})
