/**
 * The proposal package (issue #15 item 3; DESIGN.md, "Sharing and co-editing"): the worker's
 * proposals travelling to her phone, the same ways as a share package (file, animated QR, later
 * a relay) and sealed the same way (`package.ts`: framed header in the clear as associated
 * data, body compressed, PADMÉ-padded, AES-256-GCM with the pairing's share key).
 *
 * - **Header** `{ format: 'trin-proposals', version: 1, pairingId, seq, createdAt }`.
 * - **Body** `{ proposals }`: every proposal the worker has not yet seen decided, each pending,
 *   by a worker, parsed by the real proposal schema (so each change is checked against the field
 *   schema of its target's kind). Ids are unique.
 * - Decoding refuses with a typed `SharePackageError` exactly as a share package does — size,
 *   framing, header, pairing, an ended pairing, the tag, padding, inflated size, body — and
 *   writes nothing: her phone adds the new proposals with `newProposals` in one transaction.
 */
import type { Bytes } from '../bytes'
import { hasEveryBase, proposalSchema, type Proposal } from '@/schemas'
import { z } from '@/schemas/zod'
import {
  openExpectedBody,
  packageHeaderFields,
  readFramedHeader,
  sealPackage,
  type ShareExpectation,
} from './package'

/** The proposal package format's name and version. */
export const PROPOSAL_FORMAT = 'trin-proposals'
export const PROPOSAL_VERSION = 1
/** Most proposals one package carries (a worker proposes a handful at a visit). */
export const MAX_PACKAGE_PROPOSALS = 500

const headerSchema = z.strictObject(packageHeaderFields(PROPOSAL_FORMAT))

/** The header: in the clear, authenticated. */
export type ProposalPackageHeader = z.infer<typeof headerSchema>

const bodySchema = z
  .strictObject({ proposals: z.array(proposalSchema).check(z.maxLength(MAX_PACKAGE_PROPOSALS)) })
  .check(
    z.superRefine((body, ctx) => {
      const ids = new Set<string>()
      body.proposals.forEach((proposal, index) => {
        if (
          proposal.status !== 'pending' ||
          proposal.deleted ||
          proposal.shared ||
          proposal.pairingId !== undefined
        )
          ctx.addIssue({ code: 'custom', message: 'Not a pending proposal', path: ['proposals', index] })
        if (!hasEveryBase(proposal))
          ctx.addIssue({ code: 'custom', message: 'An edit without its base', path: ['proposals', index] })
        if (proposal.author === 'citizen')
          ctx.addIssue({ code: 'custom', message: 'Not by a worker', path: ['proposals', index] })
        if (ids.has(proposal.id))
          ctx.addIssue({ code: 'custom', message: 'Duplicate id', path: ['proposals', index] })
        ids.add(proposal.id)
      })
    }),
  )

/** A decoded proposal package. */
export interface ProposalPackage {
  readonly header: ProposalPackageHeader
  readonly proposals: readonly Proposal[]
}

/** Builds a proposal package for the pairing (the worker's side). */
export async function encodeProposalPackage(
  header: Omit<ProposalPackageHeader, 'format' | 'version'>,
  proposals: readonly Proposal[],
  shareKeyHex: string,
): Promise<Bytes> {
  const full = headerSchema.parse({ format: PROPOSAL_FORMAT, version: PROPOSAL_VERSION, ...header })
  return sealPackage(full, { proposals }, shareKeyHex)
}

/** The authenticated-but-unverified header, or a `bad-format` / `unsupported-version` error. */
export function readProposalPackageHeader(bytes: Uint8Array): {
  readonly header: ProposalPackageHeader
  readonly end: number
} {
  return readFramedHeader(bytes, headerSchema, PROPOSAL_VERSION)
}

/** Decodes and checks a proposal package completely, or throws a `SharePackageError` (package.ts). */
export async function decodeProposalPackage(
  bytes: Uint8Array,
  expected: ShareExpectation,
): Promise<ProposalPackage> {
  const framed = readProposalPackageHeader(bytes)
  const body = await openExpectedBody(bytes, framed, expected, bodySchema, 'proposal')
  return { header: framed.header, proposals: body.proposals }
}
