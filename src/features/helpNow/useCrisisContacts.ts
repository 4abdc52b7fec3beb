import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { crisisContacts } from '@/domain/network'
import { useRecordsStore } from '@/stores/records'

/** A crisis contact as help now lists it: a name and a number to call. */
export interface CrisisContact {
  readonly id: string
  readonly name: string
  readonly phone: string
}

/**
 * The citizen's own crisis contacts for help now: never a private contact (`crisisContacts`
 * in `@/domain/network`). Empty while the plan is closed, since the records are not loaded.
 */
export function useCrisisContacts(): ComputedRef<CrisisContact[]> {
  const records = useRecordsStore()
  const { locale } = useI18n()
  return computed(() =>
    crisisContacts(records.byKind('contact'), locale.value).flatMap((contact) =>
      contact.phone === undefined ? [] : [{ id: contact.id, name: contact.name, phone: contact.phone }],
    ),
  )
}
