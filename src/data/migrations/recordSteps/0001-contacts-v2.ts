import type { RecordStep } from '../types'

/**
 * Record schema 1 → 2 (issue #12 item 8): the support network's `contact` and the handover
 * plan's `handoverItem` change shape; every other kind passes through untouched.
 *
 * contact: `relation` becomes `networkKind` (every version-1 relation is a network kind);
 * `safety.keepHidden` becomes `safety.keepPrivate`, and `doNotContactEx` (her words about what
 * must not be passed on) is kept as `mustNotTellNote`. Version 1 did not record closeness, so a
 * contact starts at "some contact" with an empty history: no date is invented for it.
 *
 * handoverItem: `what` becomes a support need in her words, `to` an owner (a contact stays that
 * contact; a free name becomes a named service, the only owner besides a contact that carries a
 * name). Statuses map in order — planned → not discussed, started → agreed, done → in place —
 * so the upgrade never claims an agreement that version 1 did not record.
 *
 * Plain JSON in and out; anything that is not a version-1 record of these kinds is returned as
 * it came, for the current schema to judge.
 */
export const recordStep0001ContactsV2: RecordStep = {
  from: 1,
  upgrade(payload) {
    if (!isObject(payload)) return payload
    if (payload['kind'] === 'contact') return upgradeContact(payload)
    if (payload['kind'] === 'handoverItem') return upgradeHandoverItem(payload)
    return payload
  },
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function upgradeContact(contact: Json): Json {
  const { relation, safety, ...rest } = contact
  const oldSafety = isObject(safety) ? safety : {}
  const { keepHidden, doNotContactEx, ...otherSafety } = oldSafety
  return {
    ...rest,
    networkKind: relation,
    closeness: 'some',
    closenessHistory: [],
    focusAreaIds: [],
    goalIds: [],
    crisisContact: false,
    safety: {
      ...otherSafety,
      keepPrivate: keepHidden ?? false,
      hideAddress: false,
      mustNotTell: [],
      ...(doNotContactEx === undefined ? {} : { mustNotTellNote: doNotContactEx }),
    },
  }
}

const STATUS_V1_TO_V2: Readonly<Record<string, string>> = {
  planned: 'notDiscussed',
  started: 'agreed',
  done: 'inPlace',
}

function upgradeHandoverItem(item: Json): Json {
  const { what, to, status, ...rest } = item
  let owner: unknown = to
  if (isObject(to) && typeof to['contactId'] === 'string')
    owner = { kind: 'contact', contactId: to['contactId'] }
  else if (isObject(to) && typeof to['name'] === 'string') owner = { kind: 'service', name: to['name'] }
  return {
    ...rest,
    about: { kind: 'need', text: what },
    owner,
    status: typeof status === 'string' ? (STATUS_V1_TO_V2[status] ?? status) : status,
  }
}
