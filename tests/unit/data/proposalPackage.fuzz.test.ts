/**
 * Fuzzing the proposal package's import on her phone (issue #15, acceptance): over 10,000
 * mutated or random packages, and 2,000 packages sealed with the right key around hostile
 * bodies, every one that is not a valid package is refused with a SharePackageError (never
 * another exception), and what her phone would add stays nothing.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import { newProposals } from '@/domain/proposals'
import { SharePackageError, sealPackage } from '@/data/sharing/package'
import { decodeProposalPackage, encodeProposalPackage } from '@/data/sharing/proposalPackage'
import type { TrinRecord } from '@/schemas'
import { makeGoal, makeProposal, makeSubGoal } from '../../factories/records'
import { byteMutation, mutate } from './byteMutations'

const PAIRING = '0123456789abcdef0123456789abcdef'
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const CREATED = asHlc('2026-12-01T09:00:00.000Z-0000-00000000000000b2')
const expectation = { pairingId: PAIRING, shareKey: KEY, ended: false }
const goal = makeGoal({ shared: true })
const herRecords: TrinRecord[] = [goal, makeSubGoal({ goalId: goal.id, shared: true })]

let valid: Uint8Array = new Uint8Array()

beforeAll(async () => {
  valid = await encodeProposalPackage(
    { pairingId: PAIRING, seq: 3, createdAt: CREATED },
    [makeProposal({ target: { kind: 'goal', id: goal.id } }), makeProposal()],
    KEY,
  )
})

/** What importing `bytes` would add to her phone, or the error that refused it. */
async function importOf(bytes: Uint8Array): Promise<{ added: number; error: unknown }> {
  try {
    const decoded = await decodeProposalPackage(bytes, expectation)
    return { added: newProposals(herRecords, decoded.proposals, PAIRING).length, error: null }
  } catch (error) {
    return { added: 0, error }
  }
}

describe('proposal package fuzzing', () => {
  it('refuses every mutated or random package with a typed error and adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(byteMutation, async (change) => {
        const { added, error } = await importOf(mutate(valid, change))
        expect(error).toBeInstanceOf(SharePackageError)
        expect(added).toBe(0)
      }),
      { numRuns: 10_000 },
    )
  }, 180_000)

  it('refuses a hostile body under the right key: typed error, or only valid pending proposals', async () => {
    const proposal = makeProposal()
    const hostileProposal = fc.oneof(
      fc.anything(),
      fc
        .record({ field: fc.constantFrom(...Object.keys(proposal)), value: fc.jsonValue() })
        .map(({ field, value }) => ({ ...proposal, [field]: value })),
      fc.record({ field: fc.string(), value: fc.jsonValue() }).map(({ field, value }) => ({
        ...proposal,
        changes: { [field]: value },
      })),
    )
    const body = fc.oneof(
      fc.anything(),
      fc.array(hostileProposal, { maxLength: 4 }).map((proposals) => ({ proposals })),
    )
    await fc.assert(
      fc.asyncProperty(body, async (hostile) => {
        const bytes = await sealPackage(
          { format: 'trin-proposals', version: 1, pairingId: PAIRING, seq: 1, createdAt: CREATED },
          hostile,
          KEY,
        )
        const { added, error } = await importOf(bytes)
        if (error !== null) {
          expect(error).toBeInstanceOf(SharePackageError)
          expect(added).toBe(0)
        }
      }),
      { numRuns: 2_000 },
    )
  }, 180_000)
})
