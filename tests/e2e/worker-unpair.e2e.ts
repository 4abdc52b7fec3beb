/**
 * Issue #15 item 6, removing a pairing on the worker's phone: a worker's phone paired with Sara
 * holds her shared plan (a goal whose title is a canary) and one visit the worker logged. "Fjern
 * parringen" says the visit log stays and her shared plan is erased; afterwards "Mine borgere"
 * lists Sara among the ended ones, her screen still lists the visit and shows nothing of her
 * plan, and there is nothing more to remove. The erasure ends in a new key generation: a copy of
 * the Chromium profile (support/forensic.ts) holds neither the canary nor any byte of the
 * generation before (its wrap and the start of every record's ciphertext), and the one wrap left
 * is a new key's. axe in every language; 360 px pictures of the question and of the list.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { encodeSharePackage } from '@/data/sharing/package'
import { nextPackage, shortCodeOf } from '@/domain/pairing'
import { asHlc } from '@/domain/clock'
import type { TrinRecord } from '@/schemas'
import { openSession, baseURL, type Session } from './support/browser'
import {
  canaryNeedles,
  copyProfile,
  generationNeedles,
  passphraseOpens,
  readCopiedProfile,
  removeCopy,
  scanFiles,
} from './support/forensic'
import { phone } from './support/layout'
import { checkInEveryLocale } from './support/worker'
import { day, makeFocusArea, makeGoal, makePlan, makeSharePairing } from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '4e'.repeat(32)
const PASSPHRASE = 'blå hest på bakken'
const STAMP = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2')
const TODAY = new Date('2026-12-07T12:00:00+01:00')

function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  return checkInEveryLocale(page, `worker-unpair-${name}`, problems, name)
}

describe('removing a pairing on the worker’s phone', () => {
  it('keeps the visit log, erases her shared plan and leaves none of its bytes on disk', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await page.clock.setFixedTime(TODAY)
    const canary = `CANARYPLAN${randomBytes(6).toString('hex')}`
    const plan = makePlan({ shared: true })
    const area = makeFocusArea({ shared: true })
    const goal = makeGoal({ shared: true, focusAreaId: area.id, title: canary })
    const herRecords: TrinRecord[] = [plan, area, goal]
    const first = nextPackage(
      herRecords,
      makeSharePairing({ pairingId: PAIRING, shareKey: KEY }),
      STAMP,
      day('2026-12-01'),
    )
    const packageFile = {
      name: 'package-1.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(
        await encodeSharePackage(
          { pairingId: PAIRING, seq: first.seq, createdAt: STAMP, endsOn: day('2027-05-24') },
          first.body,
          KEY,
        ),
      ),
    }

    // A worker's phone, paired with Sara by her short code, her package received.
    await page.goto(baseURL)
    await page.getByRole('link', { name: /CTI-medarbejder/ }).click()
    await page.locator('#worker-lock-new').fill(PASSPHRASE)
    await page.locator('#worker-lock-repeat').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Lås og brug som medarbejder-telefon' }).click()
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor()
    await page.getByRole('link', { name: 'Par med en borger' }).click()
    await page.locator('#worker-pair-code-input').fill(shortCodeOf(KEY))
    await page.getByRole('button', { name: 'Brug koden' }).click()
    await page.locator('#worker-pair-label').fill('Sara')
    await page.getByRole('button', { name: 'Gem parringen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.getByRole('link', { name: 'Modtag en pakke' }).click()
    await page.locator('[data-test="worker-receive-file"]').setInputFiles(packageFile)
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    await page.getByRole('link', { name: 'Se det, Sara deler' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.getByText(canary).first().waitFor()

    // One visit in the worker's own log.
    await page.getByRole('link', { name: 'Skriv et besøg ind' }).click()
    await page.getByRole('heading', { level: 1, name: 'Nyt besøg' }).waitFor()
    await page.locator('#worker-visit-date').fill('2026-12-03')
    await page.locator('#worker-visit-minutes').fill('45')
    await page.getByRole('radio', { name: 'Hjemmebesøg' }).check()
    const stageSelect = page.locator('select#worker-visit-stage')
    if ((await stageSelect.count()) > 0) await stageSelect.selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Gem besøget' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.locator('[data-test="worker-visit-list"] > li').first().waitFor()
    const before = await generationNeedles(page, 'generation before the removal')
    expect(before.length).toBeGreaterThan(2)

    // The question says the visit log stays and her shared plan is erased.
    await page.locator('[data-test="worker-remove"]').click()
    const keeps = (await page.locator('[data-test="worker-remove-keeps-visits"]').textContent()) ?? ''
    expect(keeps).toContain('Din besøgslog med borgeren bliver')
    expect(keeps).toContain('slettes fra denne telefon')
    await checkScreen(page, 'question', problems)
    // Switching the language may have closed the question: ask again.
    if ((await page.locator('[data-test="worker-remove-yes"]').count()) === 0)
      await page.locator('[data-test="worker-remove"]').click()
    await page.locator('[data-test="worker-remove-yes"]').click()

    // Mine borgere: Sara among the ended ones, today.
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor()
    const card = page.locator('[data-test="worker-citizen-card"]').first()
    await card.locator('[data-test="worker-citizen-ended"]').waitFor()
    expect(await card.locator('[data-test="worker-citizen-ended"]').textContent()).toContain(
      'Parringen sluttede 7. december 2026',
    )
    await checkScreen(page, 'list', problems)

    // Her screen: the visit is still there, her plan is not, nothing more to remove.
    await card.locator('[data-test="worker-citizen-open"]').click()
    await page.locator('[data-test="worker-ending-erased"]').waitFor()
    expect(await page.locator('[data-test="worker-visit-list"] > li').count()).toBe(1)
    expect(await page.getByText(canary).count()).toBe(0)
    expect(await page.locator('[data-test="worker-remove"]').count()).toBe(0)
    // Renewed at once (the passphrase's key of this session): nothing is owed.
    expect(await page.locator('[data-test="worker-ending-renew-owed"]').count()).toBe(0)

    // A copy of the profile: no canary, no byte of the generation before, one new wrap only.
    await page.waitForTimeout(300)
    const copy = copyProfile(session.userDataDir)
    try {
      const scanned = scanFiles(copy, [...canaryNeedles(canary), ...before])
      expect(scanned.files).toBeGreaterThan(10)
      expect(scanned.hits).toEqual([])
      const contents = await readCopiedProfile(copy)
      expect(contents.records).toBeGreaterThan(0)
      expect(contents.wraps.length).toBe(1)
      const [wrap] = contents.wraps
      if (!wrap) throw new Error('no wrap')
      expect(await passphraseOpens(wrap, PASSPHRASE)).toBe(true)
    } finally {
      removeCopy(copy)
    }

    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 240_000)
})
