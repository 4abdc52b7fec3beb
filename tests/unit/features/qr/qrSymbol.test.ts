import { describe, expect, it } from 'vitest'
import { encodeQR } from 'qr'
import { createFountainEncoder } from '@/data/transport/fountain'
import { qrPaces } from '@/features/qr/frameRate'
import { QUIET_ZONE, qrSymbol, symbolPath } from '@/features/qr/qrSymbol'
import { FOREIGN_FRAMES_BEFORE_RESTART, FrameCollector } from '@/features/qr/scanFrames'

describe('symbolPath', () => {
  it('draws one rectangle per run of dark modules, offset by the border', () => {
    expect(
      symbolPath(
        [
          [true, true, false, true],
          [false, false, false, false],
        ],
        1,
      ),
    ).toEqual({
      size: 6,
      path: 'M1 1h2v1h-2zM4 1h1v1h-1z',
    })
  })
})

describe('qrSymbol', () => {
  it('has a quiet zone of 4 modules and the version the frame sizes promise (error correction L)', async () => {
    const bytes = new Uint8Array(10_000).map((_, i) => (i * 31) & 0xff)
    for (const [pace, version] of [
      ['normal', 14],
      ['slow', 9],
    ] as const) {
      const text = createFountainEncoder(bytes, qrPaces[pace].fragmentBytes).frameText(1)
      const symbol = await qrSymbol(text)
      expect(symbol.size).toBe(17 + 4 * version + 2 * QUIET_ZONE)
      expect(symbol.path.startsWith(`M${String(QUIET_ZONE)} ${String(QUIET_ZONE)}h7`)).toBe(true)
      expect(encodeQR(text, 'raw', { ecc: 'low', encoding: 'alphanumeric', border: QUIET_ZONE }).length).toBe(
        symbol.size,
      )
    }
  })
})

describe('FrameCollector', () => {
  it('starts over on another message when only its frames arrive (bigger squares chosen meanwhile)', () => {
    const message = new Uint8Array(3000).map((_, i) => i & 0xff)
    const normal = createFountainEncoder(message, 400)
    const slow = createFountainEncoder(message, 200)
    const collector = new FrameCollector()
    expect(collector.receive(normal.frameText(1))).toBe('accepted')
    for (let seq = 1; seq < FOREIGN_FRAMES_BEFORE_RESTART; seq++)
      expect(collector.receive(slow.frameText(seq))).toBe('foreign')
    expect(collector.receive(slow.frameText(FOREIGN_FRAMES_BEFORE_RESTART))).toBe('accepted')
    expect(collector.progress).toEqual({ received: 1, total: slow.fragmentCount })
    let seq = 1
    while (collector.receive(slow.frameText(seq)) !== 'complete') seq++
    expect(collector.message).toEqual(message)
  })

  it('keeps its message when other frames are mixed in', () => {
    const a = createFountainEncoder(new Uint8Array(2000).fill(1), 400)
    const b = createFountainEncoder(new Uint8Array(2000).fill(2), 400)
    const collector = new FrameCollector()
    let seq = 1
    let outcome = collector.receive(a.frameText(seq))
    while (outcome !== 'complete') {
      collector.receive(b.frameText(seq))
      seq++
      outcome = collector.receive(a.frameText(seq))
    }
    expect(collector.message).toEqual(new Uint8Array(2000).fill(1))
  })
})
