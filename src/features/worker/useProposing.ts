/**
 * What both proposal forms (a change, a new activity or a note, and the worker's own rating) do
 * around the store's save: busy while it runs, a refusal in words (she ended the pairing, it
 * changes nothing, too many wait), "it failed" when it threw, and on success the worker's list
 * of proposals. A problem is about what was there: it goes once she edits the draft.
 */
import { watch, type WatchSource } from 'vue'
import { useRouter } from 'vue-router'
import type { MessageKey } from '@/app/i18n/keys'
import { useSaving } from '@/composables/useSaving'
import type { ProposeOutcome } from '@/stores/workerProposals'

const refusals: Record<Exclude<ProposeOutcome, { ok: true }>['code'], MessageKey> = {
  'unknown-pairing': 'worker.citizen.notFound',
  'pairing-ended': 'worker.propose.ended',
  unchanged: 'worker.propose.unchanged',
  'too-many': 'worker.propose.tooMany',
}

export function useProposing(pairingId: () => string, draft: WatchSource<unknown>) {
  const router = useRouter()
  const { busy, problem, saving, actions } = useSaving<MessageKey>(() => 'worker.propose.failed')
  watch(draft, () => (problem.value = null), { deep: true })

  /** Saves with `propose`; resolves once the list of proposals shows, or the problem is set. */
  async function send(propose: () => Promise<ProposeOutcome>): Promise<void> {
    await saving(async () => {
      const outcome = await propose()
      if (!outcome.ok) {
        problem.value = refusals[outcome.code]
        return
      }
      await router.push({ name: 'workerProposals', params: { id: pairingId() } })
    })
  }

  return { busy, problem, actions, send }
}
