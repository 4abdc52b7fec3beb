import { describe, expect, it } from 'vitest'
import {
  checkGoalForm,
  checkNoteForm,
  checkOwnAreaTitle,
  checkSubGoalForm,
  TEXT_LIMITS,
  withGoalFields,
  withSubGoalFields,
} from '@/domain/planForms'
import { goalSchema, noteSchema, subGoalSchema } from '@/schemas'
import { day, makeGoal, makeNote, makeSubGoal } from '../../factories/records'

const long = (n: number) => 'a'.repeat(n)

describe('checkOwnAreaTitle', () => {
  it.each([
    {
      name: 'a new title, trimmed',
      title: '  Min hund ',
      existing: ['Musik'],
      expected: { ok: true, value: 'Min hund' },
    },
    { name: 'empty', title: '   ', existing: [], expected: { ok: false, problems: { title: 'required' } } },
    {
      name: 'too long',
      title: long(201),
      existing: [],
      expected: { ok: false, problems: { title: 'tooLong' } },
    },
    { name: 'exactly the limit', title: long(200), existing: [], expected: { ok: true, value: long(200) } },
    {
      name: 'already one of mine, other case and spaces',
      title: 'min HUND',
      existing: [' Min hund'],
      expected: { ok: false, problems: { title: 'duplicate' } },
    },
  ])('$name', ({ title, existing, expected }) => {
    expect(checkOwnAreaTitle(title, existing)).toEqual(expected)
  })
})

describe('checkGoalForm', () => {
  it.each([
    {
      name: 'title and why',
      draft: { title: ' Egen bolig ', why: 'Ro.\nPlads til børnene.', status: 'onTheWay' as const },
      expected: {
        ok: true,
        value: { title: 'Egen bolig', why: 'Ro.\nPlads til børnene.', status: 'onTheWay' },
      },
    },
    {
      name: 'a why of only spaces is no why',
      draft: { title: 'Job', why: '  \n ', status: 'notStarted' as const },
      expected: { ok: true, value: { title: 'Job', status: 'notStarted' } },
    },
    {
      name: 'no title',
      draft: { title: '', why: 'x', status: 'letGo' as const },
      expected: { ok: false, problems: { title: 'required' } },
    },
    {
      name: 'why too long',
      draft: { title: 'Job', why: long(4001), status: 'reached' as const },
      expected: { ok: false, problems: { why: 'tooLong' } },
    },
  ])('$name', ({ draft, expected }) => {
    expect(checkGoalForm(draft)).toEqual(expected)
  })
})

describe('checkSubGoalForm', () => {
  it.each([
    {
      name: 'title and date',
      draft: { title: 'Ring til kommunen', due: '2026-12-01' },
      expected: { ok: true, value: { title: 'Ring til kommunen', due: '2026-12-01' } },
    },
    { name: 'no date', draft: { title: 'Ring', due: '' }, expected: { ok: true, value: { title: 'Ring' } } },
    {
      name: 'a day that does not exist',
      draft: { title: 'Ring', due: '2026-02-30' },
      expected: { ok: false, problems: { due: 'invalidDate' } },
    },
    {
      name: 'both wrong',
      draft: { title: ' ', due: 'tomorrow' },
      expected: { ok: false, problems: { title: 'required', due: 'invalidDate' } },
    },
  ])('$name', ({ draft, expected }) => {
    expect(checkSubGoalForm(draft)).toEqual(expected)
  })
})

describe('checkNoteForm', () => {
  it.each([
    {
      name: 'kept as written',
      text: '  Det gik godt.\n',
      expected: { ok: true, value: '  Det gik godt.\n' },
    },
    { name: 'empty', text: ' \n', expected: { ok: false, problems: { text: 'required' } } },
    { name: 'too long', text: long(4001), expected: { ok: false, problems: { text: 'tooLong' } } },
  ])('$name', ({ text, expected }) => {
    expect(checkNoteForm(text)).toEqual(expected)
  })
})

describe('TEXT_LIMITS match the record schemas', () => {
  it.each([
    {
      name: 'goal title (short text)',
      ok: () => goalSchema.safeParse(makeGoal({ title: long(TEXT_LIMITS.shortText) })),
      tooLong: () => goalSchema.safeParse(makeGoal({ title: long(TEXT_LIMITS.shortText + 1) })),
    },
    {
      name: 'sub-goal title',
      ok: () => subGoalSchema.safeParse(makeSubGoal({ title: long(TEXT_LIMITS.shortText) })),
      tooLong: () => subGoalSchema.safeParse(makeSubGoal({ title: long(TEXT_LIMITS.shortText + 1) })),
    },
    {
      name: 'note text (long text)',
      ok: () => noteSchema.safeParse(makeNote({ text: long(TEXT_LIMITS.longText) })),
      tooLong: () => noteSchema.safeParse(makeNote({ text: long(TEXT_LIMITS.longText + 1) })),
    },
  ])('$name', ({ ok, tooLong }) => {
    expect(ok().success).toBe(true)
    expect(tooLong().success).toBe(false)
  })
})

describe('withGoalFields and withSubGoalFields', () => {
  it.each([
    {
      name: 'a new why replaces the old',
      fields: { title: 'Ny', why: 'Fordi', status: 'reached' as const },
      expected: { title: 'Ny', why: 'Fordi', status: 'reached' },
    },
    {
      name: 'an emptied why is removed',
      fields: { title: 'Ny', status: 'letGo' as const },
      expected: { title: 'Ny', why: undefined, status: 'letGo' },
    },
  ])('goal: $name', ({ fields, expected }) => {
    const goal = makeGoal()
    const saved = withGoalFields(goal, fields)
    expect({ title: saved.title, why: saved.why, status: saved.status }).toEqual(expected)
    expect('why' in saved).toBe(expected.why !== undefined)
    expect(saved).toMatchObject({ id: goal.id, focusAreaId: goal.focusAreaId, order: goal.order })
    expect(goalSchema.safeParse(saved).success).toBe(true)
  })

  it.each([
    { name: 'a new date', fields: { title: 'Ring', due: day('2027-01-02') }, due: '2027-01-02' },
    { name: 'an emptied date is removed', fields: { title: 'Ring' }, due: undefined },
  ])('sub-goal: $name', ({ fields, due }) => {
    const subGoal = makeSubGoal({ done: true, doneAt: day('2026-11-20') })
    const saved = withSubGoalFields(subGoal, fields)
    expect(saved.due).toBe(due)
    expect('due' in saved).toBe(due !== undefined)
    expect(saved).toMatchObject({ title: 'Ring', done: true, doneAt: '2026-11-20', goalId: subGoal.goalId })
    expect(subGoalSchema.safeParse(saved).success).toBe(true)
  })
})
