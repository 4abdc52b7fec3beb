/**
 * Issue #15 item 3, "the worker's own ratings", on both phones. The worker's phone, holding her
 * shared plan, proposes the worker's own rating (the stage due on her course chosen ahead; the
 * form refuses nothing on the scale), and the list shows it waiting; the package carries it as a
 * new rating by the worker. On her phone a worker's rating proposal reads as a rating — who,
 * stage, day, each answer in words — and once accepted her ratings history shows it as the
 * worker's. axe and the 360 px reflow in every language; pictures in Danish and Arabic.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeSharePackage, readSharePackageHeader } from '@/data/sharing/package'
import { decodeProposalPackage, encodeProposalPackage } from '@/data/sharing/proposalPackage'
import { asHlc } from '@/domain/clock'
import { parseCivilDate } from '@/domain/civilDate'
import { shareKeyOfShortCode, shortCodeOf } from '@/domain/pairing'
import { newRecordProposal } from '@/domain/proposals'
import { checkWorkerRating, emptyWorkerRating, workerRatingDimensions } from '@/domain/workerRating'
import { ratingSchema } from '@/schemas'
import { openSession, baseURL, type Session } from './support/browser'
import { phone, saveScreen } from './support/layout'
import { PlanModel, startCourse } from './support/plan'
import { checkInEveryLocale } from './support/worker'
import { makePlan } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '4e'.repeat(32)
const PASSPHRASE = 'blå hest på bakken'
const STAMP = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2')
// Her course: contact from 1 August, day one 24 August; on 7 December phase 1's rating is open.
const plan = makePlan({ shared: true, targetGroup: 'psychiatry' })
const TODAY = new Date('2026-12-07T12:00:00+01:00')

function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  return checkInEveryLocale(page, `worker-rating-${name}`, problems, name)
}

describe("the worker's own rating", () => {
  it('the worker proposes her rating; it waits in the list and travels as a new rating by the worker', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await page.clock.setFixedTime(TODAY)
    await page.goto(baseURL)

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
    const share = await encodeSharePackage(
      { pairingId: PAIRING, seq: 1, createdAt: STAMP },
      { records: [plan], tombstones: [], decisions: [] },
      KEY,
    )
    await page.locator('[data-test="worker-receive-file"]').setInputFiles({
      name: 'trin-1.trin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(share),
    })
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()

    // The link among the propose links, by its name.
    const link = page.locator('[data-test="worker-rating-link"]')
    expect(await link.textContent()).toContain('Foreslå din egen vurdering')
    await link.click()
    await page.getByRole('heading', { level: 1, name: 'Din egen vurdering' }).waitFor()
    // The stage due on her shared course is chosen ahead.
    expect(await page.locator('#worker-rating-stage-phase1').isChecked()).toBe(true)
    const dimensions = await page
      .locator('[data-test="worker-rating-dimension"]')
      .evaluateAll((groups) => groups.map((group) => group.getAttribute('data-dimension') ?? ''))
    expect(dimensions).toEqual(workerRatingDimensions([plan]).map((dimension) => dimension.key))
    const [first, second] = dimensions

    // Nothing on the scale: refused in words.
    await page.locator('[data-test="worker-rating-save"]').click()
    await page.locator('[data-test="worker-rating-problem"]').waitFor()
    expect(await page.locator('[data-test="worker-rating-problem"]').textContent()).toContain(
      'Giv mindst ét område et tal fra 1 til 10.',
    )
    await page.locator(`#worker-rating-${String(first)}-7`).check()
    await page.locator(`#worker-rating-note-${String(first)}`).fill('Et fast ugentligt møde')
    await page.locator(`#worker-rating-${String(second)}-notApplicable`).check()
    await page.locator('#worker-rating-comment').fill('Lad os sammenligne vores vurderinger')
    await checkScreen(page, 'form', problems)
    await page.locator('[data-test="worker-rating-save"]').click()
    await page.getByRole('heading', { level: 1, name: 'Forslag til hende' }).waitFor()
    const pending = page.locator('[data-test="worker-proposal-pending"]')
    expect(await pending.count()).toBe(1)
    expect(await pending.textContent()).toContain('Din vurdering')
    await checkScreen(page, 'list', problems)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="worker-proposals-file"]').click(),
    ])
    const bytes = new Uint8Array(await readFile(await download.path()))
    const decoded = await decodeProposalPackage(bytes, { pairingId: PAIRING, shareKey: KEY, ended: false })
    const [proposal] = decoded.proposals
    if (proposal === undefined) throw new Error('no proposal')
    expect(proposal).toMatchObject({
      target: { kind: 'rating' },
      baseUpdatedAt: null,
      comment: 'Lad os sammenligne vores vurderinger',
      changes: {
        respondent: 'worker',
        stage: 'phase1',
        date: '2026-12-07',
        content: {
          type: 'lifeAreas',
          values: {
            [String(first)]: { answer: 7, oneStepBetter: 'Et fast ugentligt møde' },
            [String(second)]: { answer: 'notApplicable' },
          },
        },
      },
    })
    const record = ratingSchema.safeParse({
      ...proposal.changes,
      id: proposal.target.id,
      kind: 'rating',
      createdAt: proposal.createdAt,
      updatedAt: proposal.updatedAt,
      author: proposal.author,
      deleted: false,
    })
    expect(record.error?.issues ?? []).toEqual([])
    expect(problems).toEqual([])
  }, 300_000)

  it('on her phone it reads as the worker’s rating, and once accepted her history shows it as the worker’s', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await startCourse(page)
    // Something shared, so her first package has something in it.
    await new PlanModel(page).firstGoal('housing', 'Bolig', 'Egen bolig')
    await page.locator('[data-test="share-toggle-button"]').click()
    await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="area-card"] h2 a').first().click()
    await page.locator('[data-test="share-toggle-button"]').click()
    await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()

    // Pair, and send the first package, for the pairing's id and key.
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="plan-share"]').click()
    await page.locator('[data-test="pairing-start"]').click()
    await page.locator('[data-test="pairing-show-code"]').click()
    const key =
      shareKeyOfShortCode((await page.locator('[data-test="pairing-short-code"]').textContent()) ?? '') ?? ''
    await page.locator('[data-test="pairing-confirm"]').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="send-file"]').click(),
    ])
    const pairingId = readSharePackageHeader(new Uint8Array(await readFile(await download.path()))).header
      .pairingId

    // The worker's rating, as the worker's form makes it (every dimension, to read them all).
    const dimensions = workerRatingDimensions([])
    const draft = emptyWorkerRating(dimensions, 'contact', parseCivilDate('2026-12-07'))
    const answers = { ...draft.answers }
    dimensions.forEach(({ key: dimension }, index) => {
      answers[dimension] = {
        answer: index === 1 ? 'skipped' : index === 2 ? 'notApplicable' : (index % 10) + 1,
        oneStepBetter: index === 0 ? 'Et fast ugentligt møde' : '',
      }
    })
    const checked = checkWorkerRating(dimensions, { ...draft, answers })
    if (!checked.ok) throw new Error('refused')
    const proposal = newRecordProposal('rating', crypto.randomUUID(), checked.value.fields, {
      id: crypto.randomUUID(),
      author: 'worker:00000000000000c3',
      stamp: asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000c3'),
      comment: 'Lad os sammenligne vores vurderinger',
    })
    const file = join(tmpdir(), `worker-rating-${String(Date.now())}.bin`)
    await writeFile(
      file,
      await encodeProposalPackage({ pairingId, seq: 1, createdAt: proposal.createdAt }, [proposal], key),
    )

    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="plan-share"]').click()
    await page.locator('[data-test="share-proposals"] a').click()
    await page.locator('#proposals-review-heading').waitFor()
    await page.locator('[data-test="proposals-receive-file"]').setInputFiles(file)
    await page.locator('[data-test="proposals-receive-ok"]').waitFor()
    const card = page.locator('[data-test="proposal"]')
    await card.locator('[data-test="proposal-rating"]').waitFor()
    expect(await card.locator('[data-test="proposal-rating-who"]').textContent()).toBe(
      'Medarbejderens vurdering',
    )
    expect(await card.locator('[data-test="proposal-rating-stage"]').textContent()).toBe('Kontaktperioden')
    expect(await card.locator('[data-test="rating-answer"]').allTextContents()).toContain('1 af 10')
    const words = await card.locator('[data-test="rating-answer"]').allTextContents()
    expect(words).toContain('Sprunget over')
    expect(words).toContain('Passer ikke')
    expect(await card.locator('[data-test="rating-note"]').textContent()).toContain('Et fast ugentligt møde')
    expect(await card.textContent()).not.toContain('{')
    await checkScreen(page, 'review', problems)

    await card.locator('[data-test="proposal-accept"]').click()
    await page.locator('[data-test="proposals-said"]', { hasText: 'Du sagde ja' }).waitFor()
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="plan-ratings"]').click()
    const entry = page.locator(
      '[data-test="ratings-stage"][data-stage="contact"] [data-test="ratings-entry"]',
    )
    await entry.first().waitFor()
    expect(await entry.getAttribute('data-respondent')).toBe('worker')
    expect(await entry.textContent()).toContain('Medarbejderens vurdering')
    await saveScreen(page, 'worker-rating-history-da', { fullPage: true })
    expect(problems).toEqual([])
  }, 300_000)
})
