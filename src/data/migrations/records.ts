import { recordStep0001ContactsV2 } from './recordSteps/0001-contacts-v2'
import { recordStep0002AssessmentToRating } from './recordSteps/0002-assessment-to-rating'
import type { RecordStep } from './types'

export type { RecordStep } from './types'

/**
 * Record-content steps, each from one record schema version to the next (`RecordStep`).
 * Append-only like the IndexedDB steps: a released step is never edited. `SCHEMA_VERSION` in
 * `src/schemas` is one more than the last step's `from`. `src/data/recordUpgrade.ts` runs them,
 * on the stored records after unlock and on an older backup's records before they are checked.
 */
export const recordSteps: readonly RecordStep[] = [recordStep0001ContactsV2, recordStep0002AssessmentToRating]
