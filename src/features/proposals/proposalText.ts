/**
 * How her review names a proposal and its values (issue #15 item 3): what it is about (the
 * thing's own title, or its kind), each field by name, and each value as words — a date as a
 * date, a goal's status as the status, done as done, empty as empty. Display only: what a
 * proposal would do is `viewProposal` (src/domain/proposals.ts).
 *
 * Everything that is a message comes back as a message, not as text, so `<Tx>` writes it in each
 * language of interpreter mode (a kind as `messageArg`, a date as `civilDate`, a field's name as
 * its key); only her own words and the worker's stay text.
 */
import type { MessageKey } from '@/app/i18n/keys'
import { civilDate, messageArg, type MessageKeyValue, type MessageValue } from '@/app/i18n/message'
import { isCivilDate } from '@/domain/civilDate'
import type { FieldValue } from '@/domain/proposals'
import type { Proposal, TrinRecord } from '@/schemas'
import { activityPriorities, activityRepeats } from '@/schemas/activity'
import { goalStatuses } from '@/schemas/goal'

/** A piece of the card: a message (written per language by `<Tx>`) or someone's own words. */
export type ProposalText =
  | { readonly k: MessageKey; readonly args?: Readonly<Record<string, MessageValue>> }
  | { readonly text: string }

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

/** Whether `value` is one of `values` (an enum's). */
function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

/** A goal's status, an activity's priority or repeat: the value's own message. */
function enumMessage(field: string, value: string): MessageKey | undefined {
  if (field === 'status' && isOneOf(goalStatuses, value)) return `goals.status.${value}`
  if (field === 'priority' && isOneOf(activityPriorities, value)) return `activities.priority.${value}`
  if (field === 'repeat' && isOneOf(activityRepeats, value)) return `activities.repeat.${value}`
  return undefined
}

/** The field's name. */
export function fieldName(field: string): MessageKey {
  return fieldKeys[field] ?? 'proposals.field.other'
}

/** What kind of thing the proposal is about, as a message for a placeholder. */
export function kindName(proposal: Proposal): MessageKeyValue {
  return messageArg(kindKeys[proposal.target.kind])
}

/**
 * The thing's own name, for a placeholder: the target on her phone, or for a new one what the
 * worker called it; a catalogue focus area by its name in each language.
 */
export function thingName(
  proposal: Proposal,
  target: TrinRecord | undefined,
): string | MessageKeyValue | null {
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
        return target.catalogKey === undefined
          ? (target.title ?? null)
          : messageArg(`focusAreas.catalog.${target.catalogKey}`)
      default:
        return null
    }
  }
  const title = proposal.changes['title'] ?? proposal.changes['text']
  return typeof title === 'string' ? title : null
}

/** A value as words: a message where it is one of the app's, else the value itself. */
export function valueText(field: string, value: FieldValue | undefined): ProposalText {
  if (value === null || value === undefined || value === '') return { k: 'proposals.value.empty' }
  if (typeof value === 'boolean') {
    if (field === 'done') return { k: value ? 'proposals.value.done' : 'proposals.value.notDone' }
    return { k: value ? 'proposals.value.yes' : 'proposals.value.no' }
  }
  if (typeof value === 'string') {
    if (isCivilDate(value)) return { k: 'proposals.value.date', args: { date: civilDate(value) } }
    const key = enumMessage(field, value)
    if (key !== undefined) return { k: key }
    return { text: value }
  }
  if (typeof value === 'number') return { k: 'proposals.value.number', args: { value } }
  return { k: 'proposals.value.changed' }
}
