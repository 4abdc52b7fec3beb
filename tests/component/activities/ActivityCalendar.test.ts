import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deleteDatabase } from '@/data/db'
import { findProperty, parseIcs } from '@/domain/ics'
import { courseOn } from '@/domain/phases'
import { readDeviceSettings, writeDeviceSettings } from '@/stores/deviceSettings'
import { useVaultStore } from '@/stores/vault'
import type { Activity } from '@/schemas'
import { day } from '../../factories/records'
import { mountPlanApp, settled, unmountAll } from '../support/mount'
import { NOW, storePlan } from '../support/fixtures'

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  localStorage.clear()
  await deleteDatabase()
})

afterEach(() => {
  unmountAll()
  useVaultStore().close()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Catches the files "add to calendar" makes, without a real download. */
function catchFiles(): Blob[] {
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:trin-test'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
  return blobs
}

type ActivityFields = Pick<Activity, 'title' | 'repeat'> & Partial<Pick<Activity, 'date' | 'time'>>

function mountActivity(fields: ActivityFields) {
  return mountPlanApp({
    seed: async (records) => {
      await storePlan(records)
      return records.create('activity', { priority: 'now', done: false, ...fields })
    },
    path: (activity) => `/activities/${activity.id}`,
  })
}

// storePlan's course: day 1 on 2026-10-14, nine months.
const COURSE_END = courseOn(
  { contactStart: day('2026-09-23'), transitionDate: day('2026-10-14'), pauses: [] },
  day('2026-11-23'),
).courseEnd

describe('the calendar file’s reminder', () => {
  it('is none by default; an hour before is written as a neutral alarm and kept for next time', async () => {
    const blobs = catchFiles()
    const { wrapper } = await mountActivity({
      title: 'Møde på krisecentret',
      date: day('2026-12-01'),
      time: '10:00',
      repeat: 'weekly',
    })
    await settled(wrapper, 'Påmindelse')
    const choices = wrapper.findAll('[data-test^="calendar-reminder-"]')
    expect(choices.map((choice) => choice.attributes('value'))).toEqual([
      'none',
      'eveningBefore',
      'hourBefore',
    ])
    expect(wrapper.get<HTMLInputElement>('[data-test="calendar-reminder-none"]').element.checked).toBe(true)
    expect(wrapper.text()).toContain('Aftenen før, kl. 18')

    await wrapper.get('[data-test="calendar-download"]').trigger('click')
    await wrapper.get('[data-test="calendar-reminder-hourBefore"]').setValue(true)
    await wrapper.get('[data-test="calendar-download"]').trigger('click')
    const [plain, reminded] = await Promise.all(blobs.map((blob) => blob.text()))
    expect(parseIcs(plain ?? '').alarms).toEqual([[]])
    const [alarm = []] = parseIcs(reminded ?? '').alarms[0] ?? []
    expect(findProperty(alarm, 'TRIGGER')?.value).toBe('-PT1H')
    expect(findProperty(alarm, 'DESCRIPTION')?.value).toBe('Aftale')
    expect(readDeviceSettings().c).toBe('hourBefore')
  })

  it('offers no "hour before" for an all-day activity; a kept "hour before" shows as the evening before', async () => {
    writeDeviceSettings({ c: 'hourBefore' })
    const blobs = catchFiles()
    const { wrapper } = await mountActivity({ title: 'Husleje', date: day('2026-12-01'), repeat: 'none' })
    await settled(wrapper, 'Påmindelse')
    expect(wrapper.find('[data-test="calendar-reminder-hourBefore"]').exists()).toBe(false)
    expect(
      wrapper.get<HTMLInputElement>('[data-test="calendar-reminder-eveningBefore"]').element.checked,
    ).toBe(true)
    await wrapper.get('[data-test="calendar-download"]').trigger('click')
    const [alarm = []] = parseIcs((await blobs[0]?.text()) ?? '').alarms[0] ?? []
    expect(findProperty(alarm, 'TRIGGER')?.value).toBe('-PT6H')
    // Showing it did not overwrite what she chose for timed activities.
    expect(readDeviceSettings().c).toBe('hourBefore')
  })

  it('a monthly repeat on the 30th ends in the calendar at the course’s end, and the screen says so', async () => {
    const blobs = catchFiles()
    const { wrapper } = await mountActivity({ title: 'Husleje', date: day('2026-11-30'), repeat: 'monthly' })
    await settled(wrapper, 'I kalenderen gentages aftalen til og med')
    expect(wrapper.get('[data-test="calendar-repeat-end"]').text()).toMatch(
      /til og med \d+\. \p{L}+ 2027\.$/u,
    )
    await wrapper.get('[data-test="calendar-download"]').trigger('click')
    const [event = []] = parseIcs((await blobs[0]?.text()) ?? '').events
    expect(findProperty(event, 'RRULE')?.value).toBe(
      `FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=${COURSE_END.replaceAll('-', '')}`,
    )
    expect(event.filter((property) => property.name === 'RDATE').map((property) => property.value)).toEqual([
      '20270228',
    ])
  })

  it('says nothing about an end where the calendar repeats without one', async () => {
    const { wrapper } = await mountActivity({ title: 'Husleje', date: day('2026-11-15'), repeat: 'monthly' })
    await settled(wrapper, 'Påmindelse')
    expect(wrapper.find('[data-test="calendar-repeat-end"]').exists()).toBe(false)
  })
})
