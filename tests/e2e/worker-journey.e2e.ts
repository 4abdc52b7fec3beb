/**
 * Issue #15's acceptance journey with two phones (two browsers, files carried between them as a
 * person would): the worker sets up a worker's phone and pairs with Sara by her short code; her
 * first package brings her goal, a sub-goal and an activity; the worker proposes a change of the
 * sub-goal, a change of the activity and the worker's own rating (`proposeThird`); she renames the activity
 * herself before the proposals arrive, so that one is stale and shown side by side ("Nu i din
 * plan" / "Forslag"); she says yes to the sub-goal and no to the stale one, and yes to the rating,
 * which joins her ratings as the worker's; her next package tells
 * the worker "Hun sagde ja" / "Hun sagde nej". Visits in three phases of her course show on the
 * 4:2:1 chart and its table. The day after her course's end date (the worker's clock moved on) the
 * worker's copy of her plan is erased — none of its titles on any of the worker's screens — and the
 * visit log remains.
 */
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { readSharePackageHeader } from '@/data/sharing/package'
import { ActivitiesModel } from './support/activities'
import { openSession, type Session } from './support/browser'
import { phone, saveScreen } from './support/layout'
import { daysAgo } from './support/onboarding'
import { startCourse } from './support/plan'
import { CitizenSharingModel, THREE_PHASES_BARS, THREE_PHASES_TABLE, WorkerModel } from './support/worker'

const sessions: Session[] = []
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close()
})

const GOAL = 'Egen bolig'
const SUB_GOAL = 'Søg om bolig'
const ACTIVITY = 'Ring til boligkontoret'
const SUB_GOAL_PROPOSED = 'Søg om bolig hos boligselskabet'
const ACTIVITY_PROPOSED = 'Ring til boligkontoret om venteliste'
const ACTIVITY_HERS = 'Ring til boligkontoret fredag'
const THIRD = 'Et fast ugentligt møde med boligrådgiveren'

/** The third proposal: the worker's own rating of how things go, with a note she can read. */
async function proposeThird(worker: WorkerModel): Promise<void> {
  await worker.proposeRating(6, THIRD)
}

/** The day `days` after the date `civil` (YYYY-MM-DD), at noon on the Copenhagen wall clock in winter. */
function dayAfter(civil: string, days: number): Date {
  const [year, month, day] = civil.split('-').map(Number)
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days, 11))
}

describe("the worker's journey with her, issue #15's acceptance", () => {
  it('pairs, proposes, she decides (one stale), outcomes come back, visits in three phases, erased at the end', async () => {
    // Her phone: day 1 was 200 days ago (phase 3), contact three weeks before.
    const herSession = await openSession({ viewport: phone })
    sessions.push(herSession)
    const her = herSession.page
    const citizen = new CitizenSharingModel(her)
    const activities = new ActivitiesModel(her)
    await startCourse(her, { dayOne: daysAgo(200), contactStart: daysAgo(221) })
    await citizen.shareGoal(GOAL, [SUB_GOAL], async () => {
      // The sub-goal's own switch, then an activity for the goal, shared on its screen.
      await her.locator('[data-test="share-switch"]').first().click()
      await her.locator('[data-test="share-switch"][aria-pressed="true"]').first().waitFor()
      await activities.startFromGoal()
      await activities.fill({ title: ACTIVITY })
      await activities.create()
      await citizen.shareHere()
    })
    // Her course's dates too: the worker's log needs her phases.
    await citizen.shareSection('course')
    const code = await citizen.pair()
    const first = await citizen.sendFile()
    const firstPath = await first.path()
    const endsOn = readSharePackageHeader(new Uint8Array(await readFile(firstPath))).header.endsOn
    if (endsOn === null) throw new Error('her package says no end date')

    // The worker's phone: set up, paired by her short code, her first package received.
    const hisSession = await openSession({ viewport: phone })
    sessions.push(hisSession)
    const worker = new WorkerModel(hisSession.page)
    const page = worker.page
    await worker.setUp()
    await worker.pairByCode(code)
    await worker.receive(firstPath)
    for (const title of [GOAL, SUB_GOAL, ACTIVITY]) await page.getByText(title).first().waitFor()

    // Two edits and a third proposal, sent as a file.
    await worker.proposeEdit(SUB_GOAL, { title: SUB_GOAL_PROPOSED })
    await worker.backTo()
    await worker.proposeEdit(ACTIVITY, { title: ACTIVITY_PROPOSED, comment: 'Spørg efter ventelisten.' })
    await worker.backTo()
    await proposeThird(worker)
    expect(await page.locator('[data-test="worker-proposal-pending"]').count()).toBe(3)
    const proposals = await worker.sendProposalsFile()

    // Before they arrive she renames the activity herself: the worker's change is now stale.
    await activities.open()
    await her.locator('.activity-item__title', { hasText: ACTIVITY }).first().click()
    await her.locator('#activity-title').fill(ACTIVITY_HERS)
    await her.locator('[data-test="activity-save"]').click()
    await her.locator('h1', { hasText: ACTIVITY_HERS }).waitFor()

    // She takes them in: the stale one side by side, hers and the worker's.
    await citizen.openProposals()
    await citizen.receiveProposals(await proposals.path())
    expect(await citizen.proposals().count()).toBe(3)
    const stale = her.locator('[data-test="proposal"]', {
      has: her.locator('[data-test="proposal-stale"]'),
    })
    expect(await stale.count()).toBe(1)
    expect(await stale.locator('[data-test="proposal-now"]').textContent()).toBe(ACTIVITY_HERS)
    expect(await stale.locator('[data-test="proposal-proposed"]').textContent()).toBe(ACTIVITY_PROPOSED)
    const labels = await stale.locator('.proposal__value-label').allTextContents()
    expect(labels.map((label) => label.trim())).toEqual(['Nu i din plan', 'Forslag'])
    await saveScreen(her, 'journey-stale-da', { fullPage: true })
    // The worker's rating, read as a rating: whose, the period, the area's answer and note.
    const rating = her.locator('[data-test="proposal"]', {
      has: her.locator('[data-test="proposal-rating"]'),
    })
    expect(await rating.locator('[data-test="rating-answer"]').first().textContent()).toContain('6')
    expect(await rating.locator('[data-test="rating-note"]').first().textContent()).toContain(THIRD)
    // Yes to the sub-goal, no to the stale one (she keeps her own title), yes to the rating.
    await citizen.decide(SUB_GOAL_PROPOSED, 'accept')
    await citizen.decide(ACTIVITY_PROPOSED, 'reject')
    expect(await citizen.proposals().count()).toBe(1)
    await rating.locator('[data-test="proposal-accept"]').click()
    await her.locator('[data-test="proposals-said"]', { hasText: 'Du sagde ja' }).waitFor()
    expect(await citizen.proposals().count()).toBe(0)
    await citizen.openShare()
    const second = await citizen.sendFile()

    // The worker's phone learns what became of each.
    await worker.backTo()
    await worker.receive(await second.path())
    await page.getByText(SUB_GOAL_PROPOSED).first().waitFor()
    await page.getByText(ACTIVITY_HERS).first().waitFor()
    await worker.openProposals()
    expect(await worker.proposalStates()).toEqual(['Hun sagde ja', 'Hun sagde nej', 'Hun sagde ja'])
    const accepted = page.locator('[data-test="worker-proposal-accepted"]')
    expect(await accepted.filter({ hasText: SUB_GOAL_PROPOSED }).count()).toBe(1)
    expect(await accepted.filter({ hasText: 'Din vurdering' }).count()).toBe(1)
    // The list names each by the thing it is about, as her copy has it now.
    const rejected = (await page.locator('[data-test="worker-proposal-rejected"]').textContent()) ?? ''
    expect(rejected).toContain('Ændring af en aktivitet')
    expect(rejected).toContain(ACTIVITY_HERS)
    await saveScreen(page, 'journey-outcomes-da', { fullPage: true })

    // Visits in her three phases, on the 4:2:1 chart and its table.
    await worker.backTo()
    await worker.logVisit({ date: daysAgo(190), minutes: '240', mode: 'Hjemmebesøg', stage: 'Fase 1' })
    await worker.logVisit({ date: daysAgo(100), minutes: '120', mode: 'Møde med netværket', stage: 'Fase 2' })
    await worker.logVisit({ date: daysAgo(5), minutes: '45', mode: 'Telefonsamtale', stage: 'Fase 3' })
    expect(await worker.visits().count()).toBe(3)
    expect(await worker.visitBars()).toEqual(THREE_PHASES_BARS)
    expect(await worker.visitTable()).toEqual(THREE_PHASES_TABLE)
    await saveScreen(page, 'journey-visits-da', { fullPage: true })
    // Mine borgere: her card says when the last visit was and how.
    await page.locator('[data-nav="workerHome"]').click()
    const lastVisit = page.locator('[data-test="worker-citizen-card"] [data-test="caseload-visit"]')
    expect(await lastVisit.textContent()).toContain('Sidste besøg')
    expect(await lastVisit.textContent()).toContain('Telefonsamtale')
    await worker.openCitizen()

    // The day after her course's end date: access has ended; the worker erases her shared plan.
    await page.clock.setFixedTime(dayAfter(endsOn, 1))
    await worker.reloadAndUnlock()
    await worker.openCitizen()
    await page.locator('[data-test="worker-ending"]').waitFor()
    await page.locator('[data-test="worker-ending-erase"]').click()
    await page.locator('[data-test="worker-ending-erase-yes"]').click()
    await page.locator('[data-test="worker-ending-erased"]').waitFor()
    await worker.settled()
    await page.locator('[data-test="worker-ending-erased"]').waitFor()
    await saveScreen(page, 'journey-erased-da', { fullPage: true })
    // Her plan's titles are nowhere on the worker's screens; the visit log remains.
    const plans = [GOAL, SUB_GOAL, SUB_GOAL_PROPOSED, ACTIVITY, ACTIVITY_HERS, ACTIVITY_PROPOSED, THIRD]
    const shown = async () => (await page.locator('body').textContent()) ?? ''
    for (const title of plans) expect(await shown()).not.toContain(title)
    expect(await worker.visits().count()).toBe(3)
    await worker.reloadAndUnlock()
    for (const title of plans) expect(await shown()).not.toContain(title)
    await worker.openCitizen()
    await page.locator('[data-test="worker-ending-erased"]').waitFor()
    for (const title of plans) expect(await shown()).not.toContain(title)
    expect(await worker.visits().count()).toBe(3)

    expect(herSession.errors).toEqual([])
    expect(hisSession.errors).toEqual([])
  }, 300_000)
})
