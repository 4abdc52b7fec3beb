import { describe, expect, it } from 'vitest'
import { CryptoError } from '@/data/crypto'
import { BackupError, ImportError, KeyringError, LockError, StorageError } from '@/data/errors'
import { errorMessageKey, errorMessageKeys, isQuotaError } from '@/features/storage/errorMessages'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'

function messageAt(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      messages,
    )
}

describe('error messages', () => {
  it('has a Danish and an English message for every code of every typed error', () => {
    expect(errorMessageKeys.length).toBeGreaterThan(50)
    for (const key of errorMessageKeys) {
      expect(typeof messageAt(da, key), `da ${key}`).toBe('string')
      expect(typeof messageAt(en, key), `en ${key}`).toBe('string')
    }
  })

  it.each<[string, unknown, string]>([
    ['full disk', new StorageError('quota', 'x'), 'errors.storage.quota'],
    ['wrong passphrase', new LockError('wrong-passphrase', 'x'), 'errors.lock.wrongPassphrase'],
    ['not a backup', new ImportError('not-a-backup', 'x'), 'errors.import.notABackup'],
    ['backup did not read back', new BackupError('verify-failed', 'x'), 'errors.backup.verifyFailed'],
    ['missing device key', new KeyringError('device-key-missing', 'x'), 'errors.keyring.deviceKeyMissing'],
    ['tampered row', new CryptoError('decrypt-failed', 'x'), 'errors.crypto.decryptFailed'],
    ['anything else', new Error('x'), 'errors.unknown'],
    ['not even an error', 'oops', 'errors.unknown'],
  ])('%s', (_name, error, key) => {
    expect(errorMessageKey(error)).toBe(key)
  })

  it('says "nothing was changed" for every refused import, in both languages', () => {
    for (const [code, text] of Object.entries(da.errors.import)) {
      if (code === 'vaultClosed') continue
      expect(text, code).toContain('Intet er ændret.')
      expect(messageAt(en, `errors.import.${code}`), code).toMatch(/Nothing was changed\.$/)
    }
  })

  it('recognises a full disk, also behind a refused restore', () => {
    expect(isQuotaError(new StorageError('quota', 'x'))).toBe(true)
    expect(
      isQuotaError(new ImportError('storage-failed', 'x', { cause: new StorageError('quota', 'x') })),
    ).toBe(true)
    expect(
      isQuotaError(new ImportError('storage-failed', 'x', { cause: new StorageError('failed', 'x') })),
    ).toBe(false)
    expect(isQuotaError(new StorageError('failed', 'x'))).toBe(false)
  })
})
