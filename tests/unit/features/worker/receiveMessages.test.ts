/**
 * What the receive screen says (src/features/worker/receiveMessages.ts): every outcome — each
 * SharePackageError code, an unknown pairing, the same or an older package, a taken one — has
 * its own Danish message, and only a taken or unchanged package reads as a success.
 */
import { describe, expect, it } from 'vitest'
import type { SharePackageErrorCode } from '@/data/sharing/package'
import { receiveMessage } from '@/features/worker/receiveMessages'
import type { ReceiveOutcome } from '@/stores/workerPairings'
import da from '../../../../locales/da.json'
import { makeWorkerPairing } from '../../../factories/records'

const codes = [
  'too-large',
  'bad-format',
  'unsupported-version',
  'wrong-pairing',
  'pairing-ended',
  'decrypt-failed',
  'bad-body',
  'unknown-pairing',
] as const satisfies readonly (SharePackageErrorCode | 'unknown-pairing')[]

function danish(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], da)
}

describe('receiveMessage', () => {
  const outcomes: [string, ReceiveOutcome, boolean][] = [
    ['taken', { ok: true, changed: true, pairing: makeWorkerPairing() }, true],
    ['the same again', { ok: true, changed: false, why: 'already-applied' }, true],
    ['an older one', { ok: true, changed: false, why: 'older' }, true],
    ...codes.map((code): [string, ReceiveOutcome, boolean] => [code, { ok: false, code }, false]),
  ]

  it.each(outcomes)('%s has its own message', (_label, outcome, ok) => {
    const said = receiveMessage(outcome)
    expect(said.ok).toBe(ok)
    expect(typeof danish(said.key)).toBe('string')
  })

  it('says each outcome differently', () => {
    const keys = outcomes.map(([, outcome]) => receiveMessage(outcome).key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('says that nothing changed whenever nothing did', () => {
    for (const [, outcome] of outcomes.slice(1))
      expect(danish(receiveMessage(outcome).key)).toMatch(/Intet er ændret/)
    expect(danish(receiveMessage(outcomes[0]?.[1] ?? { ok: false, code: 'bad-body' }).key)).not.toMatch(
      /Intet er ændret/,
    )
  })
})
