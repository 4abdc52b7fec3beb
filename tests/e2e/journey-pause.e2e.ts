import { afterEach, describe, expect, it } from 'vitest'
import { cspViolations, foreignRequests, openSession, type Session } from './support/browser'
import { OnboardingModel } from './support/onboarding'
import { axeViolations, HomeModel } from './support/home'

// The wall clock is fixed (Copenhagen), so the dates are written out: day 1 is 14 October 2026,
// 40 days before "today", 23 November 2026.
const TODAY = new Date('2026-11-23T12:00:00+01:00')
const DAY_MS = 86_400_000

/** Calendar days from one YYYY-MM-DD to another. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS
}

let session: Session | undefined

afterEach(async () => {
  await session?.close()
  session = undefined
})

async function onboarded(): Promise<{ session: Session; home: HomeModel }> {
  const opened = await openSession()
  await opened.page.setViewportSize({ width: 360, height: 780 })
  await opened.page.clock.setFixedTime(TODAY)
  const onboarding = new OnboardingModel(opened.page)
  await onboarding.open()
  await onboarding.complete({ transition: 'psychiatry', dayOne: '2026-10-14', contactStart: '2026-09-23' })
  return { session: opened, home: new HomeModel(opened.page) }
}

describe('journey: pause and resume', () => {
  it('a pause from 30 days ago until 10 days ago moves the end date by 20 days; the timeline and the history show it', async () => {
    const opened = await onboarded()
    session = opened.session
    const { home } = opened
    const { page } = session
    const endBefore = await home.courseEndDate()
    expect(endBefore).toBe('2027-07-13')
    expect(await home.timelinePauses().count()).toBe(0)

    const course = await home.openCourse()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dit forløb')
    expect(await axeViolations(page)).toEqual([])
    // Paused 30 days ago, in hospital.
    await course.pause('2026-10-24', 'hospital', 'Afdeling B')
    expect(await page.getByRole('status').filter({ hasText: 'Forløbet holder nu pause.' }).count()).toBe(1)
    expect(await page.getByText('Forløbet har holdt pause siden 24. oktober 2026.').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    // While the pause lasts, Home says so and the end date is provisional.
    await home.open()
    expect(
      await page.getByText('Forløbet er sat på pause siden 24. oktober 2026.', { exact: false }).count(),
    ).toBe(1)
    expect(await page.getByText('Datoerne er foreløbige, indtil pausen slutter.').count()).toBe(1)
    expect(await home.timelinePauses().textContent()).toContain('Pausen varer stadig.')
    expect(await axeViolations(page)).toEqual([])

    // Resumed 10 days ago.
    await home.openCourse()
    await course.resume('2026-11-13')
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: 'Forløbet er genoptaget, og datoerne er rykket.' })
        .count(),
    ).toBe(1)
    const history = (await course.history().textContent()) ?? ''
    expect(history).toContain('Indlagt på hospitalet')
    expect(history).toContain('Fra 24. oktober 2026 til 12. november 2026')
    expect(history).toContain('20 dage')
    expect(history).toContain('Afdeling B')
    expect(await axeViolations(page)).toEqual([])

    await home.open()
    const endAfter = await home.courseEndDate()
    expect(endAfter).toBe('2027-08-02')
    expect(daysBetween(endBefore ?? '', endAfter ?? '')).toBe(20)
    expect((await home.courseEnd().textContent())?.trim()).toBe('Forløbet slutter 2. august 2027.')
    expect(await home.nextChange().textContent()).toBe('Fase 2 begynder 3. februar 2027.')
    // 40 days since day 1, 20 of them paused: day 21.
    expect(await page.getByText('Dag 21 i forløbet').count()).toBe(1)
    const pause = (await home.timelinePauses().textContent()) ?? ''
    expect(pause).toContain('Pause: Indlagt på hospitalet')
    expect(pause).toContain('20 dage')
    expect(await page.getByText('Datoerne er foreløbige', { exact: false }).count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])

    expect(foreignRequests(session.requests)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    expect(session.warnings.filter((warning) => warning.includes('missing message'))).toEqual([])
    expect(session.errors).toEqual([])
  })

  it('while a pause lasts, each day that passes moves the end date one day later (the clock moved forward)', async () => {
    const opened = await onboarded()
    session = opened.session
    const { home } = opened
    const { page } = session
    const course = await home.openCourse()
    await course.pause('2026-11-23', 'treatment')
    await home.open()
    // Paused today: one day so far, at the earliest.
    expect(await home.courseEndDate()).toBe('2027-07-14')

    await page.clock.setFixedTime(new Date('2026-12-03T12:00:00+01:00'))
    await page.reload()
    await home.stage().waitFor()
    // 23 November to 3 December: eleven paused days so far.
    expect(await home.courseEndDate()).toBe('2027-07-24')
    expect(
      await page.getByText('Forløbet er sat på pause siden 23. november 2026.', { exact: false }).count(),
    ).toBe(1)

    // Back on 3 December: the clock ran again from that day, ten days paused in all.
    await home.openCourse()
    await course.resume('2026-12-03')
    await home.open()
    expect(await home.courseEndDate()).toBe('2027-07-23')
    expect(daysBetween('2027-07-13', (await home.courseEndDate()) ?? '')).toBe(10)
    expect(session.errors).toEqual([])
  })
})
