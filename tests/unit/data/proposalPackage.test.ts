/**
 * The proposal package (src/data/sharing/proposalPackage.ts): a round trip, and every way a
 * package is refused with a typed error.
 */
import { describe, expect, it } from 'vitest'
import { asHlc } from '@/domain/clock'
import { decided } from '@/domain/proposals'
import { encodeSharePackage, sealPackage } from '@/data/sharing/package'
import {
  decodeProposalPackage,
  encodeProposalPackage,
  readProposalPackageHeader,
} from '@/data/sharing/proposalPackage'
import { makeProposal, newId } from '../../factories/records'

const PAIRING = '0123456789abcdef0123456789abcdef'
const OTHER = 'fedcba9876543210fedcba9876543210'
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const WRONG_KEY = 'ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
const CREATED = asHlc('2026-12-01T09:00:00.000Z-0000-00000000000000b2')
const expectation = { pairingId: PAIRING, shareKey: KEY, ended: false }
const header = { pairingId: PAIRING, seq: 2, createdAt: CREATED }

describe('proposal package', () => {
  it('gives back the header and the proposals', async () => {
    const proposals = [makeProposal(), makeProposal({ comment: undefined })]
    const bytes = await encodeProposalPackage(header, proposals, KEY)
    const decoded = await decodeProposalPackage(bytes, expectation)
    expect(decoded.header).toEqual({ format: 'trin-proposals', version: 1, ...header })
    expect(decoded.proposals).toEqual(proposals.map((p) => JSON.parse(JSON.stringify(p)) as unknown))
    expect(readProposalPackageHeader(bytes).header.seq).toBe(2)
  })

  it('an empty package is fine (the worker has nothing pending)', async () => {
    const bytes = await encodeProposalPackage(header, [], KEY)
    expect((await decodeProposalPackage(bytes, expectation)).proposals).toEqual([])
  })

  it.each([
    ['another pairing', { ...expectation, pairingId: OTHER }, 'wrong-pairing'],
    ['an ended pairing', { ...expectation, ended: true }, 'pairing-ended'],
    ['another key', { ...expectation, shareKey: WRONG_KEY }, 'decrypt-failed'],
  ])('is refused for %s', async (_name, expected, code) => {
    const bytes = await encodeProposalPackage(header, [makeProposal()], KEY)
    await expect(decodeProposalPackage(bytes, expected)).rejects.toMatchObject({ code })
  })

  it('a share package is not a proposal package', async () => {
    const bytes = await encodeSharePackage(header, { records: [], tombstones: [] }, KEY)
    await expect(decodeProposalPackage(bytes, expectation)).rejects.toMatchObject({ code: 'bad-format' })
  })

  it('a later version is named as such', async () => {
    const bytes = await sealPackage(
      { ...header, format: 'trin-proposals', version: 2 },
      { proposals: [] },
      KEY,
    )
    await expect(decodeProposalPackage(bytes, expectation)).rejects.toMatchObject({
      code: 'unsupported-version',
    })
  })

  const proposal = makeProposal()
  it.each([
    ['a decided proposal', [decided(proposal, 'accepted', CREATED)]],
    ['a proposal by the citizen', [{ ...proposal, author: 'citizen' }]],
    ['the same proposal twice', [proposal, proposal]],
    ['a change to a field the target does not have', [{ ...proposal, changes: { colour: 'red' } }]],
    ['a proposal to share', [{ ...proposal, changes: { shared: true }, base: { shared: false } }]],
    ['an edit without the version of a field it changes', [{ ...proposal, base: { title: 'x' } }]],
    ['a proposal claiming its pairing', [{ ...proposal, pairingId: PAIRING }]],
    ['not a list', { id: newId() }],
  ])('refuses a body with %s', async (_name, proposals) => {
    const bytes = await sealPackage({ ...header, format: 'trin-proposals', version: 1 }, { proposals }, KEY)
    await expect(decodeProposalPackage(bytes, expectation)).rejects.toMatchObject({ code: 'bad-body' })
  })
})
