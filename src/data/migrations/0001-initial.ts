import type { Migration } from './types'

/**
 * `records`: `{ id, iv, ct }` — the random record id in clear, everything else encrypted.
 * `meta`: `{ key, value }` — keyring (wrapped data key), device key, device id, schema info.
 */
export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  stores: {
    records: 'id',
    meta: 'key',
  },
}
