import { describe, expect, it } from 'vitest'
import { CryptoError } from '@/data/crypto'
import { BackupError, ImportError, KeyringError, LockError, StorageError } from '@/data/errors'
import { errorMessageKey, isQuotaError, saveProblemOf, type SaveArea } from '@/app/i18n/errorMessages'
import da from '../../../locales/da.json'
import en from '../../../locales/en.json'
import { messageAt } from '../../support/messages'

describe('error messages', () => {
  it.each<[string, unknown, string]>([
    ['full disk', new StorageError('quota', 'x'), 'errors.storage.quota'],
    ['wrong passphrase', new LockError('wrong-passphrase', 'x'), 'errors.lock.wrongPassphrase'],
    ['not a backup', new ImportError('not-a-backup', 'x'), 'errors.import.notABackup'],
    ['backup did not read back', new BackupError('verify-failed', 'x'), 'errors.backup.verifyFailed'],
    ['missing device key', new KeyringError('device-key-missing', 'x'), 'errors.keyring.deviceKeyMissing'],
    ['tampered row', new CryptoError('decrypt-failed', 'x'), 'errors.crypto.decryptFailed'],
    [
      'a code of three words',
      new StorageError('would-overwrite-unreadable', 'x'),
      'errors.storage.wouldOverwriteUnreadable',
    ],
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

describe('saveProblemOf', () => {
  // A full phone must say "free some space"; anything else "try again". Both keep what was typed.
  it.each<[string, unknown, SaveArea, string]>([
    ['full disk, plan form', new StorageError('quota', 'x'), 'plan', 'plan.saveFailedQuota'],
    ['full disk, course form', new StorageError('quota', 'x'), 'course', 'course.saveFailedQuota'],
    ['other storage error, plan form', new StorageError('failed', 'x'), 'plan', 'plan.saveFailed'],
    ['other storage error, course form', new StorageError('failed', 'x'), 'course', 'course.saveFailed'],
    ['store unavailable', new StorageError('unavailable', 'x'), 'plan', 'plan.saveFailed'],
    ['read back wrong', new StorageError('read-back-mismatch', 'x'), 'course', 'course.saveFailed'],
    [
      'a wrong passphrase is not a full disk',
      new LockError('wrong-passphrase', 'x'),
      'plan',
      'plan.saveFailed',
    ],
    ['anything else', new Error('quota'), 'plan', 'plan.saveFailed'],
    ['not even an error', 'quota', 'course', 'course.saveFailed'],
  ])('%s', (_name, error, area, key) => {
    expect(saveProblemOf(error, area)).toBe(key)
  })

  it('has a Danish and an English message for every key', () => {
    for (const area of ['plan', 'course'] as const) {
      for (const error of [new StorageError('quota', 'x'), new Error('x')]) {
        const key = saveProblemOf(error, area)
        expect(typeof messageAt(da, key), `da ${key}`).toBe('string')
        expect(typeof messageAt(en, key), `en ${key}`).toBe('string')
      }
    }
  })
})
