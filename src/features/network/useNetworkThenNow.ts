import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { statusOf } from '@/domain/course'
import { mapPeople } from '@/domain/network'
import { networkOn, phaseStartsReached, type PhaseStart } from '@/domain/networkChange'
import type { MapPerson } from '@/domain/networkMap'
import type { CivilDate } from '@/domain/civilDate'
import type { Contact } from '@/schemas'
import { useCourseToday } from '@/composables/useCourseToday'
import { useRecordsStore } from '@/stores/records'

/** A person as a map shows them: where they belong, and their name. */
export interface NamedPerson extends MapPerson {
  readonly name: string
}

/** The network at the start of one phase the course has reached. */
export interface PhaseNetwork extends PhaseStart {
  readonly people: readonly NamedPerson[]
}

/**
 * "Then and now" from the records (issue #12 item 3): the network today and at the start of each
 * phase the course has reached, each derived by `networkOn` and passed through the same filter as
 * every map (`mapPeople`: never a private contact, never a kept-safe-from person — as they are
 * marked today, for every day). Nothing is stored: the days come from the course status.
 */
export function useNetworkThenNow(): {
  now: ComputedRef<NamedPerson[]>
  phases: ComputedRef<PhaseNetwork[]>
} {
  const records = useRecordsStore()
  const { locale } = useI18n()
  const { today, plan, course } = useCourseToday()
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const keptSafeFrom = computed(() => plan.value?.safetyNotes?.keptSafeFrom ?? [])

  const named = (contacts: readonly Contact[]): NamedPerson[] => {
    const names = new Map(contacts.map((contact) => [contact.id, contact.name]))
    return mapPeople(contacts, keptSafeFrom.value, locale.value).map((person) => ({
      ...person,
      name: names.get(person.id) ?? '',
    }))
  }
  const on = (day: CivilDate) => named(networkOn(records.byKind('contact'), day, timeZone))

  const now = computed(() => named(records.byKind('contact')))
  const phases = computed(() => {
    const status = statusOf(course.value)
    if (status === null) return []
    return phaseStartsReached(status)
      .filter((start) => start.start <= today.value)
      .map((start) => ({ ...start, people: on(start.start) }))
  })
  return { now, phases }
}
