import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { useVisitStore } from '@/stores/visit'
import { day, makeGoal, makePlan, makeSharePairing, makeSubGoal } from '../../factories/records'
import { freshStoresForEachTest } from '../../support/storesVault'

const WALL = Date.parse('2026-12-07T09:00:00.000Z')
const WHERE = { today: day('2026-12-07'), stage: 'phase1' } as const

freshStoresForEachTest({ wall: WALL, open: false })

async function opened() {
  const vault = useVaultStore()
  await vault.open()
  const records = useRecordsStore()
  const visit = useVisitStore()
  await records.save(makePlan())
  await records.save(makeSharePairing({ worker: { deviceId: '00000000000000c3' } }))
  const goal = await records.save(makeGoal())
  const step = await records.save(makeSubGoal({ goalId: goal.id, title: 'Call the landlord' }))
  return { vault, records, visit, goal, step }
}

describe('visit store', () => {
  it('stamps and journals every change while on, and nothing before or after', async () => {
    const { records, visit, step } = await opened()
    expect(visit.on).toBe(false)
    await visit.start(WALL)
    expect(visit.on).toBe(true)
    expect(visit.session?.worker).toBe('worker:00000000000000c3')

    const renamed = await records.save({ ...step, title: 'Call the housing office' })
    expect(renamed.author).toBe('worker:00000000000000c3')
    const activity = await records.create('activity', {
      title: 'Viewing',
      date: day('2026-12-10'),
      repeat: 'none',
      priority: 'now',
      done: false,
    })
    expect(activity.author).toBe('worker:00000000000000c3')
    const pairing = records.byKind('pairing')[0]
    if (pairing === undefined) throw new Error('no pairing')
    // Her pairing is not the plan's content: not the worker's change.
    await records.save({ ...pairing, lastSeq: 1 })
    expect([...visit.marked]).toEqual([step.id, activity.id])

    await visit.end(WHERE, WALL + 45 * 60_000)
    expect(visit.on).toBe(false)
    expect(visit.reviewing).toBe(true)
    expect(records.byKind('visit')).toMatchObject([
      { date: '2026-12-07', minutes: 45, stage: 'phase1', mode: 'other', author: 'worker:00000000000000c3' },
    ])
    // After the end nothing is journalled: the step's entry still holds the worker's version.
    await records.save({ ...renamed, done: true })
    expect(visit.changes.find((entry) => entry.recordId === step.id)?.after).toMatchObject({ done: false })
    expect(visit.session?.changes).toHaveLength(2)
  })

  it('keeps one change and undoes another; the session goes once all are decided', async () => {
    const { records, visit, step } = await opened()
    await visit.start(WALL)
    await records.save({ ...step, title: 'Call the housing office' })
    const activity = await records.create('activity', {
      title: 'Viewing',
      date: day('2026-12-10'),
      repeat: 'none',
      priority: 'now',
      done: false,
    })
    await visit.end(WHERE, WALL + 60_000)

    await visit.undo(activity.id)
    expect(records.get(activity.id)).toBeUndefined()
    expect(visit.reviewing).toBe(true)
    await visit.keep(step.id)
    expect(records.get(step.id)).toMatchObject({ title: 'Call the housing office' })
    expect(visit.session).toBeNull()
    expect(visit.marked.size).toBe(0)
  })

  it('undoes carefully when she changed the record after the visit', async () => {
    const { records, visit, step } = await opened()
    await visit.start(WALL)
    const byWorker = await records.save({
      ...step,
      title: 'Worker title',
      done: true,
      doneAt: day('2026-12-07'),
    })
    await visit.end(WHERE, WALL + 60_000)
    await records.save({ ...byWorker, title: 'My own title' })
    const result = await visit.undo(step.id)
    expect(result.keptHers).toEqual(['title'])
    expect(records.get(step.id)).toMatchObject({ title: 'My own title', done: false, author: 'citizen' })
    expect(records.get(step.id)).not.toHaveProperty('doneAt')
  })

  it('keeps the visit and its journal through a lock and a reload', async () => {
    const { vault, records, visit, step } = await opened()
    await visit.start(WALL)
    await records.save({ ...step, title: 'Before the lock' })
    vault.close()
    expect(visit.on).toBe(false)

    setActivePinia(createPinia())
    const reloaded = useRecordsStore()
    const again = useVisitStore()
    await useVaultStore().open()
    expect(again.on).toBe(true)
    expect([...again.marked]).toEqual([step.id])
    const after = await reloaded.save({
      ...(reloaded.get(step.id) as typeof step),
      title: 'After the reload',
    })
    expect(after.author).toBe('worker:00000000000000c3')
    const [entry] = again.changes
    expect(entry?.before).toMatchObject({ title: 'Call the landlord' })
    expect(entry?.after).toMatchObject({ title: 'After the reload' })
    expect(records.recordsById.size).toBe(0)
  })

  it('a visit without changes is logged and leaves nothing to review', async () => {
    const { records, visit } = await opened()
    await visit.start(WALL)
    await visit.end(WHERE, WALL + 20 * 60_000)
    expect(visit.session).toBeNull()
    expect(records.byKind('visit')).toHaveLength(1)
  })

  it('keep all ends the review', async () => {
    const { records, visit, goal } = await opened()
    await visit.start(WALL)
    await records.remove(goal.id)
    expect([...visit.marked]).toEqual([goal.id])
    await visit.end(WHERE, WALL + 60_000)
    await visit.keepAll()
    expect(visit.session).toBeNull()
    expect(records.get(goal.id)).toBeUndefined()
  })
})
