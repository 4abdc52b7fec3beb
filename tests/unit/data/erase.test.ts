import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it, vi } from 'vitest'
import { eraseEverything, sweepCaches, type EraseEnvironment } from '@/data/erase'
import { estimateQuota, persistenceState, requestPersistence } from '@/data/persistence'

async function databaseNames(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).flatMap((info) => (info.name ? [info.name] : [])).sort()
}

/** Cache Storage that holds what it is given, like the browser's. */
function fakeCaches(names: readonly string[]) {
  const held = new Set(names)
  return {
    held,
    keys: vi.fn(() => Promise.resolve([...held])),
    delete: vi.fn((key: string) => Promise.resolve(held.delete(key))),
  }
}

function fakeEnvironment(factory: IDBFactory) {
  const caches = fakeCaches(['workbox-precache-v2', 'trin-runtime'])
  const registration = { unregister: vi.fn(() => Promise.resolve(true)) }
  const serviceWorker = { getRegistrations: vi.fn(() => Promise.resolve([registration])) }
  localStorage.setItem('trin.locale', 'ar')
  sessionStorage.setItem('trin.tab', 'x')
  const env: EraseEnvironment = {
    indexedDB: factory,
    caches,
    serviceWorker,
    storages: [localStorage, sessionStorage],
  }
  return { env, caches, registration }
}

describe('eraseEverything', () => {
  it('deletes every database, cache, service worker and web-storage entry, and reports it', async () => {
    const factory = new IDBFactory()
    // Trin's database with a row in it, and another database of the origin (e.g. workbox's),
    // in an isolated factory so the test touches nothing else.
    const create = (name: string, withRow: boolean) =>
      new Promise<void>((resolve, reject) => {
        const request = factory.open(name)
        request.onupgradeneeded = () => {
          request.result.createObjectStore('meta', { keyPath: 'key' })
        }
        request.onerror = () => {
          reject(request.error ?? new Error('open failed'))
        }
        request.onsuccess = () => {
          const db = request.result
          if (!withRow) {
            db.close()
            resolve()
            return
          }
          const tx = db.transaction('meta', 'readwrite')
          tx.objectStore('meta').put({ key: 'deviceId', value: '0123456789abcdef' })
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
        }
      })
    await create('trin', true)
    await create('workbox-expiration', false)
    expect(await databaseNames(factory)).toEqual(['trin', 'workbox-expiration'])

    const { env, caches, registration } = fakeEnvironment(factory)
    const report = await eraseEverything(env)
    expect(report).toEqual({
      ok: true,
      // trin, its generation pointer (absent here, deleted by name anyway), workbox's
      databases: { status: 'done', count: 3 },
      caches: { status: 'done', count: 2 },
      serviceWorkers: { status: 'done', count: 1 },
      webStorage: { status: 'done', count: 2 },
    })
    expect(await databaseNames(factory)).toEqual([])
    expect(caches.delete.mock.calls.map(([key]) => key)).toEqual(['workbox-precache-v2', 'trin-runtime'])
    expect(registration.unregister).toHaveBeenCalledTimes(1)
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(0)
  })

  it("sweeps Cache Storage again after the service worker step: the tab's worker may write it meanwhile", async () => {
    const caches = fakeCaches(['workbox-precache-v2'])
    // Between the caches step and the end, the still-running worker writes its precache again
    // (an install that was still filling it, say).
    const registration = {
      unregister: vi.fn(() => {
        caches.held.add('workbox-precache-v2')
        return Promise.resolve(true)
      }),
    }
    const report = await eraseEverything({
      caches,
      serviceWorker: { getRegistrations: () => Promise.resolve([registration]) },
    })
    expect(report.ok).toBe(true)
    expect(report.caches).toEqual({ status: 'done', count: 2 })
    expect([...caches.held]).toEqual([])
    // …and once more on demand, just before the page leaves.
    caches.held.add('workbox-precache-v2')
    expect(await sweepCaches({ caches })).toEqual({ status: 'done', count: 1 })
    expect([...caches.held]).toEqual([])
    expect(await sweepCaches({})).toEqual({ status: 'unsupported' })
    const failure = new Error('no')
    expect(
      await sweepCaches({
        caches: { keys: () => Promise.reject(failure), delete: () => Promise.resolve(true) },
      }),
    ).toEqual({ status: 'failed', error: failure })
  })

  it('goes on after a failing step and reports it; missing APIs are "unsupported"', async () => {
    const factory = new IDBFactory()
    const failure = new Error('caches are broken')
    const report = await eraseEverything({
      indexedDB: factory,
      caches: { keys: () => Promise.reject(failure), delete: () => Promise.resolve(true) },
      storages: [localStorage],
    })
    expect(report.ok).toBe(false)
    expect(report.caches).toEqual({ status: 'failed', error: failure })
    expect(report.databases).toEqual({ status: 'done', count: 2 })
    expect(report.serviceWorkers).toEqual({ status: 'unsupported' })
    expect(report.webStorage).toEqual({ status: 'done', count: 1 })
  })

  it('does not wait for ever on a connection that stays open: the databases step fails, the rest runs', async () => {
    const factory = new IDBFactory()
    // Another tab's connection that ignores "versionchange" (a raw one, not Dexie's).
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open('trin')
      request.onsuccess = () => {
        resolve(request.result)
      }
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'))
      }
    })
    const report = await eraseEverything(
      { indexedDB: factory, storages: [localStorage] },
      { blockedLimitMs: 30 },
    )
    expect(report.ok).toBe(false)
    expect(report.databases.status).toBe('failed')
    expect(report.webStorage).toEqual({ status: 'done', count: 1 })
    holder.close()
    // Once the other connection closes, the queued deletion completes: "try again" finds nothing.
    await vi.waitFor(async () => {
      expect(await databaseNames(factory)).toEqual([])
    })
  })
})

describe('storage durability', () => {
  it('asks for persistent storage and reports the answer', async () => {
    expect(await requestPersistence({ persist: () => Promise.resolve(true) })).toBe('granted')
    expect(await requestPersistence({ persist: () => Promise.resolve(false) })).toBe('denied')
    expect(await requestPersistence({})).toBe('unsupported')
    expect(await requestPersistence(undefined)).toBe('unsupported')
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('no')) })).toBe('unsupported')
  })

  it('reads the state without asking', async () => {
    const persist = vi.fn(() => Promise.resolve(true))
    expect(await persistenceState({ persisted: () => Promise.resolve(false), persist })).toBe('denied')
    expect(await persistenceState({ persisted: () => Promise.resolve(true) })).toBe('granted')
    expect(persist).not.toHaveBeenCalled()
  })

  it('estimates the quota', async () => {
    expect(await estimateQuota({ estimate: () => Promise.resolve({ usage: 250, quota: 1000 }) })).toEqual({
      usageBytes: 250,
      quotaBytes: 1000,
      usageRatio: 0.25,
    })
    expect(await estimateQuota({ estimate: () => Promise.resolve({}) })).toBeNull()
    expect(await estimateQuota({})).toBeNull()
  })
})
