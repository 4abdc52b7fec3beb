/**
 * How her review names a proposal and its values (issue #15 item 3): what it is about (the
 * thing's own title, or its kind), each field by name, and each value as words — a date as a
 * date, a goal's status as the status, done as done, empty as empty. Display only: what a
 * proposal would do is `viewProposal` (src/domain/proposals.ts).
 */
import { useI18n } from 'vue-i18n'
import type { MessageKey } from '@/app/i18n/keys'
import { formatCivilDate } from '@/app/i18n/format'
import { isCivilDate } from '@/domain/civilDate'
import type { FieldValue } from '@/domain/proposals'
import type { Proposal, TrinRecord } from '@/schemas'
import { useAreaName } from '@/composables/useAreaName'

const fieldKeys: Readonly<Record<string, MessageKey>> = {
  title: 'proposals.field.title',
  why: 'proposals.field.why',
  status: 'proposals.field.status',
  done: 'proposals.field.done',
  due: 'proposals.field.due',
  doneAt: 'proposals.field.doneAt',
  date: 'proposals.field.date',
  time: 'proposals.field.time',
  place: 'proposals.field.place',
  text: 'proposals.field.text',
  priority: 'proposals.field.priority',
  repeat: 'proposals.field.repeat',
}

const kindKeys = {
  plan: 'proposals.kind.plan',
  focusArea: 'proposals.kind.focusArea',
  goal: 'proposals.kind.goal',
  subGoal: 'proposals.kind.subGoal',
  activity: 'proposals.kind.activity',
  contact: 'proposals.kind.contact',
  rating: 'proposals.kind.rating',
  visit: 'proposals.kind.visit',
  note: 'proposals.kind.note',
  handoverItem: 'proposals.kind.handoverItem',
} as const satisfies Record<Proposal['target']['kind'], MessageKey>

export function useProposalText() {
  const { t, te, locale } = useI18n()
  const areaName = useAreaName()

  /** The field's name in her language. */
  function fieldName(field: string): string {
    const key = fieldKeys[field]
    return key === undefined ? t('proposals.field.other') : t(key)
  }

  /** What kind of thing the proposal is about, in her language. */
  function kindName(proposal: Proposal): string {
    return t(kindKeys[proposal.target.kind])
  }

  /** The thing's own name: the target on her phone, or for a new one what the worker called it. */
  function thingName(proposal: Proposal, target: TrinRecord | undefined): string | null {
    if (target !== undefined) {
      switch (target.kind) {
        case 'goal':
        case 'subGoal':
        case 'activity':
          return target.title
        case 'note':
          return target.text
        case 'contact':
          return target.name
        case 'focusArea':
          return areaName(target)
        default:
          return null
      }
    }
    const title = proposal.changes['title'] ?? proposal.changes['text']
    return typeof title === 'string' ? title : null
  }

  /** A value as words. */
  function valueText(field: string, value: FieldValue | undefined): string {
    if (value === null || value === undefined || value === '') return t('proposals.value.empty')
    if (typeof value === 'boolean') {
      if (field === 'done') return t(value ? 'proposals.value.done' : 'proposals.value.notDone')
      return t(value ? 'proposals.value.yes' : 'proposals.value.no')
    }
    if (typeof value === 'string') {
      if (isCivilDate(value)) return formatCivilDate(value, locale.value)
      const enumKey =
        field === 'status'
          ? `goals.status.${value}`
          : field === 'priority'
            ? `activities.priority.${value}`
            : field === 'repeat'
              ? `activities.repeat.${value}`
              : null
      if (enumKey !== null && te(enumKey)) return t(enumKey)
      return value
    }
    if (typeof value === 'number') return String(value)
    return t('proposals.value.changed')
  }

  return { fieldName, kindName, thingName, valueText }
}
