/**
 * Reads a QR code off the screen the way another phone's camera would: a screenshot of the
 * element, decoded by zxing (the same decoder the app uses where the browser has no
 * BarcodeDetector), its WebAssembly read from node_modules, never fetched.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Locator } from 'playwright-core'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

let ready: Promise<unknown> | undefined

function prepare(): Promise<unknown> {
  const require = createRequire(import.meta.url)
  const wasmBinary = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
  ready ??= prepareZXingModule({ overrides: { wasmBinary: wasmBinary.buffer }, fireImmediately: true })
  return ready
}

/** The text of the QR code shown in `element`, or null when none can be read. */
export async function readQrOnScreen(element: Locator): Promise<string | null> {
  await prepare()
  const png = await element.screenshot()
  const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true })
  return result?.isValid === true ? result.text : null
}
