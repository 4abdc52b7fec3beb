/**
 * Issue #15 item 3 with two phones (two browsers, files carried between them as a person would):
 * she shares a goal and pairs; the worker's phone pairs by her short code, takes in her package,
 * proposes a new activity and a note, and sends them; she takes them in, says yes to the
 * activity and no to the note; her next package goes back, and the worker's list says which.
 * The worker's plan copy then holds the activity she accepted, and no note.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import { planAxeViolations, startCourse } from './support/plan'
import { CitizenSharingModel, WorkerModel } from './support/worker'

const sessions: Session[] = []
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close()
})

describe('proposals between two phones', () => {
  it('the worker proposes, she decides, the worker sees what became of each', async () => {
    const her = await openSession({ viewport: phone })
    sessions.push(her)
    const citizen = her.page
    const sharing = new CitizenSharingModel(citizen)
    await startCourse(citizen)
    await sharing.shareGoal()
    const shortCode = await sharing.pair()
    const first = await sharing.sendFile()

    // The worker's phone.
    const his = await openSession({ viewport: phone })
    sessions.push(his)
    const workerPage = his.page
    const worker = new WorkerModel(workerPage)
    await worker.setUp()
    await worker.pairByCode(shortCode)
    await worker.receive(await first.path())

    await worker.proposeActivity('Egen bolig', 'Besøg boligkontoret')
    await worker.backTo()
    await worker.proposeNote('Egen bolig', 'Husk lønsedlerne')
    const proposals = await worker.sendProposalsFile()

    // Her phone: she takes them in and decides.
    await citizen.locator('[data-test="share-proposals"] a').click()
    await sharing.receiveProposals(await proposals.path())
    expect(await sharing.proposals().count()).toBe(2)
    expect(await planAxeViolations(citizen)).toEqual([])
    await sharing.decide('Besøg boligkontoret', 'accept')
    await sharing.proposal('Husk lønsedlerne').locator('[data-test="proposal-reject"]').click()
    await citizen.locator('[data-test="proposals-none"]').waitFor()
    // The activity is in her plan now.
    await citizen.locator('[data-nav="activities"]').click()
    await citizen.getByText('Besøg boligkontoret').first().waitFor()

    await sharing.openShare()
    const second = await sharing.sendFile()

    // The worker's phone learns what became of each proposal.
    await worker.backTo()
    await worker.receive(await second.path())
    await workerPage.getByText('Besøg boligkontoret').first().waitFor()
    await workerPage
      .getByRole('link', { name: /Forslag til hende/ })
      .first()
      .click()
    await worker.heading('Forslag til hende').waitFor()
    expect(await workerPage.locator('[data-test="worker-proposal-accepted"]').textContent()).toContain(
      'Besøg boligkontoret',
    )
    expect(await workerPage.locator('[data-test="worker-proposal-rejected"]').textContent()).toContain(
      'Husk lønsedlerne',
    )
    expect(await workerPage.locator('[data-test="worker-proposal-pending"]').count()).toBe(0)
    expect(await planAxeViolations(workerPage)).toEqual([])
  }, 300_000)
})
