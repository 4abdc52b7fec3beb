/**
 * A QR symbol for one frame's text, drawn as one SVG path (a square per dark module) with a
 * quiet zone of 4 modules, error correction L, alphanumeric mode (the text is Base45). The
 * encoder (`qr`, about 6 KB gzip) is imported on first use, so it never rides on the first screen.
 */

export const QUIET_ZONE = 4

export interface QrSymbol {
  /** Modules across, quiet zone included (the SVG's viewBox is size × size). */
  readonly size: number
  /** Dark modules as an SVG path in module units. */
  readonly path: string
}

/** The path of the dark modules of a module matrix (rows of booleans), one run per row segment. */
export function symbolPath(modules: readonly (readonly boolean[])[], border: number): QrSymbol {
  let path = ''
  modules.forEach((row, y) => {
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x++
        continue
      }
      const start = x
      while (x < row.length && row[x]) x++
      path += `M${String(start + border)} ${String(y + border)}h${String(x - start)}v1h${String(start - x)}z`
    }
  })
  return { size: (modules[0]?.length ?? 0) + 2 * border, path }
}

type EncodeQr = typeof import('qr').encodeQR
let encoder: Promise<EncodeQr> | undefined

/** Loads the QR encoder (once); call early to have it ready before the first frame. */
export function loadQrEncoder(): Promise<EncodeQr> {
  encoder ??= import('qr').then((module) => module.encodeQR)
  return encoder
}

/** The symbol of a Base45 text. */
export async function qrSymbol(text: string): Promise<QrSymbol> {
  const encodeQR = await loadQrEncoder()
  return symbolPath(encodeQR(text, 'raw', { ecc: 'low', encoding: 'alphanumeric', border: QUIET_ZONE }), 0)
}
