/**
 * Forensics on a copied Chromium profile: what "a dangerous person copies the browser's
 * storage" (DESIGN.md) gets. Three independent looks:
 *
 * 1. `scanFiles` — every byte of every file in the copy (IndexedDB LevelDB and bucket
 *    directories, blob dirs, Local/Session Storage, Cache, Service Worker, Sessions …) searched
 *    for needles: a canary in UTF-8, UTF-16LE and base64, and byte fingerprints of an earlier
 *    key generation (its wrapped data key and the start of every record ciphertext). Random
 *    bytes do not compress, so LevelDB's Snappy blocks keep them verbatim.
 * 2. `readCopiedProfile` — the copy opened in a fresh Chromium, as an attacker would: every
 *    Storage Bucket and database the page can reach, every keyring, device key and record. The
 *    device keys (non-extractable CryptoKeys, stored by structured clone) are tried in the page
 *    against every wrap and, where one opens, against every record.
 * 3. `passphraseOpens` — an old passphrase tried (Argon2id/PBKDF2 in Node, from the header the
 *    copy holds) against every passphrase wrap found.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { argon2id } from 'hash-wasm'
import { chromium, type Page } from 'playwright-core'
import { chromiumArgs } from './browser'
import { baseURL } from './env'
import { base64Needles } from './safety'

/** A byte sequence to look for, and what it means. */
export interface Needle {
  readonly label: string
  readonly bytes: Buffer
}

/** The canary as a plan could hold it on disk: UTF-8, UTF-16LE (V8/Blink strings) and base64. */
export function canaryNeedles(canary: string): Needle[] {
  return [
    { label: `${canary} (UTF-8)`, bytes: Buffer.from(canary, 'utf8') },
    { label: `${canary} (UTF-16LE)`, bytes: Buffer.from(canary, 'utf16le') },
    ...base64Needles(canary).map((text, index) => ({
      label: `${canary} (base64 #${index})`,
      bytes: Buffer.from(text, 'latin1'),
    })),
  ]
}

/**
 * Copies a profile directory as it is on disk (minus Chromium's singleton sockets). The browser
 * may still be writing: a file it removes between listing and copying (its atomic-write
 * temporaries, `.org.chromium.Chromium.*`) fails the copy, which is then taken again.
 */
export function copyProfile(userDataDir: string): string {
  for (let attempt = 1; ; attempt += 1) {
    const copy = mkdtempSync(join(tmpdir(), 'trin-forensic-'))
    try {
      cpSync(userDataDir, copy, {
        recursive: true,
        filter: (source) => !/Singleton(Lock|Socket|Cookie)$/.test(source),
      })
      return copy
    } catch (error) {
      rmSync(copy, { recursive: true, force: true })
      if (attempt >= 5 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
}

export function removeCopy(copy: string): void {
  rmSync(copy, { recursive: true, force: true })
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    let stat
    try {
      stat = statSync(path)
    } catch {
      continue // a dangling link
    }
    if (stat.isDirectory()) filesUnder(path, out)
    else if (stat.isFile()) out.push(path)
  }
  return out
}

/** Every `file: needle` hit in every file under `dir`; also how many files were read. */
export function scanFiles(dir: string, needles: readonly Needle[]): { hits: string[]; files: number } {
  const hits: string[] = []
  const files = filesUnder(dir)
  for (const file of files) {
    const bytes = readFileSync(file)
    for (const needle of needles) {
      if (bytes.includes(needle.bytes)) hits.push(`${relative(dir, file)}: ${needle.label}`)
    }
  }
  return { hits, files: files.length }
}

/** A stored keyring wrap, as the page reads it (bytes as arrays). */
export interface FoundWrap {
  readonly where: string
  readonly method: string
  readonly keyId: string
  readonly iv: number[]
  readonly wrapped: number[]
  readonly salt?: number[]
  readonly params?: Record<string, number | string>
}

/** Everything the page of a (copied) profile can reach. */
export interface ProfileContents {
  /** Storage Buckets and the databases in each ('' = the page's own IndexedDB). */
  readonly databases: string[]
  readonly wraps: FoundWrap[]
  readonly deviceKeys: number
  readonly records: number
  /** Records some stored device key opens: `where/id` (key id). */
  readonly openedByDeviceKey: string[]
}

/**
 * Reads, in `page` (on the app's origin), every bucket, database, keyring and record, and tries
 * every stored device key on every wrap and record. Runs no app code.
 */
export async function readOrigin(page: Page): Promise<ProfileContents> {
  return page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        req.onsuccess = () => {
          resolve(req.result)
        }
        req.onerror = () => {
          reject(req.error ?? new Error('IndexedDB request failed'))
        }
      })
    const aad = (parts: (string | number)[]) => new TextEncoder().encode(JSON.stringify(parts))
    const factories: { where: string; factory: IDBFactory }[] = [{ where: '', factory: indexedDB }]
    const buckets = (
      navigator as {
        storageBuckets?: { keys(): Promise<string[]>; open(name: string): Promise<{ indexedDB: IDBFactory }> }
      }
    ).storageBuckets
    if (buckets) {
      for (const name of await buckets.keys())
        factories.push({ where: name, factory: (await buckets.open(name)).indexedDB })
    }
    const databases: string[] = []
    const wraps: (Record<string, unknown> & { where: string })[] = []
    const keys: CryptoKey[] = []
    const rows: { where: string; id: string; iv: Uint8Array<ArrayBuffer>; ct: Uint8Array<ArrayBuffer> }[] = []
    // Each database's record schema version (meta 'schema'), bound into its rows' AAD.
    const versions = new Map<string, number>()
    const bytes = (value: unknown) => Array.from(value as Uint8Array)
    for (const { where, factory } of factories) {
      for (const info of await factory.databases()) {
        if (!info.name) continue
        const place = `${where}/${info.name}`
        databases.push(place)
        const db = await request(factory.open(info.name))
        for (const store of Array.from(db.objectStoreNames)) {
          const all = (await request(
            db.transaction(store, 'readonly').objectStore(store).getAll(),
          )) as unknown[]
          for (const value of all) {
            const row = value as { key?: unknown; value?: unknown; id?: unknown; iv?: unknown; ct?: unknown }
            if (row.key === 'deviceKey' && row.value instanceof CryptoKey) keys.push(row.value)
            if (row.key === 'schema') {
              const version = (row.value as { recordSchemaVersion?: unknown }).recordSchemaVersion
              if (typeof version === 'number') versions.set(place, version)
            }
            if (row.key === 'keyring') {
              const wrap = (row.value as { wrap: Record<string, unknown> }).wrap
              wraps.push({
                ...wrap,
                where: place,
                iv: bytes(wrap.iv),
                wrapped: bytes(wrap.wrapped),
                ...(wrap.salt ? { salt: bytes(wrap.salt) } : {}),
              })
            }
            if (typeof row.id === 'string' && row.iv instanceof Uint8Array && row.ct instanceof Uint8Array)
              rows.push({ where: place, id: row.id, iv: new Uint8Array(row.iv), ct: new Uint8Array(row.ct) })
          }
        }
        db.close()
      }
    }
    const openedByDeviceKey: string[] = []
    for (const key of keys) {
      for (const wrap of wraps) {
        let dataKey: CryptoKey
        try {
          dataKey = await crypto.subtle.unwrapKey(
            'raw',
            new Uint8Array(wrap.wrapped as number[]),
            key,
            {
              name: 'AES-GCM',
              iv: new Uint8Array(wrap.iv as number[]),
              additionalData: aad(['trin/datakey/v1', wrap.keyId as string]),
            },
            { name: 'AES-GCM', length: 256 },
            false,
            ['decrypt'],
          )
        } catch {
          continue
        }
        for (const row of rows) {
          try {
            await crypto.subtle.decrypt(
              {
                name: 'AES-GCM',
                iv: row.iv,
                additionalData: aad([
                  'trin/record/v1',
                  'records',
                  row.id,
                  versions.get(row.where) ?? 1,
                  wrap.keyId as string,
                ]),
              },
              dataKey,
              row.ct,
            )
            openedByDeviceKey.push(`${row.where}/${row.id} (key ${wrap.keyId as string})`)
          } catch {
            // not this key's
          }
        }
      }
    }
    return {
      databases,
      wraps: wraps as unknown as FoundWrap[],
      deviceKeys: keys.length,
      records: rows.length,
      openedByDeviceKey,
    }
  })
}

/**
 * Opens a COPY of a profile in a fresh Chromium, on the neutral page of the app's origin (static,
 * no app code runs, so nothing is cleaned up on the way), and reads everything (see `readOrigin`).
 * The service worker is blocked, and the page is the network's.
 */
export async function readCopiedProfile(copy: string): Promise<ProfileContents> {
  const context = await chromium.launchPersistentContext(copy, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    serviceWorkers: 'block',
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${baseURL}opskrift.html`)
    return await readOrigin(page)
  } finally {
    await context.close()
  }
}

/** Whether `passphrase` opens `wrap` (a passphrase wrap), derived as src/data/README.md says. */
export async function passphraseOpens(wrap: FoundWrap, passphrase: string): Promise<boolean> {
  if (wrap.method !== 'argon2id' || !wrap.salt || !wrap.params) return false
  const params = wrap.params as {
    memoryKiB: number
    iterations: number
    parallelism: number
    hashLength: number
  }
  const raw = await argon2id({
    password: new TextEncoder().encode(passphrase.normalize('NFC')),
    salt: new Uint8Array(wrap.salt),
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: params.hashLength,
    outputType: 'binary',
  })
  const key = await crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, ['decrypt'])
  try {
    await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: new Uint8Array(wrap.iv),
        additionalData: new TextEncoder().encode(JSON.stringify(['trin/datakey/v1', wrap.keyId])),
      },
      key,
      new Uint8Array(wrap.wrapped),
    )
    return true
  } catch {
    return false
  }
}

/** Byte fingerprints of the generation the page can read now: its wrap and every record. */
export async function generationNeedles(page: Page, label: string): Promise<Needle[]> {
  const contents = await page.evaluate(async () => {
    const request = <T>(req: IDBRequest<T>): Promise<T> =>
      new Promise((resolve, reject) => {
        req.onsuccess = () => {
          resolve(req.result)
        }
        req.onerror = () => {
          reject(req.error ?? new Error('IndexedDB request failed'))
        }
      })
    const factories: IDBFactory[] = [indexedDB]
    const buckets = (
      navigator as {
        storageBuckets?: { keys(): Promise<string[]>; open(name: string): Promise<{ indexedDB: IDBFactory }> }
      }
    ).storageBuckets
    if (buckets) for (const name of await buckets.keys()) factories.push((await buckets.open(name)).indexedDB)
    const found: number[][] = []
    for (const factory of factories) {
      for (const info of await factory.databases()) {
        if (!info.name) continue
        const db = await request(factory.open(info.name))
        for (const store of Array.from(db.objectStoreNames)) {
          for (const value of (await request(
            db.transaction(store).objectStore(store).getAll(),
          )) as unknown[]) {
            const row = value as { key?: unknown; value?: { wrap?: { wrapped?: Uint8Array } }; ct?: unknown }
            if (row.key === 'keyring' && row.value?.wrap?.wrapped)
              found.push(Array.from(row.value.wrap.wrapped))
            if (row.ct instanceof Uint8Array) found.push(Array.from(row.ct.subarray(0, 32)))
          }
        }
        db.close()
      }
    }
    return found
  })
  return contents.map((bytes, index) => ({ label: `${label} #${index}`, bytes: Buffer.from(bytes) }))
}
