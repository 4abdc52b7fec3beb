import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeBase45 } from '@/data/transport/base45'
import { crc32 } from '@/data/transport/crc32'
import {
  FRAME_HEADER_BYTES,
  FountainDecoder,
  FountainError,
  FragmentPrng,
  chooseFragments,
  createFountainEncoder,
  frameBytes,
  parseFrameText,
  type FountainEncoder,
} from '@/data/transport/fountain'

/** A small deterministic generator for the tests' own randomness (not the codec's). */
function testRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function randomBytes(length: number, random: () => number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256))
}

/**
 * What a camera sees of a looping animation: frames 1, 2, … with `loss` of them missed, some
 * seen twice, and the order shuffled within a window. Returns the distinct frames the decoder
 * had to receive before it completed.
 */
function scan(
  encoder: FountainEncoder,
  decoder: FountainDecoder,
  loss: number,
  random: () => number,
): number {
  let seq = 1
  const distinct = new Set<number>()
  for (let guard = 0; guard < 100 * encoder.fragmentCount + 100; guard++) {
    const window: number[] = []
    for (let k = 0; k < 8; k++, seq++) {
      if (random() < loss) continue
      window.push(seq)
      if (random() < 0.2) window.push(seq)
    }
    window.sort(() => random() - 0.5)
    for (const s of window) {
      distinct.add(s)
      if (decoder.receiveText(encoder.frameText(s)) === 'complete') return distinct.size
    }
  }
  throw new Error('never completed')
}

describe('CRC-32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    expect(crc32(new Uint8Array())).toBe(0)
  })
})

describe('fountain codec', () => {
  it('round-trips messages of many sizes from the plain frames alone', () => {
    const random = testRandom(1)
    for (const size of [1, 2, 3, 24, 25, 26, 99, 100, 101, 399, 400, 401, 1000, 4321, 10_000]) {
      for (const max of [1, 7, 200, 400]) {
        if (size / max > 2000) continue
        const message = randomBytes(size, random)
        const encoder = createFountainEncoder(message, max)
        const decoder = new FountainDecoder()
        const outcomes = Array.from({ length: encoder.fragmentCount }, (_, i) =>
          decoder.receiveText(encoder.frameText(i + 1)),
        )
        expect(outcomes.at(-1)).toBe('complete')
        expect(outcomes.slice(0, -1).every((o) => o === 'accepted')).toBe(true)
        expect(decoder.message).toEqual(message)
      }
    }
  })

  it('splits into equal fragments no longer than asked', () => {
    expect(createFountainEncoder(new Uint8Array(1000), 400)).toMatchObject({
      fragmentCount: 3,
      fragmentLength: 334,
    })
    expect(createFountainEncoder(new Uint8Array(800), 400)).toMatchObject({
      fragmentCount: 2,
      fragmentLength: 400,
    })
    expect(createFountainEncoder(new Uint8Array(5), 400)).toMatchObject({
      fragmentCount: 1,
      fragmentLength: 5,
    })
  })

  it('rebuilds any message from frames in any order, with loss and duplicates (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 16, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer(),
        (message, max, lossPercent, seed) => {
          const encoder = createFountainEncoder(message, max)
          const decoder = new FountainDecoder()
          scan(encoder, decoder, lossPercent / 100, testRandom(seed))
          expect(decoder.message).toEqual(message)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('with 30 % loss, duplicates and reordering needs about 1.05–1.3 × the fragment count', () => {
    const random = testRandom(7)
    for (const size of [10_000, 40_000]) {
      const ratios: number[] = []
      for (let run = 0; run < 30; run++) {
        const message = randomBytes(size, random)
        const encoder = createFountainEncoder(message, 400)
        const decoder = new FountainDecoder()
        ratios.push(scan(encoder, decoder, 0.3, random) / encoder.fragmentCount)
        expect(decoder.message).toEqual(message)
      }
      const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length
      expect(mean).toBeGreaterThanOrEqual(1)
      expect(mean).toBeLessThan(1.15)
      expect(Math.max(...ratios)).toBeLessThan(1.45)
    }
  })

  it('reports progress: one step per independent frame, duplicates change nothing', () => {
    const encoder = createFountainEncoder(randomBytes(2000, testRandom(3)), 400)
    const decoder = new FountainDecoder()
    expect(decoder.progress).toEqual({ received: 0, total: 0 })
    expect(decoder.receiveText(encoder.frameText(2))).toBe('accepted')
    expect(decoder.progress).toEqual({ received: 1, total: 5 })
    expect(decoder.receiveText(encoder.frameText(2))).toBe('duplicate')
    expect(decoder.progress).toEqual({ received: 1, total: 5 })
    let seq = 6
    while (decoder.receiveText(encoder.frameText(seq)) !== 'complete') seq++
    expect(seq).toBeLessThan(20)
    expect(decoder.progress).toEqual({ received: 5, total: 5 })
    expect(decoder.receiveText(encoder.frameText(1))).toBe('duplicate')
  })

  it('never gives a wrong message from frames of two messages mixed', () => {
    const random = testRandom(11)
    for (let run = 0; run < 40; run++) {
      // Same length, so only the checksum tells them apart.
      const a = randomBytes(1500, random)
      const b = randomBytes(1500, random)
      const encoders = [createFountainEncoder(a, 200), createFountainEncoder(b, 200)]
      const decoder = new FountainDecoder()
      const first = random() < 0.5 ? 0 : 1
      let outcome = decoder.receiveText((encoders[first] as FountainEncoder).frameText(1))
      for (let seq = 2; outcome !== 'complete'; seq++) {
        for (const encoder of [...encoders].sort(() => random() - 0.5)) {
          if (outcome === 'complete') break
          const next = decoder.receiveText(encoder.frameText(seq))
          if (encoder !== encoders[first]) expect(next).toBe('foreign')
          outcome = next
        }
      }
      expect(decoder.message).toEqual(first === 0 ? a : b)
    }
  })

  it('ignores damaged and foreign text', () => {
    const encoder = createFountainEncoder(randomBytes(900, testRandom(5)), 400)
    const decoder = new FountainDecoder()
    const good = encoder.frameText(1)
    const bytes = encoder.frameBytes(2)
    bytes[FRAME_HEADER_BYTES + 3] = (bytes[FRAME_HEADER_BYTES + 3] ?? 0) ^ 1
    const lying = frameBytes({
      messageLength: 900,
      checksum: encoder.checksum,
      fragmentLength: 400,
      seq: 3,
      payload: new Uint8Array(400),
    })
    for (const text of [
      '',
      'HELLO',
      'https://example.org',
      good.toLowerCase(),
      good.slice(0, -3),
      encodeBase45(bytes),
      encodeBase45(lying),
    ]) {
      expect(decoder.receiveText(text)).toBe('corrupt')
    }
    expect(decoder.progress.total).toBe(0)
    for (const seq of [1, 2, 3]) decoder.receiveText(encoder.frameText(seq))
    expect(decoder.message?.length).toBe(900)
  })

  it('never throws on arbitrary text or bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9A-Z $%*+\-./:]{0,80}$/)), (text) => {
        const decoder = new FountainDecoder()
        expect(['corrupt', 'accepted', 'complete']).toContain(decoder.receiveText(text))
      }),
      { numRuns: 2000 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(['corrupt', 'accepted', 'complete']).toContain(new FountainDecoder().receiveBytes(bytes))
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses an empty message or a fragment length out of range', () => {
    expect(() => createFountainEncoder(new Uint8Array(), 400)).toThrow(FountainError)
    expect(() => createFountainEncoder(new Uint8Array(10), 0)).toThrow(FountainError)
    expect(() => createFountainEncoder(new Uint8Array(10), 65_536)).toThrow(FountainError)
    expect(() => createFountainEncoder(new Uint8Array(10), 4).frameText(0)).toThrow(FountainError)
  })
})

describe('fountain format (golden vectors: a change here is a change of format)', () => {
  const message = Uint8Array.from({ length: 100 }, (_, i) => (i * 7 + 3) & 0xff)
  const encoder = createFountainEncoder(message, 30)

  it('keeps the header, fragments and frames byte for byte', () => {
    expect(encoder).toMatchObject({ fragmentCount: 4, fragmentLength: 25, checksum: 2855365385 })
    expect(encoder.frameText(1)).toBe('V50000UWC6B6961A73000Y50CC1A238$46R64H827A0.B/VD-LF*BH$1JZ K1/B.SB')
    expect(encoder.frameText(4)).toBe('V50000UWC6B6961A730005N0N-2LV4JL6HB8F1AD BBQD9GF76H5-I3VK1LM2.3CLI')
    expect(encoder.frameText(5)).toBe('V50000UWC6B6961A730002W0 4MWUSP8T9PKY4OZNKO.C5LC44M9PKP8TWUSJESJ.0')
    expect(encoder.frameText(9)).toBe('V50000UWC6B6961A73000S61EU37X7:T27%ETT14U11W6*Y2S:VIU3XW6+T2SYPHZA')
    expect(parseFrameText(encoder.frameText(9))).toMatchObject({
      messageLength: 100,
      fragmentLength: 25,
      seq: 9,
    })
  })

  it('keeps the PRNG and the choice of fragments', () => {
    const prng = new FragmentPrng(5, 0x12345678)
    expect([prng.next(), prng.next(), prng.next(), prng.next()]).toEqual([
      94056221, 335241077, 3009698610, 3990334730,
    ])
    expect([5, 6, 7, 100, 4000].map((seq) => chooseFragments(seq, 40, 0xdeadbeef))).toEqual([
      [4],
      [5],
      [6],
      [0, 3, 4, 7, 8, 9, 10, 14, 18, 19, 20, 21, 22, 23, 24, 27, 31, 32, 34, 39],
      [0, 2, 3, 4, 12, 14, 15, 16, 17, 18, 20, 24, 26, 27, 28, 29, 30, 32, 34, 35, 37, 39],
    ])
  })
})
