/** The worker's proposal forms (src/domain/proposeForms.ts): what is proposed, what is refused. */
import { describe, expect, it } from 'vitest'
import {
  checkActivityProposal,
  checkNewActivityProposal,
  checkNoteProposal,
  checkSubGoalProposal,
  describeProposal,
  proposeDraftOf,
} from '@/domain/proposeForms'
import { editProposal, newRecordProposal } from '@/domain/proposals'
import { asHlc } from '@/domain/clock'
import { day, makeActivity, makeGoal, makeSubGoal } from '../../factories/records'

const goal = makeGoal({ title: 'Egen bolig' })
const subGoal = makeSubGoal({ goalId: goal.id, title: 'Søg', done: true, doneAt: day('2026-11-01') })
const activity = makeActivity({ goalId: goal.id, title: 'Møde', date: day('2026-12-10'), time: '10:00' })
const made = {
  id: crypto.randomUUID(),
  author: 'worker:0123456789abcdef' as const,
  stamp: asHlc('2026-12-07T10:00:00.000Z-0000-0123456789abcdef'),
}

describe('proposal forms', () => {
  it('prefills from the copy', () => {
    expect(proposeDraftOf(subGoal)).toMatchObject({ title: 'Søg', done: true })
    expect(proposeDraftOf(activity)).toMatchObject({
      title: 'Møde',
      date: '2026-12-10',
      time: '10:00',
      place: 'Home',
    })
    expect(proposeDraftOf()).toMatchObject({ title: '', comment: '' })
  })

  it.each([
    [{ title: '  ' }, { title: 'required' }],
    [{ title: 'x'.repeat(201) }, { title: 'tooLong' }],
    [{ comment: 'x'.repeat(4001) }, { comment: 'tooLong' }],
  ])('refuses a sub-goal change %o', (change, problems) => {
    expect(checkSubGoalProposal({ ...proposeDraftOf(subGoal), ...change })).toEqual({ ok: false, problems })
  })

  it('undoing "done" clears the done day, so her record stays valid', () => {
    const checked = checkSubGoalProposal({ ...proposeDraftOf(subGoal), done: false, comment: ' Ikke endnu ' })
    expect(checked).toEqual({
      ok: true,
      value: { fields: { title: 'Søg', done: false, doneAt: null }, comment: 'Ikke endnu' },
    })
    if (!checked.ok) return
    expect(editProposal(subGoal, checked.value.fields, made)?.changes).toEqual({ done: false, doneAt: null })
  })

  it.each([
    [{ date: '', time: '10:00' }, { time: 'timeNeedsDate' }],
    [{ date: '2026-02-30' }, { date: 'invalidDate' }],
    [{ time: '25:00' }, { time: 'invalidTime' }],
  ])('refuses an activity change %o', (change, problems) => {
    expect(checkActivityProposal(activity, { ...proposeDraftOf(activity), ...change })).toEqual({
      ok: false,
      problems,
    })
  })

  it('an activity change empties what the worker cleared', () => {
    const checked = checkActivityProposal(activity, {
      ...proposeDraftOf(activity),
      date: '',
      time: '',
      place: 'Kontoret',
    })
    expect(checked).toMatchObject({
      ok: true,
      value: { fields: { title: 'Møde', date: null, time: null, place: 'Kontoret' } },
    })
  })

  it('a repeating activity keeps a date', () => {
    const weekly = { ...activity, repeat: 'weekly' as const }
    expect(checkActivityProposal(weekly, { ...proposeDraftOf(weekly), date: '', time: '' })).toEqual({
      ok: false,
      problems: { date: 'repeatNeedsDate' },
    })
  })

  it('a new activity is a whole valid record for her goal; a note is about the goal', () => {
    expect(
      checkNewActivityProposal(goal.id, { ...proposeDraftOf(), title: ' Gåtur ', date: '2026-12-14' }),
    ).toEqual({
      ok: true,
      value: {
        fields: {
          title: 'Gåtur',
          goalId: goal.id,
          date: '2026-12-14',
          repeat: 'none',
          priority: 'now',
          done: false,
        },
        comment: undefined,
      },
    })
    expect(checkNewActivityProposal(goal.id, proposeDraftOf())).toEqual({
      ok: false,
      problems: { title: 'required' },
    })
    expect(checkNoteProposal(goal.id, { ...proposeDraftOf(), text: ' Hej ' })).toEqual({
      ok: true,
      value: { fields: { text: 'Hej', target: { kind: 'goal', id: goal.id } }, comment: undefined },
    })
    expect(checkNoteProposal(goal.id, proposeDraftOf())).toEqual({
      ok: false,
      problems: { text: 'required' },
    })
  })

  it('names each proposal for the worker’s list', () => {
    const edit = editProposal(subGoal, { title: 'Nyt' }, made)
    if (edit === null) throw new Error('no proposal')
    expect(describeProposal(edit, [subGoal])).toEqual({ what: 'editSubGoal', title: 'Søg' })
    expect(describeProposal(edit, [])).toEqual({ what: 'editSubGoal', title: 'Nyt' })
    const note = newRecordProposal(
      'note',
      crypto.randomUUID(),
      { text: 'Hej', target: { kind: 'goal', id: goal.id } },
      made,
    )
    expect(describeProposal(note, [])).toEqual({ what: 'newNote', title: 'Hej' })
  })
})
