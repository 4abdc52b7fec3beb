/** How her review names values (src/features/proposals/proposalText.ts): a message where the app has one. */
import { describe, expect, it } from 'vitest'
import { fieldName, valueText, type ProposalText } from '@/features/proposals/proposalText'

describe('valueText', () => {
  it.each<[string, unknown, ProposalText]>([
    ['title', '', { k: 'proposals.value.empty' }],
    ['title', null, { k: 'proposals.value.empty' }],
    ['title', undefined, { k: 'proposals.value.empty' }],
    ['done', true, { k: 'proposals.value.done' }],
    ['done', false, { k: 'proposals.value.notDone' }],
    ['shared', true, { k: 'proposals.value.yes' }],
    ['shared', false, { k: 'proposals.value.no' }],
    [
      'due',
      '2027-03-14',
      { k: 'proposals.value.date', args: { date: { civilDate: '2027-03-14', style: 'long' } } },
    ],
    ['status', 'onTheWay', { k: 'goals.status.onTheWay' }],
    ['priority', 'later', { k: 'activities.priority.later' }],
    ['repeat', 'weekly', { k: 'activities.repeat.weekly' }],
    // A value that is not one of the enum's stays the value (never a missing key on screen).
    ['status', 'someday', { text: 'someday' }],
    ['repeat', 'onTheWay', { text: 'onTheWay' }],
    // Her words, even when they look like a status.
    ['title', 'reached', { text: 'reached' }],
    ['place', '2027-13-40', { text: '2027-13-40' }],
    ['count', 3, { k: 'proposals.value.number', args: { value: 3 } }],
    ['content', { type: 'lifeAreas' }, { k: 'proposals.value.changed' }],
  ])('%s = %j', (field, value, expected) => {
    expect(valueText(field, value as never)).toEqual(expected)
  })
})

describe('fieldName', () => {
  it.each([
    ['title', 'proposals.field.title'],
    ['due', 'proposals.field.due'],
    ['goalId', 'proposals.field.other'],
  ])('%s → %s', (field, key) => {
    expect(fieldName(field)).toBe(key)
  })
})
