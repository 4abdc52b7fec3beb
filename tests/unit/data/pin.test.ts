import { afterEach, describe, expect, it } from 'vitest'
import { LockError } from '@/data/errors'
import { PIN_MAX_ATTEMPTS, assertValidPin } from '@/data/lock/pin'
import { createPin, setPassphrase } from '@/data/lock/passphrase'
import { openVaultAndPin, openVaultWithKey, type Vault } from '@/data/repositories/records'
import { makeGoal } from '../../factories/records'
import { TEST_KDF, freshDbName, rejectionOf, snapshotDatabase } from './helpers'

const PASSPHRASE = 'correct horse battery'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const close of cleanup.splice(0)) close()
})

function keep(vault: Vault): Vault {
  cleanup.push(() => {
    vault.close()
  })
  return vault
}

async function locked() {
  const name = freshDbName()
  const { vault } = await setPassphrase(PASSPHRASE, { dbName: name, kdf: TEST_KDF })
  const goal = await vault.put(makeGoal())
  vault.close()
  return { name, goal }
}

describe('PIN re-open', () => {
  it('a PIN given with the passphrase re-opens the key held in memory; nothing about it is stored', async () => {
    const { name, goal } = await locked()
    const before = await snapshotDatabase(name)
    const { vault, pin } = await openVaultAndPin({
      dbName: name,
      kdf: TEST_KDF,
      passphrase: PASSPHRASE,
      pin: '4821',
    })
    vault.close()
    expect(pin?.available).toBe(true)
    expect(await snapshotDatabase(name)).toEqual(before)

    const key = await pin?.open('4821')
    if (!key) throw new Error('no key')
    expect(key.key.extractable).toBe(false)
    const again = keep(await openVaultWithKey(key, { dbName: name }))
    expect((await again.loadAll()).records).toEqual([goal])
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('three wrong PINs drop the key for good; a right PIN resets the count', async () => {
    const { name } = await locked()
    const pin = await createPin('123456', PASSPHRASE, { dbName: name, kdf: TEST_KDF })
    const first = (await rejectionOf(pin.open('000000'))) as LockError
    expect(first.code).toBe('wrong-pin')
    expect(first.attemptsLeft).toBe(2)
    await pin.open('123456')
    expect(pin.attemptsLeft).toBe(PIN_MAX_ATTEMPTS)

    for (const left of [2, 1, 0]) {
      const error = (await rejectionOf(pin.open('999999'))) as LockError
      expect(error.code).toBe('wrong-pin')
      expect(error.attemptsLeft).toBe(left)
    }
    expect(pin.available).toBe(false)
    expect(((await rejectionOf(pin.open('123456'))) as LockError).code).toBe('pin-unavailable')
  })

  it('parallel guesses cannot get more than three tries', async () => {
    const { name } = await locked()
    const pin = await createPin('1234', PASSPHRASE, { dbName: name, kdf: TEST_KDF })
    const results = await Promise.allSettled(
      ['0000', '0001', '0002', '0003', '1234'].map((guess) => pin.open(guess)),
    )
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(0)
    expect(pin.available).toBe(false)
  })

  it('refuses malformed PINs before spending a passphrase try', async () => {
    const { name } = await locked()
    for (const bad of ['123', '12a4', '１２３４', '1234567890123', '']) {
      expect(() => {
        assertValidPin(bad)
      }).toThrow(LockError)
    }
    const before = await snapshotDatabase(name)
    const error = (await rejectionOf(
      openVaultAndPin({ dbName: name, kdf: TEST_KDF, passphrase: 'wrong passphrase', pin: '12' }),
    )) as LockError
    expect(error.code).toBe('invalid-pin')
    expect(await snapshotDatabase(name)).toEqual(before)
  })

  it('needs the right passphrase to be set', async () => {
    const { name } = await locked()
    expect(
      (
        (await rejectionOf(
          createPin('1234', 'wrong passphrase', { dbName: name, kdf: TEST_KDF }),
        )) as LockError
      ).code,
    ).toBe('wrong-passphrase')
  })

  it('discard drops the key', async () => {
    const { name } = await locked()
    const pin = await createPin('1234', PASSPHRASE, { dbName: name, kdf: TEST_KDF })
    pin.discard()
    expect(((await rejectionOf(pin.open('1234'))) as LockError).code).toBe('pin-unavailable')
  })

  it('a key held in memory does not open another database', async () => {
    const { name } = await locked()
    const pin = await createPin('1234', PASSPHRASE, { dbName: name, kdf: TEST_KDF })
    const other = await locked()
    const error = await rejectionOf(openVaultWithKey(await pin.open('1234'), { dbName: other.name }))
    expect((error as { code?: string }).code).toBe('key-mismatch')
  })
})
