/**
 * Who takes over a line of the handover, as the value of the "who takes over" message: her own
 * name for a contact, else a message (no one yet, herself, someone else). A message goes in as a
 * message, not as text, so each language's line of interpreter mode says it in its own words.
 * Shared by `HandoverLines` (her ending screen, the summary, the worker's screen) and the
 * worker's handover text file, so all name the owner the same way.
 */
import type { SummaryHandoverLine } from '@/domain/handoverSummary'
import { messageArg, type MessageValue } from '@/app/i18n/message'

export function handoverOwner(owner: SummaryHandoverLine['owner']): MessageValue {
  if (owner === null) return messageArg('ending.handover.noOwner')
  if (owner.kind === 'self') return messageArg('ending.handover.self')
  if (owner.kind === 'someone') return messageArg('ending.handover.someone')
  return owner.name
}
