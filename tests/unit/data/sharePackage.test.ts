/**
 * The share package (src/data/sharing/package.ts): round trips through both compressors, PADMÉ
 * size classes, and a typed refusal for a wrong key, a changed byte, a wrong or ended pairing,
 * another version and a body that carries what must stay on her phone.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { asHlc } from '@/domain/clock'
import { parseCivilDate } from '@/domain/civilDate'
import { shareProjection, type ShareableRecord } from '@/domain/sharing'
import {
  decodeSharePackage,
  encodeSharePackage,
  MIN_PACKAGE_PLAINTEXT,
  padmeLength,
  readSharePackageHeader,
  sealPackage,
  SharePackageError,
  type SharePackageBody,
  type SharePackageErrorCode,
} from '@/data/sharing/package'
import { makeActivity, makeContact, makeFocusArea, makeGoal, makePlan, newId } from '../../factories/records'

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const OTHER_KEY = 'f'.repeat(64)
const CREATED = asHlc('2026-12-01T09:00:00.000Z-0000-00000000000000b2')
const expectation = { pairingId: PAIRING, shareKey: KEY, ended: false }

function body(titles: readonly string[] = ['A home of my own']): SharePackageBody {
  const area = makeFocusArea({ shared: true })
  const goals = titles.map((title) => makeGoal({ shared: true, focusAreaId: area.id, title }))
  return {
    records: shareProjection([makePlan({ shared: true }), area, ...goals, makeContact({ shared: true })]),
    tombstones: [newId()].sort(),
  }
}

async function refusal(promise: Promise<unknown>): Promise<SharePackageErrorCode> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(SharePackageError)
  return (error as SharePackageError).code
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('PADMÉ', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [9, 10],
    [100, 104],
    [1000, 1024],
    [1025, 1088],
    [65_537, 67_584],
  ])('%i → %i', (length, padded) => {
    expect(padmeLength(length)).toBe(padded)
  })

  it('adds at most 12 % and never shrinks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2 ** 30 }), (length) => {
        const padded = padmeLength(length)
        expect(padded).toBeGreaterThanOrEqual(length)
        expect(padded / length).toBeLessThanOrEqual(1.12)
      }),
    )
  })
})

describe('round trip', () => {
  it('gives back the header and body', async () => {
    const content = body()
    const bytes = await encodeSharePackage({ pairingId: PAIRING, seq: 3, createdAt: CREATED }, content, KEY)
    const decoded = await decodeSharePackage(bytes, expectation)
    expect(decoded.header).toEqual({
      format: 'trin-share',
      version: 1,
      pairingId: PAIRING,
      seq: 3,
      createdAt: CREATED,
      endsOn: null,
    })
    expect(decoded.body).toEqual({ ...content, decisions: [] })
    expect(readSharePackageHeader(bytes).header.seq).toBe(3)
  })

  it('carries her decisions on the worker’s proposals', async () => {
    const decisions = [
      { id: newId(), status: 'accepted' as const, decidedAt: CREATED },
      { id: newId(), status: 'rejected' as const, decidedAt: CREATED },
    ]
    const bytes = await encodeSharePackage(
      { pairingId: PAIRING, seq: 3, createdAt: CREATED },
      { ...body(), decisions },
      KEY,
    )
    expect((await decodeSharePackage(bytes, expectation)).body.decisions).toEqual(decisions)
  })

  it('refuses a body whose decision is not a decision', async () => {
    const bytes = await sealPackage(
      { format: 'trin-share', version: 1, pairingId: PAIRING, seq: 3, createdAt: CREATED, endsOn: null },
      { records: [], tombstones: [], decisions: [{ id: newId(), status: 'pending', decidedAt: CREATED }] },
      KEY,
    )
    await expect(decodeSharePackage(bytes, expectation)).rejects.toMatchObject({ code: 'bad-body' })
  })

  it('carries the day the pairing ends, as her phone knows it now', async () => {
    const endsOn = parseCivilDate('2027-06-03')
    const bytes = await encodeSharePackage(
      { pairingId: PAIRING, seq: 4, createdAt: CREATED, endsOn },
      body(),
      KEY,
    )
    expect((await decodeSharePackage(bytes, expectation)).header.endsOn).toBe(endsOn)
  })

  it('is read by a device paired by short code (no pairing id yet)', async () => {
    const bytes = await encodeSharePackage({ pairingId: PAIRING, seq: 1, createdAt: CREATED }, body(), KEY)
    expect((await decodeSharePackage(bytes, { ...expectation, pairingId: null })).header.pairingId).toBe(
      PAIRING,
    )
  })

  it.each([
    ['fflate on both sides', true, true],
    ['CompressionStream in, fflate out', false, true],
    ['fflate in, DecompressionStream out', true, false],
  ])('works with %s', async (_label, fallbackIn, fallbackOut) => {
    const content = body()
    if (fallbackIn) vi.stubGlobal('CompressionStream', undefined)
    const bytes = await encodeSharePackage({ pairingId: PAIRING, seq: 1, createdAt: CREATED }, content, KEY)
    vi.unstubAllGlobals()
    if (fallbackOut) vi.stubGlobal('DecompressionStream', undefined)
    expect((await decodeSharePackage(bytes, expectation)).body).toEqual({ ...content, decisions: [] })
  })

  it('hides small differences in size: nothing, or one goal, the same length', async () => {
    const goal = makeGoal({ shared: true, title: 'En bolig' })
    const sizes = await Promise.all(
      [[], [goal]].map(
        async (records) =>
          (
            await encodeSharePackage(
              { pairingId: PAIRING, seq: 1, createdAt: CREATED },
              { records, tombstones: [] },
              KEY,
            )
          ).byteLength,
      ),
    )
    expect(new Set(sizes).size).toBe(1)
  })

  it('pads to a PADMÉ size class of at least the minimum', async () => {
    const bytes = await encodeSharePackage(
      { pairingId: PAIRING, seq: 1, createdAt: CREATED },
      body(['a', 'b', 'c', 'd']),
      KEY,
    )
    const plaintext = bytes.byteLength - readSharePackageHeader(bytes).end - 12 - 16
    expect(plaintext).toBeGreaterThanOrEqual(MIN_PACKAGE_PLAINTEXT)
    expect(padmeLength(plaintext)).toBe(plaintext)
  })
})

describe('refusals: a typed error, nothing else', () => {
  async function valid(): Promise<Uint8Array> {
    return encodeSharePackage({ pairingId: PAIRING, seq: 1, createdAt: CREATED }, body(), KEY)
  }

  it.each([
    ['a wrong key', { shareKey: OTHER_KEY }, 'decrypt-failed'],
    ['another pairing', { pairingId: 'f'.repeat(32) }, 'wrong-pairing'],
    ['an ended pairing', { ended: true }, 'pairing-ended'],
  ] as const)('%s', async (_label, change, code) => {
    expect(await refusal(decodeSharePackage(await valid(), { ...expectation, ...change }))).toBe(code)
  })

  it('a changed byte anywhere', async () => {
    const bytes = await valid()
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bytes.byteLength - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, flip) => {
          const changed = bytes.slice()
          changed[at] = (changed[at] ?? 0) ^ flip
          expect(await refusal(decodeSharePackage(changed, expectation))).toMatch(
            /^(decrypt-failed|bad-format|unsupported-version|wrong-pairing)$/,
          )
        },
      ),
      { numRuns: 200 },
    )
  })

  it.each([
    ['nothing', new Uint8Array()],
    ['a truncated package', null],
    ['random bytes', Uint8Array.from({ length: 600 }, (_, index) => (index * 37) % 256)],
  ])('%s', async (_label, bytes) => {
    const input = bytes ?? (await valid()).slice(0, 40)
    expect(await refusal(decodeSharePackage(input, expectation))).toBe('bad-format')
  })

  it('another version', async () => {
    const bytes = await valid()
    const { end } = readSharePackageHeader(bytes)
    const text = new TextDecoder().decode(bytes.subarray(2, end)).replace('"version":1', '"version":2')
    const header = new TextEncoder().encode(text)
    const out = new Uint8Array(2 + header.byteLength + bytes.byteLength - end)
    out.set([header.byteLength >> 8, header.byteLength & 0xff])
    out.set(header, 2)
    out.set(bytes.subarray(end), 2 + header.byteLength)
    expect(await refusal(decodeSharePackage(out, expectation))).toBe('unsupported-version')
  })

  it.each([
    [
      'a private contact',
      makeContact({ safety: { keepPrivate: true, hideAddress: false, mustNotTell: [] } }),
    ],
    ['an unshared goal', makeGoal()],
    ['a deleted goal', makeGoal({ shared: true, deleted: true })],
    [
      'the plan with her safety notes',
      makePlan({ shared: true, safetyNotes: { keptSafeFrom: [{ id: newId(), name: 'Kim' }] } }),
    ],
    [
      'a contact with what it must not tell',
      makeContact({
        shared: true,
        safety: { keepPrivate: false, hideAddress: false, mustNotTell: [newId()] },
      }),
    ],
    ['an activity in a wrong shape', { ...makeActivity({ shared: true }), title: '' }],
  ])('a body with %s', async (_label, record) => {
    const crafted = { records: [record] as unknown as ShareableRecord[], tombstones: [] }
    const bytes = await encodeSharePackage({ pairingId: PAIRING, seq: 1, createdAt: CREATED }, crafted, KEY)
    expect(await refusal(decodeSharePackage(bytes, expectation))).toBe('bad-body')
  })

  it('a body that drops and keeps the same record', async () => {
    const content = body()
    const crafted = { records: content.records, tombstones: [content.records[0]?.id ?? ''] }
    const bytes = await encodeSharePackage({ pairingId: PAIRING, seq: 1, createdAt: CREATED }, crafted, KEY)
    expect(await refusal(decodeSharePackage(bytes, expectation))).toBe('bad-body')
  })
})
