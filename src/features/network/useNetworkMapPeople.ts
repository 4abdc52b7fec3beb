import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { currentPlan } from '@/domain/planOnDevice'
import { mapPeople } from '@/domain/network'
import type { MapPerson } from '@/domain/networkMap'
import type { Contact } from '@/schemas'
import { useRecordsStore } from '@/stores/records'

/**
 * What a network map may draw: the contacts allowed on it (never a private contact, never a
 * kept-safe-from person — `mapPeople` in `@/domain/network`), by name, as `MapPerson`s, with
 * the contacts themselves by id for the labels and the map's accessible list.
 */
export function useNetworkMapPeople(): {
  people: ComputedRef<MapPerson[]>
  contactsById: ComputedRef<ReadonlyMap<string, Contact>>
} {
  const records = useRecordsStore()
  const { locale } = useI18n()
  const people = computed(() =>
    mapPeople(
      records.byKind('contact'),
      currentPlan(records.byKind('plan'))?.safetyNotes?.keptSafeFrom ?? [],
      locale.value,
    ),
  )
  const contactsById = computed(() => {
    const allowed = new Set(people.value.map((person) => person.id))
    return new Map(
      records
        .byKind('contact')
        .filter((c) => allowed.has(c.id))
        .map((c) => [c.id, c]),
    )
  })
  return { people, contactsById }
}
