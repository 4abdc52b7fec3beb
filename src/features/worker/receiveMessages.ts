import type { MessageKey } from '@/app/i18n/keys'
import type { ReceiveOutcome } from '@/stores/workerPairings'

/**
 * What the receive screen says of an outcome: every refusal in words (every `SharePackageError`
 * code, another pairing, an ended one), and that the same or an older package changed nothing.
 */
export function receiveMessage(outcome: ReceiveOutcome): { readonly key: MessageKey; readonly ok: boolean } {
  if (outcome.ok) {
    if (outcome.changed) return { key: 'worker.receive.outcome.changed', ok: true }
    return {
      key: outcome.why === 'older' ? 'worker.receive.outcome.older' : 'worker.receive.outcome.already',
      ok: true,
    }
  }
  const keys = {
    'too-large': 'worker.receive.error.tooLarge',
    'bad-format': 'worker.receive.error.badFormat',
    'unsupported-version': 'worker.receive.error.unsupportedVersion',
    'wrong-pairing': 'worker.receive.error.wrongPairing',
    'pairing-ended': 'worker.receive.error.pairingEnded',
    'decrypt-failed': 'worker.receive.error.decryptFailed',
    'bad-body': 'worker.receive.error.badBody',
    'unknown-pairing': 'worker.receive.error.unknownPairing',
  } as const satisfies Record<typeof outcome.code, MessageKey>
  return { key: keys[outcome.code], ok: false }
}
