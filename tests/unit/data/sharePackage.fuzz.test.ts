/**
 * Fuzzing the share package's decoding and import (issue #14, acceptance): over 10,000 random and
 * mutated packages, every one that is not the untouched original is refused with a
 * SharePackageError (never another exception, never a resolved promise), and the worker's copy
 * stays exactly what it was.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import { emptyWorkerCopy, importSharePackage, type WorkerCopy } from '@/domain/shareImport'
import { shareProjection } from '@/domain/sharing'
import { decodeSharePackage, encodeSharePackage, SharePackageError } from '@/data/sharing/package'
import { makeContact, makeFocusArea, makeGoal, makePlan, makeSubGoal } from '../../factories/records'
import { byteMutation, mutate } from './byteMutations'

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const expectation = { pairingId: PAIRING, shareKey: KEY, ended: false }

let valid: Uint8Array[] = []
let copy: WorkerCopy = emptyWorkerCopy(PAIRING)

beforeAll(async () => {
  const area = makeFocusArea({ shared: true })
  const goal = makeGoal({ shared: true, focusAreaId: area.id })
  const records = shareProjection([
    makePlan({ shared: true }),
    area,
    goal,
    makeSubGoal({ shared: true, goalId: goal.id }),
    makeContact({ shared: true }),
  ])
  valid = await Promise.all(
    [1, 2, 5].map((seq) =>
      encodeSharePackage(
        { pairingId: PAIRING, seq, createdAt: asHlc('2026-12-01T09:00:00.000Z-0000-00000000000000b2') },
        { records: seq === 1 ? records : records.slice(1), tombstones: [] },
        KEY,
      ),
    ),
  )
  // The worker already holds package 2: what must not change.
  const second = await decodeSharePackage(valid[1] ?? new Uint8Array(), expectation)
  copy = importSharePackage(emptyWorkerCopy(PAIRING), second).copy
})

describe('share package fuzzing', () => {
  it('refuses every mutated or random package with a typed error and changes nothing', async () => {
    const before = JSON.stringify(copy)
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), byteMutation, async (which, change) => {
        const bytes = mutate(valid[which] ?? new Uint8Array(), change)
        let result = copy
        let error: unknown = null
        try {
          result = importSharePackage(copy, await decodeSharePackage(bytes, expectation)).copy
        } catch (caught) {
          error = caught
        }
        expect(error).toBeInstanceOf(SharePackageError)
        expect(result).toBe(copy)
      }),
      { numRuns: 10_000 },
    )
    expect(JSON.stringify(copy)).toBe(before)
  }, 120_000)
})
