/**
 * A backup file must not give her away: its first bytes carry no name, no JSON, no magic
 * string, and across many files no byte position is constant — the header is noise except to
 * a reader who knows the format (see src/data/README.md, "Why the file looks like noise").
 */
import { describe, expect, it } from 'vitest'
import { sealBackup, type BackupSecret } from '@/data/backup/format'
import { decodeBinaryHeader, encodeBinaryHeader, parameterMask } from '@/data/backup/binaryHeader'
import { ARGON2ID_PARAMS, PBKDF2_PARAMS, SALT_BYTES } from '@/data/kdf/params'
import { TEST_KDF } from './helpers'

const SECRET: BackupSecret = { kind: 'passphrase', passphrase: 'neutral file passphrase' }
const WHEN = new Date('2026-12-05T09:00:00.000Z')
const FILES = 120
const PREFIX = 64

async function newFiles(): Promise<Uint8Array[]> {
  const plaintext = new TextEncoder().encode('{"schemaVersion":1,"records":[]}')
  const files: Uint8Array[] = []
  for (let index = 0; index < FILES; index += 1)
    files.push((await sealBackup(plaintext, SECRET, { kdf: TEST_KDF, createdAt: WHEN })).bytes)
  return files
}

describe('the first bytes of a new backup', () => {
  it('hold no word, no JSON and no position that is the same in every file', async () => {
    const files = await newFiles()
    for (const file of files) {
      const text = String.fromCharCode(...file.subarray(0, PREFIX)).toLowerCase()
      // Words of four or more letters: a three-letter one like `app` turns up in random bytes by
      // chance about once in 300 runs of this test.
      for (const word of ['trin', 'backup', '"app', 'argon', 'pbkdf', 'salt'])
        expect(text).not.toContain(word)
      // No JSON: a `{"key":` would be the start of a readable header (random bytes: ~1 in 10^9).
      expect(text).not.toMatch(/\{\s*"[a-z]+"\s*:/)
    }
    // Per position: with 120 random files, the commonest value appears ~3 times; a field that
    // were constant (a version byte, a parameter) would appear 120 times.
    for (let position = 0; position < PREFIX; position += 1) {
      const counts = new Map<number, number>()
      for (const file of files) counts.set(file[position] ?? -1, (counts.get(file[position] ?? -1) ?? 0) + 1)
      expect(Math.max(...counts.values()), `position ${position}`).toBeLessThan(12)
    }
    // And over all positions the bytes are spread like noise (chi-square, 255 degrees of freedom:
    // p < 0.0001 above ~360).
    const histogram = new Array<number>(256).fill(0)
    for (const file of files)
      for (const byte of file.subarray(0, PREFIX)) histogram[byte] = (histogram[byte] ?? 0) + 1
    const expected = (FILES * PREFIX) / 256
    const chiSquare = histogram.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0)
    expect(chiSquare).toBeLessThan(360)
  })

  it('are the same size class as noise: a multiple of 1 KiB', async () => {
    const plaintext = new TextEncoder().encode('x'.repeat(3000))
    const { bytes } = await sealBackup(plaintext, SECRET, { kdf: TEST_KDF, createdAt: WHEN })
    expect(bytes.byteLength % 1024).toBe(0)
  })
})

describe('the binary header', () => {
  const keyCheck = new Uint8Array(16).fill(7)
  it.each([
    ['Argon2id, passphrase', { method: 'argon2id' as const, params: ARGON2ID_PARAMS }, 'passphrase' as const],
    ['PBKDF2, recovery code', { method: 'pbkdf2' as const, params: PBKDF2_PARAMS }, 'recovery-code' as const],
  ])('round-trips %s', (_name, kdf, secret) => {
    const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
    const header = {
      format: 2 as const,
      createdAt: WHEN.toISOString(),
      secret,
      kdf: { ...kdf, salt },
      keyCheck,
    }
    expect(decodeBinaryHeader(encodeBinaryHeader(header))).toEqual(header)
  })

  it('masks differently for every salt, every byte depending on the salt', () => {
    const salt = new Uint8Array(SALT_BYTES)
    const base = parameterMask(salt)
    for (let position = 0; position < SALT_BYTES; position += 1) {
      const other = new Uint8Array(salt)
      other[position] = 1
      const changed = parameterMask(other)
      const differing = base.filter((byte, index) => byte !== changed[index]).length
      expect(differing, `salt byte ${position}`).toBeGreaterThan(8)
    }
  })

  it('reads noise as "not a backup" nearly always', () => {
    let accepted = 0
    for (let index = 0; index < 20_000; index += 1)
      if (decodeBinaryHeader(crypto.getRandomValues(new Uint8Array(48))) !== null) accepted += 1
    // Format byte, method, secret kind: about 1 in 8 million; the KDF policy refuses the rest.
    expect(accepted).toBeLessThan(3)
  })
})
