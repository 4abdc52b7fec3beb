import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { startCourse } from './support/plan'

// The plan is made on 23 November 2026 (day 1 was 14 October: phase 1).
const DAY_ONE_OF_USE = new Date('2026-11-23T12:00:00+01:00')
const A_WEEK_LATER = new Date('2026-11-30T12:00:00+01:00')
const COURSE = { transition: 'homelessness', dayOne: '2026-10-14', contactStart: '2026-09-23' } as const

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

describe('Home: the backup reminder waits', () => {
  it('on the first day of use no reminder; a week later it shows below the course status', async () => {
    session = await openSession()
    const { page } = session
    await page.setViewportSize({ width: 360, height: 780 })
    await page.clock.setFixedTime(DAY_ONE_OF_USE)
    await startCourse(page, COURSE)
    await page.locator('#course-status-heading').waitFor()
    expect(await page.locator('[data-test="backup-reminder"]').count()).toBe(0)

    await page.clock.setFixedTime(A_WEEK_LATER)
    await page.reload()
    const reminder = page.locator('[data-test="backup-reminder"]')
    await reminder.waitFor()
    const status = await page.locator('#course-status-heading').boundingBox()
    const box = await reminder.boundingBox()
    expect(status).not.toBeNull()
    expect(box).not.toBeNull()
    // "Where am I" first: the reminder starts below the course status's heading.
    expect(box?.y ?? 0).toBeGreaterThan(status?.y ?? Number.POSITIVE_INFINITY)
    expect(session.errors).toEqual([])
  })
})
