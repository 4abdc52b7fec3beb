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
import { openSession, type Session } from './support/browser'
import { phone, saveScreen } from './support/layout'
import { startCourse } from './support/plan'
import { readQrOnScreen } from './support/qrImage'
import { writeQrY4m } from './qr/y4m'
import { CitizenSharingModel, fakeCamera, WorkerModel } from './support/worker'

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
    const sharing = new CitizenSharingModel(citizen)
    const plan = sharing.plan
    await startCourse(citizen)
    // Three things shared: the goal, its step (the step's own switch), the focus area.
    await sharing.shareGoal('Egen bolig', ['Ring til boligkontoret'], async () => {
      await citizen.locator('[data-test="share-switch"]').first().click()
      await citizen.locator('[data-test="share-switch"][aria-pressed="true"]').first().waitFor()
    })

    // Her phone shows the pairing code; the worker's camera sees what her screen shows.
    await sharing.openShare()
    await citizen.locator('[data-test="pairing-start"]').click()
    const offer = await readQrOnScreen(citizen.locator('[data-test="pairing-offer"] [data-test="qr-symbol"]'))
    expect(offer).toMatch(/^TRINPAIR1:/)
    playToCamera([offer ?? ''])

    const workerSession = await openSession({ viewport: phone, extraArgs: fakeCamera(video) })
    sessions.push(workerSession)
    const worker = workerSession.page
    const workerPhone = new WorkerModel(worker)
    await workerPhone.setUp()
    await workerPhone.openPair()
    await worker.getByRole('button', { name: 'Start kameraet' }).click()
    await worker.locator('[data-test="worker-pair-read"]').waitFor({ timeout: 60_000 })
    await workerPhone.saveLabel()
    await sharing.confirmPairing()
    expect(await citizen.locator('[data-test="send-summary"]').textContent()).toContain('3 ting')

    // Once by file.
    const download = await sharing.sendFile()
    await workerPhone.openReceive()
    await workerPhone.receiveFile(await download.path())
    await worker.getByRole('link', { name: 'Se det, Sara deler' }).click()
    expect(await sharedOnWorker(worker)).toEqual(['Bolig', 'Egen bolig', 'Ring til boligkontoret'])
    await saveScreen(worker, 'two-phones-worker-after-file-da', { fullPage: true })

    // She makes the step private again; the next package, by animated QR, drops it.
    await citizen.locator('[data-nav="plan"]').click()
    await plan.openArea('Bolig')
    await plan.openGoal('Egen bolig')
    await citizen.locator('[data-test="share-switch"][aria-pressed="true"]').first().click()
    await citizen.locator('[data-test="share-switch"][aria-pressed="false"]').first().waitFor()
    await sharing.openShare()
    expect(await citizen.locator('[data-test="send-summary"]').textContent()).toContain(
      '1 ting bliver fjernet',
    )
    await citizen.locator('[data-test="send-qr"]').click()
    const frames = await framesOnScreen(citizen, 10)
    expect(frames.length).toBe(10)
    await saveScreen(citizen, 'two-phones-citizen-qr-da')
    // Every fifth frame never reaches the camera (20 % lost).
    playToCamera(frames.filter((_, index) => index % 5 !== 2))
    await workerPhone.openReceive()
    await worker.getByRole('button', { name: 'Start kameraet' }).click()
    await worker.locator('[data-test="worker-receive-ok"]').waitFor({ timeout: 90_000 })
    await worker.getByRole('link', { name: 'Se det, Sara deler' }).click()
    expect(await sharedOnWorker(worker)).toEqual(['Bolig', 'Egen bolig'])
    await saveScreen(worker, 'two-phones-worker-after-qr-da', { fullPage: true })

    expect(citizenSession.errors).toEqual([])
    expect(workerSession.errors).toEqual([])
  }, 300_000)
})
