import { describe, expect, it } from 'vitest'
import { persistenceState, requestPersistence, type StorageManagerLike } from '@/data/persistence'

const reject = (): Promise<boolean> => Promise.reject(new Error('not allowed'))

describe('requestPersistence and persistenceState', () => {
  it.each<[string, StorageManagerLike | undefined, string, string]>([
    ['no storage manager', undefined, 'unsupported', 'unsupported'],
    ['a manager without the calls', {}, 'unsupported', 'unsupported'],
    [
      'granted',
      { persist: () => Promise.resolve(true), persisted: () => Promise.resolve(true) },
      'granted',
      'granted',
    ],
    [
      'denied',
      { persist: () => Promise.resolve(false), persisted: () => Promise.resolve(false) },
      'denied',
      'denied',
    ],
    [
      'asking is granted, though not yet persistent',
      { persist: () => Promise.resolve(true), persisted: () => Promise.resolve(false) },
      'granted',
      'denied',
    ],
    ['the browser throws', { persist: reject, persisted: reject }, 'unsupported', 'unsupported'],
  ])('%s', async (_name, storage, asked, state) => {
    expect(await requestPersistence(storage)).toBe(asked)
    expect(await persistenceState(storage)).toBe(state)
  })

  it('calls the method on the manager itself (a real StorageManager needs its this)', async () => {
    const manager = {
      granted: true,
      persisted(this: { granted: boolean }) {
        return Promise.resolve(this.granted)
      },
    }
    expect(await persistenceState(manager)).toBe('granted')
  })
})
