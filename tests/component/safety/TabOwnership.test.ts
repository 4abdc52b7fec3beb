/** One tab at a time owns the open plan; another can take it over, which closes it in the first. */
import { afterEach, describe, expect, it } from 'vitest'
import { createPinia, type Pinia } from 'pinia'
import { useTabOwnership, type PlanLocks } from '@/features/safety/tabOwnership'
import { useVaultStore } from '@/stores/vault'
import { makePlan } from '../../factories/records'
import { useRecordsStore } from '@/stores/records'
import { freshVaultOptions } from '../support/fixtures'

/** The Web Locks semantics used: `ifAvailable` gets null while held; `steal` aborts the holder. */
class FakeLocks implements PlanLocks {
  private holder: { abort: (reason: unknown) => void } | null = null

  request(
    _name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | undefined,
  ): Promise<unknown> {
    if (options.ifAvailable && this.holder !== null) return Promise.resolve(callback(null))
    if (options.steal && this.holder !== null) {
      this.holder.abort(new DOMException('The lock was stolen', 'AbortError'))
      this.holder = null
    }
    return new Promise((resolve, reject) => {
      const me = { abort: reject }
      this.holder = me
      void Promise.resolve(callback({})).then((value) => {
        if (this.holder === me) this.holder = null
        resolve(value)
      })
    })
  }
}

const tabs: Pinia[] = []
afterEach(() => {
  for (const pinia of tabs.splice(0)) {
    useTabOwnership(pinia).letGo()
    useVaultStore(pinia).close()
  }
})

function newTab(): Pinia {
  const pinia = createPinia()
  tabs.push(pinia)
  return pinia
}

describe('tab ownership', () => {
  it('the first tab owns the plan, the second is told it is open elsewhere', async () => {
    const locks = new FakeLocks()
    const first = newTab()
    const second = newTab()
    expect(await useTabOwnership(first).claim({ locks })).toBe('owner')
    expect(await useTabOwnership(second).claim({ locks })).toBe('elsewhere')
  })

  it('taking over closes the vault in the first tab, and it says so', async () => {
    const locks = new FakeLocks()
    const first = newTab()
    const second = newTab()
    await useTabOwnership(first).claim({ locks })
    const vault = useVaultStore(first)
    await vault.open(freshVaultOptions())
    await useRecordsStore(first).save(makePlan())
    expect(vault.status).toBe('open')

    await useTabOwnership(second).claim({ locks })
    await useTabOwnership(second).takeOver()
    await Promise.resolve()
    expect(useTabOwnership(second).state).toBe('owner')
    expect(useTabOwnership(first).state).toBe('taken')
    expect(vault.status).toBe('closed')
    expect(useRecordsStore(first).live).toEqual([])

    // And back again.
    await useTabOwnership(first).takeOver()
    await Promise.resolve()
    expect(useTabOwnership(first).state).toBe('owner')
    expect(useTabOwnership(second).state).toBe('taken')
  })

  it('without Web Locks every tab owns the plan (as before)', async () => {
    expect(await useTabOwnership(newTab()).claim({ locks: null })).toBe('owner')
    expect(await useTabOwnership(newTab()).claim({ locks: null })).toBe('owner')
  })
})
