import type { MessageKey } from '@/app/i18n/keys'
import { civilDate, type MessageValue } from '@/app/i18n/message'
import type { CaseloadReminder, FidelityReminder } from '@/domain/fidelity'

/** How the checklist words one reminder: a short topic, the line, and perhaps a second sentence. */
export interface ReminderWords {
  readonly topic: MessageKey
  readonly text: MessageKey
  readonly args: Readonly<Record<string, MessageValue>>
  readonly plural?: number
  readonly more?: MessageKey
}

/** The words of a reminder (`src/domain/fidelity.ts`); `label` is who she is to the worker. */
export function reminderWords(reminder: FidelityReminder | CaseloadReminder, label: string): ReminderWords {
  switch (reminder.key) {
    case 'rating': {
      const { stage, since, workerMissing } = reminder.facts
      return {
        topic: 'worker.fidelity.topic.rating',
        text: `worker.fidelity.text.rating.${stage}`,
        args: { date: civilDate(since) },
        ...(workerMissing ? { more: 'worker.fidelity.text.ratingWorker' } : {}),
      }
    }
    case 'handover':
      return {
        topic: 'worker.fidelity.topic.handover',
        text: 'worker.fidelity.text.handover',
        args: { date: civilDate(reminder.facts.lastDay) },
        plural: reminder.facts.unowned,
      }
    case 'focusAreas':
      return {
        topic: 'worker.fidelity.topic.focusAreas',
        text: 'worker.fidelity.text.focusAreas',
        args: { label, phase: reminder.facts.phase },
        plural: reminder.facts.count,
      }
    case 'networkMeeting':
      return {
        topic: 'worker.fidelity.topic.networkMeeting',
        text: 'worker.fidelity.text.networkMeeting',
        args: { date: civilDate(reminder.facts.phaseStart) },
      }
    case 'contactFalling': {
      const { phase, perWeek, previousPerWeek, plannedPerWeek } = reminder.facts
      return {
        topic: 'worker.fidelity.topic.contactFalling',
        text: 'worker.fidelity.text.contactFalling',
        args: { phase, before: phase - 1, now: perWeek, then: previousPerWeek, planned: plannedPerWeek },
      }
    }
    case 'caseloadSize':
      return {
        topic: 'worker.fidelity.topic.caseloadSize',
        text: 'worker.fidelity.text.caseloadSize',
        args: { guide: reminder.facts.guide },
        plural: reminder.facts.count,
      }
  }
}
