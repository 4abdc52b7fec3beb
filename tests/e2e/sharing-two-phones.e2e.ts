/**
 * Issue #14 end to end with two phones (two browsers): her phone shows the pairing QR code; the
 * code is read off her screen and played to the worker's phone's camera, which pairs. She shares
 * three things (a focus area, a goal, a step) and sends them once as a file and — after making
 * the step private again — once as an animated QR code, whose frames are read off her screen
 * and played to the worker's camera with every fifth frame dropped. The worker's phone then shows
 * the area and the goal, and the step is gone. (Visit mode: tests/e2e/visit-mode.e2e.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { baseURL, openSession, type Session } from './support/browser'
import { phone, saveScreen } from './support/layout'
import { PlanModel, startCourse } from './support/plan'
import { readQrOnScreen } from './support/qrImage'
import { writeQrY4m } from './qr/y4m'

const PASSPHRASE = 'blå hest på bakken'
let workDir = ''
let video = ''
const sessions: Session[] = []
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'trin-two-phones-'))
  video = join(workDir, 'camera.y4m')
})
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close()
})
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true })
})

/** What the worker's camera sees: these QR texts, each held 0.2 s, looped. */
function playToCamera(texts: readonly string[]): void {
  writeQrY4m(video, texts, { width: 480, height: 480, fps: 10, hold: 2 })
}

/** Reads the animated code's frames off her screen until `count` different ones are seen. */
async function framesOnScreen(page: Page, count: number): Promise<string[]> {
  const symbol = page.locator('[data-test="send-qr-shown"] [data-test="qr-symbol"]')
  const seen = new Set<string>()
  const deadline = Date.now() + 60_000
  while (seen.size < count && Date.now() < deadline) {
    const text = await readQrOnScreen(symbol)
    if (text !== null) seen.add(text)
  }
  return [...seen]
}

async function shareHere(page: Page): Promise<void> {
  await page.locator('[data-test="share-toggle-button"]').click()
  await page.locator('[data-test="share-toggle-button"][aria-pressed="true"]').waitFor()
}

async function openShare(page: Page): Promise<void> {
  await page.locator('[data-nav="plan"]').click()
  await page.locator('[data-test="plan-share"]').click()
  await page.locator('[data-test="pairing-card"]').waitFor()
}

async function sharedOnWorker(worker: Page): Promise<string[]> {
  await worker.locator('[data-test="sharing-shown"]').first().waitFor()
  return (await worker.locator('[data-test="sharing-shown"]').allTextContents())
    .map((text) => text.trim())
    .sort()
}

describe('sharing with the worker, two phones', () => {
  it('pairs by QR, carries a package by file and by animated QR, and an unshared step leaves the worker', async () => {
    const citizenSession = await openSession({ viewport: phone })
    sessions.push(citizenSession)
    const citizen = citizenSession.page
    await startCourse(citizen)
    const plan = new PlanModel(citizen)
    await plan.firstGoal('housing', 'Bolig', 'Egen bolig')
    await plan.addStep('Ring til boligkontoret')
    // Three things shared: the goal, its step (the step's own switch), the focus area.
    await shareHere(citizen)
    await citizen.locator('[data-test="share-switch"]').first().click()
    await citizen.locator('[data-test="share-switch"][aria-pressed="true"]').first().waitFor()
    await citizen.locator('[data-nav="plan"]').click()
    await citizen.locator('[data-test="area-card"] h2 a').first().click()
    await shareHere(citizen)

    // Her phone shows the pairing code; the worker's camera sees what her screen shows.
    await openShare(citizen)
    await citizen.locator('[data-test="pairing-start"]').click()
    const offer = await readQrOnScreen(citizen.locator('[data-test="pairing-offer"] [data-test="qr-symbol"]'))
    expect(offer).toMatch(/^TRINPAIR1:/)
    playToCamera([offer ?? ''])

    const workerSession = await openSession({
      viewport: phone,
      extraArgs: [
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    })
    sessions.push(workerSession)
    const worker = workerSession.page
    await worker.goto(baseURL)
    await worker.getByRole('link', { name: /CTI-medarbejder/ }).click()
    await worker.locator('#worker-lock-new').fill(PASSPHRASE)
    await worker.locator('#worker-lock-repeat').fill(PASSPHRASE)
    await worker.getByRole('button', { name: 'Lås og brug som medarbejder-telefon' }).click()
    await worker.getByRole('heading', { level: 1, name: 'Mine borgere' }).waitFor()
    await worker.getByRole('link', { name: 'Par med en borger' }).click()
    await worker.getByRole('button', { name: 'Start kameraet' }).click()
    await worker.locator('[data-test="worker-pair-read"]').waitFor({ timeout: 60_000 })
    await worker.locator('#worker-pair-label').fill('Sara')
    await worker.getByRole('button', { name: 'Gem parringen' }).click()
    await worker.getByRole('heading', { level: 1, name: 'Sara' }).waitFor()
    await citizen.locator('[data-test="pairing-confirm"]').click()
    await citizen.locator('[data-test="send-card"]').waitFor()
    expect(await citizen.locator('[data-test="send-summary"]').textContent()).toContain('3 ting')

    // Once by file.
    const [download] = await Promise.all([
      citizen.waitForEvent('download'),
      citizen.locator('[data-test="send-file"]').click(),
    ])
    await worker.getByRole('link', { name: 'Modtag en pakke' }).click()
    await worker.locator('[data-test="worker-receive-file"]').setInputFiles(await download.path())
    await worker.locator('[data-test="worker-receive-ok"]').waitFor()
    await worker.getByRole('link', { name: 'Se det, Sara deler' }).click()
    expect(await sharedOnWorker(worker)).toEqual(['Bolig', 'Egen bolig', 'Ring til boligkontoret'])
    await saveScreen(worker, 'two-phones-worker-after-file-da', { fullPage: true })

    // She makes the step private again; the next package, by animated QR, drops it.
    await citizen.locator('[data-nav="plan"]').click()
    await plan.openArea('Bolig')
    await plan.openGoal('Egen bolig')
    await citizen.locator('[data-test="share-switch"][aria-pressed="true"]').first().click()
    await citizen.locator('[data-test="share-switch"][aria-pressed="false"]').first().waitFor()
    await openShare(citizen)
    expect(await citizen.locator('[data-test="send-summary"]').textContent()).toContain(
      '1 ting bliver fjernet',
    )
    await citizen.locator('[data-test="send-qr"]').click()
    const frames = await framesOnScreen(citizen, 10)
    expect(frames.length).toBe(10)
    await saveScreen(citizen, 'two-phones-citizen-qr-da')
    // Every fifth frame never reaches the camera (20 % lost).
    playToCamera(frames.filter((_, index) => index % 5 !== 2))
    await worker.getByRole('link', { name: 'Modtag en pakke' }).click()
    await worker.getByRole('button', { name: 'Start kameraet' }).click()
    await worker.locator('[data-test="worker-receive-ok"]').waitFor({ timeout: 90_000 })
    await worker.getByRole('link', { name: 'Se det, Sara deler' }).click()
    expect(await sharedOnWorker(worker)).toEqual(['Bolig', 'Egen bolig'])
    await saveScreen(worker, 'two-phones-worker-after-qr-da', { fullPage: true })

    expect(citizenSession.errors).toEqual([])
    expect(workerSession.errors).toEqual([])
  }, 300_000)
})
