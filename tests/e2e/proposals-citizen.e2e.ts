/**
 * Issue #15 item 3 on her phone: her worker's proposals arrive as a file made with their
 * pairing's key; she sees each with who proposes it, accepts one, rejects one, sees a proposal
 * whose field she changed since side by side with hers, and her decisions leave with her next
 * package. A package under another key changes nothing. axe on the review in every locale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { planAxeViolations, startCourse } from './support/plan'
import { CitizenSharingModel } from './support/worker'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'
import { decodeSharePackage, readSharePackageHeader } from '@/data/sharing/package'
import { encodeProposalPackage } from '@/data/sharing/proposalPackage'
import { asHlc } from '@/domain/clock'
import { shareKeyOfShortCode } from '@/domain/pairing'
import { editProposal, newRecordProposal } from '@/domain/proposals'
import type { Goal } from '@/schemas'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const WORKER = 'worker:00000000000000c3' as const
const openProposals: ScreenStep = {
  name: 'proposals from my worker',
  open: async (page) => {
    await new CitizenSharingModel(page).openProposals()
  },
}

describe('proposals, on her phone', () => {
  it('she accepts one, rejects one, sees a stale one beside hers; her decisions go back', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    await startCourse(page)
    const citizen = new CitizenSharingModel(page)
    const plan = citizen.plan
    await citizen.shareGoal()

    // Pair, and send the first package: the worker's copy of her goal.
    const key = shareKeyOfShortCode(await citizen.pair()) ?? ''
    const download = await citizen.sendFile()
    const first = new Uint8Array(readFileSync(await download.path()))
    const pairingId = readSharePackageHeader(first).header.pairingId
    const copy = await decodeSharePackage(first, { pairingId, shareKey: key, ended: false })
    const goal = copy.body.records.find((record): record is Goal => record.kind === 'goal')
    if (goal === undefined) throw new Error('no goal in the package')

    // The worker proposes, from that copy: a new title, a reason, and a new activity.
    const stamp = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000c3')
    const made = (comment?: string) => ({
      id: crypto.randomUUID(),
      author: WORKER,
      stamp,
      ...(comment === undefined ? {} : { comment }),
    })
    const rename = editProposal(goal, { title: 'Egen lejlighed' }, made('Det var det, du sagde sidst.'))
    const why = editProposal(goal, { why: 'Så mine børn kan bo hos mig' }, made())
    const activity = newRecordProposal(
      'activity',
      crypto.randomUUID(),
      { title: 'Besøg boligkontoret', goalId: goal.id, repeat: 'none', priority: 'now', done: false },
      made(),
    )
    if (rename === null || why === null) throw new Error('no proposal')
    const file = join(tmpdir(), `proposals-${String(Date.now())}.bin`)
    writeFileSync(
      file,
      await encodeProposalPackage({ pairingId, seq: 1, createdAt: stamp }, [rename, why, activity], key),
    )
    const wrong = join(tmpdir(), `proposals-wrong-${String(Date.now())}.bin`)
    writeFileSync(
      wrong,
      await encodeProposalPackage({ pairingId, seq: 1, createdAt: stamp }, [rename], 'ab'.repeat(32)),
    )

    // Meanwhile she renames her goal herself: the worker's new title is now stale.
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="area-card"] h2 a').first().click()
    await plan.openGoal('Egen bolig')
    await page.locator('#goal-edit-title').fill('Egen bolig i Aarhus')
    await page.locator('[data-test="goal-save"]').click()
    await page.locator('h1', { hasText: 'Egen bolig i Aarhus' }).waitFor()

    await openProposals.open(page)
    expect(await page.locator('[data-test="proposals-none"]').count()).toBe(1)
    await page.locator('[data-test="proposals-receive-file"]').setInputFiles(wrong)
    await page.locator('[data-test="proposals-receive-problem"]').waitFor()
    expect(await page.locator('[data-test="proposal"]').count()).toBe(0)
    await citizen.receiveProposals(file)
    expect(await page.locator('[data-test="proposals-receive-ok"]').textContent()).toContain('3 nye forslag')
    expect(await page.locator('[data-test="proposal"]').count()).toBe(3)

    const stale = page.locator('[data-test="proposal"]', {
      has: page.locator('[data-test="proposal-stale"]'),
    })
    expect(await stale.count()).toBe(1)
    expect(await stale.locator('[data-test="proposal-now"]').textContent()).toBe('Egen bolig i Aarhus')
    expect(await stale.locator('[data-test="proposal-proposed"]').textContent()).toBe('Egen lejlighed')
    expect(await stale.locator('[data-test="proposal-comment"]').textContent()).toContain('sagde sidst')
    expect(await planAxeViolations(page)).toEqual([])
    await saveScreen(page, 'proposals-review-da', { fullPage: true })
    await switchLanguage(page, 'ar')
    await saveScreen(page, 'proposals-review-ar', { fullPage: true })
    expect(await planAxeViolations(page)).toEqual([])
    await switchLanguage(page, 'da')

    // Interpreter mode (Danish with Arabic beneath): the card's words — the kind, each field's
    // name, "Nu i din plan", "Forslag" — in both languages; her words and the worker's once.
    await page.locator('[data-nav="settings"]').click()
    await page.locator('#interpreter-locale').selectOption('ar')
    await page.locator('main .tx__second[lang="ar"]').first().waitFor()
    await openProposals.open(page)
    const staleName = stale.locator('.proposal__field-name')
    expect(await staleName.locator('.tx__primary').first().textContent()).toBe('Titel')
    expect(await staleName.locator('.tx__second[lang="ar"]').first().textContent()).not.toBe('')
    expect(await stale.locator('h3 .tx__second[lang="ar"]').count()).toBe(1)
    expect(await stale.locator('[data-test="proposal-now"] .tx__second').count()).toBe(0)
    expect(await stale.locator('[data-test="proposal-now"]').textContent()).toBe('Egen bolig i Aarhus')
    expect(await planAxeViolations(page)).toEqual([])
    await saveScreen(page, 'proposals-review-interpreter-da-ar', { fullPage: true })
    await page.locator('[data-nav="settings"]').click()
    await page.locator('#interpreter-locale').selectOption('')
    await openProposals.open(page)

    // She keeps her own title (no to the stale one), and says yes to the reason.
    await citizen.decide('Egen lejlighed', 'reject')
    await citizen.decide('Så mine børn kan bo hos mig', 'accept')
    expect(await page.locator('[data-test="proposal"]').count()).toBe(1)
    expect(await page.locator('[data-test="proposals-decided"] li').count()).toBe(2)
    await saveScreen(page, 'proposals-decided-da', { fullPage: true })
    expect(await problemsInEveryLocale(page, [openProposals])).toEqual([])
    await switchLanguage(page, 'da')

    // Her next package carries the decisions and her goal with its new reason, her own title.
    await citizen.openShare()
    const second = await citizen.sendFile()
    const next = await decodeSharePackage(new Uint8Array(readFileSync(await second.path())), {
      pairingId,
      shareKey: key,
      ended: false,
    })
    expect(next.body.decisions?.map((d) => [d.id, d.status]).sort()).toEqual(
      [
        [rename.id, 'rejected'],
        [why.id, 'accepted'],
      ].sort(),
    )
    expect(next.body.records.find((record) => record.id === goal.id)).toMatchObject({
      title: 'Egen bolig i Aarhus',
      why: 'Så mine børn kan bo hos mig',
    })
  }, 300_000)
})
