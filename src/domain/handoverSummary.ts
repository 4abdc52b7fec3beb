/**
 * The handover summary for a new support person (issue #12 item 7): a page to print and a file to
 * share, holding only what the citizen ticks — her goals and steps, the handover plan, network
 * contacts, notes she chooses, her CTI worker.
 *
 * Safety, decided here once for the printed page and the file alike (`src/domain/network.ts`):
 * - Contacts come only from `outwardContacts`: never a private contact, never one who is or looks
 *   like a person she must be kept safe from, never a hidden address or a "must not tell".
 * - A handover line taken over by a contact that may not leave the phone says "someone from my
 *   network", never the name. A note about such a contact is not offered and never included.
 * - Every text she wrote (titles, notes, needs) has the names of private contacts and of the
 *   people she is kept safe from blanked out as whole words (`redactNames`): she may have typed
 *   them anywhere.
 */
import type {
  Contact,
  ContactKind,
  FocusArea,
  FocusAreaCatalogKey,
  Goal,
  GoalStatus,
  HandoverItem,
  Note,
  Plan,
  SubGoal,
} from '@/schemas'
import type { CivilDate } from './civilDate'
import { outwardContacts } from './network'
import { goalProgress, goalStatusShown, sortByOrder } from './goals'
import { linesInPlanOrder, type HandoverStatus } from './handover'

/** What she ticked. Ids that are not offered (a private contact's, say) are ignored. */
export interface SummaryChoice {
  /** Goals to include, each with its steps. */
  readonly goalIds: readonly string[]
  readonly handoverPlan: boolean
  readonly contactIds: readonly string[]
  readonly noteIds: readonly string[]
  readonly worker: boolean
}

/** The records the summary is made from (tombstones may be included; they are left out). */
export interface SummaryRecords {
  /** What the summary needs of the plan (a worker's copy may hold no plan record: `{}`). */
  readonly plan: Pick<Plan, 'safetyNotes' | 'worker'>
  readonly focusAreas: readonly FocusArea[]
  readonly goals: readonly Goal[]
  readonly subGoals: readonly SubGoal[]
  readonly contacts: readonly Contact[]
  readonly handoverItems: readonly HandoverItem[]
  readonly notes: readonly Note[]
}

/** A focus area's name: a catalogue key the screen translates, or her own words. */
export type SummaryArea = { readonly catalogKey: FocusAreaCatalogKey } | { readonly title: string }

export interface SummaryStep {
  readonly title: string
  readonly done: boolean
  readonly due: CivilDate | null
}

export interface SummaryGoal {
  readonly area: SummaryArea | null
  readonly title: string
  readonly why: string | null
  readonly status: GoalStatus
  readonly steps: readonly SummaryStep[]
}

/** Who takes over, as the summary may say it: 'someone' when the contact may not be named. */
export type SummaryOwner =
  | { readonly kind: 'contact'; readonly name: string }
  | { readonly kind: 'someone' }
  | { readonly kind: 'self' }
  | { readonly kind: 'service'; readonly name: string }

export interface SummaryHandoverLine {
  /** The goal's or step's title, or the need in her words; 'removed' when the goal or step is gone. */
  readonly about:
    { readonly kind: 'goal' | 'subGoal' | 'need'; readonly text: string } | { readonly kind: 'removed' }
  /** Null: no one yet. */
  readonly owner: SummaryOwner | null
  readonly from: CivilDate | null
  readonly status: HandoverStatus
}

export interface SummaryContact {
  readonly name: string
  readonly kind: ContactKind
  readonly organisation: string | null
  readonly role: string | null
  readonly phone: string | null
  readonly email: string | null
  readonly address: string | null
  readonly helpsWith: string | null
}

export interface SummaryNote {
  readonly text: string
}

/** The summary's content: only what she ticked, nothing that must stay on the phone. */
export interface HandoverSummary {
  readonly worker: { readonly name: string; readonly phone: string | null } | null
  readonly goals: readonly SummaryGoal[]
  /** Null when she did not tick the handover plan; empty when it has no lines yet. */
  readonly handover: readonly SummaryHandoverLine[] | null
  readonly contacts: readonly SummaryContact[]
  readonly notes: readonly SummaryNote[]
}

/** What the choosing screen offers: what may be in the summary at all. */
export interface SummaryOffer {
  readonly goals: readonly Goal[]
  readonly contacts: readonly Contact[]
  readonly notes: readonly Note[]
  readonly handoverLines: number
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** What stands in for a blanked-out name. */
export const REDACTED = '…'

/**
 * `text` with every whole-word occurrence of `names` (any case, any spacing) replaced by
 * `REDACTED`. A name inside a longer word ("Mor" in "Mormor") is left: it is another word.
 */
export function redactNames(text: string, names: readonly string[]): string {
  let result = text.normalize('NFKC')
  const words = names
    .map((name) => name.normalize('NFKC').trim())
    .filter((name) => name !== '')
    // Longest first, so "Jens Hansen" goes whole before "Jens" is looked for.
    .sort((a, b) => b.length - a.length)
  for (const name of words) {
    const pattern = name.split(/\s+/).map(escapeRegExp).join('\\s+')
    result = result.replace(
      new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${pattern}(?![\\p{L}\\p{N}\\p{M}])`, 'giu'),
      REDACTED,
    )
  }
  return result
}

/** The names that must never reach the summary: private contacts and the people she is kept safe from. */
export function namesKeptBack(records: Pick<SummaryRecords, 'plan' | 'contacts'>): string[] {
  const keptSafeFrom = records.plan.safetyNotes?.keptSafeFrom ?? []
  const outward = new Set(outwardContacts(records.contacts, keptSafeFrom).map((contact) => contact.id))
  return [
    ...keptSafeFrom.map((person) => person.name),
    ...records.contacts.filter((contact) => !outward.has(contact.id)).map((contact) => contact.name),
  ]
}

/** The contacts that may be named outside the phone, by id. */
function outwardById(records: Pick<SummaryRecords, 'plan' | 'contacts'>): Map<string, Contact> {
  const keptSafeFrom = records.plan.safetyNotes?.keptSafeFrom ?? []
  return new Map(outwardContacts(records.contacts, keptSafeFrom).map((contact) => [contact.id, contact]))
}

/** Whether a note may be offered: live, about something live that may leave the phone. */
function noteMayLeave(note: Note, records: SummaryRecords, outward: Map<string, Contact>): boolean {
  if (note.deleted) return false
  const { kind, id } = note.target
  if (kind === 'contact') return outward.has(id)
  const lists = {
    goal: records.goals,
    subGoal: records.subGoals,
    activity: null,
    focusArea: records.focusAreas,
  } as const
  const list = lists[kind]
  // Activities are not in the records given: a note on one is about her day, offered as it is.
  if (list === null) return true
  return list.some((record) => record.id === id && !record.deleted)
}

/** What the choosing screen may offer: live goals in plan order, outward contacts by name, notes that may leave. */
export function summaryOffer(records: SummaryRecords, locale?: string): SummaryOffer {
  const outward = outwardById(records)
  const areaOrder = new Map(
    sortByOrder(records.focusAreas.filter((area) => !area.deleted)).map((area, index) => [area.id, index]),
  )
  const goals = sortByOrder(records.goals.filter((goal) => !goal.deleted)).sort(
    (a, b) => (areaOrder.get(a.focusAreaId) ?? Infinity) - (areaOrder.get(b.focusAreaId) ?? Infinity),
  )
  return {
    goals,
    contacts: [...outward.values()].sort((a, b) => a.name.localeCompare(b.name, locale)),
    notes: records.notes.filter((note) => noteMayLeave(note, records, outward)),
    handoverLines: records.handoverItems.filter((item) => !item.deleted).length,
  }
}

function areaOf(goal: Goal, areas: readonly FocusArea[]): SummaryArea | null {
  const area = areas.find((candidate) => candidate.id === goal.focusAreaId && !candidate.deleted)
  if (area === undefined) return null
  if (area.catalogKey !== undefined) return { catalogKey: area.catalogKey }
  return area.title === undefined ? null : { title: area.title }
}

function ownerOf(item: HandoverItem, outward: Map<string, Contact>): SummaryOwner | null {
  const owner = item.owner
  if (owner === null) return null
  if (owner.kind === 'contact') {
    const contact = outward.get(owner.contactId)
    return contact === undefined ? { kind: 'someone' } : { kind: 'contact', name: contact.name }
  }
  return owner
}

function aboutOf(item: HandoverItem, records: SummaryRecords): SummaryHandoverLine['about'] {
  const about = item.about
  if (about.kind === 'need') return { kind: 'need', text: about.text }
  const list: readonly (Goal | SubGoal)[] = about.kind === 'goal' ? records.goals : records.subGoals
  const found = list.find((record) => record.id === about.id && !record.deleted)
  return found === undefined ? { kind: 'removed' } : { kind: about.kind, text: found.title }
}

/**
 * The summary's content from the records and her choice. Whatever the choice says, nothing that
 * must stay on the phone gets in (see the module comment); texts have kept-back names blanked.
 */
export function handoverSummary(
  records: SummaryRecords,
  choice: SummaryChoice,
  locale?: string,
): HandoverSummary {
  const offer = summaryOffer(records, locale)
  const outward = outwardById(records)
  const keptBack = namesKeptBack(records)
  const clean = (text: string) => redactNames(text, keptBack)
  const cleanOrNull = (text: string | undefined) => (text === undefined ? null : clean(text))
  const chosen = (ids: readonly string[]) => new Set(ids)

  const goalIds = chosen(choice.goalIds)
  const liveSteps = records.subGoals.filter((step) => !step.deleted)
  const goals = offer.goals
    .filter((goal) => goalIds.has(goal.id))
    .map((goal): SummaryGoal => {
      const area = areaOf(goal, records.focusAreas)
      return {
        area: area !== null && 'title' in area ? { title: clean(area.title) } : area,
        title: clean(goal.title),
        why: cleanOrNull(goal.why),
        status: goalStatusShown(goal.status, goalProgress(goal, liveSteps)),
        steps: sortByOrder(liveSteps.filter((step) => step.goalId === goal.id)).map((step) => ({
          title: clean(step.title),
          done: step.done,
          due: step.due ?? null,
        })),
      }
    })

  const handover = choice.handoverPlan
    ? linesInPlanOrder(
        records.handoverItems.filter((item) => !item.deleted),
        records,
      ).map((item): SummaryHandoverLine => {
        const about = aboutOf(item, records)
        const owner = ownerOf(item, outward)
        return {
          about: about.kind === 'removed' ? about : { kind: about.kind, text: clean(about.text) },
          owner:
            owner !== null && owner.kind === 'service' ? { kind: 'service', name: clean(owner.name) } : owner,
          from: item.from ?? null,
          status: item.status,
        }
      })
    : null

  const contactIds = chosen(choice.contactIds)
  const contacts = offer.contacts
    .filter((contact) => contactIds.has(contact.id))
    .map((contact): SummaryContact => ({
      name: clean(contact.name),
      kind: contact.networkKind,
      organisation: cleanOrNull(contact.organisation),
      role: cleanOrNull(contact.role),
      phone: contact.phone ?? null,
      email: contact.email ?? null,
      // outwardContacts has already dropped a hidden address.
      address: cleanOrNull(contact.address),
      helpsWith: cleanOrNull(contact.helpsWith),
    }))

  const noteIds = chosen(choice.noteIds)
  const notes = offer.notes.filter((note) => noteIds.has(note.id)).map((note) => ({ text: clean(note.text) }))

  const worker = choice.worker && records.plan.worker !== undefined ? records.plan.worker : null
  return {
    worker: worker === null ? null : { name: clean(worker.name), phone: worker.phone ?? null },
    goals,
    handover,
    contacts,
    notes,
  }
}

/** Whether the summary holds anything at all (an empty page is not worth printing). */
export function summaryIsEmpty(summary: HandoverSummary): boolean {
  return (
    summary.worker === null &&
    summary.goals.length === 0 &&
    summary.handover === null &&
    summary.contacts.length === 0 &&
    summary.notes.length === 0
  )
}
