/**
 * Whether a set of records can be one citizen's plan: the checks an import makes across records,
 * after each record has passed its own schema. A file that passes every record schema can still
 * be nonsense — two plans, a goal in a focus area that does not exist, a stamp in the year 9999
 * after which every save on this device would fail (the clock cannot go past it) — and writing
 * such a set would leave the app broken in ways no screen can repair.
 *
 * A reference may point at a tombstone (deleted records are kept so merges do not resurrect
 * them; a note on a deleted goal is still consistent). It may not point at nothing, or at a
 * record of another kind.
 */
import { DEFAULT_MAX_DRIFT_MS, parseHlc } from './clock'
import type { RecordKind, TrinRecord } from '@/schemas'

/** How far ahead of this device's clock a stamp may be: the clock's own drift tolerance, one day. */
export const MAX_STAMP_AHEAD_MS = DEFAULT_MAX_DRIFT_MS

/** What is wrong with a record set; `code` is what the screen translates. */
export type RecordSetProblem =
  /** Not exactly one live plan (none, or several). */
  | { readonly code: 'plan-count'; readonly count: number }
  /** The same id appears twice. */
  | { readonly code: 'duplicate-id'; readonly recordId: string }
  /** A reference resolves to no record, or to a record of another kind. */
  | {
      readonly code: 'dangling-reference'
      readonly recordId: string
      readonly field: string
      readonly targetId: string
    }
  /** A clock stamp lies further in the future than {@link MAX_STAMP_AHEAD_MS}. */
  | { readonly code: 'clock-ahead'; readonly recordId: string; readonly field: string }

interface Reference {
  readonly field: string
  readonly kind: RecordKind
  readonly id: string
}

/** Every id a record refers to, with the kind the target must have. */
function referencesOf(record: TrinRecord): Reference[] {
  switch (record.kind) {
    case 'goal':
      return [{ field: 'focusAreaId', kind: 'focusArea', id: record.focusAreaId }]
    case 'subGoal':
      return [{ field: 'goalId', kind: 'goal', id: record.goalId }]
    case 'activity': {
      const references: Reference[] = []
      if (record.goalId !== undefined) references.push({ field: 'goalId', kind: 'goal', id: record.goalId })
      if (record.helper !== undefined && 'contactId' in record.helper)
        references.push({ field: 'helper.contactId', kind: 'contact', id: record.helper.contactId })
      return references
    }
    case 'handoverItem': {
      const references: Reference[] = []
      if (record.about.kind !== 'need')
        references.push({ field: 'about.id', kind: record.about.kind, id: record.about.id })
      if (record.owner?.kind === 'contact')
        references.push({ field: 'owner.contactId', kind: 'contact', id: record.owner.contactId })
      return references
    }
    case 'note':
      return [{ field: 'target', kind: record.target.kind, id: record.target.id }]
    case 'proposal':
      // A proposal with no base proposes a new record under `target.id`, which need not exist.
      return record.baseUpdatedAt === null
        ? []
        : [{ field: 'target', kind: record.target.kind, id: record.target.id }]
    default:
      return []
  }
}

/** Every clock stamp a record carries, by field. */
function stampsOf(record: TrinRecord): { field: string; stamp: string }[] {
  const stamps = [
    { field: 'createdAt', stamp: record.createdAt },
    { field: 'updatedAt', stamp: record.updatedAt },
  ]
  if (record.kind === 'proposal') {
    if (record.baseUpdatedAt !== null) stamps.push({ field: 'baseUpdatedAt', stamp: record.baseUpdatedAt })
    if (record.decidedAt !== undefined) stamps.push({ field: 'decidedAt', stamp: record.decidedAt })
  }
  if (record.kind === 'plan' && record.pairing !== null)
    stamps.push({ field: 'pairing.pairedAt', stamp: record.pairing.pairedAt })
  return stamps
}

/**
 * The first problem that keeps `records` from being one consistent plan, or null. `nowMs` is this
 * device's clock (epoch ms), passed in so the rule stays pure.
 */
export function checkRecordSet(records: readonly TrinRecord[], nowMs: number): RecordSetProblem | null {
  const byId = new Map<string, TrinRecord>()
  for (const record of records) {
    if (byId.has(record.id)) return { code: 'duplicate-id', recordId: record.id }
    byId.set(record.id, record)
  }
  const plans = records.filter((record) => record.kind === 'plan' && !record.deleted).length
  if (plans !== 1) return { code: 'plan-count', count: plans }
  for (const record of records) {
    for (const { field, stamp } of stampsOf(record)) {
      if (parseHlc(stamp).wallMs > nowMs + MAX_STAMP_AHEAD_MS)
        return { code: 'clock-ahead', recordId: record.id, field }
    }
    for (const reference of referencesOf(record)) {
      if (byId.get(reference.id)?.kind !== reference.kind)
        return {
          code: 'dangling-reference',
          recordId: record.id,
          field: reference.field,
          targetId: reference.id,
        }
    }
  }
  return null
}
