import { migration0001Initial } from './0001-initial'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every migration, in order. Append only; tests guard that the list stays contiguous. */
export const migrations: readonly Migration[] = [migration0001Initial]
