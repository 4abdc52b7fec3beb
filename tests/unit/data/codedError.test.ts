/**
 * The data layer's typed errors (src/data/codedError.ts): every kind made by `codedError` /
 * `recordIssuesError` keeps its own name (an own property, as a field set it before), its code,
 * its cause and details, and `instanceof` tells the kinds apart.
 */
import { describe, expect, it } from 'vitest'
import { CodedError } from '@/data/codedError'
import { CryptoError } from '@/data/crypto'
import {
  BackupError,
  ImportError,
  KeyringError,
  LockError,
  RecordValidationError,
  StorageError,
} from '@/data/errors'
import { KdfError } from '@/data/kdf/kdfError'
import { SharePackageError } from '@/data/sharing/package'
import { Base45Error } from '@/data/transport/base45'
import { FountainError } from '@/data/transport/fountain'

const cause = new Error('underneath')

const kinds = [
  { name: 'StorageError', error: new StorageError('quota', 'full', { cause }), code: 'quota' },
  { name: 'KeyringError', error: new KeyringError('key-mismatch', 'no', { cause }), code: 'key-mismatch' },
  {
    name: 'RecordValidationError',
    error: new RecordValidationError('invalid-record', 'bad', { cause }),
    code: 'invalid-record',
  },
  { name: 'LockError', error: new LockError('wrong-pin', 'no', { cause }), code: 'wrong-pin' },
  { name: 'ImportError', error: new ImportError('corrupt', 'bad', { cause }), code: 'corrupt' },
  { name: 'BackupError', error: new BackupError('too-large', 'big', { cause }), code: 'too-large' },
  { name: 'KdfError', error: new KdfError('failed', 'no', { cause }), code: 'failed' },
  { name: 'CryptoError', error: new CryptoError('decrypt-failed', 'no', { cause }), code: 'decrypt-failed' },
  { name: 'SharePackageError', error: new SharePackageError('bad-body', 'no', { cause }), code: 'bad-body' },
  { name: 'Base45Error', error: new Base45Error('invalid-length', 'no', { cause }), code: 'invalid-length' },
  {
    name: 'FountainError',
    error: new FountainError('corrupt-frame', 'no', { cause }),
    code: 'corrupt-frame',
  },
] as const

describe('coded errors', () => {
  it.each(kinds)('$name has its name, code, message and cause', ({ name, error, code }) => {
    expect(error.name).toBe(name)
    expect(Object.hasOwn(error, 'name')).toBe(true)
    expect(error.code).toBe(code)
    expect(error.cause).toBe(cause)
    expect(String(error)).toBe(`${name}: ${error.message}`)
    expect(error).toBeInstanceOf(CodedError)
    expect(error).toBeInstanceOf(Error)
  })

  it.each(kinds)('$name is an instance of its own kind only', ({ error }) => {
    const constructors = [
      StorageError,
      KeyringError,
      RecordValidationError,
      LockError,
      ImportError,
      BackupError,
      KdfError,
      CryptoError,
      SharePackageError,
      Base45Error,
      FountainError,
    ]
    expect(constructors.filter((kind) => error instanceof kind)).toEqual([error.constructor])
  })

  it.each([
    { details: undefined, recordId: undefined, issues: [] },
    { details: { recordId: 'r1' }, recordId: 'r1', issues: [] },
    {
      details: { recordId: 'r2', issues: [{ path: ['title'], message: 'Too long' }] },
      recordId: 'r2',
      issues: [{ path: ['title'], message: 'Too long' }],
    },
  ])('a record error keeps the record id $recordId and its issues', ({ details, recordId, issues }) => {
    for (const error of [
      new RecordValidationError('invalid-record', 'bad', details),
      new ImportError('invalid-records', 'bad', details),
    ]) {
      expect(error.recordId).toBe(recordId)
      expect(error.issues).toEqual(issues)
      expect(error.cause).toBeUndefined()
    }
  })

  it.each([
    { details: undefined, retryAt: null, attemptsLeft: null },
    { details: { retryAt: 5000 }, retryAt: 5000, attemptsLeft: null },
    { details: { attemptsLeft: 2, cause }, retryAt: null, attemptsLeft: 2 },
  ])(
    'a lock error keeps retryAt $retryAt and attemptsLeft $attemptsLeft',
    ({ details, retryAt, attemptsLeft }) => {
      const error = new LockError('wrong-passphrase', 'no', details)
      expect(error).toMatchObject({ name: 'LockError', code: 'wrong-passphrase', retryAt, attemptsLeft })
    },
  )
})
