/**
 * Issue #15 item 3 with two phones (two browsers, files carried between them as a person would):
 * she shares a goal and pairs; the worker's phone pairs by her short code, takes in her package,
 * proposes a new activity and a note, and sends them; she takes them in, says yes to the
 * activity and no to the note; her next package goes back, and the worker's list says which.
 * The worker's plan copy then holds the activity she accepted, and no note.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { baseURL, openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import { PlanModel, planAxeViolations, startCourse } from './support/plan'

const sessions: Session[] = []
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close()
})

const PASSPHRASE = 'blå hest på bakken'

describe('proposals between two phones', () => {
  it('the worker proposes, she decides, the worker sees what became of each', async () => {
    const her = await openSession({ viewport: phone })
    sessions.push(her)
    const citizen = her.page
    await startCourse(citizen)
    const plan = new PlanModel(citizen)
    await plan.firstGoal('housing', 'Bolig', 'Egen bolig')
    await citizen.locator('[data-test="share-toggle-button"]').click()
    await citizen.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
    await citizen.locator('[data-nav="plan"]').click()
    await citizen.locator('[data-test="area-card"] h2 a').first().click()
    await citizen.locator('[data-test="share-toggle-button"]').click()
    await citizen.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
    await citizen.locator('[data-nav="plan"]').click()
    await citizen.locator('[data-test="plan-share"]').click()
    await citizen.locator('[data-test="pairing-start"]').click()
    await citizen.locator('[data-test="pairing-show-code"]').click()
    const shortCode = (await citizen.locator('[data-test="pairing-short-code"]').textContent()) ?? ''
    await citizen.locator('[data-test="pairing-confirm"]').click()
    const [first] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.locator('[data-test="send-file"]').click(),
    ])

    // The worker's phone.
    const his = await openSession({ viewport: phone })
    sessions.push(his)
    const worker = his.page
    await worker.goto(baseURL)
    await worker.getByRole('link', { name: /CTI-medarbejder/ }).click()
    await worker.locator('#worker-lock-new').fill(PASSPHRASE)
    await worker.locator('#worker-lock-repeat').fill(PASSPHRASE)
    await worker.getByRole('button', { name: 'Lås og brug som medarbejder-telefon' }).click()
    await worker.getByRole('link', { name: 'Par med en borger' }).click()
    await worker.locator('#worker-pair-code-input').fill(shortCode)
    await worker.getByRole('button', { name: 'Brug koden' }).click()
    await worker.locator('#worker-pair-label').fill('Sara')
    await worker.getByRole('button', { name: 'Gem parringen' }).click()
    await worker.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await worker.getByRole('link', { name: 'Modtag en pakke' }).click()
    await worker.locator('[data-test="worker-receive-file"]').setInputFiles(await first.path())
    await worker.locator('[data-test="worker-receive-ok"]').waitFor()
    await worker.getByRole('link', { name: 'Tilbage til Sara' }).click()

    await worker.getByRole('link', { name: 'Foreslå en ny aktivitet til „Egen bolig“' }).click()
    await worker.locator('#worker-propose-title').fill('Besøg boligkontoret')
    await worker.getByRole('button', { name: 'Gem forslaget' }).click()
    await worker.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()
    await worker.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await worker.getByRole('link', { name: 'Skriv en note til hende om „Egen bolig“' }).click()
    await worker.locator('#worker-propose-text').fill('Husk lønsedlerne')
    await worker.getByRole('button', { name: 'Gem forslaget' }).click()
    await worker.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()
    const [proposals] = await Promise.all([
      worker.waitForEvent('download'),
      worker.locator('[data-test="worker-proposals-file"]').click(),
    ])

    // Her phone: she takes them in and decides.
    await citizen.locator('[data-test="share-proposals"] a').click()
    await citizen.locator('[data-test="proposals-receive-file"]').setInputFiles(await proposals.path())
    await citizen.locator('[data-test="proposals-receive-ok"]').waitFor()
    expect(await citizen.locator('[data-test="proposal"]').count()).toBe(2)
    expect(await planAxeViolations(citizen)).toEqual([])
    const activity = citizen.locator('[data-test="proposal"]', { hasText: 'Besøg boligkontoret' })
    await activity.locator('[data-test="proposal-accept"]').click()
    await citizen.locator('[data-test="proposals-said"]', { hasText: 'Du sagde ja' }).waitFor()
    const note = citizen.locator('[data-test="proposal"]', { hasText: 'Husk lønsedlerne' })
    await note.locator('[data-test="proposal-reject"]').click()
    await citizen.locator('[data-test="proposals-none"]').waitFor()
    // The activity is in her plan now.
    await citizen.locator('[data-nav="activities"]').click()
    await citizen.getByText('Besøg boligkontoret').first().waitFor()

    await citizen.locator('[data-nav="plan"]').click()
    await citizen.locator('[data-test="plan-share"]').click()
    const [second] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.locator('[data-test="send-file"]').click(),
    ])

    // The worker's phone learns what became of each proposal.
    await worker.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await worker.getByRole('link', { name: 'Modtag en pakke' }).click()
    await worker.locator('[data-test="worker-receive-file"]').setInputFiles(await second.path())
    await worker.locator('[data-test="worker-receive-ok"]').waitFor()
    await worker.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await worker.getByText('Besøg boligkontoret').first().waitFor()
    await worker
      .getByRole('link', { name: /Forslag til hende/ })
      .first()
      .click()
    await worker.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()
    expect(await worker.locator('[data-test="worker-proposal-accepted"]').textContent()).toContain(
      'Besøg boligkontoret',
    )
    expect(await worker.locator('[data-test="worker-proposal-rejected"]').textContent()).toContain(
      'Husk lønsedlerne',
    )
    expect(await worker.locator('[data-test="worker-proposal-pending"]').count()).toBe(0)
    expect(await planAxeViolations(worker)).toEqual([])
  }, 300_000)
})
