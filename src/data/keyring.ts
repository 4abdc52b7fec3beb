/**
 * The keyring: the device key, the wrapped data key and the device id, all in the `meta` table.
 *
 * First open creates a device key and a data key, wraps the data key and stores both in one
 * transaction. Later opens unwrap. A key that does not match is reported as a typed error and
 * nothing is deleted or rewritten: losing the plan is also a harm.
 */
import { z } from '@/schemas/zod'
import {
  CryptoError,
  createDeviceKey,
  generateDataKey,
  randomHex,
  unwrapDataKey,
  wrapDataKey,
  type Bytes,
  type DataKey,
  type KeyWrap,
} from './crypto'
import type { MetaRow, TrinDatabase } from './db'
import { KeyringError, toStorageError } from './errors'

/** What an opened keyring gives the repository. The data key never leaves memory unwrapped. */
export interface OpenedKeyring {
  /** Random 16 lowercase hex digits naming this device (for the hybrid logical clock). */
  readonly deviceId: string
  readonly dataKey: DataKey
  /** True on the very first open of this database. */
  readonly created: boolean
}

/** The stored keyring. `format` guards the shape; `wrap.method` says how the data key is wrapped. */
export interface StoredKeyring {
  readonly format: 1
  readonly wrap: KeyWrap
}

const DEVICE_ID_BYTES = 8

const bytes = z.custom<Bytes>((value) => value instanceof Uint8Array, { message: 'Expected bytes' })

const deviceKeyWrapSchema = z.strictObject({
  format: z.literal(1),
  method: z.literal('device'),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  iv: bytes,
  wrapped: bytes,
})

const storedKeyringSchema = z.strictObject({
  format: z.literal(1),
  wrap: z.object({ method: z.string() }).loose(),
})

const deviceIdSchema = z.string().regex(/^[0-9a-f]{16}$/)

/** A CryptoKey as IndexedDB gives it back: checked by shape, since realms may differ. */
function isWrappingKey(value: unknown): value is CryptoKey {
  if (typeof value !== 'object' || value === null) return false
  const key = value as Partial<CryptoKey>
  const algorithm = key.algorithm as { name?: unknown } | undefined
  return key.type === 'secret' && algorithm?.name === 'AES-GCM' && Array.isArray(key.usages) && key.usages.includes('unwrapKey')
}

function parseKeyWrap(value: unknown): KeyWrap {
  const keyring = storedKeyringSchema.safeParse(value)
  if (!keyring.success) throw new KeyringError('keyring-unreadable', 'The stored keyring has an unknown format')
  const { method } = keyring.data.wrap
  if (method !== 'device') {
    throw new KeyringError('unsupported-method', `The data key is locked with method '${method}', which needs unlocking first`)
  }
  const wrap = deviceKeyWrapSchema.safeParse(keyring.data.wrap)
  if (!wrap.success) throw new KeyringError('keyring-unreadable', 'The stored data-key wrap is malformed')
  return wrap.data
}

async function readMeta(db: TrinDatabase): Promise<Map<MetaRow['key'], unknown>> {
  const rows = await db.meta.bulkGet(['deviceKey', 'keyring', 'deviceId'])
  return new Map(rows.flatMap((row) => (row ? [[row.key, row.value] as const] : [])))
}

async function unlockExisting(db: TrinDatabase, meta: Map<MetaRow['key'], unknown>): Promise<OpenedKeyring> {
  const wrap = parseKeyWrap(meta.get('keyring'))
  const deviceKey = meta.get('deviceKey')
  if (deviceKey === undefined) {
    throw new KeyringError('device-key-missing', 'A data key exists but the device key that opens it is missing')
  }
  if (!isWrappingKey(deviceKey)) throw new KeyringError('keyring-unreadable', 'The stored device key is not a usable key')

  let dataKey: DataKey
  try {
    dataKey = await unwrapDataKey(wrap, deviceKey)
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new KeyringError('key-mismatch', 'The data key does not open with this device key; nothing was changed', { cause: error })
    }
    throw error
  }

  const stored = deviceIdSchema.safeParse(meta.get('deviceId'))
  if (stored.success) return { deviceId: stored.data, dataKey, created: false }
  // The device id only breaks ties between clocks; a missing one can be added without touching data.
  const deviceId = randomHex(DEVICE_ID_BYTES)
  await db.transaction('rw', db.meta, async () => {
    if ((await db.meta.get('deviceId')) === undefined) await db.meta.add({ key: 'deviceId', value: deviceId })
  })
  const settled = deviceIdSchema.parse((await db.meta.get('deviceId'))?.value)
  return { deviceId: settled, dataKey, created: false }
}

/**
 * Opens (or, on first use, creates) the keyring of an opened database.
 * @throws KeyringError when keys are missing or do not match; StorageError for IndexedDB failures.
 */
export async function openKeyring(db: TrinDatabase): Promise<OpenedKeyring> {
  try {
    const meta = await readMeta(db)
    if (meta.has('keyring')) return await unlockExisting(db, meta)

    // WebCrypto is async, and awaiting it inside an IndexedDB transaction would let the
    // transaction commit early, so keys are made first and stored afterwards.
    const deviceKey = await createDeviceKey()
    const material = generateDataKey()
    const wrap = await wrapDataKey(material, deviceKey)
    // Unwrapping proves the stored wrap opens before anything is written.
    const dataKey = await unwrapDataKey(wrap, deviceKey)
    material.raw.fill(0)
    const deviceId = randomHex(DEVICE_ID_BYTES)
    const keyring: StoredKeyring = { format: 1, wrap }

    const created = await db.transaction('rw', db.meta, db.records, async () => {
      // Checked inside the transaction: another tab may have created the keyring meanwhile.
      if ((await db.meta.get('keyring')) !== undefined) return false
      if ((await db.records.count()) > 0) {
        throw new KeyringError('keyring-missing', 'Records exist but their key is missing; no new key was made so they are kept')
      }
      await db.meta.bulkPut([
        { key: 'deviceKey', value: deviceKey },
        { key: 'keyring', value: keyring },
        { key: 'deviceId', value: deviceId },
      ])
      return true
    })
    if (!created) return await unlockExisting(db, await readMeta(db))
    return { deviceId, dataKey, created: true }
  } catch (error) {
    throw toStorageError(error, 'openKeyring')
  }
}
