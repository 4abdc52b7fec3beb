import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { watch } from 'vue'
import { TrinDatabase } from '@/data/db'
import { KeyringError, RecordValidationError, StorageError } from '@/data/errors'
import { parseHlc } from '@/domain/clock'
import { useRecordsStore } from '@/stores/records'
import { useVaultStore } from '@/stores/vault'
import { FACTORY_HLC, makeGoal, makeNote, makePlan } from '../../factories/records'
import { freshStoresForEachTest } from '../../support/storesVault'

const WALL = Date.parse('2026-11-25T09:00:00.000Z')

freshStoresForEachTest({ wall: WALL, open: false })

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (reason: unknown) => reason,
  )
}

describe('vault and records stores', () => {
  it('open → save → visible → close clears memory → open again → still there', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    expect(vault.status).toBe('closed')

    await vault.open()
    expect(vault.status).toBe('open')
    expect(vault.deviceId).toMatch(/^[0-9a-f]{16}$/)

    const plan = await records.save(makePlan())
    const goal = await records.save(makeGoal({ title: 'Keep my flat' }))
    expect(records.byKind('goal')).toEqual([goal])
    expect(records.byKind('plan')).toEqual([plan])
    expect(records.get(goal.id)).toEqual(goal)

    vault.close()
    expect(vault.status).toBe('closed')
    expect(vault.deviceId).toBeNull()
    expect(records.recordsById.size).toBe(0)
    expect(records.byKind('goal')).toEqual([])
    expect(() => vault.requireVault()).toThrow(StorageError)

    await vault.open()
    expect(records.byKind('goal')).toEqual([goal])
    expect(records.byKind('plan')).toEqual([plan])
  })

  it('a first visit: known to hold nothing while the store is made, and a save meanwhile waits for it', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    // The moment it is known, the onboarding can show (isFirstVisit): her plan, saved then.
    const saving: Promise<unknown>[] = []
    let statusThen: string | null = null
    const stop = watch(
      () => vault.nothingStored,
      (nothing) => {
        if (!nothing || saving.length > 0) return
        statusThen = vault.status
        saving.push(records.save(makePlan()))
      },
      { flush: 'sync' },
    )
    await vault.open()
    stop()
    expect(statusThen).toBe('opening')
    const [plan] = await Promise.all(saving)
    expect(records.byKind('plan')).toEqual([plan])
    // Locked or closed, it is no longer a first visit; opened again, something is stored.
    vault.close()
    expect(vault.nothingStored).toBe(false)
    await vault.open()
    expect(vault.nothingStored).toBe(false)
    expect(records.byKind('plan')).toEqual([plan])
  })

  it('stamps updatedAt (and createdAt of a new record) with the HLC of this device', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open()

    const created = await records.save(makeGoal())
    expect(created.createdAt).not.toBe(FACTORY_HLC)
    expect(created.createdAt).toBe(created.updatedAt)
    expect(parseHlc(created.updatedAt)).toEqual({ wallMs: WALL, counter: 0, deviceId: vault.deviceId })

    const edited = await records.save({ ...created, title: 'Edited' })
    expect(edited.createdAt).toBe(created.createdAt)
    expect(edited.updatedAt > created.updatedAt).toBe(true)
  })

  it('keeps stamps monotonic after reopening even if the wall clock went back', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open()
    const goal = await records.save(makeGoal())
    vault.close()

    vi.spyOn(Date, 'now').mockReturnValue(WALL - 60_000)
    await vault.open()
    const edited = await records.save({ ...goal, title: 'Later edit' })
    expect(edited.updatedAt > goal.updatedAt).toBe(true)
  })

  it('remove leaves a tombstone that byKind and get hide', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open()
    const goal = await records.save(makeGoal())
    const removed = await records.remove(goal.id)
    expect(removed.deleted).toBe(true)
    expect(records.byKind('goal')).toEqual([])
    expect(records.get(goal.id)).toBeUndefined()
    expect(records.recordsById.get(goal.id)).toEqual(removed)

    vault.close()
    await vault.open()
    expect(records.byKind('goal')).toEqual([])
    expect(records.recordsById.get(goal.id)?.deleted).toBe(true)
  })

  it('saveMany is all-or-nothing and surfaces the error as state', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open()
    const error = await rejectionOf(records.saveMany([makeGoal(), { ...makeNote(), text: '' }]))
    expect(error).toBeInstanceOf(RecordValidationError)
    expect(records.error).toBe(error)
    expect(records.recordsById.size).toBe(0)

    vault.close()
    await vault.open()
    expect(records.recordsById.size).toBe(0)

    await records.save(makeGoal())
    expect(records.error).toBeNull()
  })

  it('refuses writes while locked, as state', async () => {
    const records = useRecordsStore()
    const error = await rejectionOf(records.save(makeGoal()))
    expect((error as StorageError).code).toBe('unavailable')
    expect(records.error).toBe(error)
  })

  it('a write that finishes after a lock does not bring decrypted data back', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open()
    const saving = records.save(makeGoal())
    vault.close()
    await saving.catch(() => undefined)
    expect(records.recordsById.size).toBe(0)
  })

  it('a close during open wins: the vault stays closed', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    const opening = vault.open()
    expect(vault.status).toBe('opening')
    vault.close()
    await opening
    expect(vault.status).toBe('closed')
    expect(records.recordsById.size).toBe(0)
    expect(() => vault.requireVault()).toThrow(StorageError)
  })

  it('a records store created after unlock loads what is stored', async () => {
    const vault = useVaultStore()
    await vault.open()
    const goal = await useRecordsStore().save(makeGoal())
    vault.close()

    setActivePinia(createPinia())
    await useVaultStore().open()
    const late = useRecordsStore()
    // A write waits for the late load, so it cannot be overwritten by it.
    const note = await late.save(makeNote())
    expect(late.byKind('goal')).toEqual([goal])
    expect(late.byKind('note')).toEqual([note])
  })

  it('a failed open is state: status error, a typed error, and the records left in place', async () => {
    const vault = useVaultStore()
    const records = useRecordsStore()
    await vault.open()
    await records.save(makeGoal())
    vault.close()

    const raw = new TrinDatabase()
    await raw.open()
    await raw.meta.delete('deviceKey')
    const error = await rejectionOf(vault.open())
    expect(error).toBeInstanceOf(KeyringError)
    expect(vault.status).toBe('error')
    expect(vault.error).toBe(error)
    expect(records.recordsById.size).toBe(0)
    expect(await raw.records.count()).toBe(1)
    raw.close()
  })
})
