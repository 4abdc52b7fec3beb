/**
 * The animated QR transport end to end (issue #14, item 4): a random 10 KB message, fountain-coded
 * into 400-byte frames with 20 % of them dropped, is played to Chromium's fake camera as a Y4M
 * video; QrScanner in the built app reads it (zxing-wasm: Linux Chromium has no BarcodeDetector,
 * and the wasm is the app's own file) and must give back the same bytes. AnimatedQr and
 * QrScanner are checked with axe in Danish and Arabic at 360 px.
 *
 * The components are shown by a test-only page (tests/e2e/qr/harness.html), built here with
 * the app's own Vite config (CSP, precache, lazy chunks) into a temporary folder and served by
 * `vite preview` with the app's headers — nothing of it is in dist/ or ships.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, preview, type PreviewServer } from 'vite'
import { createFountainEncoder } from '../../src/data/transport/fountain'
import { axeRun } from './support/axe'
import { cspViolations, openSession, type Session } from './support/browser'
import { port } from './support/env'
import { phone } from './support/layout'
import { testMessage, toHex } from './qr/message'
import { writeQrY4m } from './qr/y4m'

const harnessPort = port + 100
const harnessUrl = `http://127.0.0.1:${String(harnessPort)}/tests/e2e/qr/harness.html`
let workDir = ''
let video = ''
let outDir = ''
let server: PreviewServer | undefined

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'trin-qr-e2e-'))
  outDir = join(workDir, 'dist')
  video = join(workDir, 'frames.y4m')
  // Frames 1, 2, … with every fifth dropped (20 %), each held for 0.2 s (5 a second), looped by
  // Chromium until the scan is done.
  const encoder = createFountainEncoder(testMessage(), 400)
  const texts: string[] = []
  for (let seq = 1; texts.length < 40; seq++) if (seq % 5 !== 3) texts.push(encoder.frameText(seq))
  writeQrY4m(video, texts, { width: 480, height: 480, fps: 10, hold: 2 })
  await build({
    configFile: 'vite.config.ts',
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: 'tests/e2e/qr/harness.html' } },
  })
  server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir },
    preview: { port: harnessPort, strictPort: true },
  })
}, 240_000)

afterAll(async () => {
  await server?.close()
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

/** Chromium's fake camera playing the frames, with the permission prompt answered yes. */
function fakeCamera(): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]
}

function ownOrigin(requests: readonly string[]): string[] {
  return requests.filter(
    (url) =>
      !url.startsWith('data:') &&
      !url.startsWith('blob:') &&
      !url.startsWith(`http://127.0.0.1:${String(harnessPort)}/`),
  )
}

describe('animated QR transport', () => {
  it('bundles the zxing WebAssembly as an asset of its own, kept by the service worker once fetched', () => {
    const assets = readdirSync(join(outDir, 'assets'))
    const wasm = assets.find((file) => file.startsWith('zxing_reader') && file.endsWith('.wasm'))
    expect(wasm).toBeDefined()
    // Not in every citizen's precache (only a worker's phone scans), but cached on first use.
    const sw = readFileSync(join(outDir, 'sw.js'), 'utf8')
    expect(sw).not.toContain(`assets/${wasm ?? '?'}`)
    expect(sw).toContain('trin-qr-decoder')
  })

  it('carries a random 10 KB message through the camera with 20 % of the frames dropped', async () => {
    const message = testMessage()
    expect(createFountainEncoder(message, 400).fragmentCount).toBe(25)

    const session: Session = await openSession({ viewport: phone, extraArgs: fakeCamera() })
    try {
      const { page } = session
      await page.goto(`${harnessUrl}?view=scan`)
      await page.click('[data-test="qr-scan-start"]')
      await page.waitForSelector('[data-test="qr-scan-progress"]')
      await page.waitForFunction(
        () => document.querySelector('[data-test="qr-scan-done"]') !== null,
        undefined,
        {
          timeout: 90_000,
        },
      )
      const received = await page.textContent('[data-test="qr-harness-result"]')
      expect(received).toBe(toHex(message))
      expect(await page.textContent('[data-test="qr-scan-progress"]')).toContain('25 af 25')
      // The camera is off once the package is complete.
      expect(
        await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).srcObject),
      ).toBeNull()
      expect(session.requests.some((url) => /zxing_reader[^/]*\.wasm$/.test(url))).toBe(true)
      expect(ownOrigin(session.requests)).toEqual([])
      expect(await cspViolations(page)).toEqual([])
      expect(session.errors).toEqual([])
    } finally {
      await session.close()
    }
  })

  it.each(['da', 'ar'])('AnimatedQr and QrScanner pass axe at 360 px in %s', async (lang) => {
    const session = await openSession({ viewport: phone, extraArgs: fakeCamera() })
    try {
      const { page } = session
      await page.goto(`${harnessUrl}?view=show&lang=${lang}`)
      await page.waitForSelector('[data-test="qr-symbol"]')
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr')
      expect(await axeRun(page)).toEqual([])
      await page.click('[data-test="qr-toggle"]')
      expect(await axeRun(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)

      await page.goto(`${harnessUrl}?view=scan&lang=${lang}`)
      await page.waitForSelector('[data-test="qr-scan-start"]')
      expect(await axeRun(page)).toEqual([])
      await page.click('[data-test="qr-scan-start"]')
      await page.waitForSelector('[data-test="qr-scan-progress"]')
      expect(await axeRun(page)).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      expect(await cspViolations(page)).toEqual([])
    } finally {
      await session.close()
    }
  })
})
