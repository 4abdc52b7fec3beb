import { afterEach, describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import type { Page } from 'playwright-core'
import { parseCivilDate } from '../../src/domain/civilDate'
import { findProperty, parseIcs } from '../../src/domain/ics'
import { occurrencesBetween } from '../../src/domain/recurrence'
import { openSession, type Session } from './support/browser'
import { ActivitiesModel, type ActivityInput, type DownloadedFile } from './support/activities'
import { mainOverflows, planAxeViolations, startCourse } from './support/plan'

// Copenhagen, 23 November 2026; day 1 was 14 October 2026, so the course ends on 13 July 2027.
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const COURSE = { transition: 'shelter', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const
const COURSE_END = '2027-07-13'

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

async function courseWithActivity(
  input: ActivityInput,
): Promise<{ page: Page; activities: ActivitiesModel }> {
  session = await openSession()
  const { page } = session
  await page.setViewportSize({ width: 360, height: 780 })
  await page.clock.setFixedTime(TODAY)
  await startCourse(page, COURSE)
  const activities = new ActivitiesModel(page)
  await activities.open()
  await activities.startNew()
  await activities.fill(input)
  await activities.create()
  return { page, activities }
}

/** Chooses the reminder in the calendar place, then downloads the file. */
async function downloadWithReminder(
  page: Page,
  activities: ActivitiesModel,
  reminder: 'none' | 'eveningBefore' | 'hourBefore',
): Promise<DownloadedFile> {
  await page.locator(`[data-test="calendar-reminder-${reminder}"]`).check()
  return activities.downloadCalendar()
}

/** The file as ical.js (behind several calendar apps) reads it: its one event. */
function icalEvent(file: DownloadedFile): ICAL.Event {
  const vevent = ICAL.Component.fromString(new TextDecoder().decode(file.bytes)).getFirstSubcomponent(
    'vevent',
  )
  if (vevent === null) throw new Error('no VEVENT')
  return new ICAL.Event(vevent)
}

describe('the calendar file’s reminder', () => {
  it('an hour before: a neutral VALARM that ical.js reads, ringing an hour before the start', async () => {
    const { page, activities } = await courseWithActivity({
      title: 'Møde på krisecentret',
      date: '2026-12-01',
      time: '10:30',
      repeat: 'weekly',
      place: 'Krisecentret',
    })
    expect(await page.locator('[data-test="calendar-reminder"] legend').textContent()).toBe('Påmindelse')
    expect(await planAxeViolations(page)).toEqual([])
    expect(await mainOverflows(page)).toBe(false)

    const file = await downloadWithReminder(page, activities, 'hourBefore')
    expect(file.name).toBe('aftale.ics')
    const parsed = parseIcs(file.bytes)
    expect(parsed.alarms).toHaveLength(1)
    const [alarm = []] = parsed.alarms[0] ?? []
    expect(alarm).toEqual([
      { name: 'ACTION', params: {}, value: 'DISPLAY' },
      { name: 'TRIGGER', params: {}, value: '-PT1H' },
      { name: 'DESCRIPTION', params: {}, value: 'Aftale' },
    ])

    const event = icalEvent(file)
    expect(event.summary).toBe('Aftale')
    const valarm = event.component.getFirstSubcomponent('valarm')
    expect(valarm?.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(valarm?.getFirstPropertyValue('description')).toBe('Aftale')
    const trigger = valarm?.getFirstPropertyValue('trigger')
    if (!(trigger instanceof ICAL.Duration)) throw new Error('TRIGGER is not a duration')
    const rings = event.startDate.clone()
    rings.addDuration(trigger)
    expect(rings.toString()).toBe('2026-12-01T09:30:00')
    // Nothing in the file tells what the appointment is, or which app made it, beyond PRODID.
    const text = new TextDecoder().decode(file.bytes)
    expect(text).not.toMatch(/krisecentret/i)
    expect(text.replace(/^PRODID:.*$/m, '')).not.toMatch(/trin/i)
  })

  it('the evening before, on a monthly repeat on the 30th: the same days in ical.js as in the app', async () => {
    const { page, activities } = await courseWithActivity({
      title: 'Husleje',
      date: '2026-11-30',
      repeat: 'monthly',
    })
    // All-day: no "an hour before".
    expect(await page.locator('[data-test="calendar-reminder-hourBefore"]').count()).toBe(0)
    expect(await page.locator('[data-test="calendar-repeat-end"]').textContent()).toBe(
      'I kalenderen gentages aftalen til og med 13. juli 2027.',
    )
    const file = await downloadWithReminder(page, activities, 'eveningBefore')
    const [alarm = []] = parseIcs(file.bytes).alarms[0] ?? []
    expect(findProperty(alarm, 'TRIGGER')?.value).toBe('-PT6H')

    const event = icalEvent(file)
    const iterator = event.iterator()
    const days: string[] = []
    for (let next = iterator.next(); (next as ICAL.Time | undefined) !== undefined; next = iterator.next()) {
      days.push(next.toString())
      if (days.length > 20) break
    }
    const app = occurrencesBetween(
      { date: parseCivilDate('2026-11-30'), repeat: 'monthly' },
      parseCivilDate('2026-11-30'),
      parseCivilDate(COURSE_END),
      20,
    )
    expect(days).toEqual(app)
    expect(days).toContain('2027-02-28')
    expect(days).toHaveLength(8)
  })
})
