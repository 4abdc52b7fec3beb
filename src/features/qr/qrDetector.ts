/**
 * What reads QR codes from camera frames: the browser's `BarcodeDetector` where it says it reads
 * `qr_code`, else the `barcode-detector` ponyfill (zxing-wasm), imported on first use. The
 * ponyfill's WebAssembly is the app's own file (bundled; `locateFile` is overridden so nothing
 * is ever fetched from its default CDN). It is about 450 KiB gzip and most phones read QR
 * codes themselves, so it is not in every citizen's precache: the service worker keeps it once
 * fetched (vite.config.ts, runtime caching), and `warmQrDecoder` fetches it ahead — only where
 * the browser cannot read QR codes — when a worker's "Mine borgere" or her sharing screen
 * opens, so the scanner works offline at the next visit.
 */

/** The one thing the scanner needs: the texts of the QR codes in a frame. */
export interface QrDetector {
  readonly kind: 'native' | 'wasm'
  detect(source: HTMLVideoElement | ImageBitmap | HTMLCanvasElement): Promise<string[]>
}

interface NativeDetector {
  detect(source: HTMLVideoElement | ImageBitmap | HTMLCanvasElement): Promise<{ rawValue: string }[]>
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector
  getSupportedFormats(): Promise<readonly string[]>
}

function nativeClass(): NativeDetectorClass | undefined {
  const candidate = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector
  return typeof candidate === 'function' ? candidate : undefined
}

async function nativeDetector(): Promise<QrDetector | undefined> {
  const Native = nativeClass()
  if (!Native) return undefined
  try {
    // Some in-app browsers expose the class with an empty list.
    if (!(await Native.getSupportedFormats()).includes('qr_code')) return undefined
    const detector = new Native({ formats: ['qr_code'] })
    return {
      kind: 'native',
      detect: async (source) => (await detector.detect(source)).map((code) => code.rawValue),
    }
  } catch {
    return undefined
  }
}

async function wasmDetector(): Promise<QrDetector> {
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ])
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
  })
  const detector = new BarcodeDetector({ formats: ['qr_code'] })
  return {
    kind: 'wasm',
    detect: async (source) => (await detector.detect(source)).map((code) => code.rawValue),
  }
}

let loading: Promise<QrDetector> | undefined

/** The detector for this browser (loaded once); rejects when none can be loaded. */
export function loadQrDetector(): Promise<QrDetector> {
  loading ??= nativeDetector()
    .then((native) => native ?? wasmDetector())
    .catch((error: unknown) => {
      loading = undefined
      throw error
    })
  return loading
}

/**
 * Fetches the decoder's WebAssembly into the service worker's cache ahead of the first scan,
 * where this browser has no native QR reader. Best effort: a failure only means the file is
 * fetched when the scanner starts.
 */
export async function warmQrDecoder(): Promise<void> {
  try {
    if ((await nativeDetector()) !== undefined) return
    const { default: wasmUrl } = await import('zxing-wasm/reader/zxing_reader.wasm?url')
    await fetch(wasmUrl)
  } catch {
    // Offline or refused: the scanner fetches it when it starts.
  }
}
