/**
 * Issue #14 on her phone: pair with the worker's phone at a visit (the QR code, the short code
 * on demand), see the pairing, send what she shares as a file and as an animated QR code, end the
 * pairing. The package file is opened here with the key the QR code carried, so the test checks
 * what really left the phone: the shared goal and its area, nothing private.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openSession, type Session } from './support/browser'
import { phone, saveScreen, switchLanguage } from './support/layout'
import { planAxeViolations, startCourse } from './support/plan'
import { CitizenSharingModel } from './support/worker'
import { problemsInEveryLocale, type ScreenStep } from './support/locales'
import { decodePairingOffer } from '@/data/sharing/offer'
import { decodeSharePackage } from '@/data/sharing/package'
import { shareKeyOfShortCode } from '@/domain/pairing'
import { readQrOnScreen } from './support/qrImage'

let session: Session | undefined
afterEach(async () => {
  await session?.close()
  session = undefined
})

const openShare: ScreenStep = {
  name: 'sharing with my worker',
  open: async (page) => {
    await new CitizenSharingModel(page).openShare()
  },
}

describe('pairing and sending, on her phone', () => {
  it('pairs, sends a file only her worker can open, shows the QR code, and unpairs', async () => {
    session = await openSession({ viewport: phone })
    const { page } = session
    await startCourse(page)
    const citizen = new CitizenSharingModel(page)
    await citizen.shareGoal()

    await openShare.open(page)
    // Nothing can be sent before pairing.
    expect(await page.locator('[data-test="send-card"]').count()).toBe(0)
    await page.locator('[data-test="pairing-start"]').click()
    await page.locator('[data-test="pairing-offer"] [data-test="qr-symbol"]').waitFor()
    // The short code is hidden until she asks for it.
    expect(await page.locator('[data-test="pairing-short-code"]').isVisible()).toBe(false)
    await page.locator('[data-test="pairing-show-code"]').click()
    const shortCode = (await page.locator('[data-test="pairing-short-code"]').textContent()) ?? ''
    const key = shareKeyOfShortCode(shortCode)
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(await planAxeViolations(page)).toEqual([])
    await saveScreen(page, 'pairing-offer-da', { fullPage: true })

    // The QR code read off her screen carries the same key, and the pairing's id.
    const offerText = await readQrOnScreen(
      page.locator('[data-test="pairing-offer"] [data-test="qr-symbol"]'),
    )
    const offer = offerText === null ? null : decodePairingOffer(offerText)
    expect(offer?.shareKey).toBe(key)

    await page.locator('[data-test="pairing-confirm"]').click()
    await page.locator('[data-test="pairing-status"]').waitFor()
    await page.locator('[data-test="send-card"]').waitFor()
    expect(await page.locator('[data-test="send-summary"]').textContent()).toContain('2 ting')
    await saveScreen(page, 'pairing-status-da', { fullPage: true })

    const download = await citizen.sendFile()
    expect(download.suggestedFilename()).toBe('package-1.bin')
    const bytes = new Uint8Array(readFileSync(await download.path()))
    const pkg = await decodeSharePackage(bytes, {
      pairingId: offer?.pairingId ?? null,
      shareKey: key ?? '',
      ended: false,
    })
    expect(pkg.header.seq).toBe(1)
    expect(pkg.body.records.map((record) => record.kind).sort()).toEqual(['focusArea', 'goal'])
    await page.locator('[data-test="send-done"]').waitFor()
    expect(await page.locator('[data-test="pairing-last-sent"]').textContent()).toContain('Pakke nr. 1')

    await page.locator('[data-test="send-qr"]').click()
    await page.locator('[data-test="send-qr-shown"] [data-test="qr-symbol"]').waitFor()
    expect(await planAxeViolations(page)).toEqual([])
    await saveScreen(page, 'send-qr-da')
    await page.locator('[data-test="send-qr-done"]').click()

    await switchLanguage(page, 'ar')
    await saveScreen(page, 'pairing-status-ar', { fullPage: true })
    await page.locator('[data-test="pairing-show-again"]').click()
    await page.locator('[data-test="pairing-show-code"]').click()
    await saveScreen(page, 'pairing-offer-ar', { fullPage: true })
    await page.locator('[data-test="pairing-cancel"]').click()
    expect(await problemsInEveryLocale(page, [openShare])).toEqual([])
    await switchLanguage(page, 'da')

    await page.locator('[data-test="pairing-unpair"]').click()
    await page.locator('[data-test="pairing-unpair-yes"]').click()
    await page.locator('[data-test="pairing-ended"]').waitFor()
    expect(await page.locator('[data-test="send-card"]').count()).toBe(0)
    await saveScreen(page, 'pairing-ended-da', { fullPage: true })
  }, 300_000)
})
