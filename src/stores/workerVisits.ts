import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CivilDate } from '@/domain/civilDate'
import {
  stageOnDate,
  lastVisit,
  visitsNewestFirst,
  withVisitFields,
  type VisitFields,
} from '@/domain/visitLog'
import type { CourseStage, WorkerVisit } from '@/schemas'
import { useRecordsStore } from './records'
import { useWorkerPairingsStore } from './workerPairings'
import { useLiveWorkerRecords, useWorkerAuthor } from './workerRecords'

/**
 * The worker's own visit log (issue #15 item 4), as records of kind `workerVisit` in the
 * encrypted vault of a worker device: add, edit, remove, and each citizen's visits newest first.
 * The stage of a visit comes from her shared plan in the worker's copy (`stageFor`); the rules
 * are `src/domain/visitLog.ts`. A failed save rethrows (the records store keeps the error).
 */
export const useWorkerVisitsStore = defineStore('workerVisits', () => {
  const records = useRecordsStore()
  const pairings = useWorkerPairingsStore()

  /** Every live visit on this device, in no particular order; none outlives the lock here. */
  const visits = useLiveWorkerRecords('workerVisit', 'Worker visits')
  const author = useWorkerAuthor()

  /** One citizen's visits (by her pairing's id), newest first. */
  function visitsFor(citizenId: string): WorkerVisit[] {
    return visitsNewestFirst(visits.value.filter((visit) => visit.citizen === citizenId))
  }

  /** The last visit with her on or before `today` (`lastVisit`), for the caseload card. */
  function lastVisitWith(citizenId: string, today: CivilDate) {
    return lastVisit(visitsFor(citizenId), today)
  }

  function byId(id: string): WorkerVisit | undefined {
    return visits.value.find((visit) => visit.id === id)
  }

  /** Her course stage on `date` from the plan she shares with this device, or null when it cannot say. */
  function stageFor(citizenId: string, date: CivilDate): CourseStage | null {
    const pairing = pairings.byId(citizenId)
    return pairing ? stageOnDate(pairing.copy.records, date) : null
  }

  /** Logs a visit with one citizen (by her pairing's id). */
  function add(citizenId: string, fields: VisitFields): Promise<WorkerVisit> {
    return records.create('workerVisit', { citizen: citizenId, ...fields }, { author: author() })
  }

  /** Changes a logged visit to hold exactly `fields`. */
  async function edit(id: string, fields: VisitFields): Promise<WorkerVisit | undefined> {
    const visit = byId(id)
    if (!visit) return undefined
    return records.save(withVisitFields(visit, fields))
  }

  /** Removes a visit: the tombstone the vault keeps holds no place the worker typed. */
  async function remove(id: string): Promise<void> {
    const visit = byId(id)
    if (!visit) return
    const { date, minutes, mode, stage } = visit
    await records.save({ ...withVisitFields(visit, { date, minutes, mode, stage }), deleted: true })
  }

  return { visits, visitsFor, lastVisitWith, byId, stageFor, add, edit, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkerVisitsStore, import.meta.hot))
