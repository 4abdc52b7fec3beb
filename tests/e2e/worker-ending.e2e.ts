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
import { decodeSharePackage } from '@/data/sharing/package'
import { endingPackage, nextPackage, shareKeyOfShortCode } from '@/domain/pairing'
import type { TrinRecord } from '@/schemas'
import { openSession, type Session } from './support/browser'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { problemsInEveryLocale } from './support/locales'
import { planAxeViolations, startCourse } from './support/plan'
import {
  checkInDaAndAr,
  CitizenSharingModel,
  herScreen,
  PAIRING,
  sharePackageFile,
  STAMP,
  WorkerModel,
} from './support/worker'
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

const KEY = '3f'.repeat(32)
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
  const file = (seq: number, body: typeof first.body, endsOn: string) =>
    sharePackageFile({
      key: KEY,
      seq,
      records: body.records,
      tombstones: body.tombstones,
      endsOn: day(endsOn),
      name: `package-${String(seq)}.bin`,
    })
  return {
    first: await file(first.seq, first.body, '2027-05-24'),
    ending: await file(ending.seq, ending.body, ending.endsOn),
    later: await file(ending.seq + 1, first.body, '2027-05-24'),
  }
}

function checkScreen(page: Page, name: string, problems: string[]): Promise<void> {
  return checkInDaAndAr(page, `worker-ending-${name}`, problems, name)
}

describe('the end of access on the worker’s phone', () => {
  it('ends with her ending package, shows the handover she shared, refuses more, and erases', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    const worker = new WorkerModel(page)
    const problems: string[] = []
    const packages = await herPackages()

    // A worker's phone, paired with Sara by her short code.
    await worker.pairedOn(TODAY, KEY)

    // Her usual package, then her ending package; a package after it is refused.
    await worker.openReceive()
    await worker.receiveFile(packages.first)
    const file = worker.receiveFileInput()
    await file.setInputFiles(packages.ending)
    await page.getByText('Pakken er modtaget').waitFor()
    await file.setInputFiles(packages.later)
    expect(await page.locator('[data-test="worker-receive-problem"]').textContent()).toContain(
      'Parringen er slut, så der kan ikke modtages flere pakker',
    )

    // Her screen: access has ended, the handover she shared, when it erases by itself.
    await worker.backTo()
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
    problems.push(
      ...(await problemsInEveryLocale(page, [herScreen('ended', '[data-test="worker-ending-erase"]')])),
    )
    await switchLanguage(page, 'da')

    // Erase now.
    await page.locator('[data-test="worker-ending-erase"]').click()
    await page.locator('[data-test="worker-ending-erase-yes"]').click()
    await page.locator('[data-test="worker-ending-erased"]').waitFor()
    await worker.settled()
    expect(await page.locator('[data-test="worker-ending-erased"]').textContent()).toContain(
      'Borgerens delte plan er slettet fra denne telefon',
    )
    expect(await page.getByText('Egen bolig').count()).toBe(0)
    await checkScreen(page, 'erased', problems)
    problems.push(
      ...(await problemsInEveryLocale(page, [herScreen('erased', '[data-test="worker-ending-erased"]')])),
    )
    await switchLanguage(page, 'da')

    // After a reload: still erased, the pairing still listed as the anchor of the worker's log.
    await worker.reloadAndUnlock()
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
    const citizen = new CitizenSharingModel(page)
    await citizen.shareGoal()

    // Paired, one package sent (her goal and its area).
    const key = shareKeyOfShortCode(await citizen.pair()) ?? ''
    const sent = await citizen.sendFile()
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
    await checkInDaAndAr(page, 'citizen-ending-unpair', problems, 'unpair')
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
