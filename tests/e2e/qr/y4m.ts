/**
 * Writes QR frames as a Y4M video for Chromium's fake camera (`--use-file-for-fake-video-capture`):
 * a one-line header, then per picture `FRAME\n` and raw 4:2:0 YUV — the Y plane is the picture
 * (dark modules 16, light 235), U and V a flat 128 (grey, no colour).
 */
import { writeFileSync } from 'node:fs'
import { encodeQR } from 'qr'

export interface Y4mOptions {
  readonly width: number
  readonly height: number
  /** Video frames a second. */
  readonly fps: number
  /** Video frames each QR code is held for. */
  readonly hold: number
}

export function writeQrY4m(path: string, texts: readonly string[], options: Y4mOptions): void {
  const { width, height, fps, hold } = options
  const header = Buffer.from(
    `YUV4MPEG2 W${String(width)} H${String(height)} F${String(fps)}:1 Ip A1:1 C420jpeg\n`,
  )
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128)
  const frameTag = Buffer.from('FRAME\n')
  const parts: Buffer[] = [header]
  for (const text of texts) {
    const modules = encodeQR(text, 'raw', { ecc: 'low', encoding: 'alphanumeric', border: 4 })
    const scale = Math.floor(Math.min(width, height) / modules.length)
    const offsetX = Math.floor((width - modules.length * scale) / 2)
    const offsetY = Math.floor((height - modules.length * scale) / 2)
    const luma = Buffer.alloc(width * height, 235)
    modules.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (!dark) return
        for (let dy = 0; dy < scale; dy++) {
          const start = (offsetY + y * scale + dy) * width + offsetX + x * scale
          luma.fill(16, start, start + scale)
        }
      })
    })
    for (let i = 0; i < hold; i++) parts.push(frameTag, luma, chroma)
  }
  writeFileSync(path, Buffer.concat(parts))
}
