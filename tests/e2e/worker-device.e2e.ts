/**
 * Issue #14 item 6, the worker's phone in one browser: an empty phone is set up as a worker's
 * device (with a passphrase), pairs with a citizen by her short code, receives a package file
 * made here with the app's own encoder, and shows her shared plan read-only; the same file again
 * and a file for someone else change nothing. Every new screen passes axe in Danish and Arabic,
 * and is saved as a 360 px picture in both.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { shortCodeOf } from '@/domain/pairing'
import { encodePairingOffer } from '@/data/sharing/offer'
import type { CivilDate } from '@/domain/civilDate'
import { writeQrY4m } from './qr/y4m'
import { createFountainEncoder } from '@/data/transport/fountain'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'
import type { ShareableRecord } from '@/domain/sharing'
import { openSession, type Session } from './support/browser'
import { phone } from './support/layout'
import {
  checkInDaAndAr,
  checkInEveryLocale,
  fakeCamera,
  PAIRING,
  sharePackageFile,
  WorkerModel,
} from './support/worker'
import { makeFocusArea, makeGoal, makeNote, makePlan } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

// Her pairing QR code as Chromium's fake camera shows it (a still picture, looped).
let workDir = ''
let pairingVideo = ''
let packageVideo = ''
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'trin-worker-e2e-'))
  pairingVideo = join(workDir, 'pairing.y4m')
  const offer = encodePairingOffer({ pairingId: PAIRING, shareKey: KEY, endsOn: '2027-03-01' as CivilDate })
  writeQrY4m(pairingVideo, [offer], { width: 480, height: 480, fps: 10, hold: 2 })
  // A package as an animated QR code (200-byte frames, so it takes several), with every fourth
  // frame missing and every fifth shown twice.
  packageVideo = join(workDir, 'package.y4m')
  const encoder = createFountainEncoder(new Uint8Array((await packageFile(1)).buffer), 200)
  const texts: string[] = []
  for (let seq = 1; texts.length < 3 * encoder.fragmentCount + 6; seq++) {
    if (seq % 4 === 0) continue
    texts.push(encoder.frameText(seq))
    if (seq % 5 === 0) texts.push(encoder.frameText(seq))
  }
  writeQrY4m(packageVideo, texts, { width: 480, height: 480, fps: 10, hold: 2 })
})
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

const KEY = '3f'.repeat(32)
const area = makeFocusArea({ shared: true })
const goal = makeGoal({ shared: true, focusAreaId: area.id, title: 'Egen bolig' })
const note = makeNote({
  shared: true,
  target: { kind: 'goal', id: goal.id },
  text: 'Ring til kommunen om huslejen',
})

// Her course, shared: day 1 on 24 August 2026, so on 7 December she is in phase 2 with 168 days
// left (the last day 23 May 2027).
const plan = makePlan({ shared: true })
const TODAY = new Date('2026-12-07T12:00:00+01:00')

function packageFile(
  seq: number,
  pairingId = PAIRING,
  key = KEY,
  records: readonly ShareableRecord[] = [area, goal, note],
) {
  return sharePackageFile({ key, seq, records, pairingId })
}

/** The caseload card's lines: course, rating, handover, last package. */
async function caseloadFacts(page: Page): Promise<string[]> {
  // A fact of several lines reads line by line, joined by " / ".
  return page.locator('[data-test="caseload-facts"] > li').evaluateAll((items) =>
    items.map((li) => {
      const parts = [...li.querySelectorAll('.caseload-facts__lines > span')]
      const text = parts.length > 0 ? parts.map((part) => part.textContent).join(' / ') : li.textContent
      return text.replace(/\s+/g, ' ').trim()
    }),
  )
}

const CASELOAD_FACTS = [
  'Fase 2: Afprøvning og tilpasning / 168 dage tilbage (sidste dag 23. maj 2027)',
  'Vurderinger er ikke delt',
  'Overdragelsesplanen er ikke delt',
  'Intet besøg skrevet ind endnu',
  'Sidste pakke lavet 7. december 2026',
]

function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  return checkInDaAndAr(page, `worker-${name}`, problems, name)
}

describe("the worker's phone", () => {
  it('is set up, pairs by short code, receives a package file and shows the shared plan', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const worker = new WorkerModel(page)
    const problems: string[] = []
    await page.clock.setFixedTime(TODAY)

    // The quiet choice on the onboarding's first screen, only while the phone is empty.
    await worker.openSetup()
    await checkInEveryLocale(page, 'worker-setup', problems, 'setup')
    await worker.lock()

    // Mine borgere: empty, and the worker's own navigation (never the plan's).
    await page.locator('[data-test="worker-home-empty"]').waitFor()
    expect(
      await page.locator('[data-nav]').evaluateAll((links) => links.map((a) => a.getAttribute('data-nav'))),
    ).toEqual(['workerHome', 'settings'])
    await checkScreen(page, 'home-empty', problems)

    // Pair by the short code, as typed where a camera fails (lower case and spaces forgiven).
    await worker.openPair()
    await checkScreen(page, 'pair', problems)
    await worker.enterCode('not a code')
    await page.locator('#worker-pair-code-input-error').waitFor()
    await worker.enterCode(shortCodeOf(KEY).toLowerCase().replaceAll('-', ' '))
    await page.locator('#worker-pair-label').fill('Sara')
    await checkScreen(page, 'pair-label', problems)
    await worker.saveLabel()

    // Her screen: who, since, no package yet, nothing shared.
    await page.locator('[data-test="sharing-empty"]').waitFor()
    await checkScreen(page, 'citizen-empty', problems)

    // Receive: a file for another pairing's key changes nothing; hers opens.
    await worker.openReceive()
    await checkScreen(page, 'receive', problems)
    const file = worker.receiveFileInput()
    await file.setInputFiles(await packageFile(1, PAIRING, '4e'.repeat(32)))
    expect(await page.locator('[data-test="worker-receive-problem"]').textContent()).toContain(
      'kan ikke åbnes med denne parrings nøgle',
    )
    await file.setInputFiles(await packageFile(2, PAIRING, KEY, [plan, area, goal, note]))
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    expect(await page.locator('[data-test="worker-receive-ok"]').textContent()).toContain(
      'Pakken er modtaget',
    )
    await checkScreen(page, 'receive-done', problems)
    // The same package again, then an older one: nothing changes.
    await file.setInputFiles(await packageFile(2))
    await page.getByText('Denne pakke er allerede modtaget').waitFor()
    await file.setInputFiles(await packageFile(1))
    await page.getByText('Du har allerede en nyere pakke').waitFor()
    // Now bound to her pairing id: another pairing's package is refused even with her key.
    await file.setInputFiles(await packageFile(3, 'fedcba9876543210fedcba9876543210'))
    await page.getByText('Pakken er til en anden parring').waitFor()

    // Her shared plan, read-only, as her preview promised.
    await worker.backTo()
    const shown = page.locator('[data-test="sharing-shown"]')
    await shown.first().waitFor()
    expect((await shown.allTextContents()).map((text) => text.trim()).sort()).toEqual(
      ['Bolig', 'Datoerne for dit forløb', 'Egen bolig', 'Ring til kommunen om huslejen'].sort(),
    )
    // The caseload facts at the top of her screen: what she shares, and "not shared" for the rest.
    expect(await caseloadFacts(page)).toEqual(CASELOAD_FACTS)
    expect(await page.locator('main input, main textarea, main select').count()).toBe(0)
    await checkScreen(page, 'citizen', problems)

    // A worker's settings hold no course, instrument packs or backup of its own.
    await page.locator('[data-nav="settings"]').click()
    await page.locator('[data-test="erase-settings"]').waitFor()
    expect(
      await page
        .locator(
          '[data-test="settings-course"], [data-test="settings-instruments"], [data-test="backup-settings"]',
        )
        .count(),
    ).toBe(0)
    // Home lists her; after a reload the phone asks for the passphrase and comes back to it.
    await page.locator('[data-nav="workerHome"]').click()
    await page.locator('[data-test="worker-citizen-card"]').waitFor()
    expect(await caseloadFacts(page)).toEqual(CASELOAD_FACTS)
    await checkInEveryLocale(page, 'worker-home', problems, 'home')
    await worker.reloadAndUnlock()
    expect(await page.locator('[data-test="worker-citizen-card"] h2').textContent()).toContain('Sara')

    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 240_000)

  it('pairs by scanning her QR code with the camera, and the pair and receive screens pass axe in every language', async () => {
    session = await openSession({ viewport: phone, extraArgs: fakeCamera(pairingVideo) })
    const { page } = session
    const worker = new WorkerModel(page)
    await worker.setUp()
    await worker.openPair()
    await page.getByRole('button', { name: 'Start kameraet' }).click()
    await page.locator('[data-test="worker-pair-read"]').waitFor({ timeout: 60_000 })
    expect(await page.locator('[data-test="worker-pair-read"]').textContent()).toContain('QR-koden er læst')
    // The camera is off once her code is read.
    expect(await page.evaluate(() => document.querySelector('video')?.srcObject ?? null)).toBeNull()
    await worker.saveLabel('S. H.')
    // Her phone said when the pairing ends by itself.
    await page.getByText('Slutter af sig selv 1. marts 2027').waitFor()
    // Paired by QR, the pairing id is known: a package for another pairing is refused at once.
    await worker.openReceive()
    await worker.receiveFileInput().setInputFiles(await packageFile(1, 'fedcba9876543210fedcba9876543210'))
    await page.getByText('Pakken er til en anden parring').waitFor()
    await worker.receiveFile(await packageFile(1))

    const screens: readonly ScreenStep[] = [
      {
        name: 'pair',
        open: async (p) => {
          await p.locator('[data-nav="workerHome"]').click()
          await p.locator('[data-test="worker-pair-link"]').click()
          await p.locator('[data-test="worker-code-form"]').waitFor()
        },
      },
      {
        name: 'citizen',
        open: async (p) => {
          await p.locator('[data-nav="workerHome"]').click()
          await p.locator('[data-test="worker-citizen-open"]').click()
          await p.locator('[data-test="sharing-shown"]').first().waitFor()
        },
      },
      {
        name: 'receive',
        open: async (p) => {
          await p.locator('[data-test="worker-receive-link"]').click()
          await p.locator('[data-test="worker-receive-file"]').waitFor()
        },
      },
    ]
    expect(await problemsInEveryLocale(page, screens)).toEqual([])
    expect(session.errors).toEqual([])
  }, 300_000)

  it('receives a package by animated QR, with frames missing and shown twice', async () => {
    session = await openSession({ viewport: phone, extraArgs: fakeCamera(packageVideo) })
    const { page } = session
    const worker = new WorkerModel(page)
    await worker.setUp()
    await worker.pairByCode(shortCodeOf(KEY))
    await worker.openReceive()
    await page.getByRole('button', { name: 'Start kameraet' }).click()
    await page.locator('[data-test="qr-scan-progress"]').waitFor()
    await page.locator('[data-test="worker-receive-ok"]').waitFor({ timeout: 90_000 })
    await page.getByRole('link', { name: 'Se det, Sara deler' }).click()
    await page.getByText('Ring til kommunen om huslejen').waitFor()
    expect(session.errors).toEqual([])
  }, 240_000)
})
