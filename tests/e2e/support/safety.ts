/**
 * End-to-end helpers for the safety features: quick exit, a dump of everything the browser
 * stores for the origin (to look for plan content in the clear), the backup screen, and an
 * independent reader of backup files written from the documented format (src/data/README.md),
 * so a test can compare what two backups hold without trusting the app's own code.
 */
import { expect } from 'vitest'
import { readFile } from 'node:fs/promises'
import { argon2id } from 'hash-wasm'
import type { Page } from 'playwright-core'

/** Taps "Close" and reports whether the page was blank in that very task, before any paint. */
export async function quickExitByButton(page: Page): Promise<boolean> {
  const blankAtOnce = await page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('[data-test="quick-exit"]')
    if (button === null) throw new Error('no quick-exit control on this screen')
    button.click()
    return (
      document.documentElement.classList.contains('trin-blank') &&
      getComputedStyle(document.body).visibility === 'hidden'
    )
  })
  await page.waitForURL('**/opskrift.html')
  return blankAtOnce
}

/** Shift pressed and released three times on its own. */
export async function pressShiftThrice(page: Page): Promise<void> {
  for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift')
}

/** Everything the origin stores that a person with the browser's profile could copy, as text. */
export interface StorageDump {
  readonly indexedDB: string
  readonly localStorage: string
  readonly sessionStorage: string
  readonly cacheStorage: string
}

/**
 * Reads every IndexedDB database of the page and of every Storage Bucket (every store, keys and values), local and session storage and
 * every Cache Storage response. Binary values appear twice: as raw bytes (one char per byte, so
 * UTF-8 text inside is findable as is) and as base64.
 */
export async function dumpBrowserStorage(page: Page): Promise<StorageDump> {
  return page.evaluate(async () => {
    const latin1 = (bytes: Uint8Array): string => {
      let text = ''
      for (const byte of bytes) text += String.fromCharCode(byte)
      return text
    }
    const describe = (value: unknown): string => {
      if (typeof value === 'string') return value
      if (value === null || typeof value !== 'object') return String(value)
      if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return '[CryptoKey]'
      const bytes =
        value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : ArrayBuffer.isView(value)
            ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
            : null
      if (bytes !== null) return `${latin1(bytes)}\n${btoa(latin1(bytes))}`
      if (Array.isArray(value)) return value.map(describe).join('\n')
      return Object.entries(value as Record<string, unknown>)
        .map(([key, inner]) => `${key}: ${describe(inner)}`)
        .join('\n')
    }
    const request = <T>(req: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        req.onsuccess = () => {
          resolve(req.result)
        }
        req.onerror = () => {
          reject(req.error ?? new Error('IndexedDB request failed'))
        }
      })
    const databases: string[] = []
    // The page's own IndexedDB and every Storage Bucket's (the plan's key generations live there).
    const factories: { where: string; factory: IDBFactory }[] = [{ where: '', factory: indexedDB }]
    const buckets = (
      navigator as {
        storageBuckets?: {
          keys(): Promise<string[]>
          open(name: string): Promise<{ indexedDB: IDBFactory }>
        }
      }
    ).storageBuckets
    if (buckets) {
      for (const name of await buckets.keys())
        factories.push({ where: `${name}:`, factory: (await buckets.open(name)).indexedDB })
    }
    for (const { where, factory } of factories) {
      for (const info of await factory.databases()) {
        if (!info.name) continue
        const db = await request(factory.open(info.name))
        for (const store of Array.from(db.objectStoreNames)) {
          const tx = db.transaction(store, 'readonly')
          const keys = await request(tx.objectStore(store).getAllKeys())
          const values = await request(tx.objectStore(store).getAll())
          databases.push(`## ${where}${info.name}/${store}\n${describe(keys)}\n${describe(values)}`)
        }
        db.close()
      }
    }
    const webStorage = (storage: Storage): string =>
      Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? '')
        .map((key) => `${key}=${storage.getItem(key) ?? ''}`)
        .join('\n')
    const cached: string[] = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const entry of await cache.keys()) {
        const response = await cache.match(entry)
        cached.push(
          `## ${entry.url}\n${response ? latin1(new Uint8Array(await response.arrayBuffer())) : ''}`,
        )
      }
    }
    return {
      indexedDB: databases.join('\n'),
      localStorage: webStorage(localStorage),
      sessionStorage: webStorage(sessionStorage),
      cacheStorage: cached.join('\n'),
    }
  })
}

/** The base64 forms `marker` takes at each of the three byte alignments inside a longer buffer. */
export function base64Needles(marker: string): string[] {
  const bytes = Buffer.from(marker, 'utf8')
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    // Only whole 3-byte groups inside the marker: characters that mix in its neighbours are cut off.
    return encoded.slice(Math.ceil(offset / 3) * 4, Math.floor((offset + bytes.length) / 3) * 4)
  })
}

/** Where (which part of the dump) `marker` appears in the clear, raw or base64. */
export function whereFound(dump: StorageDump, marker: string): string[] {
  const needles = [marker, ...base64Needles(marker)]
  return Object.entries<string>({ ...dump })
    .filter(([, text]) => needles.some((needle) => text.includes(needle)))
    .map(([part]) => part)
}

/** Page model of the backup screen. */
export class BackupModel {
  constructor(readonly page: Page) {}

  /**
   * Opens it through Settings. The save picker is hidden first, so the backup goes to the
   * downloads (a headless browser has no picker to answer); harden.e2e.ts covers the picker.
   */
  async open(): Promise<void> {
    await this.page.evaluate(() => {
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true })
    })
    await this.page.locator('[data-nav="settings"]').click()
    await this.page.locator('[data-test="backup-link"]').click()
    await this.page.locator('[data-test="backup-create-form"]').waitFor()
  }

  /** Makes a backup with a passphrase and returns the downloaded file, once the screen says it is done. */
  async createWithPassphrase(passphrase: string): Promise<{ name: string; bytes: Uint8Array }> {
    await this.page.locator('#backup-secret-passphrase').check()
    await this.page.locator('#backup-new').fill(passphrase)
    await this.page.locator('#backup-repeat').fill(passphrase)
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator('[data-test="backup-create"]').click(),
    ])
    await this.confirmSaved()
    return {
      name: download.suggestedFilename(),
      bytes: new Uint8Array(await readFile(await download.path())),
    }
  }

  /** After a download the app cannot see whether it was saved: the citizen confirms it. */
  async confirmSaved(): Promise<void> {
    await this.page.locator('[data-test="backup-confirm-saved"]').click()
    await this.page.locator('[data-test="backup-done"]').waitFor()
  }

  /** Chooses a file for restoring (or checking) and waits until it was read. */
  async chooseFile(name: string, bytes: Uint8Array): Promise<void> {
    await this.page
      .locator('#backup-file')
      .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) })
  }

  async restore(secret: string): Promise<void> {
    await this.page.locator('#restore-secret').fill(secret)
    await this.page.locator('[data-test="backup-restore"]').click()
  }
}

/** What a backup file holds, read independently of the app: header and records. */
export interface OpenedBackup {
  readonly header: {
    readonly createdAt: string
    readonly secret: string
    readonly kdf: { readonly method: string }
  }
  readonly records: readonly { readonly id: string }[]
}

function fmix32(input: number): number {
  let h = input >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * Opens a backup file as src/data/README.md describes it, independently of the app's code: a
 * 48-byte header (16-byte salt, a 16-byte parameter block XORed with a mask made from the salt
 * by fmix32, a 16-byte key check), then a 12-byte IV and the AES-256-GCM ciphertext whose
 * additional data is the exact header bytes; the key is Argon2id(secret in NFC UTF-8, the salt
 * and the block's parameters). Also checks that nothing in the file's first bytes is readable.
 */
/** The header's length: salt, masked parameters, key check. */
const HEADER_BYTES = 48

/** A backup file decrypted: its header and key, the padded plaintext and where its 0x80 marker is. */
async function backupPlaintext(
  bytes: Uint8Array,
  secret: string,
): Promise<{ header: OpenedBackup['header']; key: CryptoKey; padded: Uint8Array; end: number }> {
  const { header, key } = await backupKey(bytes, secret)
  const padded = new Uint8Array(
    await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: new Uint8Array(bytes.subarray(HEADER_BYTES, HEADER_BYTES + 12)),
        additionalData: new Uint8Array(bytes.subarray(0, HEADER_BYTES)),
      },
      key,
      new Uint8Array(bytes.subarray(HEADER_BYTES + 12)),
    ),
  )
  let end = padded.length - 1
  while (end > 0 && padded[end] === 0) end -= 1
  return { header, key, padded, end }
}

/** A backup file's header as read, and its key from `secret` (see `openBackupFile`). */
async function backupKey(
  bytes: Uint8Array,
  secret: string,
): Promise<{ header: OpenedBackup['header']; key: CryptoKey }> {
  const salt = new Uint8Array(bytes.subarray(0, 16))
  const saltView = new DataView(salt.buffer)
  const words = [0, 4, 8, 12].map((offset) => saltView.getUint32(offset))
  let state = 0x6a09e667
  for (const word of words) state = fmix32((state ^ word) + 0x9e3779b9)
  const block = new Uint8Array(bytes.subarray(16, 32))
  const view = new DataView(block.buffer)
  words.forEach((word, index) => {
    state = fmix32(state + Math.imul(index + 1, 0x9e3779b9))
    view.setUint32(index * 4, view.getUint32(index * 4) ^ fmix32(state ^ word))
  })
  expect(block[0]).toBe(2)
  if (block[1] !== 1) throw new Error(`unexpected KDF ${block[1]}`)
  const header: OpenedBackup['header'] = {
    createdAt: new Date((view.getUint32(8) & 0xffffff) * 2 ** 32 + view.getUint32(12)).toISOString(),
    secret: block[2] === 1 ? 'passphrase' : 'recovery-code',
    kdf: { method: 'argon2id' },
  }
  const raw = await argon2id({
    password: new TextEncoder().encode(secret.normalize('NFC')),
    salt,
    iterations: block[8] ?? 0,
    parallelism: block[3] ?? 0,
    memorySize: view.getUint32(4),
    hashLength: 32,
    outputType: 'binary',
  })
  const key = await crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [
    'decrypt',
    'encrypt',
  ])
  return { header, key }
}

export async function openBackupFile(bytes: Uint8Array, secret: string): Promise<OpenedBackup> {
  const start = String.fromCharCode(...bytes.subarray(0, 64)).toLowerCase()
  // Only strings random bytes do not hold by chance (a bare `{"` does, about once in 1000 files).
  for (const word of ['trin', 'backup', '{"app', '"app"']) expect(start).not.toContain(word)
  const { header, padded, end: end80 } = await backupPlaintext(bytes, secret)
  // Padded format (src/data/padding.ts): 0x01, the JSON, 0x80, zeros up to a 1 KiB multiple.
  expect(padded[0]).toBe(1)
  expect(padded[end80]).toBe(0x80)
  // The whole file, not only the plaintext, is a multiple of 1 KiB.
  expect(bytes.length % 1024).toBe(0)
  const payload = JSON.parse(new TextDecoder().decode(padded.subarray(1, end80))) as {
    schemaVersion: number
    records: { id: string }[]
  }
  return { header, records: payload.records }
}

/**
 * The same backup file with records added (`add` gets the records it holds): decrypted with
 * `secret`, the records appended, padded and encrypted again under the same header, key and a
 * fresh IV — what the app itself would have written had the records been in the plan. Seeds
 * records the UI cannot make yet, through the app's own restore.
 */
export async function backupWithRecords(
  bytes: Uint8Array,
  secret: string,
  add: (records: readonly Record<string, unknown>[]) => Record<string, unknown>[],
): Promise<Uint8Array> {
  const { key, padded: plaintext, end } = await backupPlaintext(bytes, secret)
  const headerBytes = new Uint8Array(bytes.subarray(0, HEADER_BYTES))
  const payload = JSON.parse(new TextDecoder().decode(plaintext.subarray(1, end))) as {
    schemaVersion: number
    records: Record<string, unknown>[]
  }
  const json = new TextEncoder().encode(
    JSON.stringify({ ...payload, records: [...payload.records, ...add(payload.records)] }),
  )
  // Padded as the app pads (src/data/padding.ts): the whole file a multiple of 1 KiB.
  const overhead = HEADER_BYTES + 12 + 16
  const padded = new Uint8Array(Math.ceil((json.length + 2 + overhead) / 1024) * 1024 - overhead)
  padded[0] = 1
  padded.set(json, 1)
  padded[json.length + 1] = 0x80
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerBytes }, key, padded),
  )
  const file = new Uint8Array(HEADER_BYTES + 12 + sealed.length)
  file.set(headerBytes)
  file.set(iv, HEADER_BYTES)
  file.set(sealed, HEADER_BYTES + 12)
  return file
}
