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
import { encodeSharePackage } from '@/data/sharing/package'
import { decodeProposalPackage } from '@/data/sharing/proposalPackage'
import { shortCodeOf } from '@/domain/pairing'
import { asHlc } from '@/domain/clock'
import type { ProposalDecision } from '@/domain/proposals'
import type { ShareableRecord } from '@/domain/sharing'
import { openSession, baseURL, type Session } from './support/browser'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { mainOverflows, planAxeViolations } from './support/plan'
import { makeFocusArea, makeGoal, makePlan, makeSubGoal } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '3f'.repeat(32)
const PASSPHRASE = 'blå hest på bakken'
const STAMP = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2')
const plan = makePlan({ shared: true })
const area = makeFocusArea({ shared: true })
const goal = makeGoal({ shared: true, focusAreaId: area.id, title: 'Egen bolig' })
const subGoal = makeSubGoal({ shared: true, goalId: goal.id, title: 'Søg om bolig', done: false })
const TODAY = new Date('2026-12-07T12:00:00+01:00')

async function shareFile(
  seq: number,
  records: readonly ShareableRecord[],
  decisions: ProposalDecision[] = [],
) {
  const bytes = await encodeSharePackage(
    { pairingId: PAIRING, seq, createdAt: STAMP },
    { records: [...records], tombstones: [], decisions },
    KEY,
  )
  return { name: `trin-${seq}.trin`, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) }
}

async function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  for (const code of ['da', 'ar']) {
    await switchLanguage(page, code)
    for (const violation of await planAxeViolations(page)) problems.push(`${code} ${name}: ${violation}`)
    if (await mainOverflows(page)) problems.push(`${code} ${name}: main overflows at 360 px`)
    await saveScreen(page, `worker-propose-${name}-${code}`, { fullPage: true })
  }
  await switchLanguage(page, 'da')
}

describe("the worker's proposals", () => {
  it('proposes, sends them as a file, and sees her decisions', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await page.clock.setFixedTime(TODAY)
    await page.goto(baseURL)

    // A worker's phone, paired by her short code, with her first package.
    await page.getByRole('link', { name: /CTI-medarbejder/ }).click()
    await page.locator('#worker-lock-new').fill(PASSPHRASE)
    await page.locator('#worker-lock-repeat').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Lås og brug som medarbejder-telefon' }).click()
    await page.getByRole('link', { name: 'Par med en borger' }).click()
    await page.locator('#worker-pair-code-input').fill(shortCodeOf(KEY))
    await page.getByRole('button', { name: 'Brug koden' }).click()
    await page.locator('#worker-pair-label').fill('Sara')
    await page.getByRole('button', { name: 'Gem parringen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.getByRole('link', { name: 'Modtag en pakke' }).click()
    await page
      .locator('[data-test="worker-receive-file"]')
      .setInputFiles(await shareFile(1, [plan, area, goal, subGoal]))
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await page.locator('[data-test="worker-propose"]').waitFor()
    await checkScreen(page, 'citizen', problems)

    // A change of the sub-goal: prefilled from her copy.
    await page.getByRole('link', { name: 'Foreslå en ændring af „Søg om bolig“' }).click()
    await page.getByRole('heading', { level: 1, name: 'Foreslå en ændring' }).waitFor()
    expect(await page.locator('#worker-propose-title').inputValue()).toBe('Søg om bolig')
    // Nothing changed: refused in words.
    await page.getByRole('button', { name: 'Gem forslaget' }).click()
    await page.locator('[data-test="worker-propose-problem"]').waitFor()
    await page.locator('#worker-propose-title').fill('Søg om bolig hos boligselskabet')
    await page.locator('#worker-propose-comment').fill('Der er kortere ventetid.')
    await checkScreen(page, 'edit', problems)
    await page.getByRole('button', { name: 'Gem forslaget' }).click()
    await page.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()

    // A new activity for her goal.
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await page.getByRole('link', { name: 'Foreslå en ny aktivitet til „Egen bolig“' }).click()
    await page.locator('#worker-propose-title').fill('Besøg boligkontoret')
    await page.locator('#worker-propose-date').fill('2026-12-14')
    await page.getByRole('button', { name: 'Gem forslaget' }).click()
    await page.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()

    // A note to her.
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await page.getByRole('link', { name: 'Skriv en note til hende om „Egen bolig“' }).click()
    await page.getByRole('button', { name: 'Gem forslaget' }).click()
    await page.locator('#worker-propose-text-error').waitFor()
    await page.locator('#worker-propose-text').fill('Husk lønsedlerne')
    await page.getByRole('button', { name: 'Gem forslaget' }).click()
    await page.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()
    expect(await page.locator('[data-test="worker-proposal-pending"]').count()).toBe(3)
    await checkScreen(page, 'list', problems)

    // Sent as a file: three pending proposals, the edit based on her copy.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="worker-proposals-file"]').click(),
    ])
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
    await page.locator('[data-test="worker-proposals-done"]').waitFor()
    await checkScreen(page, 'sent', problems)

    // Her next package: yes to the change, no to the activity; the note still waits.
    if (!edit || !activity) throw new Error('missing proposals')
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await page.getByRole('link', { name: 'Modtag en pakke' }).click()
    await page.locator('[data-test="worker-receive-file"]').setInputFiles(
      await shareFile(
        2,
        [plan, area, goal, { ...subGoal, title: 'Søg om bolig hos boligselskabet' }],
        [
          { id: edit.id, status: 'accepted', decidedAt: STAMP },
          { id: activity.id, status: 'rejected', decidedAt: STAMP },
        ],
      ),
    )
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await page.locator('[data-test="worker-proposals-link"]').click()
    await page.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()
    expect(await page.locator('[data-test="worker-proposal-state"]').allTextContents()).toEqual([
      'Venter på hende',
      'Hun sagde nej',
      'Hun sagde ja',
    ])
    await checkScreen(page, 'decided', problems)
    expect(problems).toEqual([])
  })
})
