/**
 * Issue #15 item 6, the end of access on the worker's phone: a worker's phone paired with Sara
 * receives her packages, then her **ending package** (made by her phone's own rule,
 * `endingPackage`: her shared handover only, `endsOn` the day she unpaired). The citizen's
 * screen says access has ended and shows the handover she shared; a later package is refused;
 * the erase button erases her shared plan, and after a reload (the passphrase again) it is still
 * gone while the pairing stays as the anchor of the worker's own log. On her phone: unpairing
 * shows what the last package carries and makes it, once; the file it downloads says the day she
 * unpaired and drops everything but her handover. axe in Danish and Arabic; 360 px pictures of
 * the ended and erased screens and of her choice in both.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { decodeSharePackage, encodeSharePackage } from '@/data/sharing/package'
import { endingPackage, nextPackage, shareKeyOfShortCode, shortCodeOf } from '@/domain/pairing'
import { asHlc } from '@/domain/clock'
import type { TrinRecord } from '@/schemas'
import { openSession, baseURL, type Session } from './support/browser'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { mainOverflows, PlanModel, planAxeViolations, startCourse } from './support/plan'
import { LockModel } from './support/lock'
import {
  day,
  makeFocusArea,
  makeGoal,
  makeHandoverItem,
  makeNote,
  makePlan,
  makeSharePairing,
} from '../factories/records'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '3f'.repeat(32)
const PASSPHRASE = 'blå hest på bakken'
const STAMP = asHlc('2026-12-07T10:00:00.000Z-0000-00000000000000b2')
const TODAY = new Date('2026-12-07T12:00:00+01:00')

// Her plan: a shared goal with a note, and a handover line about the goal, taken over by a service.
const plan = makePlan({ shared: true })
const area = makeFocusArea({ shared: true })
const goal = makeGoal({ shared: true, focusAreaId: area.id, title: 'Egen bolig' })
const note = makeNote({ shared: true, target: { kind: 'goal', id: goal.id }, text: 'Ring om huslejen' })
const line = makeHandoverItem({
  shared: true,
  about: { kind: 'goal', id: goal.id },
  owner: { kind: 'service', name: 'Bostøtten' },
  from: day('2026-12-15'),
  status: 'agreed',
})
const herRecords: TrinRecord[] = [plan, area, goal, note, line]

/** Her packages as her phone makes them: the usual one, the ending one, and one made after. */
async function herPackages() {
  const first = nextPackage(
    herRecords,
    makeSharePairing({ pairingId: PAIRING, shareKey: KEY }),
    STAMP,
    day('2026-12-01'),
  )
  const ending = endingPackage(herRecords, first.pairing, plan, STAMP, day('2026-12-07'))
  if (ending === null) throw new Error('no ending package')
  const file = async (seq: number, body: typeof first.body, endsOn: string) => ({
    name: `package-${seq}.bin`,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(
      await encodeSharePackage({ pairingId: PAIRING, seq, createdAt: STAMP, endsOn: day(endsOn) }, body, KEY),
    ),
  })
  return {
    first: await file(first.seq, first.body, '2027-05-24'),
    ending: await file(ending.seq, ending.body, ending.endsOn),
    later: await file(ending.seq + 1, first.body, '2027-05-24'),
  }
}

async function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  for (const code of ['da', 'ar']) {
    await switchLanguage(page, code)
    for (const violation of await planAxeViolations(page)) problems.push(`${code} ${name}: ${violation}`)
    if (await mainOverflows(page)) problems.push(`${code} ${name}: main overflows at 360 px`)
    await saveScreen(page, `worker-ending-${name}-${code}`, { fullPage: true })
  }
  await switchLanguage(page, 'da')
}

describe('the end of access on the worker’s phone', () => {
  it('ends with her ending package, shows the handover she shared, refuses more, and erases', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await page.clock.setFixedTime(TODAY)
    const packages = await herPackages()

    // A worker's phone, paired with Sara by her short code.
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

    // Her usual package, then her ending package; a package after it is refused.
    await page.getByRole('link', { name: 'Modtag en pakke' }).click()
    const file = page.locator('[data-test="worker-receive-file"]')
    await file.setInputFiles(packages.first)
    await page.locator('[data-test="worker-receive-ok"]').waitFor()
    await file.setInputFiles(packages.ending)
    await page.getByText('Pakken er modtaget').waitFor()
    await file.setInputFiles(packages.later)
    expect(await page.locator('[data-test="worker-receive-problem"]').textContent()).toContain(
      'Parringen er slut, så der kan ikke modtages flere pakker',
    )

    // Her screen: access has ended, the handover she shared, when it erases by itself.
    await page.getByRole('link', { name: 'Tilbage til Sara' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await page.locator('[data-test="worker-ending"]').waitFor()
    expect(await page.locator('[data-test="worker-ending"]').textContent()).toContain(
      'Parringen sluttede 7. december 2026',
    )
    expect(await page.locator('[data-test="worker-ending-erases-on"]').textContent()).toContain(
      '21. december 2026',
    )
    const handover = (await page.locator('[data-test="worker-ending-handover"]').textContent()) ?? ''
    expect(handover).toContain('Egen bolig')
    expect(handover).toContain('Tager over: Bostøtten')
    // Her ending package carried the handover only: the note is gone from the copy.
    expect(await page.getByText('Ring om huslejen').count()).toBe(0)
    expect(await page.locator('[data-test="worker-receive-link"]').count()).toBe(0)
    await checkScreen(page, 'ended', problems)

    // Erase now.
    await page.locator('[data-test="worker-ending-erase"]').click()
    await page.locator('[data-test="worker-ending-erase-yes"]').click()
    await page.locator('[data-test="worker-ending-erased"]').waitFor()
    expect(await page.locator('[data-test="worker-ending-erased"]').textContent()).toContain(
      'Borgerens delte plan er slettet fra denne telefon',
    )
    expect(await page.getByText('Egen bolig').count()).toBe(0)
    await checkScreen(page, 'erased', problems)

    // After a reload: still erased, the pairing still listed as the anchor of the worker's log.
    await page.reload()
    await new LockModel(page).unlock(PASSPHRASE)
    await page.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor()
    await page.locator('[data-test="worker-citizen-card"]').first().waitFor()
    expect(await page.locator('[data-test="worker-citizen-card"] h2').textContent()).toContain('Sara')
    await page.locator('[data-test="worker-citizen-card"] a').first().click()
    await page.locator('[data-test="worker-ending-erased"]').waitFor()
    expect(await page.getByText('Egen bolig').count()).toBe(0)
    expect(await page.getByText('Bostøtten').count()).toBe(0)

    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 240_000)
})

describe('her unpairing with a last package', () => {
  it('shows what it carries, makes it once, and the file ends the pairing on the day she unpaired', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const problems: string[] = []
    await startCourse(page)
    const plan = new PlanModel(page)
    await plan.firstGoal('housing', 'Bolig', 'Egen bolig')
    await page.locator('[data-test="share-toggle-button"]').click()
    await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="area-card"] h2 a').first().click()
    await page.locator('[data-test="share-toggle-button"]').click()
    await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()

    // Paired, one package sent (her goal and its area).
    await page.locator('[data-nav="plan"]').click()
    await page.locator('[data-test="plan-share"]').click()
    await page.locator('[data-test="pairing-start"]').click()
    await page.locator('[data-test="pairing-show-code"]').click()
    const key =
      shareKeyOfShortCode((await page.locator('[data-test="pairing-short-code"]').textContent()) ?? '') ?? ''
    await page.locator('[data-test="pairing-confirm"]').click()
    await page.locator('[data-test="send-card"]').waitFor()
    const [sent] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="send-file"]').click(),
    ])
    const first = await decodeSharePackage(new Uint8Array(readFileSync(await sent.path())), {
      pairingId: null,
      shareKey: key,
      ended: false,
    })

    // Unpairing: what the last package carries (no handover shared: only that it has ended).
    await page.locator('[data-test="pairing-unpair"]').click()
    await page.locator('[data-test="pairing-unpair-send"]').waitFor()
    expect(await page.locator('[data-test="pairing-card"]').textContent()).toContain(
      'Du deler ingen overdragelsesplan',
    )
    for (const code of ['da', 'ar']) {
      await switchLanguage(page, code)
      for (const violation of await planAxeViolations(page)) problems.push(`${code} unpair: ${violation}`)
      if (await mainOverflows(page)) problems.push(`${code} unpair: main overflows at 360 px`)
      await saveScreen(page, `citizen-ending-unpair-${code}`, { fullPage: true })
    }
    await switchLanguage(page, 'da')
    await page.locator('[data-test="pairing-unpair-send"]').click()
    await page.locator('[data-test="ending-package"]').waitFor()
    await page.locator('[data-test="pairing-ended"]').waitFor()
    expect(await page.locator('[data-test="send-card"]').count()).toBe(0)
    for (const code of ['da', 'ar']) {
      await switchLanguage(page, code)
      for (const violation of await planAxeViolations(page))
        problems.push(`${code} last package: ${violation}`)
      await saveScreen(page, `citizen-ending-package-${code}`, { fullPage: true })
    }
    await switchLanguage(page, 'da')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="ending-package-file"]').click(),
    ])
    expect(download.suggestedFilename()).toBe('package-2.bin')
    const last = await decodeSharePackage(new Uint8Array(readFileSync(await download.path())), {
      pairingId: first.header.pairingId,
      shareKey: key,
      ended: false,
    })
    const today = await page.evaluate(() => {
      const now = new Date()
      const pad = (value: number) => String(value).padStart(2, '0')
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
    })
    expect(last.header).toMatchObject({ seq: 2, endsOn: today })
    expect(last.body.records).toEqual([])
    expect([...last.body.tombstones].sort()).toEqual(first.body.records.map((record) => record.id).sort())
    // The QR code shows the same package.
    await page.locator('[data-test="ending-package-qr"]').click()
    await page.locator('[data-test="ending-package-qr-shown"] [data-test="qr-symbol"]').waitFor()

    expect(problems).toEqual([])
    expect(session.errors).toEqual([])
  }, 300_000)
})
