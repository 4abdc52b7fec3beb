/**
 * Model-based test of co-editing (issue #15, acceptance) with fast-check's `fc.commands`, over
 * the real rules: her edits, her share packages (`nextPackage`), the worker's proposals made from
 * the worker's copy (`editProposal`), proposal packages (`proposalsToSend`), her decisions
 * (`acceptedRecord`, `decided`), and packages in both directions delivered late, twice, out of
 * order or never. After every step:
 * - no field of her plan changes without her decision: each title is what she last wrote or the
 *   proposal she last accepted;
 * - the worker never records a decision she did not make;
 * - after she unpaired or her course's end date passed (days pass too), every proposal package
 *   is refused on her phone and nothing is added;
 * - once the pairing has ended on the worker's phone — her course's end date, as her packages
 *   said it, or the ending package she sent when she unpaired — every share package is refused
 *   there and the worker's copy does not change (`receivePackage`, the store's rule).
 * And at the end, while the pairing lasts, once one more package of hers arrives: the worker's
 * copy is exactly what she shares, and the worker knows every decision she made.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatHlc, type Hlc } from '@/domain/clock'
import { addDays, type CivilDate } from '@/domain/civilDate'
import { acceptsProposalsFrom, endingPackage, nextPackage, pairingEndsOn } from '@/domain/pairing'
import { receivePackage, workerPairingStatus } from '@/domain/workerPairing'
import {
  acceptedRecord,
  decided,
  editProposal,
  newProposals,
  pendingProposals,
  proposalsToSend,
  withDecisions,
  type ProposalDecision,
} from '@/domain/proposals'
import { emptyWorkerCopy, type WorkerCopy } from '@/domain/shareImport'
import { shareProjection, type ShareableRecord } from '@/domain/sharing'
import type { Goal, Plan, Proposal, SharePairing, SubGoal, TrinRecord } from '@/schemas'
import {
  day,
  FACTORY_WORKER,
  makeFocusArea,
  makeGoal,
  makePlan,
  makeSharePairing,
  makeSubGoal,
} from '../../factories/records'

const TODAY = day('2026-12-07')
/** The factory plan's course ends on this day (day one 24 August 2026, nine months, no pause). */
const COURSE_END = day('2027-05-24')

interface SharePackageValue {
  readonly header: { readonly pairingId: string; readonly seq: number; readonly endsOn: CivilDate | null }
  readonly body: {
    readonly records: readonly ShareableRecord[]
    readonly tombstones: readonly string[]
    readonly decisions: readonly ProposalDecision[]
  }
}

/** The worker's side of the pairing: when it ends as her packages said, and the copy. */
interface WorkerSide {
  readonly pairedAt: CivilDate
  readonly endsOn: CivilDate | null
  readonly shareKey: string
  readonly copy: WorkerCopy
}

interface World {
  tick: number
  /** Both phones' calendar day. */
  today: CivilDate
  /** Her course (not shared, so not in the copy): its end date ends the pairing on both phones. */
  plan: Plan
  records: TrinRecord[]
  pairing: SharePairing
  /** What each of her titles must be: her last edit or the proposal she last accepted. */
  expected: Map<string, string>
  /** Her decisions as she made them. */
  decisions: Map<string, 'accepted' | 'rejected'>
  worker: WorkerSide
  /** Share packages the worker's phone refused after the pairing ended there. */
  refusedByWorker: number
  workerProposals: Proposal[]
  toWorker: SharePackageValue[]
  toCitizen: (readonly Proposal[])[]
}

function stamp(world: World, device: string): Hlc {
  world.tick += 1
  return formatHlc({ wallMs: Date.UTC(2026, 11, 7, 10) + world.tick, counter: 0, deviceId: device })
}

const HER = '00000000000000a1'
const WORKERS = '00000000000000c3'
const targets = ['goal', 'subGoal'] as const
type Target = (typeof targets)[number]

function newWorld(): World {
  const area = makeFocusArea({ shared: true })
  const goal = makeGoal({ focusAreaId: area.id, shared: true, title: 'Egen bolig' })
  const subGoal = makeSubGoal({ goalId: goal.id, shared: true, title: 'Ring til boligkontoret' })
  return {
    tick: 0,
    today: TODAY,
    plan: makePlan(),
    records: [area, goal, subGoal],
    pairing: makeSharePairing(),
    expected: new Map([
      [goal.id, goal.title],
      [subGoal.id, subGoal.title],
    ]),
    decisions: new Map(),
    worker: {
      pairedAt: TODAY,
      endsOn: null,
      shareKey: 'ab'.repeat(32),
      copy: emptyWorkerCopy(makeSharePairing().pairingId),
    },
    refusedByWorker: 0,
    workerProposals: [],
    toWorker: [],
    toCitizen: [],
  }
}

function targetRecord(world: World, which: Target): Goal | SubGoal {
  const record = world.records.find((r) => r.kind === which)
  if (record === undefined || (record.kind !== 'goal' && record.kind !== 'subGoal'))
    throw new Error('missing')
  return record
}

function replace(world: World, record: TrinRecord): void {
  world.records = world.records.some((r) => r.id === record.id)
    ? world.records.map((r) => (r.id === record.id ? record : r))
    : [...world.records, record]
}

/** Whether her phone still takes proposals in: not unpaired, her course not over. */
function active(world: World): boolean {
  return acceptsProposalsFrom(world.pairing, world.plan, world.today)
}

/** Whether the worker's phone still takes her packages in. */
function workerActive(world: World): boolean {
  return workerPairingStatus(world.worker, world.today).active
}

function checkInvariants(world: World): void {
  for (const [id, title] of world.expected) {
    const record = world.records.find((r) => r.id === id)
    expect(record && 'title' in record ? record.title : undefined).toBe(title)
  }
  for (const proposal of world.workerProposals) {
    if (proposal.status !== 'pending') expect(world.decisions.get(proposal.id)).toBe(proposal.status)
  }
}

type Cmd = fc.Command<object, World>

const command = (label: string, run: (world: World) => void): Cmd => ({
  check: () => true,
  run: (_model, world) => {
    run(world)
    checkInvariants(world)
  },
  toString: () => label,
})

const commands = [
  fc
    .record({ which: fc.constantFrom(...targets), title: fc.constantFrom('A', 'B', 'C') })
    .map(({ which, title }) =>
      command(`her edit ${which}=${title}`, (world) => {
        const record = targetRecord(world, which)
        if (record.title === title) return
        replace(world, { ...record, title, updatedAt: stamp(world, HER) })
        world.expected.set(record.id, title)
      }),
    ),
  fc.constant(
    command('her package', (world) => {
      if (!active(world)) return
      const next = nextPackage(world.records, world.pairing, stamp(world, HER), world.today)
      world.pairing = next.pairing
      const endsOn = pairingEndsOn(world.plan, world.today)
      world.toWorker.push({
        header: { pairingId: world.pairing.pairingId, seq: next.seq, endsOn },
        body: next.body,
      })
    }),
  ),
  fc
    .record({ which: fc.constantFrom(...targets), title: fc.constantFrom('B', 'C', 'D') })
    .map(({ which, title }) =>
      command(`worker proposes ${which}=${title}`, (world) => {
        const seen = world.worker.copy.records.find((r) => r.kind === which)
        if (seen === undefined || (seen.kind !== 'goal' && seen.kind !== 'subGoal')) return
        const proposal = editProposal(
          seen,
          { title },
          {
            id: crypto.randomUUID(),
            author: FACTORY_WORKER,
            stamp: stamp(world, WORKERS),
          },
        )
        if (proposal !== null) world.workerProposals.push(proposal)
      }),
    ),
  fc.constant(
    command('worker package', (world) => {
      world.toCitizen.push(proposalsToSend(world.workerProposals))
    }),
  ),
  fc.record({ at: fc.nat(), keep: fc.boolean() }).map(({ at, keep }) =>
    command(`deliver to worker #${String(at)}${keep ? ' (again later)' : ''}`, (world) => {
      if (world.toWorker.length === 0) return
      const index = at % world.toWorker.length
      const pkg = world.toWorker[index]
      if (pkg === undefined) return
      if (!keep) world.toWorker.splice(index, 1)
      // Ended there once her course's end date (as her packages said it) or her ending package's day has come.
      const wasActive = world.worker.endsOn === null || world.today < world.worker.endsOn
      expect(workerActive(world)).toBe(wasActive)
      const before = world.worker
      const result = receivePackage(world.worker, pkg, world.today)
      if (!wasActive) {
        // Ended on the worker's phone: refused, and the copy is as it was.
        expect(result).toEqual({ ok: false, code: 'pairing-ended' })
        expect(world.worker).toBe(before)
        world.refusedByWorker += 1
        return
      }
      if (!result.ok || !result.changed) return
      world.worker = result.pairing
      world.workerProposals = withDecisions(world.workerProposals, pkg.body.decisions)
    }),
  ),
  fc.record({ at: fc.nat(), keep: fc.boolean() }).map(({ at, keep }) =>
    command(`deliver to her #${String(at)}${keep ? ' (again later)' : ''}`, (world) => {
      if (world.toCitizen.length === 0) return
      const index = at % world.toCitizen.length
      const proposals = world.toCitizen[index]
      if (proposals === undefined) return
      if (!keep) world.toCitizen.splice(index, 1)
      // Refused after she unpaired or once her course's end date has come: nothing is added.
      const ended = world.pairing.endedAt !== undefined || world.today >= COURSE_END
      expect(active(world)).toBe(!ended)
      if (!active(world)) return
      const fresh = newProposals(world.records, proposals, world.pairing.pairingId)
      for (const proposal of fresh) replace(world, proposal)
    }),
  ),
  fc.record({ channel: fc.boolean(), at: fc.nat() }).map(({ channel, at }) =>
    command(`lose a package ${channel ? 'to the worker' : 'to her'}`, (world) => {
      const list = channel ? world.toWorker : world.toCitizen
      if (list.length > 0) list.splice(at % list.length, 1)
    }),
  ),
  fc.record({ at: fc.nat(), accept: fc.boolean() }).map(({ at, accept }) =>
    command(`she ${accept ? 'accepts' : 'rejects'} #${String(at)}`, (world) => {
      const pending = pendingProposals(world.records)
      if (pending.length === 0) return
      const proposal = pending[at % pending.length]
      if (proposal === undefined) return
      const now = stamp(world, HER)
      if (accept) {
        const record = acceptedRecord(proposal, world.records, now)
        if (record === null) return
        replace(world, record as unknown as TrinRecord)
        const title = proposal.changes['title']
        if (typeof title === 'string') world.expected.set(proposal.target.id, title)
      }
      replace(world, decided(proposal, accept ? 'accepted' : 'rejected', now))
      world.decisions.set(proposal.id, accept ? 'accepted' : 'rejected')
    }),
  ),
  // Rarely: an unpairing ends everything after it, so it must not end most runs early. Half the
  // time she sends the ending package, which ends the pairing on the worker's phone that day.
  fc.record({ n: fc.nat({ max: 39 }), last: fc.boolean() }).map(({ n, last }) =>
    command(n === 0 ? `she unpairs${last ? ' with a last package' : ''}` : 'a quiet moment', (world) => {
      if (n !== 0 || !active(world)) return
      const ending = endingPackage(world.records, world.pairing, world.plan, stamp(world, HER), world.today)
      if (ending === null) return
      world.pairing = ending.pairing
      if (last)
        world.toWorker.push({
          header: { pairingId: world.pairing.pairingId, seq: ending.seq, endsOn: ending.endsOn },
          body: ending.body,
        })
    }),
  ),
  // Days pass: mostly a day or a week; now and then months, past her course's end.
  fc.constantFrom(1, 1, 7, 7, 30, 120).map((days) =>
    command(`${String(days)} days pass`, (world) => {
      world.today = addDays(world.today, days)
    }),
  ),
]

describe('co-editing by proposals, as a model', () => {
  it('her plan changes only by her; the worker converges on what she shares and decides', () => {
    // The runs must really exercise decisions, pending proposals, unpairing, her course's end
    // passing, and the worker's phone refusing packages after the end.
    const seen = { accepted: 0, pending: 0, unpaired: 0, courseEnded: 0, refusedByWorker: 0 }
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 80, size: 'max' }), (cmds) => {
        const world = newWorld()
        fc.modelRun(() => ({ model: {}, real: world }), cmds)
        seen.accepted += [...world.decisions.values()].filter((d) => d === 'accepted').length
        seen.pending += pendingProposals(world.records).length
        seen.refusedByWorker += world.refusedByWorker
        if (!active(world)) {
          // After unpairing or the end date, every package still travelling to her is refused:
          // nothing is added.
          const pending = pendingProposals(world.records).length
          expect(acceptsProposalsFrom(world.pairing, world.plan, world.today)).toBe(false)
          expect(pendingProposals(world.records).length).toBe(pending)
          if (world.pairing.endedAt === undefined) seen.courseEnded += 1
          else seen.unpaired += 1
          return
        }
        // While she is paired, the worker's phone has not ended the pairing either.
        expect(workerActive(world)).toBe(true)
        // Quiescence: one more package of hers, delivered.
        const next = nextPackage(world.records, world.pairing, stamp(world, HER), world.today)
        const endsOn = pairingEndsOn(world.plan, world.today)
        const result = receivePackage(
          world.worker,
          { header: { pairingId: world.pairing.pairingId, seq: next.seq, endsOn }, body: next.body },
          world.today,
        )
        expect(result.ok && result.changed).toBe(true)
        if (!result.ok || !result.changed) return
        const copy = result.pairing.copy
        const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
        expect([...copy.records].sort(byId)).toEqual([...shareProjection(world.records)].sort(byId))
        const known = withDecisions(world.workerProposals, next.body.decisions)
        for (const proposal of known) {
          const hers = world.decisions.get(proposal.id)
          if (hers !== undefined) expect(proposal.status).toBe(hers)
          else expect(proposal.status).toBe('pending')
        }
      }),
      { numRuns: 300 },
    )
    expect(seen.accepted).toBeGreaterThan(0)
    expect(seen.pending).toBeGreaterThan(0)
    expect(seen.unpaired).toBeGreaterThan(0)
    expect(seen.courseEnded).toBeGreaterThan(0)
    expect(seen.refusedByWorker).toBeGreaterThan(0)
  })
})
