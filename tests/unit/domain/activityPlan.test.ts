import { describe, expect, it } from 'vitest'
import { activityPlan } from '@/domain/activityPlan'
import { asHlc } from '@/domain/clock'
import { day, makeActivity } from '../../factories/records'

const today = day('2026-11-23')
const stamp = (minute: number) =>
  asHlc(`2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z-0000-00000000000000a1`)

describe('activityPlan', () => {
  it('groups into now, later and done, earliest first, undated last, deleted left out', () => {
    const a = (title: string, overrides: Parameters<typeof makeActivity>[0] = {}) =>
      makeActivity({ title, time: undefined, date: undefined, ...overrides })
    const activities = [
      a('undated now', { createdAt: stamp(1) }),
      a('undated now, later created', { createdAt: stamp(2) }),
      a('tomorrow 09:00', { date: day('2026-11-24'), time: '09:00' }),
      a('tomorrow all day', { date: day('2026-11-24') }),
      a('overdue', { date: day('2026-11-20') }),
      a('weekly since October', { date: day('2026-10-01'), repeat: 'weekly' }),
      a('later, in January', { date: day('2027-01-05'), priority: 'later' }),
      a('later, undated', { priority: 'later' }),
      a('done', { done: true, date: day('2026-11-01') }),
      a('deleted', { deleted: true }),
    ]
    const plan = activityPlan(activities, today)
    expect(plan.now.map((e) => e.activity.title)).toEqual([
      'overdue',
      'tomorrow all day',
      'tomorrow 09:00',
      'weekly since October',
      'undated now',
      'undated now, later created',
    ])
    expect(plan.later.map((e) => e.activity.title)).toEqual(['later, in January', 'later, undated'])
    expect(plan.done.map((e) => e.activity.title)).toEqual(['done'])
  })

  it('lists a repeating activity by its next occurrence and never as overdue', () => {
    const weekly = makeActivity({ date: day('2026-10-01'), repeat: 'weekly' })
    // 1 October 2026 is a Thursday; the next Thursday from Monday 23 November is the 26th.
    expect(activityPlan([weekly], today).now[0]).toMatchObject({ on: '2026-11-26', overdue: false })
  })

  it.each([
    { name: 'past one-off', date: '2026-11-22', done: false, overdue: true },
    { name: 'today', date: '2026-11-23', done: false, overdue: false },
    { name: 'past but done', date: '2026-11-22', done: true, overdue: false },
  ])('overdue: $name', ({ date, done, overdue }) => {
    const plan = activityPlan([makeActivity({ date: day(date), done })], today)
    expect([...plan.now, ...plan.done][0]?.overdue).toBe(overdue)
  })
})
