/**
 * Test-data factories: one valid record of each kind, with a fresh UUID and a fixed HLC stamp
 * so tests are deterministic. Overrides are applied last and are not validated, so a test can
 * start from a valid record and break exactly one thing.
 */
import { asHlc, type Hlc } from '@/domain/clock'
import { parseCivilDate, type CivilDate } from '@/domain/civilDate'
import type {
  Activity,
  Contact,
  FocusArea,
  Goal,
  HandoverItem,
  InstrumentPackRecord,
  Note,
  Plan,
  Proposal,
  Rating,
  RecordKind,
  RecordOf,
  SharePairing,
  SubGoal,
  Visit,
  VisitSession,
  WorkerPairing,
  WorkerVisit,
} from '@/schemas'
import { who5Like } from './instrumentPacks'

/** Device id used for every factory stamp and worker author. */
export const FACTORY_DEVICE_ID = '00000000000000a1'

/** The stamp every factory record is created and updated at. */
export const FACTORY_HLC: Hlc = asHlc(`2026-11-23T10:00:00.000Z-0000-${FACTORY_DEVICE_ID}`)

/** A worker author id matching {@link FACTORY_DEVICE_ID}. */
export const FACTORY_WORKER = `worker:${FACTORY_DEVICE_ID}` as const

/** Shorthand for a valid calendar date in test data. */
export function day(value: string): CivilDate {
  return parseCivilDate(value)
}

/** A fresh record id. */
export function newId(): string {
  return crypto.randomUUID()
}

function base() {
  return {
    id: newId(),
    createdAt: FACTORY_HLC,
    updatedAt: FACTORY_HLC,
    author: 'citizen' as const,
    deleted: false,
    shared: false,
  }
}

/** A plan for a citizen leaving a shelter, three months into the course. */
export function makePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    ...base(),
    kind: 'plan',
    targetGroup: 'shelter',
    contactStart: day('2026-08-01'),
    transitionDate: day('2026-08-24'),
    pauses: [],
    restarts: [],
    instruments: ['changeCompass', 'who5'],
    worker: { name: 'Mette Hansen', phone: '+45 12 34 56 78' },
    pairing: null,
    ...overrides,
  }
}

/** A focus area from the catalogue, worked on in all phases. */
export function makeFocusArea(overrides: Partial<FocusArea> = {}): FocusArea {
  return {
    ...base(),
    kind: 'focusArea',
    catalogKey: 'housing',
    icon: 'home',
    phases: [1, 2, 3],
    order: 0,
    ...overrides,
  }
}

/** A goal, under a fresh focus-area id unless given one. */
export function makeGoal(overrides: Partial<Goal> = {}): Goal {
  return {
    ...base(),
    kind: 'goal',
    focusAreaId: newId(),
    title: 'A home of my own where my children can visit',
    why: 'I want a calm place to be.',
    status: 'onTheWay',
    order: 0,
    ...overrides,
  }
}

/** An open sub-goal with a due date. */
export function makeSubGoal(overrides: Partial<SubGoal> = {}): SubGoal {
  return {
    ...base(),
    kind: 'subGoal',
    goalId: newId(),
    title: 'Apply for housing benefit',
    due: day('2026-12-15'),
    done: false,
    order: 0,
    ...overrides,
  }
}

/** A weekly activity with a helper from the network. */
export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    ...base(),
    kind: 'activity',
    title: 'Call my own doctor',
    goalId: newId(),
    date: day('2026-11-30'),
    time: '09:30',
    repeat: 'none',
    place: 'Home',
    helper: { contactId: newId() },
    priority: 'now',
    done: false,
    ...overrides,
  }
}

/** A professional contact who takes over in phase 3. */
export function makeContact(overrides: Partial<Contact> = {}): Contact {
  return {
    ...base(),
    kind: 'contact',
    name: 'Lene at the job centre',
    networkKind: 'professional',
    role: 'Case manager',
    organisation: 'Job centre',
    phone: '70 12 34 56',
    helpsWith: 'Job plan and benefits',
    focusAreaIds: [],
    goalIds: [],
    closeness: 'some',
    closenessHistory: [{ on: day('2026-11-20'), closeness: 'some' }],
    crisisContact: false,
    takesOverFrom: day('2027-03-01'),
    safety: { keepPrivate: false, hideAddress: false, mustNotTell: [] },
    ...overrides,
  }
}

/** The citizen's life-area rating of the contact period (the shelter's change compass). */
export function makeRating(overrides: Partial<Rating> = {}): Rating {
  return {
    ...base(),
    kind: 'rating',
    respondent: 'citizen',
    stage: 'contact',
    date: day('2026-11-20'),
    content: {
      type: 'lifeAreas',
      values: {
        safety: { answer: 4, oneStepBetter: 'A lock on the door.' },
        housing: { answer: 7 },
        children: { answer: 'notApplicable' },
        economy: { answer: 'skipped' },
      },
    },
    ...overrides,
  }
}

/** A home visit logged by the worker. */
export function makeVisit(overrides: Partial<Visit> = {}): Visit {
  return {
    ...base(),
    kind: 'visit',
    author: FACTORY_WORKER,
    date: day('2026-11-23'),
    minutes: 90,
    stage: 'phase1',
    mode: 'home',
    note: 'Made the activity plan together.',
    ...overrides,
  }
}

/** A note on a goal. */
export function makeNote(overrides: Partial<Note> = {}): Note {
  return {
    ...base(),
    kind: 'note',
    target: { kind: 'goal', id: newId() },
    text: 'Talked with my sister about this.\nShe will help.',
    ...overrides,
  }
}

/** A support need agreed to be taken over by a named service. */
export function makeHandoverItem(overrides: Partial<HandoverItem> = {}): HandoverItem {
  return {
    ...base(),
    kind: 'handoverItem',
    about: { kind: 'need', text: 'Go with me to the doctor' },
    owner: { kind: 'service', name: '§85 bostøtte' },
    from: day('2027-04-01'),
    status: 'agreed',
    ...overrides,
  }
}

/** A pending proposal from the worker to rename a goal and mark it reached. */
export function makeProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    ...base(),
    kind: 'proposal',
    author: FACTORY_WORKER,
    target: { kind: 'goal', id: newId() },
    baseUpdatedAt: FACTORY_HLC,
    base: { title: 'Somewhere to live', status: 'onTheWay' },
    changes: { title: 'A home of my own', status: 'reached' },
    comment: 'You signed the lease today!',
    status: 'pending',
    ...overrides,
  }
}

/** A loaded instrument pack: the WHO-5-shaped placeholder pack as its JSON. */
export function makeInstrumentPackRecord(
  overrides: Partial<InstrumentPackRecord> = {},
): InstrumentPackRecord {
  return { ...base(), kind: 'instrumentPack', pack: JSON.stringify(who5Like()), ...overrides }
}

/** A pairing with a worker's device made at the factory stamp, nothing sent yet. */
export function makeSharePairing(overrides: Partial<SharePairing> = {}): SharePairing {
  return {
    ...base(),
    kind: 'pairing',
    pairingId: '0123456789abcdef0123456789abcdef',
    shareKey: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
    pairedOn: '2026-03-02' as CivilDate,
    worker: null,
    lastSeq: 0,
    sentIds: [],
    ...overrides,
  }
}

/** A visit in progress since 10:00 on the factory day, nothing changed yet. */
export function makeVisitSession(overrides: Partial<VisitSession> = {}): VisitSession {
  return {
    ...base(),
    kind: 'visitSession',
    worker: FACTORY_WORKER,
    startedAt: Date.UTC(2026, 10, 23, 10, 0),
    changes: [],
    ...overrides,
  }
}

/** A worker device's pairing with a citizen, paired by QR at the factory stamp, no package yet. */
export function makeWorkerPairing(overrides: Partial<WorkerPairing> = {}): WorkerPairing {
  return {
    ...base(),
    kind: 'workerPairing',
    shareKey: '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff',
    endsOn: null,
    label: 'Sara',
    pairedAt: day('2026-11-23'),
    copy: { pairingId: '0123456789abcdef0123456789abcdef', seq: 0, records: [], tombstones: [] },
    proposals: [],
    proposalSeq: 0,
    ...overrides,
  }
}

/** A worker's home visit of an hour with the factory pairing's citizen, in her phase 1. */
export function makeWorkerVisit(overrides: Partial<WorkerVisit> = {}): WorkerVisit {
  return {
    ...base(),
    kind: 'workerVisit',
    author: FACTORY_WORKER,
    citizen: '6f9619ff-8b86-4011-b42d-00c04fc964ff',
    date: day('2026-11-23'),
    minutes: 60,
    mode: 'home',
    stage: 'phase1',
    ...overrides,
  }
}

/** The factory for each kind, for tests that run over every kind. */
export const recordFactories: { [K in RecordKind]: (overrides?: Partial<RecordOf<K>>) => RecordOf<K> } = {
  plan: makePlan,
  focusArea: makeFocusArea,
  goal: makeGoal,
  subGoal: makeSubGoal,
  activity: makeActivity,
  contact: makeContact,
  rating: makeRating,
  visit: makeVisit,
  note: makeNote,
  handoverItem: makeHandoverItem,
  proposal: makeProposal,
  instrumentPack: makeInstrumentPackRecord,
  pairing: makeSharePairing,
  visitSession: makeVisitSession,
  workerPairing: makeWorkerPairing,
  workerVisit: makeWorkerVisit,
}

/** A copy of `record` without `field`, for tests of missing fields and defaults. */
export function withoutField(record: object, field: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== field))
}
