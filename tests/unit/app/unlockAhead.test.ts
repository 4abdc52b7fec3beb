import { createPinia, setActivePinia } from 'pinia'
import { effectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useUnlockAhead } from '@/app/unlockAhead'
import { inProcessKdfRunner, type KdfRunner } from '@/data/kdf/runner'
import { useVaultStore, type VaultStoreOptions } from '@/stores/vault'
import { TEST_KDF_POLICY, freshDbName } from '../data/helpers'

const PASSPHRASE = 'correct horse battery'
let log: string[]
let settings: VaultStoreOptions

/** The in-process runner, noting when it is handed a derivation. */
const runner: KdfRunner = {
  derive: (...args) => {
    log.push('derive')
    return inProcessKdfRunner.derive(...args)
  },
  supportsArgon2id: inProcessKdfRunner.supportsArgon2id,
}

beforeEach(() => {
  log = []
  settings = { dbName: freshDbName(), kdf: { runner, policy: TEST_KDF_POLICY } }
  setActivePinia(createPinia())
})

afterEach(() => {
  useVaultStore().close()
})

/** Loaders that note their name; `failing` ones reject, as an import does offline. */
function loaders(failing = false) {
  const loader = (name: string) => () => {
    log.push(name)
    return failing ? Promise.reject(new Error(`${name} is offline`)) : Promise.resolve()
  }
  return () => [loader('home'), undefined, loader('banner')]
}

/** A vault with a passphrase, as after a reload: locked. */
async function locked(): Promise<void> {
  const vault = useVaultStore()
  await vault.open(settings)
  await vault.setPassphrase(PASSPHRASE)
  vault.close()
  setActivePinia(createPinia())
  await useVaultStore().open(settings)
  expect(useVaultStore().status).toBe('locked')
  log = []
}

describe('useUnlockAhead', () => {
  it('loads the screen and the banner once the unlock has handed its derivation to the runner', async () => {
    await locked()
    const scope = effectScope()
    scope.run(() => {
      useUnlockAhead(loaders())
    })
    await useVaultStore().unlock(PASSPHRASE, settings)
    expect(useVaultStore().status).toBe('open')
    expect(log).toEqual(['derive', 'home', 'banner'])
    scope.stop()
  })

  it('loads nothing when the plan opens without a lock, or once its scope is gone', async () => {
    const scope = effectScope()
    scope.run(() => {
      useUnlockAhead(loaders())
    })
    await useVaultStore().open(settings)
    expect(useVaultStore().status).toBe('open')
    expect(log).toEqual([])
    scope.stop()
    useVaultStore().close()

    await locked()
    const gone = effectScope()
    gone.run(() => {
      useUnlockAhead(loaders())
    })
    gone.stop()
    await useVaultStore().unlock(PASSPHRASE, settings)
    expect(log).toEqual(['derive'])
  })

  it('a load that fails is left to the screen that needs it: the unlock goes on, no unhandled rejection', async () => {
    await locked()
    const scope = effectScope()
    scope.run(() => {
      useUnlockAhead(loaders(true))
    })
    await useVaultStore().unlock(PASSPHRASE, settings)
    expect(useVaultStore().status).toBe('open')
    expect(log).toEqual(['derive', 'home', 'banner'])
    scope.stop()
  })
})
