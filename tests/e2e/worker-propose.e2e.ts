/**
 * Issue #15 item 3, the worker's side, in one browser: a worker's phone paired with a citizen and
 * holding her shared plan proposes a change of a sub-goal, a new activity and a note; sends them
 * as a file (the bytes decoded here with the app's own decoder: three pending proposals with the
 * right changes and base); then her next share package carries her decisions on two of them, and
 * the list says "Hun sagde ja" / "Hun sagde nej". Every new screen passes axe in Danish and
 * Arabic and is saved as a 360 px picture in both.
 */
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { decodeProposalPackage } from '@/data/sharing/proposalPackage'
import type { ProposalDecision } from '@/domain/proposals'
import type { ShareableRecord } from '@/domain/sharing'
import { openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'
import { checkInDaAndAr, herScreen, PAIRING, sharePackageFile, STAMP, WorkerModel } from './support/worker'
import { makeFocusArea, makeGoal, makePlan, makeSubGoal } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const KEY = '3f'.repeat(32)
const plan = makePlan({ shared: true })
const area = makeFocusArea({ shared: true })
const goal = makeGoal({ shared: true, focusAreaId: area.id, title: 'Egen bolig' })
const subGoal = makeSubGoal({ shared: true, goalId: goal.id, title: 'Søg om bolig', done: false })
const TODAY = new Date('2026-12-07T12:00:00+01:00')

function shareFile(seq: number, records: readonly ShareableRecord[], decisions: ProposalDecision[] = []) {
  return sharePackageFile({ key: KEY, seq, records, decisions })
}

function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  return checkInDaAndAr(page, `worker-propose-${name}`, problems, name)
}

const everyLocaleScreens: readonly ScreenStep[] = [
  herScreen('propose form', '[data-test="worker-propose-form"]', '[data-test="worker-propose"] a'),
  herScreen('proposal list', '[data-test="worker-proposal-state"]', '[data-test="worker-proposals-link"]'),
]

describe("the worker's proposals", () => {
  it('proposes, sends them as a file, and sees her decisions', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const worker = new WorkerModel(page)
    const problems: string[] = []
    // A worker's phone, paired by her short code, with her first package.
    await worker.pairedOn(TODAY, KEY)
    await worker.receive(await shareFile(1, [plan, area, goal, subGoal]))
    await page.locator('[data-test="worker-propose"]').waitFor()
    await checkScreen(page, 'citizen', problems)

    // A change of the sub-goal: prefilled from her copy.
    await worker.openEdit('Søg om bolig')
    expect(await page.locator('#worker-propose-title').inputValue()).toBe('Søg om bolig')
    // Nothing changed: refused in words.
    await page.getByRole('button', { name: 'Gem forslaget' }).click()
    await page.locator('[data-test="worker-propose-problem"]').waitFor()
    await page.locator('#worker-propose-title').fill('Søg om bolig hos boligselskabet')
    await page.locator('#worker-propose-comment').fill('Der er kortere ventetid.')
    await checkScreen(page, 'edit', problems)
    await worker.saveProposal()

    // A new activity for her goal.
    await worker.backTo()
    await worker.proposeActivity('Egen bolig', 'Besøg boligkontoret', '2026-12-14')

    // A note to her: refused empty, then saved.
    await worker.backTo()
    await worker.openNote('Egen bolig')
    await page.getByRole('button', { name: 'Gem forslaget' }).click()
    await page.locator('#worker-propose-text-error').waitFor()
    await page.locator('#worker-propose-text').fill('Husk lønsedlerne')
    await worker.saveProposal()
    expect(await page.locator('[data-test="worker-proposal-pending"]').count()).toBe(3)
    await checkScreen(page, 'list', problems)

    // Sent as a file: three pending proposals, the edit based on her copy.
    const download = await worker.sendProposalsFile()
    expect(download.suggestedFilename()).toBe('proposals-1.bin')
    const bytes = new Uint8Array(await readFile(await download.path()))
    const decoded = await decodeProposalPackage(bytes, { pairingId: PAIRING, shareKey: KEY, ended: false })
    expect(decoded.header.seq).toBe(1)
    expect(decoded.proposals.map((p) => p.status)).toEqual(['pending', 'pending', 'pending'])
    const [edit, activity, note] = decoded.proposals
    expect(edit).toMatchObject({
      target: { kind: 'subGoal', id: subGoal.id },
      baseUpdatedAt: subGoal.updatedAt,
      base: { title: 'Søg om bolig' },
      changes: { title: 'Søg om bolig hos boligselskabet' },
      comment: 'Der er kortere ventetid.',
    })
    expect(activity).toMatchObject({
      target: { kind: 'activity' },
      baseUpdatedAt: null,
      changes: { title: 'Besøg boligkontoret', date: '2026-12-14', goalId: goal.id, repeat: 'none' },
    })
    expect(note).toMatchObject({
      target: { kind: 'note' },
      changes: { text: 'Husk lønsedlerne', target: { kind: 'goal', id: goal.id } },
    })
    await checkScreen(page, 'sent', problems)

    // Her next package: yes to the change, no to the activity; the note still waits.
    if (!edit || !activity) throw new Error('missing proposals')
    await worker.backTo()
    await worker.receive(
      await shareFile(
        2,
        [plan, area, goal, { ...subGoal, title: 'Søg om bolig hos boligselskabet' }],
        [
          { id: edit.id, status: 'accepted', decidedAt: STAMP },
          { id: activity.id, status: 'rejected', decidedAt: STAMP },
        ],
      ),
    )
    await worker.openProposals()
    expect(await worker.proposalStates()).toEqual(['Venter på hende', 'Hun sagde nej', 'Hun sagde ja'])
    await checkScreen(page, 'decided', problems)

    // The propose form and the list (waiting, yes, no) pass axe and reflow in every language.
    problems.push(...(await problemsInEveryLocale(page, everyLocaleScreens)))
    expect(problems).toEqual([])
  })
})
