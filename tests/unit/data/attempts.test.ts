/**
 * Wrong-passphrase tries run one at a time, so parallel guesses (several tabs at once) cannot
 * all read "no wait yet" and all get a derivation.
 */
import { describe, expect, it } from 'vitest'
import { LockError } from '@/data/errors'
import { FREE_ATTEMPTS } from '@/data/lock/backoff'
import { serialiseAttempt } from '@/data/lock/attempts'
import { setPassphrase } from '@/data/lock/passphrase'
import { inProcessKdfRunner, type KdfRunner } from '@/data/kdf/runner'
import { openVault } from '@/data/repositories/records'
import { TEST_KDF_POLICY, freshDbName, rejectionOf } from './helpers'

const PASSPHRASE = 'the right passphrase here'
const NOW = Date.parse('2026-11-23T10:00:00.000Z')
const now = () => NOW

describe('passphrase attempts', () => {
  it('run one after another', async () => {
    const order: string[] = []
    const slow = (name: string) => () =>
      new Promise<string>((resolve) => {
        order.push(`${name} start`)
        setTimeout(() => {
          order.push(`${name} end`)
          resolve(name)
        }, 5)
      })
    await Promise.all([serialiseAttempt(slow('a')), serialiseAttempt(slow('b'))])
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end'])
  })

  it('a failing attempt does not block the next', async () => {
    await rejectionOf(serialiseAttempt(() => Promise.reject(new Error('no'))))
    await expect(serialiseAttempt(() => Promise.resolve(1))).resolves.toBe(1)
  })

  it('parallel wrong guesses at the edge of the delay: one derives, the others wait', async () => {
    const dbName = freshDbName()
    let derivations = 0
    const runner: KdfRunner = {
      ...inProcessKdfRunner,
      derive: (...args) => {
        derivations += 1
        return inProcessKdfRunner.derive(...args)
      },
    }
    const kdf = { runner, policy: TEST_KDF_POLICY }
    ;(await setPassphrase(PASSPHRASE, { dbName, kdf, now })).vault.close()
    for (let i = 0; i < FREE_ATTEMPTS; i++)
      await rejectionOf(openVault({ dbName, passphrase: `wrong ${i}`, kdf, now }))
    derivations = 0

    const guesses = await Promise.all(
      [1, 2, 3, 4].map((i) => rejectionOf(openVault({ dbName, passphrase: `parallel ${i}`, kdf, now }))),
    )
    const codes = guesses.map((error) => (error as LockError).code).sort()
    expect(codes).toEqual(['too-soon', 'too-soon', 'too-soon', 'wrong-passphrase'])
    expect(derivations).toBe(1)
  })
})
