import { describe, expect, it } from 'vitest'
import {
  calendarEventOf,
  checkActivityForm,
  draftOfActivity,
  emptyActivityDraft,
  withActivityFields,
  type ActivityDraft,
} from '@/domain/activityForm'
import { TEXT_LIMITS } from '@/domain/planForms'
import { activitySchema, personRef } from '@/schemas'
import { day, makeActivity } from '../../factories/records'

const goalId = crypto.randomUUID()
const goals = new Set([goalId])
const draft = (overrides: Partial<ActivityDraft> = {}): ActivityDraft => ({
  ...emptyActivityDraft(),
  title: 'Ring til lægen',
  ...overrides,
})

describe('checkActivityForm', () => {
  it.each([
    {
      name: 'only a title',
      draft: draft(),
      expected: { title: 'Ring til lægen', repeat: 'none', priority: 'now', done: false },
    },
    {
      name: 'every field, trimmed',
      draft: draft({
        title: ' Møde ',
        goalId,
        date: '2026-12-01',
        time: '14:30',
        repeat: 'weekly',
        place: ' Jobcentret ',
        helper: { kind: 'name', name: ' Lene ' },
        priority: 'later',
        done: true,
      }),
      expected: {
        title: 'Møde',
        goalId,
        date: '2026-12-01',
        time: '14:30',
        repeat: 'weekly',
        place: 'Jobcentret',
        helper: { name: 'Lene' },
        priority: 'later',
        done: true,
      },
    },
    {
      name: 'a contact from the network is kept as a contact',
      draft: draft({ helper: { kind: 'contact', contactId: goalId } }),
      expected: {
        title: 'Ring til lægen',
        repeat: 'none',
        priority: 'now',
        done: false,
        helper: { contactId: goalId },
      },
    },
    {
      name: 'a helper of only spaces is no helper',
      draft: draft({ helper: { kind: 'name', name: '  ' } }),
      expected: { title: 'Ring til lægen', repeat: 'none', priority: 'now', done: false },
    },
  ])('accepts $name', ({ draft: input, expected }) => {
    const result = checkActivityForm(input, goals)
    expect(result).toEqual({ ok: true, value: expected })
  })

  it.each([
    { name: 'no title', draft: draft({ title: '  ' }), problems: { title: 'required' } },
    {
      name: 'a title too long',
      draft: draft({ title: 'x'.repeat(TEXT_LIMITS.shortText + 1) }),
      problems: { title: 'tooLong' },
    },
    {
      name: 'a day that does not exist',
      draft: draft({ date: '2026-02-29' }),
      problems: { date: 'invalidDate' },
    },
    { name: 'a time without a date', draft: draft({ time: '10:00' }), problems: { time: 'timeNeedsDate' } },
    {
      name: 'a malformed time',
      draft: draft({ date: '2026-12-01', time: '25:00' }),
      problems: { time: 'invalidTime' },
    },
    {
      name: 'a repeat without a date',
      draft: draft({ repeat: 'monthly' }),
      problems: { repeat: 'repeatNeedsDate' },
    },
    {
      name: 'a goal that is gone',
      draft: draft({ goalId: crypto.randomUUID() }),
      problems: { goalId: 'unknownGoal' },
    },
    { name: 'a place too long', draft: draft({ place: 'x'.repeat(201) }), problems: { place: 'tooLong' } },
    {
      name: 'a helper name too long',
      draft: draft({ helper: { kind: 'name', name: 'x'.repeat(TEXT_LIMITS.personName + 1) } }),
      problems: { helper: 'tooLong' },
    },
    {
      name: 'several at once',
      draft: draft({ title: '', time: '09:00', repeat: 'daily' }),
      problems: { title: 'required', time: 'timeNeedsDate', repeat: 'repeatNeedsDate' },
    },
  ])('refuses $name', ({ draft: input, problems }) => {
    expect(checkActivityForm(input, goals)).toEqual({ ok: false, problems })
  })
})

describe('draftOfActivity and withActivityFields', () => {
  it('a saved activity fills the form, and saving the form unchanged gives the same record', () => {
    const activity = makeActivity({ goalId, helper: { name: 'Lene' } })
    const form = draftOfActivity(activity, goals)
    expect(form).toEqual({
      title: activity.title,
      goalId,
      date: '2026-11-30',
      time: '09:30',
      repeat: 'none',
      place: 'Home',
      helper: { kind: 'name', name: 'Lene' },
      priority: 'now',
      done: false,
    })
    const result = checkActivityForm(form, goals)
    if (!result.ok) throw new Error('expected the form to pass')
    expect(withActivityFields(activity, result.value)).toEqual(activity)
  })

  it('a contact helper survives the round trip untouched', () => {
    const activity = makeActivity({ goalId })
    const result = checkActivityForm(draftOfActivity(activity, goals), goals)
    expect(result.ok && result.value.helper).toEqual(activity.helper)
  })

  it('a deleted goal is left out of the form', () => {
    expect(draftOfActivity(makeActivity(), goals).goalId).toBe('')
  })

  it('clearing fields removes them from the record, which stays valid', () => {
    const activity = makeActivity({ goalId })
    const result = checkActivityForm(draft({ title: 'Ny titel' }), goals)
    if (!result.ok) throw new Error('expected the form to pass')
    const saved = withActivityFields(activity, result.value)
    for (const key of ['goalId', 'date', 'time', 'place', 'helper'] as const) expect(key in saved).toBe(false)
    expect(saved).toMatchObject({
      id: activity.id,
      kind: 'activity',
      title: 'Ny titel',
      createdAt: activity.createdAt,
    })
    expect(activitySchema.safeParse(saved).success).toBe(true)
  })

  it('the helper the form makes is a valid person reference', () => {
    const result = checkActivityForm(draft({ helper: { kind: 'name', name: 'Naboen Ali' } }), goals)
    expect(result.ok && personRef.safeParse(result.value.helper).success).toBe(true)
  })
})

describe('calendarEventOf', () => {
  const now = new Date('2026-11-23T12:00:00Z')
  const activity = makeActivity({
    title: 'Møde på krisecentret',
    place: 'Krisecentret',
    date: day('2026-12-01'),
    time: '10:00',
    repeat: 'weekly',
  })
  const options = {
    neutralTitle: 'Aftale',
    reminder: 'none',
    courseEnd: day('2027-08-31'),
    now,
    productName: 'Trin',
  } as const

  it.each([
    {
      name: 'neutral by default: no title, no place',
      showDetails: false,
      title: 'Aftale',
      location: undefined,
    },
    {
      name: 'the citizen’s choice: title and place',
      showDetails: true,
      title: 'Møde på krisecentret',
      location: 'Krisecentret',
    },
  ])('$name', ({ showDetails, title, location }) => {
    expect(calendarEventOf(activity, { ...options, showDetails })).toEqual({
      uid: activity.id,
      title,
      date: '2026-12-01',
      time: '10:00',
      repeat: 'weekly',
      repeatUntil: '2027-08-31',
      reminder: 'none',
      location,
      now,
      productName: 'Trin',
    })
  })

  it.each([
    { name: 'timed, an hour before', time: '10:00', reminder: 'hourBefore', expected: 'hourBefore' },
    {
      name: 'timed, the evening before',
      time: '10:00',
      reminder: 'eveningBefore',
      expected: 'eveningBefore',
    },
    {
      name: 'all-day, the evening before',
      time: undefined,
      reminder: 'eveningBefore',
      expected: 'eveningBefore',
    },
    {
      name: 'all-day cannot be an hour before',
      time: undefined,
      reminder: 'hourBefore',
      expected: 'eveningBefore',
    },
    { name: 'none stays none', time: undefined, reminder: 'none', expected: 'none' },
  ] as const)('reminder: $name', ({ time, reminder, expected }) => {
    const event = calendarEventOf({ ...activity, time }, { ...options, showDetails: false, reminder })
    expect(event?.reminder).toBe(expected)
  })

  it('without a known course end, the repeat end is left to the calendar file', () => {
    const event = calendarEventOf(activity, { ...options, showDetails: false, courseEnd: null })
    expect(event?.repeatUntil).toBeUndefined()
  })

  it('no date, no calendar event', () => {
    const undated = { ...activity, time: undefined }
    delete undated.date
    expect(calendarEventOf(undated, { ...options, showDetails: true })).toBeNull()
  })
})
